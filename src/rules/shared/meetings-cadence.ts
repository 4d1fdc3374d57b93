// The two shapes of cadence check the meeting, critique and report rules
// share: "N sessions of a kind in each whole month of the window" (one
// diagnostic per month that falls short) and "at most LIMIT between sessions,
// the window's start and end included" (one diagnostic per gap). Both anchor
// on the unit's identifier and stay silent without a window.
import type { Day, DurationUnit, GatheringKind } from "../../ast/types.js";
import type { Occurrence, ReportOccurrence, TimelineKind, Unit, Window } from "../../model/types.js";
import type { EvidenceStep } from "../../diagnostics/types.js";
import { addDuration, formatDay, formatMonth, monthEnd, monthStart } from "../../util/dates.js";
import { computed, readSession, readUnit, windowStep } from "../evidence.js";
import type { CadenceObligation, GapObligation, MonthlyObligation } from "../obligation.js";
import type { Duration, OptionSpecs, RuleContext } from "../rule.js";
import { describeGap, durationText, gapsLongerThan, listWords, occurrenceDays, shortMonths, type Gap } from "./cadence.js";
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

/**
 * One diagnostic per whole month of the unit's window with fewer than
 * `perMonth` sessions of the kind: "X held no meeting in 2026-03; ...".
 */
export function judgeMonthly(context: CadenceContext, obligation: MonthlyObligation): void {
  const window = context.cadenceWindow(obligation.unit, obligation.row);
  if (!window || obligation.perMonth <= 0) return;
  for (const { month, held: count } of shortMonths(obligation.days, window, obligation.perMonth)) {
    const held = heldText(count, obligation.counted);
    const sessions = sessionsIn(obligation, monthStart(month), monthEnd(month));
    context.report({
      file: obligation.unit.file,
      span: obligation.unit.decl.id.span,
      message: `${unitLabel(obligation.unit)} held ${held} in ${formatMonth(month)}; ${obligation.requirement}`,
      subject: `unit:${obligation.unit.id}/${obligation.row}/month:${formatMonth(month)}`,
      evidence: [
        readUnit(obligation.unit),
        windowStep(obligation.unit, window),
        ...sessions.map((session) => readSession(session, obligation.counted)),
        computed(`${formatMonth(month)} lies wholly in the window and holds ${count} ${obligation.counted}${count === 1 ? "" : "s"}; at least ${obligation.perMonth} required`),
      ],
    });
  }
}

/** The sessions (or reports) of an obligation's timeline from `from` to `to`, as read. */
function sessionsIn(obligation: CadenceObligation, from: Day, to: Day): (Occurrence | ReportOccurrence)[] {
  const all: readonly (Occurrence | ReportOccurrence)[] = obligation.row === "report" ? obligation.unit.timeline.reports : obligation.unit.timeline.gatherings[obligation.row];
  const counted = new Set(obligation.days);
  return all.filter((item) => item.day >= from && item.day <= to && counted.has(item.day));
}

/** The evidence of one gap: the unit, the window, the sessions at its ends, and the arithmetic. */
export function gapEvidence(obligation: GapObligation, window: Window, gap: Gap): EvidenceStep[] {
  const ends = sessionsIn(obligation, gap.from, gap.from).slice(-1).concat(sessionsIn(obligation, gap.to, gap.to).slice(0, 1));
  const start = gap.fromIsWindowStart ? "the window's start" : formatDay(gap.from);
  const latest = addDuration(gap.from, obligation.limit.count, obligation.limit.unit);
  return [
    readUnit(obligation.unit),
    windowStep(obligation.unit, window),
    ...ends.map((session) => readSession(session, obligation.noun)),
    computed(
      `from ${start} the next is due by ${formatDay(latest)} (${limitText(obligation.limit)} later); ` +
        `the next ${gap.toIsWindowEnd ? "is after the window's end" : `is on ${formatDay(gap.to)}`}, ${gap.to - gap.from} days after ${formatDay(gap.from)}`,
    ),
  ];
}

/** A duration as a limit in messages, weeks in days: "7 days", "3 months". */
export function limitText(limit: Duration): string {
  return limit.unit === "week" ? durationText({ count: 7 * limit.count, unit: "day" }) : durationText(limit);
}

/** The gaps longer than the obligation's limit in the unit's window; none without a window. */
export function longGaps(context: CadenceContext, obligation: GapObligation): Gap[] {
  const window = context.cadenceWindow(obligation.unit, obligation.row);
  if (!window || obligation.limit.count <= 0) return [];
  return gapsLongerThan(obligation.days, window, obligation.limit);
}

/** "from 2026-01-20 to 2026-05-20, more than 3 months". */
export function gapText(gap: Gap, limit: Duration): string {
  return `from ${describeGap(gap)}, more than ${limitText(limit)}`;
}

/**
 * One diagnostic per gap longer than the limit: "X held no general meeting
 * from A to B, more than 3 months; REQUIREMENT".
 */
export function judgeGaps(context: CadenceContext, obligation: GapObligation): void {
  const window = context.cadenceWindow(obligation.unit, obligation.row);
  for (const gap of longGaps(context, obligation)) {
    context.report({
      file: obligation.unit.file,
      span: obligation.unit.decl.id.span,
      message: `${unitLabel(obligation.unit)} ${obligation.missing} ${gapText(gap, obligation.limit)}; ${obligation.requirement}`,
      subject: gapSubject(obligation, gap),
      evidence: gapEvidence(obligation, window!, gap),
    });
  }
}

/** `unit:plant/meeting/gap:2026-01-20..2026-05-20`. */
export function gapSubject(obligation: GapObligation, gap: Gap): string {
  return `unit:${obligation.unit.id}/${obligation.row}/gap:${formatDay(gap.from)}..${formatDay(gap.to)}`;
}

/** Judges each cadence obligation of a rule: months short for monthly ones, long gaps for the others. */
export function judgeCadences(context: CadenceContext, obligations: readonly CadenceObligation[]): void {
  for (const obligation of obligations) {
    if (obligation.kind === "monthly") judgeMonthly(context, obligation);
    else judgeGaps(context, obligation);
  }
}

type CadenceFields<O> = Omit<O, "kind" | "unit" | "days"> & { readonly row: TimelineKind };

/** The days a unit's timeline of one kind holds, sorted. */
export function timelineDays(unit: Unit, row: TimelineKind): Day[] {
  return row === "report" ? unit.timeline.reports.map((report) => report.day) : occurrenceDays(unit.timeline.gatherings[row]);
}

/** A unit's monthly obligation over its timeline of `row`. */
export function monthly(unit: Unit, fields: CadenceFields<MonthlyObligation>): MonthlyObligation {
  return { kind: "monthly", unit, days: timelineDays(unit, fields.row), ...fields };
}

/** A unit's obligation to keep gaps within a limit, over its timeline of `row` (or the given days). */
export function gap(
  unit: Unit,
  fields: Omit<CadenceFields<GapObligation>, "recipient"> & { readonly recipient?: Unit | null; readonly days?: readonly Day[] },
): GapObligation {
  return { kind: "gap", unit, ...fields, recipient: fields.recipient ?? null, days: fields.days ?? timelineDays(unit, fields.row) };
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
