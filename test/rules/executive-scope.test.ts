import { describe, expect, it } from "vitest";
import { executiveScope } from "../../src/rules/structure/executive-scope.js";
import { checkSpec, reported } from "../helpers.js";

/** A unit of `kind` on line 2 with `bodies` from line 4 and members a, b, c, d, e. */
function unit(kind: string, under: string, bodies: string, rest = ""): string {
  return `import "committees.org"
${kind} u "Test Unit" {
  under ${under}
${bodies}
  member a "Kim A" joined 2010-01-01
  member b "Ri B" joined 2010-01-01
  member c "Pak C" joined 2010-01-01
  member d "O D" joined 2010-01-01
  member e "Jo E" joined 2010-01-01
}
${rest}`;
}

const TOP = `primary top "Top Primary" {\n  under sinuiju\n}\n`;

describe("ORG113 executive-scope", () => {
  it("reports an executive committee in a cell, on the executive block", () => {
    const result = checkSpec(unit("cell", "uiju", "  executive { members a, b }"));
    expect(reported(result, "ORG113")).toEqual([
      "4:3-4:29 Test Unit is a party cell and has an executive committee; only a primary or sub-primary party organization elects one",
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG113")?.severity).toBe("error");
  });

  it("reports an executive committee in a branch or a team", () => {
    expect(reported(checkSpec(unit("branch", "top", "  committee { members a, b }\n  executive { members a }", TOP)), "ORG113")).toEqual([
      "5:3-5:26 Test Unit is a branch party organization and has an executive committee; only a primary or sub-primary party organization elects one",
    ]);
    expect(reported(checkSpec(unit("team", "central", "  executive { members a }")), "ORG113")).toHaveLength(1);
  });

  it("accepts a primary's or sub-primary's executive drawn from its committee", () => {
    const bodies = "  committee { members a, b, c }\n  executive { members a, b }";
    expect(reported(checkSpec(unit("primary", "sinuiju", bodies)), "ORG113")).toEqual([]);
    expect(reported(checkSpec(unit("subprimary", "top", bodies, TOP)), "ORG113")).toEqual([]);
  });

  it("reports executive members who are not on the committee, naming them, pointing to the committee", () => {
    const result = checkSpec(unit("primary", "sinuiju", "  committee { members a, b }\n  executive { members a, d, e }"));
    expect(reported(result, "ORG113")).toEqual([
      "5:3-5:32 O D and Jo E are on the executive committee of Test Unit but not on its committee; the committee elects the executive committee from among its members",
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG113")!;
    expect(diagnostic.related.map((related) => `${result.at({ ...diagnostic, span: related.span })} ${related.message}`)).toEqual([
      "4:3-4:29 the committee of Test Unit",
    ]);
  });

  it("names a single outsider once", () => {
    expect(reported(checkSpec(unit("primary", "sinuiju", "  committee { members a, b }\n  executive { members a, e, e }")), "ORG113")).toEqual([
      "5:3-5:32 Jo E is on the executive committee of Test Unit but not on its committee; the committee elects the executive committee from among its members",
    ]);
  });

  it("leaves a primary without a committee to ORG112", () => {
    const result = checkSpec(unit("primary", "sinuiju", "  executive { members a, b }"));
    expect(result.codes()).toContain("ORG112");
    expect(reported(result, "ORG113")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${executiveScope.docs.failing}`), "ORG113")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${executiveScope.docs.passing}`), "ORG113")).toEqual([]);
  });
});
