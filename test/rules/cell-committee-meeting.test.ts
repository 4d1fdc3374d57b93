import { describe, expect, it } from "vitest";
import { cellCommitteeMeeting } from "../../src/rules/meetings/cell-committee-meeting.js";
import { checkSpec, reported } from "../helpers.js";

/** A cell on line 3 (its ID at 3:6-3:11), with a Party Cell Committee when `committee`, then `events`. */
function spec(period: string, events: string, { committee = true, properties = "" } = {}): string {
  return `import "committees.org"
${period}
cell fibre "Chemical Fibre Cell" {
  under sinuiju
  critique weekly${committee ? "\n  committee { members an_chol, kim_myong }" : ""}${properties}
  member an_chol "An Chol" joined 2010-01-01
  member kim_myong "Kim Myong" joined 2010-01-01
}
${events}`;
}

const AT = "3:6-3:11";
const need = "a Party Cell Committee meets at least once a month";

describe("ORG202 cell-committee-meeting", () => {
  it("reports a month without a committee meeting, naming it, at the cell's identifier", () => {
    const result = checkSpec(
      spec("period 2026-01-01 to 2026-03-31", "on 2026-01-08 committee meeting fibre\non 2026-03-08 committee meeting fibre"),
    );
    expect(reported(result, "ORG202")).toEqual([`${AT} Chemical Fibre Cell held no Party Cell Committee meeting in 2026-02; ${need}`]);
  });

  it("reports one diagnostic per month that falls short", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-03-31", "on 2026-02-08 committee meeting fibre"));
    expect(reported(result, "ORG202")).toEqual([
      `${AT} Chemical Fibre Cell held no Party Cell Committee meeting in 2026-01; ${need}`,
      `${AT} Chemical Fibre Cell held no Party Cell Committee meeting in 2026-03; ${need}`,
    ]);
  });

  it("accepts exactly one committee meeting in each month, and a monthly series from the 31st", () => {
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-06-30", "every month from 2026-01-31 to 2026-06-30 committee meeting fibre")), "ORG202")).toEqual([]);
  });

  it("does not count general meetings of the cell", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-01-31", "on 2026-01-08 meeting fibre"));
    expect(reported(result, "ORG202")).toEqual([`${AT} Chemical Fibre Cell held no Party Cell Committee meeting in 2026-01; ${need}`]);
  });

  it("does not count a partial month cut by `established`", () => {
    const result = checkSpec(
      spec("period 2026-01-01 to 2026-03-31", "on 2026-03-08 committee meeting fibre", { properties: "\n  established 2026-01-20" }),
    );
    expect(reported(result, "ORG202")).toEqual([`${AT} Chemical Fibre Cell held no Party Cell Committee meeting in 2026-02; ${need}`]);
  });

  it("says nothing about a cell without a committee (ORG111's finding)", () => {
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-03-31", "", { committee: false })), "ORG202")).toEqual([]);
  });

  it("is silent without a period", () => {
    expect(reported(checkSpec(spec("", "")), "ORG202")).toEqual([]);
  });

  it("honours the perMonth option", () => {
    const rulebook = new Map([["ORG202", { severity: "warning" as const, options: { perMonth: 3 } }]]);
    const result = checkSpec(spec("period 2026-01-01 to 2026-01-31", "every 2 weeks from 2026-01-05 to 2026-01-19 committee meeting fibre"), { rulebook });
    expect(reported(result, "ORG202")).toEqual([
      `${AT} Chemical Fibre Cell held only 2 Party Cell Committee meetings in 2026-01; a Party Cell Committee meets at least 3 times a month`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG202")?.severity).toBe("warning");
  });

  it("reports its failing example and not its passing one", () => {
    const run = (example: string) => reported(checkSpec(`import "committees.org"\n${example}`), "ORG202");
    expect(run(cellCommitteeMeeting.docs.failing)).toHaveLength(1);
    expect(run(cellCommitteeMeeting.docs.passing)).toEqual([]);
  });
});
