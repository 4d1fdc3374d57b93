// Hostile numbers never hang: series expansion and date arithmetic are bounded
// by the dates, never by the count; absurd steps are ORG011 and a series too
// large to expand is ORG011 naming it, while the rest of the file is checked.
// What is asserted is the work done (the days expanded), not a time: a check
// that hung would still fail, by the suite's timeout.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SERIES_EVENTS } from "../../src/model/events.js";
import { addDuration, dayFromParts, formatDay, lastStepIndex, parseDay, seriesDays } from "../../src/util/dates.js";
import { checkSpec, reported } from "../helpers.js";

const CELL = `cell c "C Cell" {
  under sinuiju
  critique weekly
}`;

const program = (period: string, ...lines: string[]) => `import "committees.org"\n${period}\n${CELL}\n${lines.join("\n")}\n`;

/** Whether every series was expanded only over days of the period (its count never decides the work). */
function expandedWithinPeriod(result: ReturnType<typeof checkSpec>): boolean {
  const period = result.model.period!;
  return result.model.series.every((series) => series.days.length <= period.to - period.from + 1 && series.days.every((day) => day >= period.from && day <= period.to));
}

describe("series with hostile counts and dates", () => {
  it("reports a step longer than 1,000 years as ORG011 and still checks the rest", () => {
    const result = checkSpec(program("period 2026-01-01 to 2026-03-31", "every 1000000 years from 2026-01-01 to 2026-01-01 meeting c", "on 2026-02-30 meeting c"));
    expect(reported(result, "ORG011")).toEqual(["7:1-7:20 this series steps every 1000000 years; a step longer than 1,000 years is no record's cadence"]);
    // The rest of the file is still read: the invalid date on the next line, and the cell's own rules.
    expect(reported(result, "ORG004")).toEqual(["8:4-8:14 2026-02-30 is not a calendar date"]);
    expect(result.codes()).toContain("ORG101");
  });

  it("reports a step count too large to count exactly", () => {
    const result = checkSpec(program("period 2026-01-01 to 2026-03-31", `every ${"9".repeat(400)} days from 2026-01-01 to 2026-03-01 meeting c`));
    expect(reported(result, "ORG011")).toEqual([`7:1-7:${1 + 6 + 400 + 5} this series has a step count too large to count exactly; a step longer than 1,000 years is no record's cadence`]);
  });

  it("expands a series over the whole calendar only over the days of the period, not of its count", () => {
    const result = checkSpec(program("period 2026-01-01 to 2026-03-31", "every 1 day from 0001-01-01 to 9999-12-31 meeting c", "every 99999 days from 0001-01-01 to 9999-12-31 critique c"));
    const [daily, sparse] = result.model.series;
    // 3,652,059 days stand for the daily series (checked against Python's date.toordinal); only the 90 of the period are expanded.
    expect(daily!.total).toBe(3_652_059);
    expect(daily!.days).toHaveLength(90);
    expect(sparse!.total).toBe(37);
    expect(reported(result, "ORG007").map((line) => line.replace(/^\S+ /, ""))).toEqual([
      "2912353 of this series' events fall after the period's end (2026-03-31), the last on 9999-12-31",
      "29 of this series' events fall after the period's end (2026-03-31), the last on 9857-05-15",
    ]);
  });

  it("names a series whose expansion would pass the limit, does not expand it, and says the cadence was not checked", () => {
    const result = checkSpec(
      program("period 1800-01-01 to 2299-12-31", "every week from 1800-01-01 to 2299-12-31 critique c", "every day from 1800-01-01 to 2299-12-31 meeting c"),
    );
    expect(reported(result, "ORG011")).toEqual([
      "8:1-8:50 this series stands for 182,621 events from 1800-01-01 to 2299-12-31, more than the 100,000 one series may expand to; it was not expanded",
    ]);
    expect(MAX_SERIES_EVENTS).toBe(100_000);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG011")!;
    expect(diagnostic.related.map((note) => note.message)).toEqual(["the meeting cadence of C Cell (ORG201) was not checked because this series was not expanded"]);
    expect(result.model.series.map((series) => series.days.length)).toEqual([26_089, 0]);
    expect(reported(result, "ORG201")).toEqual([]);
  });

  it("expands every series header with extreme counts and dates over the period's days only", () => {
    const date = fc
      .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ year, month, day }) => formatDay(dayFromParts(year, month, day)));
    const count = fc.oneof(fc.constantFrom("", "1 ", "0 ", "999999999 ", "1000000 ", `${"9".repeat(30)} `), fc.integer({ min: 1, max: 2 ** 53 }).map((n) => `${n} `));
    const unit = fc.constantFrom("day", "days", "week", "weeks", "month", "months", "year", "years");
    // The series headers are hostile; the period is a real one (up to 50 years, anywhere in the calendar):
    // a check's cost follows the period, so a 9,999-year period costs what its 120,000 months of findings do.
    const period = fc.tuple(date, fc.integer({ min: 0, max: 50 * 366 })).map(([from, days]) => {
      const start = parseDay(from)!;
      return `period ${from} to ${formatDay(Math.min(start + days, parseDay("9999-12-31")!))}`;
    });
    fc.assert(
      fc.property(count, unit, date, date, period, (n, u, from, to, periodLine) => {
        const result = checkSpec(program(periodLine, `every ${n}${u} from ${from} to ${to} meeting c`, `every ${n}${u} from ${from} to ${to} report c to sinuiju`));
        expect(expandedWithinPeriod(result)).toBe(true);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });
});

describe("date arithmetic", () => {
  it("stays exact far past the years Date can hold", () => {
    const start = parseDay("2026-01-31")!;
    expect(Number.isFinite(addDuration(start, 1_000_000, "year"))).toBe(true);
    expect(addDuration(start, 12 * 1_000_000, "month")).toBe(addDuration(start, 1_000_000, "year"));
    expect(formatDay(addDuration(start, 1, "month"))).toBe("2026-02-28");
    expect(dayFromParts(1970, 1, 1)).toBe(0);
    expect(dayFromParts(2000, 3, 1)).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
  });

  it("counts a series' steps without walking them, for month steps from the 31st too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom("day", "week", "month", "year" as const), (fromOffset, length, count, unit) => {
        const from = parseDay("2020-01-31")! + fromOffset;
        const to = from + length;
        const walked: number[] = [];
        for (let step = 0; addDuration(from, step * count, unit) <= to; step++) walked.push(addDuration(from, step * count, unit));
        expect(lastStepIndex(from, to, count, unit)).toBe(walked.length - 1);
        expect(seriesDays(from, to, count, unit)).toEqual(walked);
        const lo = from + Math.floor(length / 3);
        const hi = from + Math.floor((2 * length) / 3);
        expect(seriesDays(from, to, count, unit, lo, hi)).toEqual(walked.filter((day) => day >= lo && day <= hi));
      }),
      { numRuns: 300 },
    );
  });
});
