import { describe, expect, it } from "vitest";
import { singleMembership } from "../../src/rules/structure/single-membership.js";
import { checkSpec, reported } from "../helpers.js";

const BRICKS = `import "committees.org"
cell bricks "Brickworks Cell" {
  under uiju
  member hong_sok "Hong Sok" joined 2010-01-01
  member a "A" joined 2010-01-01
}
`;

describe("ORG114 single-membership", () => {
  it("reports the second roster entry of a person, pointing to the first", () => {
    const spec = `${BRICKS}cell station "Railway Station Cell" {
  under uiju
  member b "B" joined 2010-01-01
  member hong_sok "Hong Sok" joined 2010-01-01
}
`;
    const result = checkSpec(spec);
    expect(reported(result, "ORG114")).toEqual([
      "10:3-10:47 Hong Sok is already in the roster of Brickworks Cell; a person is in the roster of one unit only",
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG114")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.related.map((related) => `${result.at({ ...diagnostic, span: related.span })} ${related.message}`)).toEqual([
      "4:3-4:47 Hong Sok in the roster of Brickworks Cell",
    ]);
  });

  it("reports every entry after the first, as a candidate too", () => {
    const spec = `${BRICKS}cell station "Railway Station Cell" {
  under uiju
  candidate hong_sok "Hong Sok" since 2025-01-01
}
team t "Test Team" {
  under central
  member hong_sok "Hong Sok" joined 2010-01-01
}
`;
    expect(reported(checkSpec(spec), "ORG114").map((line) => line.split(" ")[0])).toEqual(["9:3-9:49", "13:3-13:47"]);
  });

  it("reports a person in a cell and in the primary above it", () => {
    const spec = `import "committees.org"
primary p "Test Primary" {
  under sinuiju
  member a "A" joined 2010-01-01
}
cell c "Test Cell" {
  under p
  member a "A" joined 2010-01-01
}
`;
    expect(reported(checkSpec(spec), "ORG114")).toEqual([
      "8:3-8:33 A is already in the roster of Test Primary; a person is in the roster of one unit only",
    ]);
  });

  it("leaves the same ID twice in one roster to ORG003", () => {
    const result = checkSpec(`${BRICKS.replace('  member a "A"', '  member hong_sok "Hong Sok" joined 2010-01-01\n  member a "A"')}`);
    expect(result.codes()).toContain("ORG003");
    expect(reported(result, "ORG114")).toEqual([]);
  });

  it("accepts people in one roster each, and an applicant or a `person` besides", () => {
    const spec = `${BRICKS}person x "X"
on 2026-01-05 application hong_sok "Hong Sok" to bricks { recommended by a }
`;
    expect(reported(checkSpec(spec), "ORG114")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${singleMembership.docs.failing}`), "ORG114")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${singleMembership.docs.passing}`), "ORG114")).toEqual([]);
  });
});
