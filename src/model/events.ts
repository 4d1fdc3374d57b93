// Events: resolves the names each event uses, expands series into dated
// occurrences, and files them into unit and person timelines sorted by date.
// Also reports what only the program as a whole can tell about dates: ranges
// that run backwards (ORG004) and events after the period (ORG007).
import type { EventStatement, GatheringEvent, Identifier, ReportEvent, SeriesStatement } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { formatDay, seriesDays } from "../util/dates.js";
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
  Unit,
} from "./types.js";

export function addEvents(
  files: readonly SourceFile[],
  table: SymbolTable,
  period: Period | null,
  diagnostics: Diagnostic[],
): { events: EventStatementRecord[]; series: SeriesRecord[] } {
  const events: EventStatementRecord[] = [];
  const series: SeriesRecord[] = [];
  const touchedUnits = new Set<Unit>();
  const touchedPeople = new Set<Person>();

  for (const file of files) {
    for (const statement of file.ast.statements) {
      if (statement.type === "event") {
        events.push({ statement, file: file.path });
        const day = statement.date.day;
        if (day !== null && period && day > period.to) {
          diagnostics.push(
            languageDiagnostic("outsidePeriod", file.path, statement.span, `this event on ${formatDay(day)} is after the period's end (${formatDay(period.to)})`),
          );
        }
        addEvent(statement, file.path, table, touchedUnits, touchedPeople);
      } else if (statement.type === "series") {
        const days = expandSeries(statement, file.path, period, diagnostics);
        series.push({ statement, file: file.path, days });
        addSeries(statement, days, file.path, table, touchedUnits);
      }
    }
  }

  const byDay = (a: { day: number }, b: { day: number }) => a.day - b.day;
  for (const unit of touchedUnits) {
    for (const list of Object.values(unit.timeline.gatherings)) list.sort(byDay);
    unit.timeline.reports.sort(byDay);
  }
  for (const person of touchedPeople) person.timeline.sort(byDay);
  events.sort((a, b) => (a.statement.date.day ?? 0) - (b.statement.date.day ?? 0));
  return { events, series };
}

function expandSeries(
  statement: SeriesStatement,
  file: string,
  period: Period | null,
  diagnostics: Diagnostic[],
): number[] {
  const from = statement.from.day;
  const to = statement.to.day;
  if (from === null || to === null || !statement.interval) return [];
  if (to < from) {
    diagnostics.push(
      languageDiagnostic("invalidDate", file, statement.to.span, `the series ends on ${formatDay(to)}, before it starts on ${formatDay(from)}`),
    );
    return [];
  }
  const days = seriesDays(from, to, statement.interval.count, statement.interval.unit);
  const last = days[days.length - 1];
  if (period && last !== undefined && last > period.to) {
    const after = days.filter((day) => day > period.to).length;
    diagnostics.push(
      languageDiagnostic(
        "outsidePeriod",
        file,
        statement.span,
        `${after} of this series' events fall after the period's end (${formatDay(period.to)}), the last on ${formatDay(last)}`,
      ),
    );
  }
  return days;
}

function addSeries(statement: SeriesStatement, days: number[], file: string, table: SymbolTable, touched: Set<Unit>): void {
  const event = statement.event;
  const unit = eventUnit(file, event.unit, table, eventRole(event));
  if (event.type === "gathering") {
    const present = resolvePresent(event, file, table);
    if (!unit) return;
    const list = unit.timeline.gatherings[event.gathering];
    for (const day of days) list.push({ day, statement, file, present });
  } else {
    const recipients = resolveRecipients(event, file, table);
    if (!unit) return;
    for (const day of days) unit.timeline.reports.push({ day, statement, file, recipients });
  }
  touched.add(unit);
}

/**
 * Resolves the unit an event is about. When the name is unresolved, the unit
 * it most likely meant has a doubtful timeline from now on.
 */
function eventUnit(file: string, ref: Identifier, table: SymbolTable, role: string): Unit | null {
  const unit = table.lookup(file, ref, "unit", role);
  if (unit || table.symbols.has(ref.name)) return unit;
  const meant = table.suggest(ref.name, "unit")[0];
  const symbol = meant === undefined ? undefined : table.symbols.get(meant);
  if (symbol?.kind === "unit" && symbol.timelineDoubt === null) symbol.timelineDoubt = `an event names \`${ref.name}\`, which nothing declares`;
  return null;
}

function eventRole(event: GatheringEvent | ReportEvent): string {
  if (event.type === "report") return "the reporting unit";
  return event.gathering === "critique" ? "a critique's unit" : "a meeting's unit";
}

function resolvePresent(event: GatheringEvent, file: string, table: SymbolTable): Person[] | null {
  if (!event.present) return null;
  return event.present.flatMap((ref) => table.lookup(file, ref, "person", "`present`") ?? []);
}

function resolveRecipients(event: ReportEvent, file: string, table: SymbolTable): Unit[] {
  return event.recipients.flatMap((ref) => table.lookup(file, ref, "unit", "a report's recipient") ?? []);
}

function addEvent(
  statement: EventStatement,
  file: string,
  table: SymbolTable,
  touchedUnits: Set<Unit>,
  touchedPeople: Set<Person>,
): void {
  const day = statement.date.day;
  const event = statement.event;
  switch (event.type) {
    case "gathering": {
      const unit = eventUnit(file, event.unit, table, eventRole(event));
      const present = resolvePresent(event, file, table);
      if (!unit || day === null) return;
      const occurrence: Occurrence = { day, statement, file, present };
      unit.timeline.gatherings[event.gathering].push(occurrence);
      touchedUnits.add(unit);
      return;
    }
    case "report": {
      const unit = eventUnit(file, event.unit, table, eventRole(event));
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
