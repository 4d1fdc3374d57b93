import { describe, expect, it } from "vitest";
import { executiveMeeting } from "../../src/rules/meetings/executive-meeting.js";
import { checkSpec, reported } from "../helpers.js";

/** A unit of `kind` on line 3 with a committee and an executive, then `events`. */
function spec(period: string, events: string, { kind = "primary", executive = true, properties = "" } = {}): string {
  return `import "committees.org"
${period}
${kind} works "Textile Works" {
  under sinuiju${properties}
  committee { members so_bok, choe_dok }${executive ? "\n  executive { members so_bok }" : ""}
  member so_bok "So Bok" joined 2010-01-01
  member choe_dok "Choe Dok" joined 2010-01-01
}
${events}`;
}

const AT = "3:9-3:14";
const TWO = "period 2026-01-01 to 2026-02-28";
const need = "an executive committee meets at least twice a month";

describe("ORG205 executive-meeting", () => {
  it("reports a month with fewer than two executive meetings, naming it", () => {
    const events = "on 2026-01-05 executive meeting works\non 2026-01-19 executive meeting works\non 2026-02-09 executive meeting works";
    const result = checkSpec(spec(TWO, events));
    expect(reported(result, "ORG205")).toEqual([`${AT} Textile Works held only 1 executive committee meeting in 2026-02; ${need}`]);
    expect(result.diagnostics.find((d) => d.code === "ORG205")?.severity).toBe("error");
  });

  it("reports one diagnostic per month that falls short", () => {
    expect(reported(checkSpec(spec(TWO, "")), "ORG205")).toEqual([
      `${AT} Textile Works held no executive committee meeting in 2026-01; ${need}`,
      `${AT} Textile Works held no executive committee meeting in 2026-02; ${need}`,
    ]);
  });

  it("accepts exactly two in each month", () => {
    expect(reported(checkSpec(spec(TWO, "every 2 weeks from 2026-01-05 to 2026-02-16 executive meeting works")), "ORG205")).toEqual([]);
  });

  it("does not count committee meetings", () => {
    const events = "every 2 weeks from 2026-01-05 to 2026-02-16 committee meeting works";
    expect(reported(checkSpec(spec(TWO, events)), "ORG205")).toHaveLength(2);
  });

  it("checks sub-primary executives; not units without one, nor an executive that only ORG113 may judge", () => {
    expect(reported(checkSpec(spec(TWO, "", { kind: "subprimary" })), "ORG205")).toHaveLength(2);
    expect(reported(checkSpec(spec(TWO, "", { executive: false })), "ORG205")).toEqual([]);
    expect(reported(checkSpec(spec(TWO, "", { kind: "branch" })), "ORG205")).toEqual([]);
    expect(reported(checkSpec(spec(TWO, "", { kind: "cell" })), "ORG205")).toEqual([]);
  });

  it("starts the window at `established`, leaving its partial month out", () => {
    const result = checkSpec(spec(TWO, "", { properties: "\n  established 2026-01-10" }));
    expect(reported(result, "ORG205")).toEqual([`${AT} Textile Works held no executive committee meeting in 2026-02; ${need}`]);
  });

  it("is silent without a period", () => {
    expect(reported(checkSpec(spec("", "")), "ORG205")).toEqual([]);
  });

  it("honours the perMonth option", () => {
    const rulebook = new Map([["ORG205", { severity: "error" as const, options: { perMonth: 1 } }]]);
    expect(reported(checkSpec(spec(TWO, "every month from 2026-01-31 to 2026-02-28 executive meeting works"), { rulebook }), "ORG205")).toEqual([]);
  });

  it("reports its failing example and not its passing one", () => {
    const run = (example: string) => reported(checkSpec(`import "committees.org"\n${example}`), "ORG205");
    expect(run(executiveMeeting.docs.failing)).toHaveLength(1);
    expect(run(executiveMeeting.docs.passing)).toEqual([]);
  });
});
