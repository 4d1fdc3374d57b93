// The two shapes of cadence check the meeting, critique and report rules
// share: "N sessions of a kind in each whole month of the window" (one
// diagnostic per month that falls short) and "at most LIMIT between sessions,
// the window's start and end included" (one diagnostic per gap). Both anchor
// on the unit's identifier and stay silent without a window.
import type { Day, DurationUnit, GatheringKind } from "../../ast/types.js";
import type { TimelineKind, Unit, Window } from "../../model/types.js";
import { formatMonth, monthOf, type MonthIndex } from "../../util/dates.js";
import type { Duration, OptionSpecs, RuleContext } from "../rule.js";
import { describeGap, durationText, gapsLongerThan, listWords, monthsShort, occurrenceDays, type Gap } from "./cadence.js";
import { unitLabel } from "./units.js";

/** What the cadence checks need of a rule's context: reporting, and the window of a timeline. */
export type CadenceContext = Pick<RuleContext<OptionSpecs>, "report" | "cadenceWindow">;

/**
 * The window a unit's cadence of one kind is judged over: `null` without a
 * period, when the unit was established after it, or when that timeline may
 * lack events because of an earlier error (one cause, one diagnostic). Rules
 * ask through their context, which also notes the skip on the error.
 */
export function cadenceWindow(unit: Unit, kind: TimelineKind): Window | null {
  const window = unit.window;
  return window && window.from <= window.to && !timelineDoubt(unit, kind) ? window : null;
}

/** The first doubt on a unit's timeline of one kind, if any. */
export function timelineDoubt(unit: Unit, kind: TimelineKind) {
  return unit.timelineDoubts.find((doubt) => doubt.kinds.includes(kind));
}

/** "once", "twice", "3 times". */
export function timesText(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  return `${count} times`;
}

/** "no meeting", "only 1 meeting", "only 3 meetings". */
function heldText(count: number, noun: string): string {
  if (count === 0) return `no ${noun}`;
  return `only ${count} ${noun}${count === 1 ? "" : "s"}`;
}

export interface MonthlyCheck {
  readonly unit: Unit;
  readonly gathering: GatheringKind;
  readonly perMonth: number;
  /** What is counted, singular: "meeting", "Party Cell Committee meeting". */
  readonly noun: string;
  /** The requirement, ending the message: "a party cell meets at least once a month". */
  readonly requirement: string;
}

/**
 * One diagnostic per whole month of the unit's window with fewer than
 * `perMonth` sessions of the kind: "X held no meeting in 2026-03; ...".
 */
export function reportMonthsShort(context: CadenceContext, check: MonthlyCheck): void {
  const window = context.cadenceWindow(check.unit, check.gathering);
  if (!window || check.perMonth <= 0) return;
  const days = occurrenceDays(check.unit.timeline.gatherings[check.gathering]);
  const counts = new Map<MonthIndex, number>();
  for (const day of days) counts.set(monthOf(day), (counts.get(monthOf(day)) ?? 0) + 1);
  for (const month of monthsShort(days, window, check.perMonth)) {
    const held = heldText(counts.get(month) ?? 0, check.noun);
    context.report({
      file: check.unit.file,
      span: check.unit.decl.id.span,
      message: `${unitLabel(check.unit)} held ${held} in ${formatMonth(month)}; ${check.requirement}`,
    });
  }
}

/** A duration as a limit in messages, weeks in days: "7 days", "3 months". */
export function limitText(limit: Duration): string {
  return limit.unit === "week" ? durationText({ count: 7 * limit.count, unit: "day" }) : durationText(limit);
}

export interface GapCheck {
  readonly unit: Unit;
  /** The timeline the days come from. */
  readonly kind: TimelineKind;
  /** The session days, sorted. */
  readonly days: readonly Day[];
  readonly limit: Duration;
}

/** The gaps longer than the limit in the unit's window; none without a window. */
export function longGaps(context: CadenceContext, check: GapCheck): Gap[] {
  const window = context.cadenceWindow(check.unit, check.kind);
  if (!window || check.limit.count <= 0) return [];
  return gapsLongerThan(check.days, window, check.limit);
}

/** "from 2026-01-20 to 2026-05-20, more than 3 months". */
export function gapText(gap: Gap, limit: Duration): string {
  return `from ${describeGap(gap)}, more than ${limitText(limit)}`;
}

/**
 * One diagnostic per gap longer than the limit: "X held no general meeting
 * from A to B, more than 3 months; REQUIREMENT".
 */
export function reportGaps(context: CadenceContext, check: GapCheck & { readonly missing: string; readonly requirement: string }): void {
  for (const gap of longGaps(context, check)) {
    context.report({
      file: check.unit.file,
      span: check.unit.decl.id.span,
      message: `${unitLabel(check.unit)} ${check.missing} ${gapText(gap, check.limit)}; ${check.requirement}`,
    });
  }
}

/** The days of a unit's sessions of one kind, sorted. */
export function gatheringDays(unit: Unit, gathering: GatheringKind): Day[] {
  return occurrenceDays(unit.timeline.gatherings[gathering]);
}

/** "weekly", "daily", "every 2 days": a declared cadence as written. */
export function cadenceText(interval: { readonly count: number; readonly unit: DurationUnit }, word: string | null): string {
  return word ?? `every ${durationText(interval)}`;
}

/** "Sinuiju City Party Committee and North Pyongan Provincial Party Committee". */
export function listRecipients(units: readonly Unit[]): string {
  return listWords(units.map(unitLabel), "and");
}
