// Events: resolves the names each event uses, expands series into dated
// occurrences, and files them into unit and person timelines sorted by date.
// Also reports what only the program as a whole can tell about dates: ranges
// that run backwards (ORG004), events after the period (ORG007), and series
// no record can mean or too large to expand (ORG011).
//
// Events after the period's end are outside the records: they get ORG007 and
// reach no timeline, so no bylaw rule judges them. Series are expanded only
// over the days the rules read (the horizon), so their cost follows the
// period, not their count.
import type { Day, DurationUnit, EventStatement, GatheringEvent, ReportEvent, SeriesStatement } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { durationLabel, formatDay, lastStepIndex, seriesDays, seriesStep } from "../util/dates.js";
import { languageDiagnostic } from "../diagnostics/language.js";
import type { SymbolTable } from "./symbols.js";
import type {
  Application,
  EventStatementRecord,
  Occurrence,
  Period,
  Person,
  PersonEvent,
  ReportOccurrence,
  SeriesRecord,
  SourceFile,
  TimelineKind,
  Unit,
  Window,
} from "./types.js";
import { GATHERING_KINDS } from "./types.js";
import { pushAll, sortByKey } from "../util/arrays.js";

/**
 * The most dated events one series may be expanded to inside the horizon
 * (ORG011 past it): a daily series for 273 years. Per series, so a program's
 * cost follows its size and its period, never a count written in it.
 */
export const MAX_SERIES_EVENTS = 100_000;

/**
 * Statements (or units) resolved between two pauses of `resolveSteps`
 * (resolve.ts): about a millisecond's work, so that a caller can stop near
 * any deadline.
 */
export const STATEMENTS_PER_STEP = 256;

/** The longest series step that is still a cadence: 1,000 years, in each unit. */
const MAX_STEP: Record<DurationUnit, number> = {
  day: 365_250,
  week: 52_178,
  month: 12_000,
  year: 1_000,
};

/** Files every event into its timelines, pausing every `STATEMENTS_PER_STEP` statements (a part of `resolveSteps`). */
export function* addEvents(
  files: readonly SourceFile[],
  table: SymbolTable,
  period: Period | null,
  diagnostics: Diagnostic[],
  expansions: SeriesExpansions | null = null,
): Generator<void, { events: EventStatementRecord[]; series: SeriesRecord[] }, void> {
  const events: EventStatementRecord[] = [];
  const series: SeriesRecord[] = [];
  const touchedUnits = new Set<Unit>();
  const touchedPeople = new Set<Person>();
  const horizon = seriesHorizon(files, period);

  let done = 0;
  // Indexed loops: a for-of in a generator allocates a result object per item.
  for (let f = 0; f < files.length; f++) {
    const file = files[f]!;
    const statements = file.ast.statements;
    for (let s = 0; s < statements.length; s++) {
      const statement = statements[s]!;
      if (++done % STATEMENTS_PER_STEP === 0) yield;
      if (statement.type === "event") {
        events.push({ statement, file: file.path });
        const day = statement.date.day;
        const afterPeriod = day !== null && period !== null && day > period.to;
        if (afterPeriod) {
          diagnostics.push(
            languageDiagnostic("outsidePeriod", file.path, statement.span, `this event on ${formatDay(day)} is after the period's end (${formatDay(period.to)})`),
          );
        }
        addEvent(statement, file.path, table, touchedUnits, touchedPeople, !afterPeriod);
      } else if (statement.type === "series") {
        const memo = expansionOf(statement, file.path, period, horizon, diagnostics, expansions);
        const { expanded } = memo;
        series.push({ statement, file: file.path, days: expanded.days, total: expanded.total });
        addSeries(statement, memo, file.path, table, touchedUnits);
      }
    }
  }

  sortTimelines(touchedUnits, touchedPeople);
  sortByKey(events, (record) => record.statement.date.day ?? 0);
  return { events, series };
}

