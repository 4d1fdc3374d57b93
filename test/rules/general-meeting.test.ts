import { describe, expect, it } from "vitest";
import { generalMeeting } from "../../src/rules/meetings/general-meeting.js";
import { checkSpec, reported } from "../helpers.js";

/** A unit of `kind` on line 3 (its ID at 3:N-3:N+5), then `events`. */
function spec(period: string, events: string, { kind = "primary", properties = "", roster = "" } = {}): string {
  return `import "committees.org"
${period}
${kind} plant "Machine Plant" {
  under sinuiju${properties}${roster}
}
${events}`;
}

/** `count` roster entries. */
function members(count: number): string {
  return Array.from({ length: count }, (_, i) => `\n  member p${i} "P ${i}" joined 2010-01-01`).join("");
}

const AT = "3:9-3:14";
const SIX = "period 2026-01-01 to 2026-06-30";
const need = "a primary party organization holds one at least every 3 months";

describe("ORG203 general-meeting", () => {
  it("reports a gap of more than 3 months between general meetings, at the unit's identifier", () => {
    const result = checkSpec(spec(SIX, "on 2026-01-20 meeting plant\non 2026-05-20 meeting plant"));
    expect(reported(result, "ORG203")).toEqual([
      `${AT} Machine Plant held no general meeting from 2026-01-20 to 2026-05-20, more than 3 months; ${need}`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG203")?.severity).toBe("error");
  });

  it("accepts exactly 3 months between meetings, and from the window's start and to its end", () => {
    const events = "on 2026-04-01 meeting plant\non 2026-07-01 meeting plant";
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-10-01", events)), "ORG203")).toEqual([]);
  });

  it("measures from the window's start to the first meeting", () => {
    const result = checkSpec(spec(SIX, "on 2026-04-02 meeting plant\non 2026-06-30 meeting plant"));
    expect(reported(result, "ORG203")).toEqual([
      `${AT} Machine Plant held no general meeting from 2026-01-01 (start of the period) to 2026-04-02, more than 3 months; ${need}`,
    ]);
  });

  it("measures from the last meeting to the window's end", () => {
    const result = checkSpec(spec(SIX, "on 2026-01-01 meeting plant\non 2026-03-29 meeting plant"));
    expect(reported(result, "ORG203")).toEqual([
      `${AT} Machine Plant held no general meeting from 2026-03-29 to 2026-06-30 (end of the period), more than 3 months; ${need}`,
    ]);
  });

  it("reports no meeting at all as one gap, the whole window", () => {
    expect(reported(checkSpec(spec(SIX, "")), "ORG203")).toEqual([
      `${AT} Machine Plant held no general meeting from 2026-01-01 (start of the period) to 2026-06-30 (end of the period), more than 3 months; ${need}`,
    ]);
  });

  it("uses month-end clamping: 2025-11-30 + 3 months is 2026-02-28", () => {
    const period = "period 2025-11-30 to 2026-02-28";
    expect(reported(checkSpec(spec(period, "")), "ORG203")).toEqual([]);
  });

  it("starts the window at `established` inside the period", () => {
    const result = checkSpec(spec(SIX, "on 2026-06-01 meeting plant", { properties: "\n  established 2026-03-01" }));
    expect(reported(result, "ORG203")).toEqual([]);
  });

  it("does not count meetings before the period", () => {
    const result = checkSpec(spec("period 2026-01-01 to 2026-04-30", "on 2025-12-31 meeting plant\non 2026-04-02 meeting plant"));
    expect(reported(result, "ORG203")).toEqual([
      `${AT} Machine Plant held no general meeting from 2026-01-01 (start of the period) to 2026-04-02, more than 3 months; ${need}`,
    ]);
  });

  it("gives a primary of more than 500 members and candidates 12 months", () => {
    const events = "on 2026-01-15 meeting plant";
    const large = checkSpec(spec("period 2026-01-01 to 2026-12-31", events, { roster: members(501) }));
    expect(reported(large, "ORG203")).toEqual([]);
    const year = checkSpec(spec("period 2026-01-01 to 2027-03-31", events, { roster: members(501) }));
    expect(reported(year, "ORG203")).toEqual([
      `${AT} Machine Plant held no general meeting from 2026-01-15 to 2027-03-31 (end of the period), more than 12 months; a primary party organization of more than 500 members and candidates (this one has 501) holds one at least every 12 months`,
    ]);
  });

  it("keeps 3 months for a primary of exactly 500, and for a large branch", () => {
    const events = "on 2026-01-15 meeting plant\non 2026-06-15 meeting plant";
    expect(reported(checkSpec(spec(SIX, events, { roster: members(500) })), "ORG203")).toHaveLength(1);
    const branch = checkSpec(spec(SIX, events, { kind: "branch", roster: members(501) }));
    expect(reported(branch, "ORG203")).toEqual([
      "3:8-3:13 Machine Plant held no general meeting from 2026-01-15 to 2026-06-15, more than 3 months; a branch party organization holds one at least every 3 months",
    ]);
  });

  it("checks sub-primary organizations, not cells or committees", () => {
    const subprimary = checkSpec(spec(SIX, "", { kind: "subprimary" }));
    expect(reported(subprimary, "ORG203")).toHaveLength(1);
    expect(reported(checkSpec(spec(SIX, "", { kind: "cell" })), "ORG203")).toEqual([]);
  });

  it("is silent without a period", () => {
    expect(reported(checkSpec(spec("", "")), "ORG203")).toEqual([]);
  });

  it("honours the interval option", () => {
    const rulebook = new Map([["ORG203", { severity: "error" as const, options: { interval: { count: 2, unit: "month" } } }]]);
    const result = checkSpec(spec("period 2026-01-01 to 2026-03-31", "on 2026-01-01 meeting plant\non 2026-03-31 meeting plant"), { rulebook });
    expect(reported(result, "ORG203")).toEqual([
      `${AT} Machine Plant held no general meeting from 2026-01-01 to 2026-03-31, more than 2 months; a primary party organization holds one at least every 2 months`,
    ]);
  });

  it("reports its failing example and not its passing one", () => {
    const run = (example: string) => reported(checkSpec(`import "committees.org"\n${example}`), "ORG203");
    expect(run(generalMeeting.docs.failing)).toHaveLength(1);
    expect(run(generalMeeting.docs.passing)).toEqual([]);
  });
});
