// Builds the report's data from a check of the command line's paths: the
// units of every program merged into one tree (a committees file shared by
// several programs is one set of units), each with its size, leaders, worst
// diagnostic, roster, calendar and candidates; and every diagnostic with the
// unit it belongs to.
import type { Day } from "../ast/types.js";
import type { PathsResult } from "../check/check.js";
import { catalogueEntry } from "../check/codes.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Model, Person, RoleAssignment, Unit } from "../model/types.js";
import { countSeverities, displayPath, SourceLookup } from "../reporters/locate.js";
import { TOOL_VERSION } from "../reporters/version.js";
import { personLabel } from "../rules/shared/units.js";
import { candidateHistories } from "../agenda/membership-deadlines.js";
import { cadenceObligations, type CadenceObligation } from "../agenda/obligations.js";
import type { RuleSettings } from "../agenda/rule-settings.js";
import { UnitLocator, unitKey } from "../agenda/unit-locator.js";
import { unitCalendar } from "./calendar-data.js";
import { waivedOf, type Suppressed } from "../reporters/outcome.js";
import type { DiagnosticData, PersonHistoryData, ReportData, RosterRow, RuleData, SeverityName, SuppressedData, UnitData } from "./data.js";
import { historyData } from "./history-data.js";

export interface ReportInput {
  readonly result: PathsResult;
  readonly settings: RuleSettings;
  /** `--as-of`, else each program's period end. */
  readonly asOf: Day | null;
  readonly cwd: string;
  readonly sources: readonly string[];
  /** The findings a baseline or waivers suppress (default: the waived ones, none baselined). */
  readonly suppressed?: Suppressed;
}

/** One unit declaration and its resolved units, one per program that loads it. */
interface MergedUnit {
  readonly index: number;
  readonly unit: Unit;
  readonly all: Unit[];
  readonly obligations: CadenceObligation[];
}

export function buildReportData(input: ReportInput): ReportData {
  const { result, settings, cwd } = input;
  const models = result.programs.map((program) => program.model);
  const merged = mergeUnits(models, settings);
  const indexOf = (unit: Unit | null) => (unit ? merged.get(unitKey(unit))?.index ?? null : null);
  const lookup = new SourceLookup(result.programs);
  const locator = new UnitLocator(models);
  const unitOf = (diagnostic: Diagnostic) => indexOf(locator.unitAt(diagnostic.file, diagnostic.span.start));
  const diagnostics = result.diagnostics.map((diagnostic) => diagnosticData(diagnostic, unitOf(diagnostic), lookup, cwd));
  const held = input.suppressed ?? { baselineFile: null, baselined: [], waived: waivedOf(result), gone: [] };
  const suppressed: SuppressedData[] = [
    ...held.baselined.map(({ diagnostic, entry }) => ({ ...diagnosticData(diagnostic, unitOf(diagnostic), lookup, cwd), by: "baseline" as const, reason: entry.reason, until: null })),
    ...held.waived.map((diagnostic) => ({ ...diagnosticData(diagnostic, unitOf(diagnostic), lookup, cwd), by: "waiver" as const, reason: diagnostic.waivedBy?.reason ?? "", until: diagnostic.waivedBy?.until ?? null })),
  ];
  const people = histories(models, input, indexOf);
  const units = [...merged.values()].map((entry) => unitData(entry, merged, result.diagnostics, diagnostics, people.byUnit.get(entry.index) ?? [], lookup, cwd));
  const counts = countSeverities(result.diagnostics);
  const periods = new Map<string, { from: number; to: number }>();
  for (const model of models) if (model.period) periods.set(`${model.period.from}:${model.period.to}`, { from: model.period.from, to: model.period.to });
  const asOfs = new Set(models.map((model) => input.asOf ?? model.period?.to ?? null));
  const roots = units.flatMap((unit, index) => (unit.parent === null ? [index] : []));
  return {
    tool: { name: "orgspec", version: TOOL_VERSION },
    sources: input.sources,
    organization: roots.map((index) => units[index]!.title ?? units[index]!.id).join(", ") || "no units",
    periods: [...periods.values()],
    asOf: asOfs.size === 1 ? [...asOfs][0]! : null,
    summary: { ...counts, files: result.files.length, waived: result.waived, baselined: held.baselined.length, units: units.length, people: countPeople(models) },
    units,
    roots,
    diagnostics,
    suppressed,
    rules: rulesOf(result.diagnostics),
    unassigned: people.unassigned,
  };
}

function mergeUnits(models: readonly Model[], settings: RuleSettings): Map<string, MergedUnit> {
  const merged = new Map<string, MergedUnit>();
  for (const model of models) {
    const obligations = cadenceObligations(model, settings);
    for (const unit of model.units) {
      const key = unitKey(unit);
      let entry = merged.get(key);
      if (!entry) {
        entry = { index: merged.size, unit, all: [], obligations: obligations.filter((obligation) => obligation.unit === unit) };
        merged.set(key, entry);
      }
      entry.all.push(unit);
    }
  }
  return merged;
}

