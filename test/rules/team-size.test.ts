import { describe, expect, it } from "vitest";
import { exampleRoster } from "../../src/rules/shared/structure-examples.js";
import { teamSize } from "../../src/rules/structure/team-size.js";
import { checkSpec, reported } from "../helpers.js";

/** A team on line 2 (its ID at 2:6-2:12) with `count` members. */
function team(count: number, extra = ""): string {
  return `import "committees.org"
team moscow "Embassy Party Team, Moscow" {
  under central
  setting abroad
  approved 2024-09-01 by central
${exampleRoster("m", count)}${extra}
}
`;
}

const AT = "2:6-2:12";

describe("ORG105 team-size", () => {
  it("accepts a team of 4", () => {
    expect(reported(checkSpec(team(4)), "ORG105")).toEqual([]);
  });

  it("reports a team of 5, who can form a cell, on its identifier", () => {
    const result = checkSpec(team(5));
    expect(reported(result, "ORG105")).toEqual([
      `${AT} Embassy Party Team, Moscow has 5 members and candidates; a party team is formed only where fewer than 5 cannot form a party cell, and 5 can`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG105")?.severity).toBe("error");
  });

  it("counts candidates", () => {
    expect(reported(checkSpec(team(4, '\n  candidate k "K" since 2025-11-01')), "ORG105")).toHaveLength(1);
  });

  it("takes lessThan from the rulebook", () => {
    const rulebook = new Map([["ORG105", { severity: "error" as const, options: { lessThan: 6 } }]]);
    expect(reported(checkSpec(team(5), { rulebook }), "ORG105")).toEqual([]);
    expect(reported(checkSpec(team(6), { rulebook }), "ORG105")).toHaveLength(1);
  });

  it("leaves cells alone", () => {
    const spec = `import "committees.org"
cell c "Test Cell" {
  under uiju
${exampleRoster("c", 3)}
}
`;
    expect(reported(checkSpec(spec), "ORG105")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${teamSize.docs.failing}`), "ORG105")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${teamSize.docs.passing}`), "ORG105")).toEqual([]);
  });
});
