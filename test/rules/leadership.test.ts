import { describe, expect, it } from "vitest";
import { exampleRoster } from "../../src/rules/shared/structure-examples.js";
import { leadership } from "../../src/rules/structure/leadership.js";
import { checkSpec, reported } from "../helpers.js";

/** A cell on line 2 (its ID at 2:6-2:7) with `roles` from line 4 and members m1..m5 plus `extra`, then `rest`. */
function cell(roles: string, extra = "", rest = ""): string {
  return `import "committees.org"
cell c "Silk Mill Cell" {
  under uiju
${roles}
${exampleRoster("m", 5)}${extra}
}
${rest}`;
}

const AT = "2:6-2:7";

describe("ORG110 leadership", () => {
  it("accepts a secretary and a deputy who are full members", () => {
    expect(reported(checkSpec(cell("  secretary m1\n  deputy m2")), "ORG110")).toEqual([]);
  });

  it("reports a missing deputy on the header", () => {
    const result = checkSpec(cell("  secretary m1"));
    expect(reported(result, "ORG110")).toEqual([`${AT} Silk Mill Cell has no deputy; a party cell is led by a secretary and a deputy secretary`]);
    expect(result.diagnostics.find((d) => d.code === "ORG110")?.severity).toBe("error");
  });

  it("reports a missing secretary, and both missing, once", () => {
    expect(reported(checkSpec(cell("  deputy m2")), "ORG110")).toEqual([
      `${AT} Silk Mill Cell has no secretary; a party cell is led by a secretary and a deputy secretary`,
    ]);
    expect(reported(checkSpec(cell("")), "ORG110")).toEqual([
      `${AT} Silk Mill Cell has no secretary and no deputy; a party cell is led by a secretary and a deputy secretary`,
    ]);
  });

  it("reports a candidate secretary on the secretary line, with the roster entry", () => {
    const result = checkSpec(cell("  secretary yun_guk\n  deputy m2", '\n  candidate yun_guk "Yun Guk" since 2025-11-01'));
    expect(reported(result, "ORG110")).toEqual(["4:3-4:20 Yun Guk, the secretary, is a candidate, not a full member"]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG110")!;
    expect(diagnostic.related.map((related) => `${result.at({ ...diagnostic, span: related.span })} ${related.message}`)).toEqual([
      "11:3-11:47 Yun Guk is a candidate since 2025-11-01 in Silk Mill Cell",
    ]);
  });

  it("reports a candidate deputy on the deputy line", () => {
    const result = checkSpec(cell("  secretary m1\n  deputy k", '\n  candidate k "Kang" since 2025-11-01'));
    expect(reported(result, "ORG110")).toEqual(["5:3-5:11 Kang, the deputy, is a candidate, not a full member"]);
  });

  it("reports a secretary from another unit's roster, pointing to it", () => {
    const other = `cell d "Other Cell" {\n  under uiju\n  secretary x\n  deputy y\n  member x "Ri X" joined 2010-01-01\n  member y "Ri Y" joined 2010-01-01\n}\n`;
    const result = checkSpec(cell("  secretary x\n  deputy m2", "", other));
    expect(reported(result, "ORG110")).toEqual([
      "4:3-4:14 Ri X, the secretary, is not in the roster of Silk Mill Cell or of any unit under it; the secretary and deputy are full members of the unit",
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG110")!;
    expect(diagnostic.related.map((related) => `${result.at({ ...diagnostic, span: related.span })} ${related.message}`)).toEqual([
      "16:3-16:36 Ri X is in the roster of Other Cell",
    ]);
  });

  it("reports a secretary in no roster at all", () => {
    const result = checkSpec(cell("  secretary x\n  deputy m2", "", 'person x "Ri X"\n'));
    expect(reported(result, "ORG110")).toEqual([
      "4:3-4:14 Ri X, the secretary, is not in the roster of Silk Mill Cell or of any unit under it; the secretary and deputy are full members of the unit",
    ]);
  });

  it("reports the same person in both roles once, on the deputy line", () => {
    const result = checkSpec(cell("  secretary m1\n  deputy m1"));
    expect(reported(result, "ORG110")).toEqual(["5:3-5:12 M 1 is both the secretary and the deputy of Silk Mill Cell; the deputy must be another person"]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG110")!;
    expect(diagnostic.related.map((related) => result.at({ ...diagnostic, span: related.span }))).toEqual(["4:3-4:15"]);
  });

  it("accepts a primary's secretary and deputy from the cells under it", () => {
    const spec = `import "committees.org"
primary p "Test Primary" {
  under sinuiju
  secretary a1
  deputy b1
}
cell a "Cell A" {
  under p
  secretary a1
  deputy a2
${exampleRoster("a", 5)}
}
cell b "Cell B" {
  under p
  secretary b1
  deputy b2
${exampleRoster("b", 5)}
}
`;
    expect(reported(checkSpec(spec), "ORG110")).toEqual([]);
  });

  it("reports a primary's secretary who belongs to a unit outside it, and a primary with no roles", () => {
    const spec = `import "committees.org"
primary p "Test Primary" {
  under sinuiju
  secretary m1
}
${cell("  secretary m1\n  deputy m2").replace('import "committees.org"\n', "")}`;
    expect(reported(checkSpec(spec), "ORG110")).toEqual([
      "2:9-2:10 Test Primary has no deputy; a primary party organization is led by a secretary and a deputy secretary",
      "4:3-4:15 M 1, the secretary, is not in the roster of Test Primary or of any unit under it; the secretary and deputy are full members of the unit",
    ]);
  });

  it("stays silent about a role that names no person", () => {
    const result = checkSpec(cell("  secretary nobody\n  deputy uiju"));
    expect(result.codes().filter((code) => code === "ORG002" || code === "ORG005")).toEqual(["ORG002", "ORG005"]);
    expect(reported(result, "ORG110")).toEqual([]);
  });

  it("leaves teams and committees alone", () => {
    const spec = `import "committees.org"
team t "Test Team" {
  under central
  approved 2024-01-01 by central
  member a "A" joined 2010-01-01
}
`;
    expect(reported(checkSpec(spec), "ORG110")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${leadership.docs.failing}`), "ORG110")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${leadership.docs.passing}`), "ORG110")).toEqual([]);
  });
});
