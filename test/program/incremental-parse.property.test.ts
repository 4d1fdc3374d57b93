// Property: re-parsing an edited file in part (src/program/incremental.ts)
// gives exactly what parsing the whole new text gives — statements,
// comments and syntax diagnostics, in order — over random sequences of
// edits, including ones that break and mend braces, strings, comments and
// event keywords. And it does parse in part: most edits of a large file
// re-parse a few statements only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSourceFile, reparseSourceFile } from "../../src/program/incremental.js";
import { parseText } from "../../src/syntax/parse.js";
import { generatedSpec } from "../../scripts/lsp-latency.js";
import { REPO } from "../lsp/client.js";
import { MILL } from "../lsp/fixtures.js";

const RUNS = Number(process.env["INCREMENTAL_PROPERTY_RUNS"] ?? 300);

const BASES = [MILL, readFileSync(join(REPO, "examples/sinuiju.org"), "utf8"), generatedSpec(12)];

/** What is typed: pieces of the language and of broken input. */
const SNIPPETS = [
  "x", " ", "\n", "{", "}", ",", '"', '"A Name"', "//", "/*", "*/", "2026-03-01", "2026-02-30", "12",
  "on ", "every ", "on 2026-04-01 meeting mill3\n", "every week from 2026-01-01 to 2026-06-30 critique mill3\n",
  "member kim \"Kim\" joined 2020-01-01\n", "cell c9 \"C\" {\n  under sinuiju\n", "}\n", "person p \"P\"\n", "@", "weeks",
  "residence r1\n", "import \"committees.org\"\n", "period 2026-01-01 to 2026-06-30\n",
];

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 80 })),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })),
});

function apply(text: string, change: Edit): string {
  const at = Math.floor(change.at * text.length);
  return text.slice(0, at) + change.insert + text.slice(Math.min(text.length, at + change.remove));
}

describe("incremental re-parse", () => {
  it(`equals a whole parse after every edit of random edit sequences (${RUNS} runs)`, { timeout: 600_000 }, () => {
    let partial = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASES.keys()), fc.array(edit, { minLength: 1, maxLength: 8 }), (base, sequence) => {
        let file = parseSourceFile("/spec/main.org", BASES[base]!);
        for (const change of sequence) {
          const text = apply(file.text, change);
          const outcome = reparseSourceFile(file, text);
          file = outcome.file;
          const whole = parseText("/spec/main.org", text);
          expect(file.text).toBe(text);
          expect(file.ast).toEqual(whole.ast);
          expect(file.syntaxDiagnostics).toEqual(whole.diagnostics);
          expect(file.lines.lineCount).toBe(text.split(/\r\n|\r|\n/).length);
          edits++;
          if (typeof outcome.parsed === "object") partial++;
        }
      }),
      { numRuns: RUNS },
    );
    // Edits of the 12-cell spec far from its ends are parsed in part; a test that never took that path would prove nothing.
    expect(partial / edits).toBeGreaterThan(0.3);
  });

  it("re-parses only the statements around a one-character edit of a 20,000-line file", () => {
    const text = generatedSpec();
    const file = parseSourceFile("/spec/generated.org", text);
    const at = text.indexOf('"Person 400-3"') + 5;
    const edited = text.slice(0, at) + "x" + text.slice(at);
    const outcome = reparseSourceFile(file, edited);
    expect(typeof outcome.parsed).toBe("object");
    const parsed = outcome.parsed as { start: number; end: number };
    expect(edited.slice(parsed.start, parsed.end).split("\n").length).toBeLessThan(200);
    const whole = parseText("/spec/generated.org", edited);
    expect(outcome.file.ast).toEqual(whole.ast);
    expect(outcome.file.syntaxDiagnostics).toEqual(whole.diagnostics);
  });
});
