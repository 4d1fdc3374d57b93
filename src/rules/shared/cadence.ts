// Cadence arithmetic the meeting, critique and report rules share: counting
// sessions per calendar month, and gaps between consecutive sessions measured
// from the window's start and to its end.
import type { Day } from "../../ast/types.js";
import type { Occurrence, Window } from "../../model/types.js";
import { addDuration, formatDay, formatMonth, monthOf, wholeMonths, type MonthIndex } from "../../util/dates.js";
import type { Duration } from "../rule.js";

/** A whole month of a window that falls short, and how many of the days it holds. */
export interface ShortMonth {
  readonly month: MonthIndex;
  readonly held: number;
}

/** The whole months of a window in which fewer than `perMonth` of the days fall, each with its count. */
export function shortMonths(days: readonly Day[], window: Window, perMonth: number): ShortMonth[] {
  const months = windowMonths(window);
  if (months.length === 0) return [];
  // The whole months of a window are consecutive: counted by their place in it.
  const first = months[0]!;
  const counts = new Array<number>(months.length).fill(0);
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (day < window.from || day > window.to) continue;
    const at = monthOf(day) - first;
    if (at >= 0 && at < counts.length) counts[at]!++;
  }
  const short: ShortMonth[] = [];
  for (let at = 0; at < months.length; at++) if (counts[at]! < perMonth) short.push({ month: months[at]!, held: counts[at]! });
  return short;
}

/** The whole months of the last window asked about: every unit of a program mostly has the same window. */
let lastWindow: { readonly from: Day; readonly to: Day; readonly months: readonly MonthIndex[] } | null = null;

function windowMonths(window: Window): readonly MonthIndex[] {
  if (lastWindow?.from !== window.from || lastWindow.to !== window.to) lastWindow = { from: window.from, to: window.to, months: wholeMonths(window.from, window.to) };
  return lastWindow.months;
}

/** `2026-02`, `2026-02 or 2026-04`, `2026-02, 2026-03 or 2026-04`. */
export function listMonths(monthList: readonly MonthIndex[], conjunction = "or"): string {
  return listWords(monthList.map(formatMonth), conjunction);
}

export function listWords(words: readonly string[], conjunction = "and"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}

export interface Gap {
  /** The session before the gap, or the window's start. */
  readonly from: Day;
  /** The session after the gap, or the window's end. */
  readonly to: Day;
  readonly fromIsWindowStart: boolean;
  readonly toIsWindowEnd: boolean;
}

/**
 * The gaps longer than `limit`: between the window's start and the first
 * session, between consecutive sessions, and from the last to the window's
 * end. A gap of exactly `limit` is in time. With no session at all, the whole
 * window is one gap. `days` must be sorted.
 */
export function gapsLongerThan(days: readonly Day[], window: Window, limit: Duration): Gap[] {
  // The window's start, each day inside it, then the window's end: a gap between each two in turn.
  const gaps: Gap[] = [];
  let from = window.from;
  let fromIsWindowStart = true;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (day < window.from || day > window.to) continue;
    if (day > addDuration(from, limit.count, limit.unit)) gaps.push({ from, to: day, fromIsWindowStart, toIsWindowEnd: false });
    from = day;
    fromIsWindowStart = false;
  }
  if (window.to > addDuration(from, limit.count, limit.unit)) gaps.push({ from, to: window.to, fromIsWindowStart, toIsWindowEnd: true });
  return gaps;
}

/** "from 2026-01-01 (the window's start) to 2026-04-20". */
export function describeGap(gap: Gap): string {
  const from = gap.fromIsWindowStart ? `${formatDay(gap.from)} (start of the period)` : formatDay(gap.from);
  const to = gap.toIsWindowEnd ? `${formatDay(gap.to)} (end of the period)` : formatDay(gap.to);
  return `${from} to ${to}`;
}

export function durationText(duration: Duration): string {
  return `${duration.count} ${duration.unit}${duration.count === 1 ? "" : "s"}`;
}

export function occurrenceDays(occurrences: readonly Occurrence[]): Day[] {
  return occurrences.map((occurrence) => occurrence.day);
}
