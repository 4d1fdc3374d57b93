// The generated organization's year: the period, and the dates of the
// sessions a unit holds in it (monthly meetings, weekly critiques, quarterly
// reports), either as one series or as single events on nearby days.
import { addDuration, dayFromParts, formatDay, seriesDays } from "../../src/util/dates.js";
import type { Rng } from "./random.js";
import type { EventRecord, GatheringRecord, ReportRecord, SeriesRecord, Statement } from "./records.js";

export const YEAR = 2025;
export const PERIOD_FROM = dayFromParts(YEAR, 1, 1);
export const PERIOD_TO = dayFromParts(YEAR, 12, 31);
export const day = formatDay;

/** A day in `[from, to]`. */
export function dayBetween(rng: Rng, from: number, to: number): number {
  return rng.int(from, to);
}

/** A date before the period: `years` ago at most. */
export function pastDay(rng: Rng, fromYear: number, toYear: number): number {
  return rng.int(dayFromParts(fromYear, 1, 1), dayFromParts(toYear, 12, 31));
}

export interface Sessions {
  /** What to write: one series, or single events. */
  readonly statements: Statement[];
  /** The days the sessions fall on, sorted. */
  readonly days: number[];
}

function series(count: number, unit: SeriesRecord["unit"], from: number, to: number, event: GatheringRecord | ReportRecord): Sessions {
  const days = seriesDays(from, to, count, unit);
  const last = days[days.length - 1]!;
  return { statements: [{ type: "series", count, unit, from: day(from), to: day(last), event }], days };
}

function singles(days: number[], event: GatheringRecord | ReportRecord): Sessions {
  return { statements: days.map((at): EventRecord => ({ type: "event", date: day(at), event })), days };
}

/**
 * Monthly sessions on about the same day of each month. `skipMonth` leaves
 * one month out (a violation of the monthly cadence).
 */
export function monthly(rng: Rng, event: GatheringRecord, asSeries: boolean, skipMonth: number | null = null): Sessions {
  const dayOfMonth = rng.int(3, 25);
  if (asSeries && skipMonth === null) return series(1, "month", dayFromParts(YEAR, 1, dayOfMonth), dayFromParts(YEAR, 12, dayOfMonth), event);
  if (asSeries && skipMonth !== null) {
    const first = series(1, "month", dayFromParts(YEAR, 1, dayOfMonth), dayFromParts(YEAR, skipMonth - 1, dayOfMonth), event);
    if (skipMonth === 12) return first;
    const second = series(1, "month", dayFromParts(YEAR, skipMonth + 1, dayOfMonth), dayFromParts(YEAR, 12, dayOfMonth), event);
    return { statements: [...first.statements, ...second.statements], days: [...first.days, ...second.days] };
  }
  const days: number[] = [];
  for (let month = 1; month <= 12; month++) {
    if (month === skipMonth) continue;
    days.push(dayFromParts(YEAR, month, dayOfMonth + rng.int(-2, 3)));
  }
  return singles(days, event);
}

/** Sessions at most `step` days apart from the period's start to its end (weekly critiques: 7). */
export function everyDays(rng: Rng, step: number, event: GatheringRecord, asSeries: boolean): Sessions {
  const from = PERIOD_FROM + rng.int(0, step - 1);
  const to = PERIOD_TO - ((PERIOD_TO - from) % step);
  if (asSeries) return series(step % 7 === 0 ? step / 7 : step, step % 7 === 0 ? "week" : "day", from, to, event);
  const days: number[] = [];
  for (let at = from; at <= to; at += step) days.push(at);
  return singles(days, event);
}

/** Twice a month or more: every two weeks from the first days of January to the period's end. */
export function fortnightly(rng: Rng, event: GatheringRecord): Sessions {
  return series(2, "week", PERIOD_FROM + rng.int(0, 2), PERIOD_TO, event);
}

/** Every three months, starting in the first quarter: general meetings and reports. */
export function quarterly(rng: Rng, event: GatheringRecord | ReportRecord, asSeries: boolean): Sessions {
  const from = dayFromParts(YEAR, rng.int(1, 3), rng.int(1, 28));
  const days = seriesDays(from, addDuration(from, 9, "month"), 3, "month");
  return asSeries ? series(3, "month", from, days[days.length - 1]!, event) : singles(days, event);
}
