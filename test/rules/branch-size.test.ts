import { describe, expect, it } from "vitest";
import { exampleRoster } from "../../src/rules/shared/structure-examples.js";
import { branchSize } from "../../src/rules/structure/branch-size.js";
import { checkSpec, reported } from "../helpers.js";

/** A primary, then a branch under it on line 6 (its ID at 6:8-6:9) with `count` members. */
function branch(count: number): string {
  return `import "committees.org"
primary p "Test Primary" {
  under sinuiju
  setting workplace
}
branch b "Test Branch" {
  under p
  setting workplace
${exampleRoster("b", count)}
}
`;
}

const AT = "6:8-6:9";

describe("ORG103 branch-size", () => {
  it("reports a branch of 12, on its identifier", () => {
    const result = checkSpec(branch(12));
    expect(reported(result, "ORG103")).toEqual([`${AT} Test Branch has 12 members and candidates; a branch party organization needs more than 31`]);
    expect(result.diagnostics.find((d) => d.code === "ORG103")?.severity).toBe("error");
  });

  it("says that no form fits a branch of exactly 31", () => {
    expect(reported(checkSpec(branch(31)), "ORG103")).toEqual([
      `${AT} Test Branch has 31 members and candidates: too many for a party cell (5 to 30) and too few for a branch party organization (more than 31); no form in the bylaws fits it`,
    ]);
  });

  it("accepts 32", () => {
    expect(reported(checkSpec(branch(32)), "ORG103")).toEqual([]);
  });

  it("counts the cells under it", () => {
    const spec = `${branch(0)}cell c1 "C1" {
  under b
${exampleRoster("x", 20)}
}
cell c2 "C2" {
  under b
${exampleRoster("y", 12)}
}
`;
    expect(reported(checkSpec(spec), "ORG103")).toEqual([]);
  });

  it("takes moreThan from the rulebook", () => {
    const rulebook = new Map([["ORG103", { severity: "error" as const, options: { moreThan: 10 } }]]);
    expect(reported(checkSpec(branch(11), { rulebook }), "ORG103")).toEqual([]);
    expect(reported(checkSpec(branch(10), { rulebook }), "ORG103")).toEqual([
      `${AT} Test Branch has 10 members and candidates; a branch party organization needs more than 10`,
    ]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${branchSize.docs.failing}`), "ORG103")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${branchSize.docs.passing}`), "ORG103")).toEqual([]);
  });
});
