// The language server keeps its "did you mean" suggesters from one resolve to
// the next (SuggesterMemory): after an edit that declares nothing, the
// misspelt names' suggestions are not sought again, and they are those of a
// check from scratch; an edit that declares a name makes them be sought again.
import { afterEach, describe, expect, it } from "vitest";
import { suggestionCounts } from "../../src/util/name-index.js";
import { replaceFirst, testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let t: TestWorkspace | undefined;
afterEach(() => t?.dispose());

const CELLS = 12;
const SPEC = [
  'import "committees.org"',
  "period 2026-01-01 to 2026-06-30",
  ...Array.from({ length: CELLS }, (_, cell) =>
    [`cell c${cell} "C${cell}" {`, "  under sinuiju", `  secretary q${cell}_0`, `  member p${cell}_0 "P ${cell}" joined 2010-01-01`, "}"].join("\n"),
  ),
  "",
].join("\n");

/** The ORG002 messages of the program's current model. */
function unresolved(program: ReturnType<typeof replaceFirst>): string[] {
  return program.diagnostics.filter((diagnostic) => diagnostic.code === "ORG002").map((diagnostic) => diagnostic.message);
}

const expected = (cells: number[]) => cells.map((cell) => `no unit or person named \`q${cell}_0\`; did you mean \`p${cell}_0\`?`);

describe("suggestions kept across edits", () => {
  it("are not sought again after an edit that declares nothing, and are sought again after one that declares a name", () => {
    t = testWorkspace({ "committees.org": 'committee sinuiju "Sinuiju" {\n  level city\n}\n' });
    const uri = t.open("main.org", SPEC);
    const all = Array.from({ length: CELLS }, (_, cell) => cell);

    // A person's display name: nothing declared changes.
    let before = suggestionCounts.comparisons;
    let program = replaceFirst(t, uri, 2, '"P 3"', '"P 3 Kim"');
    expect(unresolved(program)).toEqual(expected(all));
    expect(suggestionCounts.comparisons).toBe(before);

    // A member renamed: the names are not those of the kept suggesters.
    before = suggestionCounts.comparisons;
    program = replaceFirst(t, uri, 3, "member p5_0", "member q5_00");
    expect(unresolved(program)).toEqual(expected(all).map((message, cell) => (cell === 5 ? "no unit or person named `q5_0`; did you mean `q5_00`?" : message)));
    expect(suggestionCounts.comparisons).toBeGreaterThan(before);
  });
});
