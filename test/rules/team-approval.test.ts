import { describe, expect, it } from "vitest";
import { teamApproval } from "../../src/rules/structure/team-approval.js";
import { checkSpec, reported } from "../helpers.js";

/** A team on line 2 (its ID at 2:6-2:13) with `approval` on line 5, then `rest`. */
function team(approval: string, rest = ""): string {
  return `import "committees.org"
team beijing "Trade Mission Party Team, Beijing" {
  under central
  setting abroad
${approval}
  member a "A" joined 2010-01-01
}
${rest}`;
}

const NEED = "a party team is formed with the approval of the Central Committee";

describe("ORG106 team-approval", () => {
  it("accepts an approval by the Central Committee", () => {
    expect(reported(checkSpec(team("  approved 2024-10-01 by central")), "ORG106")).toEqual([]);
  });

  it("reports an approval by a provincial committee, on the approved line", () => {
    const result = checkSpec(team("  approved 2024-10-01 by north_pyongan"));
    expect(reported(result, "ORG106")).toEqual([
      `5:3-5:39 Trade Mission Party Team, Beijing was approved by North Pyongan Provincial Party Committee, a provincial party committee; ${NEED}`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG106")?.severity).toBe("error");
  });

  it("reports an approval by a unit that is not a committee", () => {
    const cell = `cell c "Test Cell" {\n  under uiju\n}\n`;
    expect(reported(checkSpec(team("  approved 2024-10-01 by c", cell)), "ORG106")).toEqual([
      `5:3-5:27 Trade Mission Party Team, Beijing was approved by Test Cell, a party cell; ${NEED}`,
    ]);
  });

  it("reports a team with no approval on its identifier", () => {
    expect(reported(checkSpec(team("")), "ORG106")).toEqual([
      "2:6-2:13 Trade Mission Party Team, Beijing records no approval; a party team is formed with the approval of the Central Committee (`approved DATE by` a committee of level central)",
    ]);
  });

  it("stays silent when the approving unit does not resolve", () => {
    const result = checkSpec(team("  approved 2024-10-01 by centrl"));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG106")).toEqual([]);
  });

  it("stays silent about a committee without a level", () => {
    const nolevel = `committee wpk "Committee" { }\n`;
    expect(reported(checkSpec(team("  approved 2024-10-01 by wpk", nolevel)), "ORG106")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${teamApproval.docs.failing}`), "ORG106")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${teamApproval.docs.passing}`), "ORG106")).toEqual([]);
  });
});
