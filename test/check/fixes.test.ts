// Fixes belong to rules: each diagnostic carries the fixes its rule declared
// (safe or unsafe) and the data its message was built from; planFixes applies
// them, safe ones unless told otherwise, and the result is checked again.
import { describe, expect, it } from "vitest";
import { applyEdits, planFixes } from "../../src/check/fixes.js";
import { checkSpec } from "../helpers.js";

const CELL = (body: string) => `import "committees.org"
cell tiny "Tiny Cell" {
  under sinuiju
${body}
  member a1 "A1" joined 2010-01-01
  member a2 "A2" joined 2010-01-01
  member a3 "A3" joined 2010-01-01
  member a4 "A4" joined 2010-01-01
  member a5 "A5" joined 2010-01-01
}
`;

/** Applies the fixes of one check of `main` and returns main.org's new text. */
function fixed(main: string, unsafe: boolean): { text: string; deferred: number; unsafeOnly: number } {
  const result = checkSpec(main);
  const texts = new Map(result.model.files.map((file) => [file.path, file.text]));
  const plan = planFixes(result.diagnostics, (file) => texts.get(file), { unsafe });
  const mainFix = plan.files.find((file) => file.file.endsWith("main.org"));
  return { text: mainFix?.after ?? main, deferred: plan.deferred, unsafeOnly: plan.unsafeOnly };
}

describe("rule fixes", () => {
  it("remove an unused waiver as a safe fix, with its line when it stands alone", () => {
    const main = CELL("  critique weekly\n  secretary a1\n  deputy a2\n  // orgspec-waive ORG101 -- grew last year");
    const result = checkSpec(main);
    const waiver = result.diagnostics.find((d) => d.code === "ORG010")!;
    expect(waiver.fixes!.map((fix) => `${fix.safety}: ${fix.title}`)).toEqual(["safe: Remove the unused waiver"]);
    expect(waiver.data).toEqual({ codes: ["ORG101"], line: 8 });
    const { text } = fixed(main, false);
    expect(text).toBe(CELL("  critique weekly\n  secretary a1\n  deputy a2"));
    expect(checkSpec(text).codes()).toEqual(["ORG009"]);
  });

  it("remove a waiver at the end of a line, keeping the line", () => {
    const main = CELL("  critique weekly\n  secretary a1\n  deputy a2 // orgspec-waive ORG110 -- interim");
    expect(fixed(main, false).text).toBe(CELL("  critique weekly\n  secretary a1\n  deputy a2"));
  });

  it("name a missing deputy only when unsafe fixes are allowed, and the result passes ORG110", () => {
    const main = CELL("  critique weekly\n  secretary a1");
    const result = checkSpec(main);
    const leadership = result.diagnostics.find((d) => d.code === "ORG110")!;
    expect(leadership.data).toEqual({ unit: "tiny", missing: ["deputy"] });
    expect(leadership.fixes!.map((fix) => `${fix.safety}: ${fix.title}`)).toEqual([
      "unsafe: Add `deputy a2`",
      "unsafe: Add `deputy a3`",
      "unsafe: Add `deputy a4`",
    ]);
    const safeOnly = fixed(main, false);
    expect(safeOnly.text).toBe(main);
    expect(safeOnly.unsafeOnly).toBe(1);
    const unsafe = fixed(main, true);
    expect(unsafe.text).toBe(CELL("  critique weekly\n  secretary a1\n  deputy a2"));
    expect(checkSpec(unsafe.text).codes()).toEqual(["ORG009"]);
  });

  it("replace an unresolved name with the closest declared one (unsafe), carrying the name and suggestions as data", () => {
    const main = CELL("  critique weekly\n  secretary a1\n  deputy a2").replace("under sinuiju", "under sinuij");
    const unresolved = checkSpec(main).diagnostics.find((d) => d.code === "ORG002")!;
    expect(unresolved.data).toEqual({ name: "sinuij", expected: "unit", suggestions: ["sinuiju"] });
    expect(fixed(main, true).text).toBe(CELL("  critique weekly\n  secretary a1\n  deputy a2"));
  });

  it("add a missing critique line (unsafe): weekly first", () => {
    const main = CELL("  secretary a1\n  deputy a2");
    const critique = checkSpec(main).diagnostics.find((d) => d.code === "ORG206")!;
    expect(critique.fixes!.map((fix) => fix.title)).toEqual(["Add `critique weekly`", "Add `critique every 2 days`"]);
    expect(fixed(main, true).text).toBe(CELL("  critique weekly\n  secretary a1\n  deputy a2"));
  });

  it("leave for another run a fix that overlaps one already chosen, which the next run applies", () => {
    // No roles and no critique line: both rules' first fixes insert right after `under`.
    const main = CELL("");
    const first = fixed(main, true);
    expect(first.deferred).toBe(1);
    const second = fixed(first.text, true);
    expect(second.deferred).toBe(0);
    const third = fixed(second.text, true);
    // The blank line the body had stays, below the inserted lines.
    expect(third.text).toBe(CELL("  critique weekly\n  secretary a1\n  deputy a2\n"));
    expect(checkSpec(third.text).codes()).toEqual(["ORG009"]);
  });
});

describe("applyEdits", () => {
  it("applies edits from the end so offsets stay true", () => {
    const text = "abc def ghi";
    expect(applyEdits(text, [{ file: "f", span: { start: 0, end: 3 }, newText: "A" }, { file: "f", span: { start: 8, end: 11 }, newText: "I" }])).toBe("A def I");
  });
});