/** Puts the timelines events were added to in order of day. */
function sortTimelines(units: ReadonlySet<Unit>, people: ReadonlySet<Person>): void {
  for (const unit of units) {
    for (const kind of GATHERING_KINDS) sortByDay(unit.timeline.gatherings[kind]);
    sortByDay(unit.timeline.reports);
  }
  for (const person of people) sortByDay(person.timeline);
}

const byDay = (a: { readonly day: number }, b: { readonly day: number }) => a.day - b.day;

/**
 * Sorts a timeline by day, stably. Most are in order already (one series, or
 * events written in date order), and the sort would allocate even then.
 */
function sortByDay(list: { readonly day: number }[]): void {
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1]!.day > list[i]!.day) {
      list.sort(byDay);
      return;
    }
  }
}

/**
 * The days any rule reads a series on: cadence rules read the period, and a
 * review before it asks whether its cell met that day, so the horizon starts
 * at the earlier of the period's start and the earliest single event. Without
 * a period only single events' days are asked about.
 */
function seriesHorizon(files: readonly SourceFile[], period: Period | null): Window | null {
  let earliest = Infinity;
  let latest = -Infinity;
  for (const file of files) {
    for (const statement of file.ast.statements) {
      if (statement.type !== "event" || statement.date.day === null) continue;
      earliest = Math.min(earliest, statement.date.day);
      latest = Math.max(latest, statement.date.day);
    }
  }
  if (period) return { from: Math.min(period.from, earliest), to: period.to };
  return earliest <= latest ? { from: earliest, to: latest } : null;
}

interface ExpandedSeries {
  readonly days: Day[];
  /** Every event the series stands for, inside the horizon or not. */
  readonly total: number;
  /** The ORG011 that kept an otherwise valid series from being expanded. */
  readonly unexpanded: Diagnostic | null;
}

function expandSeries(
  statement: SeriesStatement,
  file: string,
  period: Period | null,
  horizon: Window | null,
  diagnostics: Diagnostic[],
): ExpandedSeries {
  const none: ExpandedSeries = { days: [], total: 0, unexpanded: null };
  const from = statement.from.day;
  const to = statement.to.day;
  const interval = statement.interval;
  if (from === null || to === null || !interval) return none;
  if (to < from) {
    diagnostics.push(
      languageDiagnostic("invalidDate", file, statement.to.span, `the series ends on ${formatDay(to)}, before it starts on ${formatDay(from)}`),
    );
    return none;
  }
  const { count, unit } = interval;
  if (!Number.isSafeInteger(count) || count > MAX_STEP[unit]) {
    const step = Number.isSafeInteger(count) ? `steps every ${durationLabel(count, unit)}` : `has a step count too large to count exactly`;
    diagnostics.push(
      languageDiagnostic("outOfRange", file, interval.span, `this series ${step}; a step longer than 1,000 years is no record's cadence`),
    );
    return none;
  }
  const lastIndex = lastStepIndex(from, to, count, unit);
  const total = lastIndex + 1;
  if (period && to > period.to) {
    const inPeriod = lastStepIndex(from, period.to, count, unit) + 1;
    if (inPeriod < total) {
      diagnostics.push(
        languageDiagnostic(
          "outsidePeriod",
          file,
          statement.span,
          `${total - inPeriod} of this series' events fall after the period's end (${formatDay(period.to)}), the last on ${formatDay(seriesStep(from, lastIndex, count, unit))}`,
        ),
      );
    }
  }
  if (!horizon) return { ...none, total };
  const seen = Math.max(0, lastStepIndex(from, Math.min(to, horizon.to), count, unit) - Math.max(0, lastStepIndex(from, horizon.from - 1, count, unit) + 1) + 1);
  if (seen > MAX_SERIES_EVENTS) {
    const unexpanded = languageDiagnostic(
      "outOfRange",
      file,
      statement.span,
      `this series stands for ${seen.toLocaleString("en-US")} events from ${formatDay(Math.max(from, horizon.from))} to ${formatDay(Math.min(to, horizon.to))}, ` +
        `more than the ${MAX_SERIES_EVENTS.toLocaleString("en-US")} one series may expand to; it was not expanded`,
    );
    diagnostics.push(unexpanded);
    return { days: [], total, unexpanded };
  }
  return { days: seriesDays(from, to, count, unit, horizon.from, horizon.to), total, unexpanded: null };
}

