// A large file is lexed and parsed a piece at a time (src/syntax/parse.ts,
// PIECE_SIZE); that must give exactly what a parse of the whole text gives:
// the same statements, spans, comments and diagnostics in the same order.
// With a piece size of a few characters every statement line becomes a
// piece, so small files exercise every boundary.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseText, pieceEnds } from "../../src/syntax/parse.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const WHOLE = Number.POSITIVE_INFINITY;
const RUNS = Number(process.env["PIECES_PROPERTY_RUNS"] ?? 300);

function orgFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : orgFilesUnder(path);
    return name.endsWith(".org") ? [path] : [];
  });
}

const corpus = [
  ...orgFilesUnder(join(repo, "examples")),
  ...orgFilesUnder(join(repo, "test")),
  ...orgFilesUnder(resolve(repo, "../shared/conformance")),
].map((path) => ({ path, text: readFileSync(path, "utf8") }));

describe("parsing in pieces", () => {
  it("cuts only at lines that start a top-level statement", () => {
    const text = 'import "a.org"\nperson x\n  on 2025-01-01 meeting u\non 2025-01-02 meeting u\n/* on 2025 */\nevery month from 2025-01-01 to 2025-02-01 meeting u\n';
    const ends = pieceEnds(text, 1);
    expect(ends.map((end) => text.slice(end, end + 6))).toEqual(["person", "on 202", "every ", ""]);
  });

  it("gives the whole parse's result for every spec of the examples, the tests and the conformance suite", () => {
    let cut = 0;
    for (const { path, text } of corpus) {
      const whole = parseText(path, text, WHOLE);
      for (const size of [1, 64, 1024]) expect(parseText(path, text, size), `${path}, pieces of ${size}`).toEqual(whole);
      if (pieceEnds(text, 1).length > 2) cut++;
    }
    // The comparison means something only if files are in fact cut.
    expect(cut).toBeGreaterThan(10);
  });

  // What an editor and a careless hand do to a file: break lines, open and close braces, comments and strings, join statements.
  const fragments = ["\n", "\n\n", "{", "}", ",", '"', "/*", "*/", "//", "on ", "every ", "\non 2025-03-01 meeting ", "\ncell x {", "\ncommittee ", "youth_league", " 2025-02-30", "  ", "x", "\nevery 2 weeks from 2025-01-01 to 2025-03-01 critique "];
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 })) });

  it("gives the whole parse's result after random edits (property)", () => {
    const sources = corpus.filter(({ text }) => pieceEnds(text, 1).length > 2);
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 16, 200), (which, edits, size) => {
        let text = sources[which]!.text;
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
        }
        expect(parseText("/spec.org", text, size)).toEqual(parseText("/spec.org", text, WHOLE));
      }),
      { numRuns: RUNS },
    );
  });
});
