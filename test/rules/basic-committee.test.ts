import { describe, expect, it } from "vitest";
import { basicCommittee } from "../../src/rules/structure/basic-committee.js";
import { checkSpec, reported } from "../helpers.js";

/**
 * A primary on line 3 (its ID at 3:9-3:10) with secretary a (line 5), deputy b (line 6) and `committee` from line 7,
 * a cell under it with a, b, c, d and e, then `rest`.
 */
function primary(committee: string, rest = "", kind = "primary", period = "period 2026-01-01 to 2026-06-30"): string {
  const parent = kind === "primary" ? "" : `primary top "Top Primary" {\n  under sinuiju\n}\n`;
  return `import "committees.org"
${period}
${kind} p "Test Organization" {
  under ${kind === "primary" ? "sinuiju" : "top"}
  secretary a
  deputy b
${committee}
}
cell c "Test Cell" {
  under p
  member a "Kim A" joined 2010-01-01
  member b "Ri B" joined 2010-01-01
  member c "Pak C" joined 2010-01-01
  member d "O D" joined 2010-01-01
  member e "Jo E" joined 2010-01-01
}
${parent}${rest}`;
}

const committee = (elected: string, members = "a, b, c") => `  committee {\n    elected ${elected}\n    members ${members}\n  }`;

describe("ORG112 basic-committee", () => {
  it("reports a primary without a committee, on its identifier", () => {
    const result = checkSpec(primary(""));
    expect(reported(result, "ORG112")).toEqual([
      "3:9-3:10 Test Organization has no committee (`committee { }`); the general meeting of a primary party organization elects a party committee, which elects the secretary and deputy",
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG112")?.severity).toBe("error");
  });

  it("applies to branches and sub-primary organizations", () => {
    expect(reported(checkSpec(primary("", "", "branch")), "ORG112")).toEqual([
      "3:8-3:9 Test Organization has no committee (`committee { }`); the general meeting of a branch party organization elects a party committee, which elects the secretary and deputy",
      // the primary above it has no committee either
      "17:9-17:12 Top Primary has no committee (`committee { }`); the general meeting of a primary party organization elects a party committee, which elects the secretary and deputy",
    ]);
    expect(reported(checkSpec(primary("", "", "subprimary")), "ORG112")[0]).toMatch(/^3:12-3:13 .*a sub-primary party organization elects/);
  });

  it("accepts a committee elected before the period with the secretary and deputy", () => {
    expect(reported(checkSpec(primary(committee("2025-12-15"))), "ORG112")).toEqual([]);
  });

  it("reports a secretary missing from the committee, on the secretary line", () => {
    const result = checkSpec(primary(committee("2025-12-15", "b, c")));
    expect(reported(result, "ORG112")).toEqual([
      "5:3-5:14 Kim A, the secretary, is not a member of the committee of Test Organization; the committee elects the secretary and deputy from among its members",
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG112")!;
    expect(diagnostic.related.map((related) => `${result.at({ ...diagnostic, span: related.span })} ${related.message}`)).toEqual([
      "7:3-10:4 the committee of Test Organization",
    ]);
  });

  it("accepts a committee elected in the period at a general meeting that day", () => {
    expect(reported(checkSpec(primary(committee("2026-02-02"), "on 2026-02-02 meeting p\n")), "ORG112")).toEqual([]);
  });

  it("reports a committee elected in the period on a day without a general meeting, on the date", () => {
    const result = checkSpec(primary(committee("2026-02-02"), "on 2026-02-03 meeting p\non 2026-02-02 committee meeting p\n"));
    expect(reported(result, "ORG112")).toEqual([
      "8:13-8:23 the committee of Test Organization was elected on 2026-02-02, but the unit held no general meeting (`meeting`) that day; the general meeting elects the party committee",
    ]);
  });

  it("counts a meeting from a series", () => {
    expect(reported(checkSpec(primary(committee("2026-03-02"), "every month from 2026-01-02 to 2026-06-02 meeting p\n")), "ORG112")).toEqual([]);
  });

  it("judges elections on the period's first and last day, and not after it", () => {
    expect(reported(checkSpec(primary(committee("2026-01-01"))), "ORG112")).toHaveLength(1);
    expect(reported(checkSpec(primary(committee("2026-06-30"))), "ORG112")).toHaveLength(1);
    expect(reported(checkSpec(primary(committee("2025-12-31"))), "ORG112")).toEqual([]);
  });

  it("does not judge the election without a period", () => {
    expect(reported(checkSpec(primary(committee("2026-02-02"), "", "primary", "")), "ORG112")).toEqual([]);
  });

  it("accepts a committee with no election date", () => {
    expect(reported(checkSpec(primary("  committee { members a, b }")), "ORG112")).toEqual([]);
  });

  it("leaves cells and teams alone", () => {
    const spec = `import "committees.org"
cell c "Test Cell" {
  under uiju
}
team t "Test Team" {
  under central
}
`;
    expect(reported(checkSpec(spec), "ORG112")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${basicCommittee.docs.failing}`), "ORG112")).toHaveLength(2);
    expect(reported(checkSpec(`import "committees.org"\n${basicCommittee.docs.passing}`), "ORG112")).toEqual([]);
  });
});