/**
 * A series' expansion, kept with its statement for the next model. The
 * editor's partial re-parse keeps the statements an edit did not touch (the
 * same objects, their spans moved), and such a statement expands to the same
 * days over the same horizon and period. Only an expansion that reported
 * nothing is kept (a diagnostic is the model's own), and only the
 * occurrences of a gathering without attendance are shared, since they name
 * nothing of the model.
 */
export interface Expansion {
  readonly file: string;
  readonly horizon: Window | null;
  readonly periodEnd: Day | null;
  readonly expanded: ExpandedSeries;
  occurrences: readonly Occurrence[] | null;
}

/**
 * Series expansions kept from one model for the next, by statement: the
 * language server keeps one across edits. A check from the command line
 * passes none, so nothing outlives its model there (the files' ASTs may).
 */
export class SeriesExpansions {
  private readonly kept = new WeakMap<SeriesStatement, Expansion>();

  get(statement: SeriesStatement): Expansion | undefined {
    return this.kept.get(statement);
  }

  set(statement: SeriesStatement, expansion: Expansion): void {
    this.kept.set(statement, expansion);
  }
}

function expansionOf(
  statement: SeriesStatement,
  file: string,
  period: Period | null,
  horizon: Window | null,
  diagnostics: Diagnostic[],
  expansions: SeriesExpansions | null,
): Expansion {
  const periodEnd = period?.to ?? null;
  const kept = expansions?.get(statement);
  if (kept && kept.file === file && kept.periodEnd === periodEnd && kept.horizon?.from === horizon?.from && kept.horizon?.to === horizon?.to) return kept;
  const reported = diagnostics.length;
  const expansion: Expansion = { file, horizon, periodEnd, expanded: expandSeries(statement, file, period, horizon, diagnostics), occurrences: null };
  if (diagnostics.length === reported) expansions?.set(statement, expansion);
  return expansion;
}

function addSeries(statement: SeriesStatement, expansion: Expansion, file: string, table: SymbolTable, touched: Set<Unit>): void {
  const event = statement.event;
  const { days, unexpanded } = expansion.expanded;
  const unit = eventUnit(file, event, table);
  if (unit && unexpanded) unit.timelineDoubts.push({ kinds: eventKinds(event), cause: unexpanded, reason: "this series was not expanded" });
  if (event.type === "gathering") {
    const present = resolvePresent(event, file, table);
    if (!unit) return;
    const list = unit.timeline.gatherings[event.gathering];
    if (present === null) {
      const occurrences = (expansion.occurrences ??= days.map((day): Occurrence => ({ day, statement, file, present: null })));
      // Most units have one series of each kind: one copy instead of growing the list item by item.
      if (list.length === 0) unit.timeline.gatherings[event.gathering] = occurrences.slice();
      else pushAll(list, occurrences);
    } else {
      for (const day of days) list.push({ day, statement, file, present });
    }
  } else {
    const recipients = resolveRecipients(event, file, table);
    if (!unit) return;
    for (const day of days) unit.timeline.reports.push({ day, statement, file, recipients });
  }
  touched.add(unit);
}

/**
 * Resolves the unit an event is about. When the name is unresolved, the unit
 * it most likely meant has a doubtful timeline from now on, of this kind.
 */
function eventUnit(file: string, event: GatheringEvent | ReportEvent, table: SymbolTable): Unit | null {
  const ref = event.unit;
  const reported = table.diagnostics.length;
  const unit = table.lookup(file, ref, "unit", eventRole(event));
  if (unit || table.symbols.has(ref.name)) return unit;
  const kinds = eventKinds(event);
  const cause = table.diagnostics[reported];
  const meant = table.suggest(ref.name, "unit")[0];
  const symbol = meant === undefined ? undefined : table.symbols.get(meant);
  if (symbol?.kind === "unit" && cause) symbol.timelineDoubts.push({ kinds, cause, reason: `this event names \`${ref.name}\`, which nothing declares` });
  return null;
}

