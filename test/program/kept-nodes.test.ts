// An edit in a comment or in white space keeps every statement node of the
// file (src/program/kept-nodes.ts), moved with the text, and the file says so
// (`sameStatements`); any other edit gives the edited statements new nodes.
// Either way the result is what a parse of the whole text gives.
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../src/program/source-file.js";
import { sameStatements } from "../../src/program/kept-nodes.js";
import { parseSourceFile, reparseSourceFile } from "../../src/program/incremental.js";
import { parseText } from "../../src/syntax/parse.js";
import { MILL } from "../lsp/fixtures.js";

/** MILL with enough statements after each edit that the re-parse keeps some. */
const SPEC = `${MILL}\n${Array.from({ length: 10 }, (_, i) => `on 2026-04-${10 + i} critique mill3 // weekly ${i}\n`).join("")}`;

function edited(file: SourceFile, at: number, remove: number, insert: string): SourceFile {
  const text = file.text.slice(0, at) + insert + file.text.slice(at + remove);
  const outcome = reparseSourceFile(file, text);
  expect(typeof outcome.parsed).toBe("object");
  const whole = parseText(file.path, text);
  expect(outcome.file.ast).toEqual(whole.ast);
  expect(outcome.file.syntaxDiagnostics).toEqual(whole.diagnostics);
  return outcome.file;
}

describe("statement nodes kept across edits", () => {
  const cases: [string, (text: string) => [number, number, string]][] = [
    ["a comment typed after a property", (text) => [text.indexOf("deputy ri_yong") + "deputy ri_yong".length, 0, " // the deputy"]],
    ["typing in a line comment after an event", (text) => [text.indexOf("// weekly 3") + 5, 0, "ly and"]],
    ["deleting from a comment", (text) => [text.indexOf("// weekly 4") + 3, 4, ""]],
    ["a space after a statement's last token", (text) => [text.indexOf("mill3", text.indexOf("2026-04-12")) + "mill3".length, 0, " "]],
    ["a line break between statements", (text) => [text.indexOf("on 2026-04-13"), 0, "\n"]],
    ["indenting a statement", (text) => [text.indexOf("on 2026-04-14"), 0, "    "]],
    ["a comment line in a roster", (text) => [text.indexOf("  member ha_rim"), 0, "  // moved in March\n"]],
  ];
  for (const [name, where] of cases) {
    it(`keeps them after ${name}`, () => {
      const first = parseSourceFile("/specs/main.org", SPEC);
      const [at, remove, insert] = where(SPEC);
      const next = edited(first, at, remove, insert);
      expect(next.ast.statements.every((statement, i) => statement === first.ast.statements[i])).toBe(true);
      expect(sameStatements(first, next)).toBe(true);
    });
  }

  it("gives the re-parsed statements new nodes after any other edit, and the file no longer has the first version's statements", () => {
    const first = parseSourceFile("/specs/main.org", SPEC);
    const renamed = edited(first, SPEC.indexOf("ha_rim"), "ha_rim".length, "ha_rimi");
    const changed = first.ast.statements.filter((statement, i) => statement !== renamed.ast.statements[i]);
    // The edited unit and its neighbours, parsed again; the statements after them kept.
    expect(changed.map((statement) => statement.type)).toEqual(["period", "unit", "series"]);
    expect(renamed.ast.statements.at(-1)).toBe(first.ast.statements.at(-1));
    expect(sameStatements(first, renamed)).toBe(false);
    // Edits in comments after that keep the renamed version's statements, never the first version's.
    const commented = edited(renamed, renamed.text.indexOf("// weekly 2") + 3, 0, "still ");
    expect(sameStatements(renamed, commented)).toBe(true);
    expect(sameStatements(first, commented)).toBe(false);
  });

  it("holds over several edits in comments and white space, each version's statements the first's", () => {
    const first = parseSourceFile("/specs/main.org", SPEC);
    let file = first;
    for (const [at, insert] of [
      [SPEC.indexOf("// weekly 1") + 3, "not "],
      [SPEC.indexOf("on 2026-04-15"), "\n\n"],
      [SPEC.indexOf("// weekly 9") + 3, "last "],
    ] as const) {
      const offset = file.text.indexOf(SPEC.slice(at, at + 12));
      file = edited(file, offset, 0, insert);
      expect(sameStatements(first, file)).toBe(true);
    }
    // The first version's nodes now have the last version's offsets.
    expect(first.ast.statements.at(-1)!.span.start).toBe(file.text.lastIndexOf("on 2026-04-19"));
  });
});
