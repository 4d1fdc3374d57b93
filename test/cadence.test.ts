import { describe, expect, it } from "vitest";
import {
  describeGap,
  durationText,
  gapsLongerThan,
  listMonths,
  listWords,
  shortMonths,
} from "../src/rules/shared/cadence.js";
import {
  addDuration,
  addMonths,
  daysInMonth,
  formatDay,
  formatMonth,
  isLeapYear,
  monthOf,
  parseDay,
  seriesDays,
  wholeMonths,
} from "../src/util/dates.js";

const day = (text: string) => {
  const parsed = parseDay(text);
  if (parsed === null) throw new Error(`not a date: ${text}`);
  return parsed;
};
const days = (...texts: string[]) => texts.map(day);
const window = (from: string, to: string) => ({ from: day(from), to: day(to) });
const month = (text: string) => monthOf(day(`${text}-01`));

describe("dates", () => {
  it("parses real calendar dates only", () => {
    expect(formatDay(day("2026-02-28"))).toBe("2026-02-28");
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("2028-02-29")).not.toBeNull();
  });

  it("knows leap years", () => {
    expect([2024, 2026, 2100, 2000].map(isLeapYear)).toEqual([true, false, false, true]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it("clamps a month step to the target month's last day", () => {
    expect(formatDay(addMonths(day("2026-01-31"), 1))).toBe("2026-02-28");
    expect(formatDay(addMonths(day("2028-01-31"), 1))).toBe("2028-02-29");
    expect(formatDay(addMonths(day("2026-03-31"), 1))).toBe("2026-04-30");
    expect(formatDay(addMonths(day("2025-11-30"), 3))).toBe("2026-02-28");
    expect(formatDay(addMonths(day("2026-12-15"), 1))).toBe("2027-01-15");
    expect(formatDay(addDuration(day("2028-02-29"), 1, "year"))).toBe("2029-02-28");
    expect(formatDay(addDuration(day("2026-01-31"), 1, "week"))).toBe("2026-02-07");
    expect(formatDay(addDuration(day("2026-02-27"), 2, "day"))).toBe("2026-03-01");
  });

  it("steps a monthly series from the 31st from its start each time", () => {
    const series = seriesDays(day("2026-01-31"), day("2026-07-31"), 1, "month").map(formatDay);
    expect(series).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31"]);
    const leap = seriesDays(day("2028-01-31"), day("2028-03-31"), 1, "month").map(formatDay);
    expect(leap).toEqual(["2028-01-31", "2028-02-29", "2028-03-31"]);
  });

  it("includes a series' end when a step lands on it, and stops before it otherwise", () => {
    expect(seriesDays(day("2026-01-05"), day("2026-01-19"), 1, "week").map(formatDay)).toEqual(["2026-01-05", "2026-01-12", "2026-01-19"]);
    expect(seriesDays(day("2026-01-05"), day("2026-01-18"), 1, "week").map(formatDay)).toEqual(["2026-01-05", "2026-01-12"]);
  });

  it("lists the whole months of a window only", () => {
    expect(wholeMonths(day("2026-01-01"), day("2026-03-31")).map(formatMonth)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(wholeMonths(day("2026-01-02"), day("2026-03-30")).map(formatMonth)).toEqual(["2026-02"]);
    expect(wholeMonths(day("2028-02-01"), day("2028-02-28")).map(formatMonth)).toEqual([]);
    expect(wholeMonths(day("2028-02-01"), day("2028-02-29")).map(formatMonth)).toEqual(["2028-02"]);
    expect(wholeMonths(day("2026-12-01"), day("2027-01-31")).map(formatMonth)).toEqual(["2026-12", "2027-01"]);
    expect(wholeMonths(day("2026-03-10"), day("2026-03-20"))).toEqual([]);
  });
});

/** The short months' names only. */
const monthsShort = (...args: Parameters<typeof shortMonths>) => shortMonths(...args).map((short) => short.month);

describe("cadence", () => {
  it("finds the whole months with fewer sessions than required", () => {
    const held = days("2026-01-12", "2026-03-01", "2026-03-31");
    expect(monthsShort(held, window("2026-01-01", "2026-03-31"), 1).map(formatMonth)).toEqual(["2026-02"]);
    expect(monthsShort(held, window("2026-01-01", "2026-03-31"), 2).map(formatMonth)).toEqual(["2026-01", "2026-02"]);
  });

  it("leaves partial months out and ignores sessions outside the window", () => {
    expect(monthsShort([], window("2026-01-15", "2026-03-10"), 1).map(formatMonth)).toEqual(["2026-02"]);
    expect(monthsShort(days("2025-12-31", "2026-02-01"), window("2026-01-01", "2026-01-31"), 1).map(formatMonth)).toEqual(["2026-01"]);
  });

  it("counts a monthly series from the 31st in every month", () => {
    const series = seriesDays(day("2026-01-31"), day("2026-06-30"), 1, "month");
    expect(monthsShort(series, window("2026-01-01", "2026-06-30"), 1)).toEqual([]);
  });

  it("includes the limit in a gap: exactly 7 days and exactly 3 months are in time", () => {
    const weekly = days("2026-03-08", "2026-03-15", "2026-03-22");
    expect(gapsLongerThan(weekly, window("2026-03-01", "2026-03-29"), { count: 7, unit: "day" })).toEqual([]);
    expect(gapsLongerThan(weekly, window("2026-03-01", "2026-03-29"), { count: 1, unit: "week" })).toEqual([]);
    const quarterly = days("2026-01-31", "2026-04-30");
    expect(gapsLongerThan(quarterly, window("2025-10-31", "2026-07-30"), { count: 3, unit: "month" })).toEqual([]);
  });

  it("takes the window's start and end as gap end points", () => {
    const gaps = gapsLongerThan(days("2026-03-09", "2026-03-16"), window("2026-03-01", "2026-03-31"), { count: 7, unit: "day" });
    expect(gaps.map(describeGap)).toEqual([
      "2026-03-01 (start of the period) to 2026-03-09",
      "2026-03-16 to 2026-03-31 (end of the period)",
    ]);
    expect(gaps.map((gap) => [gap.fromIsWindowStart, gap.toIsWindowEnd])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it("makes no session at all one gap, the whole window, and ignores sessions outside it", () => {
    const gaps = gapsLongerThan(days("2025-12-31", "2026-05-01"), window("2026-01-01", "2026-04-30"), { count: 3, unit: "month" });
    expect(gaps.map(describeGap)).toEqual(["2026-01-01 (start of the period) to 2026-04-30 (end of the period)"]);
  });

  it("measures month limits with clamping (2026-01-31 + 1 month = 2026-02-28)", () => {
    const limit = { count: 1, unit: "month" } as const;
    expect(gapsLongerThan(days("2026-01-31", "2026-02-28"), window("2026-01-31", "2026-02-28"), limit)).toEqual([]);
    expect(gapsLongerThan(days("2026-01-31"), window("2026-01-31", "2026-03-01"), limit).map(describeGap)).toEqual([
      "2026-01-31 to 2026-03-01 (end of the period)",
    ]);
  });

  it("words months, lists and durations", () => {
    expect(listMonths([month("2026-02")])).toBe("2026-02");
    expect(listMonths([month("2026-02"), month("2026-04")])).toBe("2026-02 or 2026-04");
    expect(listMonths([month("2026-02"), month("2026-03"), month("2026-04")])).toBe("2026-02, 2026-03 or 2026-04");
    expect(listWords(["a", "b"])).toBe("a and b");
    expect(durationText({ count: 1, unit: "month" })).toBe("1 month");
    expect(durationText({ count: 7, unit: "day" })).toBe("7 days");
  });
});