/** The timeline an event of a unit belongs to. */
function eventKinds(event: GatheringEvent | ReportEvent): readonly TimelineKind[] {
  return [event.type === "report" ? "report" : event.gathering];
}

function eventRole(event: GatheringEvent | ReportEvent): string {
  if (event.type === "report") return "the reporting unit";
  return event.gathering === "critique" ? "a critique's unit" : "a meeting's unit";
}

function resolvePresent(event: GatheringEvent, file: string, table: SymbolTable): Person[] | null {
  if (!event.present) return null;
  const present: Person[] = [];
  for (const ref of event.present) {
    const person = table.lookup(file, ref, "person", "`present`");
    if (person) present.push(person);
  }
  return present;
}

function resolveRecipients(event: ReportEvent, file: string, table: SymbolTable): Unit[] {
  const recipients: Unit[] = [];
  for (const ref of event.recipients) {
    const unit = table.lookup(file, ref, "unit", "a report's recipient");
    if (unit) recipients.push(unit);
  }
  return recipients;
}

function addEvent(
  statement: EventStatement,
  file: string,
  table: SymbolTable,
  touchedUnits: Set<Unit>,
  touchedPeople: Set<Person>,
  inRecords: boolean,
): void {
  // An event after the period's end still resolves its names, but reaches no timeline.
  const day = inRecords ? statement.date.day : null;
  const event = statement.event;
  switch (event.type) {
    case "gathering": {
      const unit = eventUnit(file, event, table);
      const present = resolvePresent(event, file, table);
      if (!unit || day === null) return;
      const occurrence: Occurrence = { day, statement, file, present };
      unit.timeline.gatherings[event.gathering].push(occurrence);
      touchedUnits.add(unit);
      return;
    }
    case "report": {
      const unit = eventUnit(file, event, table);
      const recipients = resolveRecipients(event, file, table);
      if (!unit || day === null) return;
      const occurrence: ReportOccurrence = { day, statement, file, recipients };
      unit.timeline.reports.push(occurrence);
      touchedUnits.add(unit);
      return;
    }
    case "application": {
      // The applicant was introduced when people were collected; this use resolves to them.
      const person = table.symbols.get(event.applicant.name);
      const unit = table.lookup(file, event.unit, "unit", "an application's unit");
      const recommenders = event.recommenders.flatMap((ref) => {
        const recommender = table.lookup(file, ref, "person", "`recommended by`");
        return recommender ? [{ person: recommender, ref }] : [];
      });
      if (!person || person.kind !== "person" || day === null) return;
      const application: Application = { kind: "application", day, statement, file, unit, fromUnit: null, body: event, recommenders };
      person.timeline.push(application);
      touchedPeople.add(person);
      return;
    }
    case "review":
    case "forward":
    case "decision": {
      const person = table.lookup(file, event.person, "person", `the person a ${event.type === "decision" ? event.verb : event.type} is about`);
      const unit = table.lookup(file, event.unit, "unit", event.type === "review" ? "`at`" : event.type === "forward" ? "`to`" : "`by`");
      if (!person || day === null) return;
      const kind = event.type === "decision" ? event.verb : event.type;
      const personEvent: PersonEvent = { kind, day, statement, file, unit, fromUnit: null };
      person.timeline.push(personEvent);
      touchedPeople.add(person);
      return;
    }
    case "transfer": {
      const person = table.lookup(file, event.person, "person", "the person transferred");
      const fromUnit = table.lookup(file, event.from, "unit", "`from`");
      const toUnit = table.lookup(file, event.to, "unit", "`to`");
      if (!person || day === null) return;
      person.timeline.push({ kind: "transfer", day, statement, file, unit: toUnit, fromUnit });
      touchedPeople.add(person);
      return;
    }
  }
}
