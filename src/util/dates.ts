// Calendar arithmetic on whole days (days since 1970-01-01, proleptic
// Gregorian, no time zones). Month steps keep the day of month, clamped to the
// month's last day (2026-01-31 + 1 month = 2026-02-28).
import type { Day, DurationUnit } from "../ast/types.js";

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * Howard Hinnant's days_from_civil: pure integer arithmetic, so it stays exact
 * for any year a hostile count can reach (`Date.UTC` turns NaN past year
 * 275,760, and a NaN day ends no loop).
 */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` to a day, or `null` when it names no calendar date (2026-02-30). */
export function parseDay(text: string): Day | null {
  // The shape /^\d{4}-\d{2}-\d{2}$/, read digit by digit (dates are the most common token).
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  let year = 0;
  let month = 0;
  let dayOfMonth = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else dayOfMonth = dayOfMonth * 10 + digit;
  }
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return null;
  return dayFromParts(year, month, dayOfMonth);
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dayParts(day: Day): DateParts {
  // Howard Hinnant's civil_from_days, the inverse of `dayFromParts` (the
  // cadence rules ask this for every session).
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** A day as `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  const { year, month, day: dayOfMonth } = dayParts(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/** Adds whole months, clamping to the target month's last day. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dayOfMonth } = dayParts(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayFromParts(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

export function addDuration(day: Day, count: number, unit: DurationUnit): Day {
  switch (unit) {
    case "day":
      return day + count;
    case "week":
      return day + 7 * count;
    case "month":
      return addMonths(day, count);
    case "year":
      return addMonths(day, 12 * count);
  }
}

/** The step of a series or an interval in days (day and week units) or months (month and year units). */
function stepOf(count: number, unit: DurationUnit): { readonly days: number } | { readonly months: number } {
  switch (unit) {
    case "day":
      return { days: count };
    case "week":
      return { days: 7 * count };
    case "month":
      return { months: count };
    case "year":
      return { months: 12 * count };
  }
}

/**
 * The number of the last step of a series from `from` that still falls on or
 * before `to` (0 for `from` itself), found by arithmetic rather than by
 * stepping, so that it costs the same for any count; -1 when `to < from`.
 */
export function lastStepIndex(from: Day, to: Day, count: number, unit: DurationUnit): number {
  if (to < from || count <= 0) return -1;
  const step = stepOf(count, unit);
  if ("days" in step) return Math.floor((to - from) / step.days);
  // Month steps keep the day of month (clamped), so the estimate from whole
  // months may be one step too far.
  let index = Math.floor((monthOf(to) - monthOf(from)) / step.months);
  while (index > 0 && addMonths(from, index * step.months) > to) index--;
  return index;
}

/** The day of step `index` of a series: month steps are taken from the start date each time. */
export function seriesStep(from: Day, index: number, count: number, unit: DurationUnit): Day {
  return addDuration(from, index * count, unit);
}

/**
 * The dates of a series that fall inside `[lo, hi]`: `from`, then stepping by
 * the interval up to and including `to`. Month steps are taken from the start
 * date each time (so a series from the 31st lands on the 31st again whenever
 * the month has one). The work follows the dates asked for, never the count:
 * the first step inside the range is computed, not walked to.
 */
export function seriesDays(from: Day, to: Day, count: number, unit: DurationUnit, lo: Day = from, hi: Day = to): Day[] {
  const days: Day[] = [];
  const last = lastStepIndex(from, Math.min(to, hi), count, unit);
  if (last < 0) return days;
  const first = Math.max(0, lastStepIndex(from, lo - 1, count, unit) + 1);
  for (let index = first; index <= last; index++) days.push(seriesStep(from, index, count, unit));
  return days;
}

/** A calendar month as `year * 12 + (month - 1)`, convenient for bucketing. */
export type MonthIndex = number;

export function monthOf(day: Day): MonthIndex {
  const { year, month } = dayParts(day);
  return year * 12 + month - 1;
}

export function monthStart(month: MonthIndex): Day {
  return dayFromParts(Math.floor(month / 12), (month % 12) + 1, 1);
}

export function monthEnd(month: MonthIndex): Day {
  const year = Math.floor(month / 12);
  const monthNumber = (month % 12) + 1;
  return dayFromParts(year, monthNumber, daysInMonth(year, monthNumber));
}

/** `YYYY-MM` for a month index. */
export function formatMonth(month: MonthIndex): string {
  return `${pad(Math.floor(month / 12), 4)}-${pad((month % 12) + 1, 2)}`;
}

/** The calendar months that lie wholly inside `[start, end]`. */
export function wholeMonths(start: Day, end: Day): MonthIndex[] {
  const months: MonthIndex[] = [];
  for (let month = monthOf(start); month <= monthOf(end); month++) {
    if (monthStart(month) >= start && monthEnd(month) <= end) months.push(month);
  }
  return months;
}

export function durationLabel(count: number, unit: DurationUnit): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
