import { describe, expect, it } from "vitest";
import { cellSize } from "../../src/rules/structure/cell-size.js";
import { exampleRoster } from "../../src/rules/shared/structure-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** A cell on line 2 (its ID at 2:6-2:7) with `count` members. */
function cell(count: number, extra = ""): string {
  return `import "committees.org"
cell c "Test Cell" {
  under uiju
${exampleRoster("m", count)}${extra}
}
`;
}

const AT = "2:6-2:7";

describe("ORG101 cell-size", () => {
  it("reports a cell of 4, on its identifier", () => {
    const result = checkSpec(cell(4));
    expect(reported(result, "ORG101")).toEqual([`${AT} Test Cell has 4 members and candidates; a party cell needs 5 to 30`]);
    expect(result.diagnostics.find((d) => d.code === "ORG101")?.severity).toBe("error");
  });

  it("accepts 5 and 30", () => {
    expect(reported(checkSpec(cell(5)), "ORG101")).toEqual([]);
    expect(reported(checkSpec(cell(30)), "ORG101")).toEqual([]);
  });

  it("says that no form fits a cell of exactly 31", () => {
    expect(reported(checkSpec(cell(31)), "ORG101")).toEqual([
      `${AT} Test Cell has 31 members and candidates: too many for a party cell (5 to 30) and too few for a primary or branch party organization (more than 31); no form in the bylaws fits it`,
    ]);
  });

  it("reports a cell of 32 as too many", () => {
    expect(reported(checkSpec(cell(32)), "ORG101")).toEqual([
      `${AT} Test Cell has 32 members and candidates; a party cell has at most 30 (more than 31 form a primary party organization)`,
    ]);
  });

  it("counts candidates", () => {
    expect(reported(checkSpec(cell(4, '\n  candidate k "K" since 2025-11-01')), "ORG101")).toEqual([]);
  });

  it("takes min and max from the rulebook", () => {
    const rulebook = new Map([["ORG101", { severity: "error" as const, options: { min: 3, max: 4 } }]]);
    expect(reported(checkSpec(cell(4), { rulebook }), "ORG101")).toEqual([]);
    expect(reported(checkSpec(cell(5), { rulebook }), "ORG101")).toEqual([
      `${AT} Test Cell has 5 members and candidates; a party cell has at most 4 (more than 31 form a primary party organization)`,
    ]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${cellSize.docs.failing}`), "ORG101")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${cellSize.docs.passing}`), "ORG101")).toEqual([]);
  });
});
