import { describe, expect, it } from "vitest";
import { cellMeeting } from "../../src/rules/meetings/cell-meeting.js";
import { checkSpec, reported } from "../helpers.js";

/** A cell on line 3 (its ID at 3:6-3:11), then `events`. */
function spec(period: string, events: string, properties = ""): string {
  return `import "committees.org"
${period}
cell mill3 "Textile Mill Cell No. 3" {
  under sinuiju
  critique weekly${properties}
}
${events}`;
}

const AT = "3:6-3:11";
const need = "a party cell meets at least once a month";

describe("ORG201 cell-meeting", () => {
  it("reports a month with no meeting, naming it, at the cell's identifier", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-03-31", "on 2026-01-12 meeting mill3\non 2026-03-12 meeting mill3"));
    expect(reported(result, "ORG201")).toEqual([`${AT} Textile Mill Cell No. 3 held no meeting in 2026-02; ${need}`]);
    expect(result.diagnostics.find((d) => d.code === "ORG201")?.severity).toBe("error");
  });

  it("reports one diagnostic per month that falls short", () => {
    const result = checkSpec(
      spec("period 2026-01-01 to 2026-04-30", "on 2026-01-12 meeting mill3\non 2026-03-12 meeting mill3"),
    );
    expect(reported(result, "ORG201")).toEqual([
      `${AT} Textile Mill Cell No. 3 held no meeting in 2026-02; ${need}`,
      `${AT} Textile Mill Cell No. 3 held no meeting in 2026-04; ${need}`,
    ]);
  });

  it("accepts exactly one meeting a month, on the first and on the last day", () => {
    const events = "on 2026-01-01 meeting mill3\non 2026-02-28 meeting mill3\non 2026-03-31 meeting mill3";
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-03-31", events)), "ORG201")).toEqual([]);
  });

  it("accepts a monthly series from the 31st (clamped to each month's last day)", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-06-30", "every month from 2026-01-31 to 2026-06-30 meeting mill3"));
    expect(reported(result, "ORG201")).toEqual([]);
  });

  it("accepts a monthly series from the 31st through February of a leap year", () => {
    const result = checkSpec(spec("period 2028-01-01 to 2028-04-30", "every month from 2028-01-31 to 2028-04-30 meeting mill3"));
    expect(reported(result, "ORG201")).toEqual([]);
  });

  it("does not count a partial first or last month of the period", () => {
    const result = checkSpec(spec("period 2026-01-15 to 2026-04-20", "on 2026-02-10 meeting mill3\non 2026-03-10 meeting mill3"));
    expect(reported(result, "ORG201")).toEqual([]);
  });

  it("starts the window at `established` inside the period; its partial month is not counted", () => {
    const result = checkSpec(
      spec("period 2026-01-01 to 2026-04-30", "on 2026-04-10 meeting mill3", "\n  established 2026-02-15"),
    );
    expect(reported(result, "ORG201")).toEqual([`${AT} Textile Mill Cell No. 3 held no meeting in 2026-03; ${need}`]);
  });

  it("says nothing for a cell established after the period", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-03-31", "", "\n  established 2026-05-01"));
    expect(reported(result, "ORG201")).toEqual([]);
  });

  it("does not count meetings before the period", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-01-31", "on 2025-12-31 meeting mill3"));
    expect(reported(result, "ORG201")).toEqual([`${AT} Textile Mill Cell No. 3 held no meeting in 2026-01; ${need}`]);
  });

  it("is silent without a period", () => {
    const result = checkSpec(spec("", ""));
    expect(result.codes()).toContain("ORG009");
    expect(reported(result, "ORG201")).toEqual([]);
  });

  it("checks cells only", () => {
    const result = checkSpec(`import "committees.org"
period 2026-01-01 to 2026-03-31
primary plant "Machine Plant Primary Party Organization" { under sinuiju }`);
    expect(reported(result, "ORG201")).toEqual([]);
  });

  it("honours the perMonth option and names how many were held", () => {
    const rulebook = new Map([["ORG201", { severity: "error" as const, options: { perMonth: 2 } }]]);
    const events = "every 2 weeks from 2026-01-05 to 2026-02-02 meeting mill3";
    const result = checkSpec(spec("period 2026-01-01 to 2026-02-28", events), { rulebook });
    expect(reported(result, "ORG201")).toEqual([
      `${AT} Textile Mill Cell No. 3 held only 1 meeting in 2026-02; a party cell meets at least twice a month`,
    ]);
  });

  it("reports its failing example and not its passing one", () => {
    const run = (example: string) => reported(checkSpec(`import "committees.org"\n${example}`), "ORG201");
    expect(run(cellMeeting.docs.failing)).toHaveLength(1);
    expect(run(cellMeeting.docs.passing)).toEqual([]);
  });
});