function unitData(
  entry: MergedUnit,
  merged: ReadonlyMap<string, MergedUnit>,
  allDiagnostics: readonly Diagnostic[],
  diagnostics: readonly DiagnosticData[],
  people: readonly PersonHistoryData[],
  lookup: SourceLookup,
  cwd: string,
): UnitData {
  const unit = entry.unit;
  const own = diagnostics.filter((diagnostic) => diagnostic.unit === entry.index);
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of own) counts[diagnostic.severity]++;
  const worst = (["error", "warning", "info"] as const).find((severity) => counts[severity] > 0) ?? null;
  // The cadence rules anchor on the unit's identifier: those codes mark its calendar.
  const flagged = new Set(
    allDiagnostics.filter((diagnostic) => diagnostic.file === unit.file && diagnostic.span.start === unit.decl.id.span.start).map((diagnostic) => diagnostic.code),
  );
  const parent = entry.all.map((each) => each.parent).find((candidate) => candidate !== null) ?? null;
  const children = new Set<number>();
  for (const each of entry.all) for (const child of each.children) children.add(merged.get(unitKey(child))!.index);
  return {
    id: unit.id,
    title: unit.title,
    kind: unit.unitKind,
    level: unit.level,
    setting: unit.setting,
    file: displayPath(unit.file, cwd),
    line: lookup.range(unit.file, unit.decl.id.span).start.line,
    parent: parent ? merged.get(unitKey(parent))!.index : null,
    children: [...children].sort((a, b) => a - b),
    size: mergedSize(entry, merged),
    secretary: roleName(unit.secretary),
    deputy: roleName(unit.deputy),
    worst,
    counts,
    roster: unit.roster.map(
      (membership): RosterRow => [
        membership.person.id,
        personLabel(membership.person),
        membership.status,
        membership.date ?? -1,
        membership.youthLeague ? 1 : 0,
        membership.residence ? membership.residence.title ?? membership.residence.id : "",
      ],
    ),
    calendar: unitCalendar(unit, entry.obligations, flagged),
    people,
  };
}

function roleName(role: RoleAssignment | null): string | null {
  if (!role) return null;
  return role.person ? personLabel(role.person) : role.property.value.name;
}

/** A person's identity across programs: their first declaration. */
function personKey(person: Person): string {
  const first = person.declarations[0];
  return first ? `${first.file}:${first.id.span.start}` : person.id;
}

/**
 * The distinct people in the unit's roster and the rosters under it, over
 * every program that loads it (one program: the model's own size).
 */
function mergedSize(entry: MergedUnit, merged: ReadonlyMap<string, MergedUnit>): number {
  if (entry.all.length === 1) return entry.unit.size;
  const people = new Set<string>();
  const seen = new Set<Unit>();
  const visit = (unit: Unit) => {
    if (seen.has(unit)) return;
    seen.add(unit);
    for (const membership of unit.roster) people.add(personKey(membership.person));
    for (const child of unit.children) for (const each of merged.get(unitKey(child))?.all ?? [child]) visit(each);
  };
  for (const unit of entry.all) visit(unit);
  return people.size;
}

function countPeople(models: readonly Model[]): number {
  const people = new Set<string>();
  for (const model of models) for (const person of model.people) people.add(personKey(person));
  return people.size;
}

function histories(models: readonly Model[], input: ReportInput, indexOf: (unit: Unit | null) => number | null) {
  const byUnit = new Map<number, PersonHistoryData[]>();
  const unassigned: PersonHistoryData[] = [];
  const seen = new Set<string>();
  for (const model of models) {
    for (const history of candidateHistories(model, input.settings, input.asOf ?? model.period?.to ?? null)) {
      const key = personKey(history.person);
      if (seen.has(key)) continue;
      seen.add(key);
      const index = indexOf(history.cell);
      const data = historyData(history);
      if (index === null) unassigned.push(data);
      else byUnit.set(index, [...(byUnit.get(index) ?? []), data]);
    }
  }
  const firstDay = (person: PersonHistoryData) => person.milestones[0]?.day ?? 0;
  for (const list of [...byUnit.values(), unassigned]) list.sort((a, b) => firstDay(a) - firstDay(b));
  return { byUnit, unassigned };
}

function diagnosticData(diagnostic: Diagnostic, unit: number | null, lookup: SourceLookup, cwd: string): DiagnosticData {
  const start = lookup.range(diagnostic.file, diagnostic.span).start;
  return {
    severity: diagnostic.severity,
    code: diagnostic.code,
    rule: diagnostic.name,
    message: diagnostic.message,
    file: displayPath(diagnostic.file, cwd),
    line: start.line,
    column: start.column,
    unit,
    id: diagnostic.fingerprint ?? null,
    evidence: (diagnostic.evidence ?? []).flatMap((step) => {
      if (step.kind === "bylaw") return [];
      const at = step.location ? lookup.range(step.location.file, step.location.span).start : null;
      return [{ kind: step.kind, text: step.text, where: step.location && at ? `${displayPath(step.location.file, cwd)}:${at.line}:${at.column}` : null }];
    }),
  };
}

function rulesOf(diagnostics: readonly Diagnostic[]): Record<string, RuleData> {
  const rules: Record<string, RuleData> = {};
  for (const code of [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort()) {
    const entry = catalogueEntry(code);
    if (!entry) continue;
    rules[code] = {
      name: entry.name,
      summary: entry.summary,
      section: entry.citation?.section ?? null,
      quote: entry.citation?.quote ?? null,
      description: entry.docs.description,
      failing: "failing" in entry.docs ? entry.docs.failing : null,
      passing: "passing" in entry.docs ? entry.docs.passing : null,
    };
  }
  return rules;
}
