import { describe, expect, it } from "vitest";
import { committeeMeeting } from "../../src/rules/meetings/committee-meeting.js";
import { checkSpec, reported } from "../helpers.js";

/** A unit of `kind` on line 3, with a committee (and an executive when asked), then `events`. */
function spec(period: string, events: string, { kind = "primary", executive = false, committee = true, properties = "" } = {}): string {
  return `import "committees.org"
${period}
${kind} plant "Machine Plant" {
  under sinuiju${properties}${committee ? "\n  committee { members cha_rim, hong_ae }" : ""}${executive ? "\n  executive { members cha_rim }" : ""}
  member cha_rim "Cha Rim" joined 2010-01-01
  member hong_ae "Hong Ae" joined 2010-01-01
}
${events}`;
}

const AT = "3:9-3:14";
const TWO = "period 2026-01-01 to 2026-02-28";
const twice = "the committee of a primary party organization meets at least twice a month";

describe("ORG204 committee-meeting", () => {
  it("reports each month with fewer than two committee meetings, naming it", () => {
    const result = checkSpec(spec(TWO, "every month from 2026-01-05 to 2026-02-05 committee meeting plant"));
    expect(reported(result, "ORG204")).toEqual([
      `${AT} Machine Plant held only 1 committee meeting in 2026-01; ${twice}`,
      `${AT} Machine Plant held only 1 committee meeting in 2026-02; ${twice}`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG204")?.severity).toBe("error");
  });

  it("accepts exactly two in each month", () => {
    const events = "on 2026-01-01 committee meeting plant\non 2026-01-31 committee meeting plant\nevery 2 weeks from 2026-02-02 to 2026-02-16 committee meeting plant";
    expect(reported(checkSpec(spec(TWO, events)), "ORG204")).toEqual([]);
  });

  it("needs one a month where the unit has an executive committee", () => {
    const events = "on 2026-01-05 committee meeting plant";
    const result = checkSpec(spec(TWO, events, { executive: true }));
    expect(reported(result, "ORG204")).toEqual([
      `${AT} Machine Plant held no committee meeting in 2026-02; the committee of a primary party organization with an executive committee meets at least once a month`,
    ]);
  });

  it("accepts a monthly series from the 31st where the unit has an executive", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-06-30", "every month from 2026-01-31 to 2026-06-30 committee meeting plant", { executive: true }));
    expect(reported(result, "ORG204")).toEqual([]);
  });

  it("checks branch and sub-primary committees too, naming the kind", () => {
    const events = "on 2026-01-05 committee meeting plant\non 2026-01-19 committee meeting plant";
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-01-31", "", { kind: "branch" })), "ORG204")).toEqual([
      "3:8-3:13 Machine Plant held no committee meeting in 2026-01; the committee of a branch party organization meets at least twice a month",
    ]);
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-01-31", events, { kind: "subprimary" })), "ORG204")).toEqual([]);
  });

  it("does not count a partial month of the window", () => {
    const result = checkSpec(spec(TWO, "", { properties: "\n  established 2026-01-02" }));
    expect(reported(result, "ORG204")).toEqual([`${AT} Machine Plant held no committee meeting in 2026-02; ${twice}`]);
  });

  it("says nothing about a unit without a committee (ORG112's finding) or a cell's committee (ORG202)", () => {
    expect(reported(checkSpec(spec(TWO, "", { committee: false })), "ORG204")).toEqual([]);
    expect(reported(checkSpec(spec(TWO, "", { kind: "cell" })), "ORG204")).toEqual([]);
  });

  it("is silent without a period", () => {
    expect(reported(checkSpec(spec("", "")), "ORG204")).toEqual([]);
  });

  it("honours the perMonth and perMonthWithExecutive options", () => {
    const rulebook = new Map([["ORG204", { severity: "error" as const, options: { perMonth: 1, perMonthWithExecutive: 2 } }]]);
    const events = "every month from 2026-01-05 to 2026-02-05 committee meeting plant";
    expect(reported(checkSpec(spec(TWO, events), { rulebook }), "ORG204")).toEqual([]);
    expect(reported(checkSpec(spec(TWO, events, { executive: true }), { rulebook }), "ORG204")).toHaveLength(2);
  });

  it("reports its failing example and not its passing one", () => {
    const run = (example: string) => reported(checkSpec(`import "committees.org"\n${example}`), "ORG204");
    expect(run(committeeMeeting.docs.failing)).toHaveLength(2);
    expect(run(committeeMeeting.docs.passing)).toEqual([]);
  });
});
