// An event dated after the period's end gets ORG007 and nothing else: no
// bylaw rule judges it (RULES.md, Clarifications: one cause, one diagnostic).
import { describe, expect, it } from "vitest";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** The membership example (period 2026-01-01 to 2026-06-30); events from line 14. */
const spec = (events: string[]) => `import "committees.org"\n${membershipExample([], events)}\n`;
/** What the example reports before any event is added (its leadership, critique and reports). */
const BASELINE = new Set(checkSpec(spec([])).codes());
const added = (result: ReturnType<typeof checkSpec>) => result.codes().filter((code) => !BASELINE.has(code));

describe("events after the period's end", () => {
  it("a review on a day the cell did not meet, after the period, is ORG007 only", () => {
    const result = checkSpec(
      spec([`on 2026-06-20 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }`, `on 2026-07-03 review tak_s at acad`]),
    );
    expect(added(result)).toEqual(["ORG007"]);
    expect(reported(result, "ORG007")).toEqual(["15:1-15:35 this event on 2026-07-03 is after the period's end (2026-06-30)"]);
  });

  it("a forward with no review, after the period, is ORG007 only, and no decision falls due", () => {
    const result = checkSpec(
      spec([`on 2026-06-20 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }`, `on 2026-07-01 forward tak_s to uiju`]),
    );
    expect(added(result)).toEqual(["ORG007"]);
  });

  it("a decision after the period does not close a deadline inside it", () => {
    const events = [
      `on 2026-04-03 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }`,
      `on 2026-04-12 review tak_s at acad`,
      `on 2026-04-13 forward tak_s to sinuiju`,
      `on 2026-07-20 approve tak_s by sinuiju`,
    ];
    const result = checkSpec(spec(events));
    expect(reported(result, "ORG007")).toEqual(["17:1-17:39 this event on 2026-07-20 is after the period's end (2026-06-30)"]);
    // The records through 2026-06-30 hold no decision: the forward is overdue, and the late approve is not judged.
    expect(reported(result, "ORG304")).toEqual([
      "16:1-16:39 Tak S's application was forwarded to Sinuiju City Party Committee on 2026-04-13; no decision by 2026-05-13, one month later",
    ]);
    expect(added(result)).toEqual(["ORG304", "ORG007"]);
  });

  it("a meeting after the period counts for no cadence, and a series past it gets one ORG007", () => {
    const result = checkSpec(`import "committees.org"
period 2026-01-01 to 2026-03-31
cell tiny "Tiny Cell" {
  under sinuiju
  critique weekly
}
every week from 2026-01-01 to 2026-03-31 critique tiny
every month from 2026-01-10 to 2026-03-10 report tiny to sinuiju, north_pyongan
on 2026-01-10 meeting tiny
on 2026-03-10 meeting tiny
on 2026-04-10 meeting tiny
every month from 2026-02-15 to 2026-08-15 meeting tiny
`);
    expect(reported(result, "ORG007")).toEqual([
      "11:1-11:27 this event on 2026-04-10 is after the period's end (2026-03-31)",
      "12:1-12:55 5 of this series' events fall after the period's end (2026-03-31), the last on 2026-08-15",
    ]);
    expect(reported(result, "ORG201")).toEqual([]);
    expect(result.model.series.at(-1)).toMatchObject({ total: 7 });
    expect(result.model.units.find((unit) => unit.id === "tiny")!.timeline.gatherings.meeting.map((meeting) => meeting.day)).toHaveLength(4);
  });
});
