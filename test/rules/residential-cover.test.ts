import { describe, expect, it } from "vitest";
import { exampleRoster } from "../../src/rules/shared/structure-examples.js";
import { residentialCover } from "../../src/rules/structure/residential-cover.js";
import { checkSpec, reported } from "../helpers.js";

/** Three residences, then a cell on line 5 whose `covers` line is line 8; `counts[i]` members at block i+1. */
function cell(covers: string, counts: readonly number[], extra = ""): string {
  let from = 1;
  const rosters = counts.map((count, index) => {
    const lines = exampleRoster("m", count, { from, at: `block${index + 1}` });
    from += count;
    return lines;
  });
  return `import "committees.org"
residence block1 "People's Unit 1"
residence block2 "People's Unit 2"
residence block3 "People's Unit 3"
cell c "Residential Cell" {
  under sinuiju
  setting residential
${covers}
${rosters.filter(Boolean).join("\n")}${extra}
}
`;
}

const RULE = "only one covered residential unit, the host, may have 5 or more, the others attach because they have fewer than 5";

describe("ORG107 residential-cover", () => {
  it("reports two covered units of 6 and 5, naming each with its count, on the covers line", () => {
    const result = checkSpec(cell("  covers block1, block2", [6, 5]));
    expect(reported(result, "ORG107")).toEqual([
      `8:3-8:24 Residential Cell covers People's Unit 1 (6 members and candidates at it) and People's Unit 2 (5 members and candidates at it); ${RULE}`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG107")?.severity).toBe("error");
  });

  it("accepts a host and a unit of 4", () => {
    expect(reported(checkSpec(cell("  covers block1, block2", [7, 4])), "ORG107")).toEqual([]);
  });

  it("accepts two units of fewer than 5 forming one cell", () => {
    expect(reported(checkSpec(cell("  covers block1, block2", [4, 4])), "ORG107")).toEqual([]);
  });

  it("names every covered unit that reaches 5, in one diagnostic", () => {
    expect(reported(checkSpec(cell("  covers block1, block2, block3", [5, 5, 5])), "ORG107")).toEqual([
      `8:3-8:32 Residential Cell covers People's Unit 1 (5 members and candidates at it), People's Unit 2 (5 members and candidates at it) and People's Unit 3 (5 members and candidates at it); ${RULE}`,
    ]);
  });

  it("counts candidates at a residence, and no one placed nowhere", () => {
    const candidate = '\n  candidate k "K" since 2025-11-01 at block2';
    expect(reported(checkSpec(cell("  covers block1, block2", [6, 4], candidate)), "ORG107")).toHaveLength(1);
    const nowhere = '\n  member z "Z" joined 2010-01-01';
    expect(reported(checkSpec(cell("  covers block1, block2", [6, 4], nowhere)), "ORG107")).toEqual([]);
  });

  it("leaves a cell covering one unit alone", () => {
    expect(reported(checkSpec(cell("  covers block1", [12])), "ORG107")).toEqual([]);
  });

  it("judges only the residences that resolved", () => {
    const result = checkSpec(cell("  covers block1, blok2", [6, 5]).replace("at block2", "at blok2"));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG107")).toEqual([]);
  });

  it("takes lessThan from the rulebook", () => {
    const rulebook = new Map([["ORG107", { severity: "error" as const, options: { lessThan: 6 } }]]);
    expect(reported(checkSpec(cell("  covers block1, block2", [6, 5]), { rulebook }), "ORG107")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${residentialCover.docs.failing}`), "ORG107")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${residentialCover.docs.passing}`), "ORG107")).toEqual([]);
  });
});
