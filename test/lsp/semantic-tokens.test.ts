// Semantic tokens after edits: the delta applied to the last answer gives
// exactly the tokens of the edited text computed from nothing (a fresh
// workspace), whether the edit moves tokens, renames a unit (names elsewhere
// stop resolving and change type) or adds a block comment across lines.
import { afterEach, describe, expect, it } from "vitest";
import type { SemanticTokens, SemanticTokensDelta } from "vscode-languageserver";
import { LEGEND, semanticTokens, semanticTokensDelta, tokenEdits } from "../../lsp/handlers/semantic-tokens.js";
import { generatedSpec } from "../../scripts/lsp-latency.js";
import { COMMITTEES, positionAt } from "./fixtures.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let workspaces: TestWorkspace[] = [];
afterEach(() => {
  for (const t of workspaces) t.dispose();
  workspaces = [];
});

function fresh(text: string): number[] {
  const t = testWorkspace({ "committees.org": COMMITTEES });
  workspaces.push(t);
  return semanticTokens(t.workspace, { textDocument: { uri: t.open("main.org", text) } }).data;
}

function applied(data: readonly number[], delta: SemanticTokens | SemanticTokensDelta): number[] {
  if (!("edits" in delta)) return delta.data;
  const result = [...data];
  for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

describe("semantic tokens after an edit", () => {
  it("the delta turns the last answer into the tokens computed from nothing", () => {
    const t = testWorkspace({ "committees.org": COMMITTEES });
    workspaces.push(t);
    let text = generatedSpec(6);
    const uri = t.open("main.org", text);
    let answer = semanticTokens(t.workspace, { textDocument: { uri } });
    expect(answer.data).toEqual(fresh(text));
    const edits: [string, string][] = [
      ['"Person 3-3', '"Person 3-3x'], // a character in a string: the tokens after it move
      ["cell cell2 ", "cell cellB "], // a unit renamed: its uses stop resolving
      ["  critique weekly\n", "  /* two\nlines */ critique weekly\n"], // a block comment across lines
      ["every month", "every 2 months"],
    ];
    let version = 1;
    for (const [from, to] of edits) {
      const at = text.indexOf(from);
      expect(at).toBeGreaterThanOrEqual(0);
      const range = { start: positionAt(text, at), end: positionAt(text, at + from.length) };
      text = text.slice(0, at) + to + text.slice(at + from.length);
      t.workspace.change(uri, [{ range, text: to }], ++version);
      t.workspace.flush();
      const delta = semanticTokensDelta(t.workspace, { textDocument: { uri }, previousResultId: answer.resultId! });
      expect("edits" in delta).toBe(true);
      const data = applied(answer.data, delta);
      expect(data).toEqual(fresh(text));
      answer = { resultId: delta.resultId!, data };
    }
    const types = new Set<string>();
    for (let i = 3; i < answer.data.length; i += 5) types.add(LEGEND.tokenTypes[answer.data[i]!]!);
    expect(types).toEqual(new Set(["comment", "keyword", "string", "number", "class", "namespace", "variable", "enumMember"]));
    // Nothing changed: no edits; an unknown previous answer: all the tokens.
    expect(semanticTokensDelta(t.workspace, { textDocument: { uri }, previousResultId: answer.resultId! })).toMatchObject({ edits: [] });
    expect(semanticTokensDelta(t.workspace, { textDocument: { uri }, previousResultId: "nope" })).toMatchObject({ data: answer.data });
  });

  it("sends one edit between the common start and end", () => {
    expect(tokenEdits([1, 2, 3, 4], [1, 2, 3, 4])).toEqual([]);
    expect(tokenEdits([1, 2, 3, 4], [1, 9, 3, 4])).toEqual([{ start: 1, deleteCount: 1, data: [9] }]);
    expect(tokenEdits([1, 2, 3, 4], [1, 4])).toEqual([{ start: 1, deleteCount: 2 }]);
    expect(tokenEdits([1, 4], [1, 2, 3, 4])).toEqual([{ start: 1, deleteCount: 0, data: [2, 3] }]);
    expect(tokenEdits([5, 5], [5, 5, 5])).toEqual([{ start: 2, deleteCount: 0, data: [5] }]);
    expect(tokenEdits([1, 2], [])).toEqual([{ start: 0, deleteCount: 2 }]);
  });
});
