import { describe, expect, it } from "vitest";
import { exampleRoster } from "../../src/rules/shared/structure-examples.js";
import { primarySize } from "../../src/rules/structure/primary-size.js";
import { checkSpec, reported } from "../helpers.js";

/** A primary on line 2 (its ID at 2:9-2:10) with `count` members of its own, then `rest`. */
function primary(count: number, rest = ""): string {
  return `import "committees.org"
primary p "Test Primary" {
  under sinuiju
  setting workplace
${exampleRoster("p", count)}
}
${rest}`;
}

/** A cell under the primary with `count` members. */
function cellUnder(id: string, count: number): string {
  return `cell ${id} "Cell ${id}" {
  under p
${exampleRoster(id, count)}
}
`;
}

const AT = "2:9-2:10";

describe("ORG102 primary-size", () => {
  it("reports a primary of 20, on its identifier", () => {
    const result = checkSpec(primary(20));
    expect(reported(result, "ORG102")).toEqual([
      `${AT} Test Primary has 20 members and candidates; a primary party organization needs more than 31`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG102")?.severity).toBe("error");
  });

  it("says that no form fits a primary of exactly 31", () => {
    expect(reported(checkSpec(primary(31)), "ORG102")).toEqual([
      `${AT} Test Primary has 31 members and candidates: too many for a party cell (5 to 30) and too few for a primary party organization (more than 31); no form in the bylaws fits it`,
    ]);
  });

  it("accepts 32", () => {
    expect(reported(checkSpec(primary(32)), "ORG102")).toEqual([]);
  });

  it("counts the members of the cells under it, each person once", () => {
    expect(reported(checkSpec(primary(0, cellUnder("a", 16) + cellUnder("b", 16))), "ORG102")).toEqual([]);
    expect(reported(checkSpec(primary(0, cellUnder("a", 15) + cellUnder("b", 16))), "ORG102")).toHaveLength(1);
    // a1 is listed in both cells (ORG114): 32 roster entries, 31 people.
    const twice = primary(0, cellUnder("a", 16) + cellUnder("b", 15).replace("  member b1 ", '  member a1 "A 1" joined 2010-01-01\n  member b1 '));
    expect(reported(checkSpec(twice), "ORG102")).toEqual([
      `${AT} Test Primary has 31 members and candidates: too many for a party cell (5 to 30) and too few for a primary party organization (more than 31); no form in the bylaws fits it`,
    ]);
  });

  it("takes moreThan from the rulebook", () => {
    const rulebook = new Map([["ORG102", { severity: "error" as const, options: { moreThan: 19 } }]]);
    expect(reported(checkSpec(primary(20), { rulebook }), "ORG102")).toEqual([]);
    expect(reported(checkSpec(primary(19), { rulebook }), "ORG102")).toEqual([
      `${AT} Test Primary has 19 members and candidates; a primary party organization needs more than 19`,
    ]);
  });

  it("leaves branches and cells alone", () => {
    expect(reported(checkSpec(cellUnder("c", 10).replace("under p", "under uiju")), "ORG102")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${primarySize.docs.failing}`), "ORG102")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${primarySize.docs.passing}`), "ORG102")).toEqual([]);
  });
});
