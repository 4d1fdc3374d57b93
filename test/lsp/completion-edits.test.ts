// Completion edits replace exactly what was typed: accepting an item gives
// the text a user expects, with nothing doubled (issue 10, item 7).
import { afterEach, describe, expect, it } from "vitest";
import { InsertReplaceEdit, type Position } from "vscode-languageserver";
import { completion } from "../../lsp/handlers/completion.js";
import { tokenize } from "../../src/index.js";
import { accept } from "./edits.js";
import { COMMITTEES, MILL, positionAt } from "./fixtures.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let current: TestWorkspace | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
});

/** Text with `|` marking the cursor: the text without it and the cursor's position. */
function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf("|");
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: positionAt(marked, at) };
}

/** Opens `marked` (with `|` at the cursor) as main.org, completes there and accepts the item labelled `label`. */
function complete(marked: string, label: string): string {
  current ??= testWorkspace({ "committees.org": COMMITTEES });
  const { text, position } = cursor(marked);
  const uri = current.open("main.org", text);
  const items = completion(current.workspace, { textDocument: { uri }, position }).items;
  const chosen = items.find((candidate) => candidate.label === label);
  if (!chosen) throw new Error(`no item ${label} among ${items.map((candidate) => candidate.label).join(", ")}`);
  const edit = chosen.textEdit!;
  const range = InsertReplaceEdit.is(edit) ? edit.insert : edit.range;
  // The protocol: a single-line range that contains the cursor.
  expect(range.start.line).toBe(position.line);
  expect(range.end.line).toBe(position.line);
  expect(range.start.character).toBeLessThanOrEqual(position.character);
  expect(range.end.character).toBeGreaterThanOrEqual(position.character);
  return accept(text, chosen);
}

describe("tokens of unfinished text", () => {
  it("keeps an unterminated string as a string token with its real range", () => {
    expect(tokenize('import "comm')).toEqual([
      { kind: "keyword", text: "import", start: 0, end: 6 },
      { kind: "string", text: '"comm', start: 7, end: 12, unterminated: true },
    ]);
    expect(tokenize('cell x "Tex\n}')).toEqual([
      { kind: "keyword", text: "cell", start: 0, end: 4 },
      { kind: "identifier", text: "x", start: 5, end: 6 },
      { kind: "string", text: '"Tex', start: 7, end: 11, unterminated: true },
      { kind: "rcurly", text: "}", start: 12, end: 13 },
    ]);
    expect(tokenize('import "comm"')[1]).toEqual({ kind: "string", text: '"comm"', start: 7, end: 13 });
  });
});

describe("accepting an import completion", () => {
  it("completes an unterminated string without doubling the quote", () => {
    expect(complete('import "comm|', "committees.org")).toBe('import "committees.org"');
    expect(complete('import "|', "committees.org")).toBe('import "committees.org"');
    expect(complete('// spec\nimport "comm|\n\nperiod 2026-01-01 to 2026-06-30\n', "committees.org")).toBe(
      '// spec\nimport "committees.org"\n\nperiod 2026-01-01 to 2026-06-30\n',
    );
  });

  it("keeps what follows the cursor on the line of an unterminated string", () => {
    expect(complete('import "comm|  // the committees', "committees.org")).toBe('import "committees.org"  // the committees');
  });

  it("replaces a terminated string whole, wherever the cursor is in it", () => {
    expect(complete('import "comm|"', "committees.org")).toBe('import "committees.org"');
    expect(complete('import "|"', "committees.org")).toBe('import "committees.org"');
    expect(complete('import "comm"|', "committees.org")).toBe('import "committees.org"');
    expect(complete('import "co|mm"', "committees.org")).toBe('import "committees.org"');
  });

  it("adds the quotes when none was typed", () => {
    expect(complete("import |", "committees.org")).toBe('import "committees.org"');
    expect(complete("import comm|", "committees.org")).toBe('import "committees.org"');
  });
});

describe("accepting name and keyword completions", () => {
  it("replaces the word being typed with the name", () => {
    const secretary = MILL.replace("secretary kim_chol", "secretary kim_c|");
    expect(complete(secretary, "kim_chol")).toBe(MILL);
    const middle = MILL.replace("secretary kim_chol", "secretary kim_|chol");
    expect(complete(middle, "kim_chol")).toBe(MILL);
    expect(complete(MILL + "on 2026-04-01 critique mi|\n", "mill3")).toBe(MILL + "on 2026-04-01 critique mill3\n");
    expect(complete(MILL.replace("  under sinuiju\n  setting workplace\n  established", "  under sin|\n  setting workplace\n  established"), "sinuiju")).toBe(MILL);
  });

  it("replaces a partly typed keyword, including the words of a multi-word item", () => {
    expect(complete(MILL.replace("  member ha_rim", "  memb| ha_rim"), "member")).toBe(MILL);
    expect(complete(MILL + "on 2026-04-01 comm|\n", "committee meeting")).toBe(MILL + "on 2026-04-01 committee meeting\n");
    expect(complete(MILL + "on 2026-04-01 committee me|\n", "meeting")).toBe(MILL + "on 2026-04-01 committee meeting\n");
    expect(complete(MILL + "on 2026-04-01 |\n", "transfer")).toBe(MILL + "on 2026-04-01 transfer\n");
    expect(complete(MILL + "per|\n", "period")).toBe(MILL + "period\n");
  });
});
