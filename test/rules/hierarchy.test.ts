import { describe, expect, it } from "vitest";
import { hierarchy } from "../../src/rules/structure/hierarchy.js";
import { checkSpec, reported } from "../helpers.js";

/** A primary, branch and sub-primary to hang units under, lines 2-10. */
const ORGS = `import "committees.org"
primary p "Test Primary" {
  under sinuiju
}
branch b "Test Branch" {
  under p
}
subprimary s "Test Sub-primary" {
  under p
}
`;

/** One more unit of `kind` on line 11 with `under` on line 12. */
function unitUnder(kind: string, under: string, props = ""): string {
  return `${ORGS}${kind} u "Test Unit" {
  under ${under}${props}
}
`;
}

/** The `under` line of the unit on line 11. */
const UNDER = (under: string) => `12:3-12:${9 + under.length}`;

describe("ORG115 hierarchy", () => {
  it("accepts the tree of the conformance committees and basic organizations", () => {
    expect(reported(checkSpec(ORGS), "ORG115")).toEqual([]);
  });

  it("accepts a cell under a city or county committee, a primary, a branch or a sub-primary", () => {
    for (const under of ["sinuiju", "uiju", "p", "b", "s"]) expect(reported(checkSpec(unitUnder("cell", under)), "ORG115")).toEqual([]);
  });

  it("reports a cell under a provincial committee, on its under line", () => {
    const result = checkSpec(unitUnder("cell", "north_pyongan"));
    expect(reported(result, "ORG115")).toEqual([
      `${UNDER("north_pyongan")} Test Unit is under North Pyongan Provincial Party Committee, a provincial party committee; a party cell belongs under a city or county party committee, or a primary, branch or sub-primary party organization`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG115")?.severity).toBe("error");
  });

  it("reports a cell under a cell or a team", () => {
    const spec = `${unitUnder("cell", "uiju")}cell v "Other Cell" {\n  under u\n}\n`;
    expect(reported(checkSpec(spec), "ORG115")).toEqual([
      "15:3-15:10 Other Cell is under Test Unit, a party cell; a party cell belongs under a city or county party committee, or a primary, branch or sub-primary party organization",
    ]);
  });

  it("places primaries and teams under any committee, and nowhere else", () => {
    for (const under of ["central", "north_pyongan", "sinuiju"]) {
      expect(reported(checkSpec(unitUnder("primary", under)), "ORG115")).toEqual([]);
      expect(reported(checkSpec(unitUnder("team", under)), "ORG115")).toEqual([]);
    }
    expect(reported(checkSpec(unitUnder("primary", "b")), "ORG115")).toEqual([
      `${UNDER("b")} Test Unit is under Test Branch, a branch party organization; a primary party organization belongs under a party committee`,
    ]);
    expect(reported(checkSpec(unitUnder("team", "p")), "ORG115")).toEqual([
      `${UNDER("p")} Test Unit is under Test Primary, a primary party organization; a party team belongs under a party committee`,
    ]);
  });

  it("places branches and sub-primaries under a primary only", () => {
    expect(reported(checkSpec(unitUnder("branch", "p")), "ORG115")).toEqual([]);
    expect(reported(checkSpec(unitUnder("branch", "sinuiju")), "ORG115")).toEqual([
      `${UNDER("sinuiju")} Test Unit is under Sinuiju City Party Committee, a city party committee; a branch party organization belongs under a primary party organization`,
    ]);
    expect(reported(checkSpec(unitUnder("subprimary", "b")), "ORG115")).toEqual([
      `${UNDER("b")} Test Unit is under Test Branch, a branch party organization; a sub-primary party organization belongs under a primary party organization`,
    ]);
  });

  it("places committees by level", () => {
    expect(reported(checkSpec(unitUnder("committee", "central", "\n  level provincial")), "ORG115")).toEqual([]);
    expect(reported(checkSpec(unitUnder("committee", "sinuiju", "\n  level provincial")), "ORG115")).toEqual([
      `${UNDER("sinuiju")} Test Unit is under Sinuiju City Party Committee, a city party committee; a provincial party committee belongs under the Central Committee`,
    ]);
    expect(reported(checkSpec(unitUnder("committee", "central", "\n  level county")), "ORG115")).toEqual([
      `${UNDER("central")} Test Unit is under WPK Central Committee, the Central Committee; a county party committee belongs under a provincial party committee`,
    ]);
    expect(reported(checkSpec(unitUnder("committee", "central", "\n  level central")), "ORG115")).toEqual([
      `${UNDER("central")} Test Unit is the Central Committee, at the top of the party; it is under no other unit`,
    ]);
  });

  it("does not judge a committee without a level, or a unit under one", () => {
    expect(reported(checkSpec(unitUnder("committee", "p")), "ORG115")).toEqual([]);
    const spec = `${unitUnder("committee", "central")}cell v "Other Cell" {\n  under u\n}\n`;
    expect(reported(checkSpec(spec), "ORG115")).toEqual([]);
  });

  it("reports a unit with no under on its identifier", () => {
    const spec = `import "committees.org"\ncell lost "Lost Cell" {\n  setting workplace\n}\n`;
    expect(reported(checkSpec(spec), "ORG115")).toEqual([
      "2:6-2:10 Lost Cell has no `under`; a party cell belongs under a city or county party committee, or a primary, branch or sub-primary party organization",
    ]);
  });

  it("reports a cycle once, at the under of its first unit in program order, with the others related", () => {
    const spec = `import "committees.org"
cell a "Cell A" {
  under c
}
cell b "Cell B" {
  under a
}
cell c "Cell C" {
  under b
}
cell d "Cell D" {
  under a
}
`;
    const result = checkSpec(spec);
    expect(reported(result, "ORG115")).toEqual([
      "3:3-3:10 `under` runs in a circle: Cell A is under Cell C, Cell C is under Cell B, Cell B is under Cell A; the units must form a tree",
      // d is not on the cycle: it is judged as usual
      "12:3-12:10 Cell D is under Cell A, a party cell; a party cell belongs under a city or county party committee, or a primary, branch or sub-primary party organization",
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG115")!;
    expect(diagnostic.related.map((related) => `${result.at({ ...diagnostic, span: related.span })} ${related.message}`)).toEqual([
      "9:3-9:10 Cell C is under Cell B",
      "6:3-6:10 Cell B is under Cell A",
    ]);
  });

  it("finds the first unit of a cycle entered from elsewhere", () => {
    const spec = `import "committees.org"
primary x "Primary X" {
  under y
}
branch y "Branch Y" {
  under z
}
primary z "Primary Z" {
  under y
}
`;
    expect(reported(checkSpec(spec), "ORG115")).toEqual([
      // y is the first unit of the cycle y -> z -> y; x only leads into it
      "3:3-3:10 Primary X is under Branch Y, a branch party organization; a primary party organization belongs under a party committee",
      "6:3-6:10 `under` runs in a circle: Branch Y is under Primary Z, Primary Z is under Branch Y; the units must form a tree",
    ]);
  });

  it("reports a unit under itself", () => {
    const spec = `import "committees.org"\ncell a "Cell A" {\n  under a\n}\n`;
    expect(reported(checkSpec(spec), "ORG115")).toEqual([
      "3:3-3:10 `under` runs in a circle: Cell A is under itself; the units must form a tree",
    ]);
  });

  it("stays silent about an under that does not resolve", () => {
    const result = checkSpec(unitUnder("cell", "sinuju"));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG115")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${hierarchy.docs.failing}`), "ORG115")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${hierarchy.docs.passing}`), "ORG115")).toEqual([]);
  });
});
