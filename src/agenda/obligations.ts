// The cadence obligations of each unit, as the meeting, critique and report
// rules (ORG201-ORG206, ORG401) judge them: "N sessions of a kind in each
// month" or "at most LIMIT between sessions". Derived once from the rules'
// options, so that the report marks the same months and gaps the rules
// report, and the agenda names the next day each obligation falls due.
import type { Day, GatheringKind, UnitKind } from "../ast/types.js";
import type { Model, ReportOccurrence, Unit } from "../model/types.js";
import type { Duration } from "../rules/rule.js";
import { gatheringDays } from "../rules/shared/meetings-cadence.js";
import { cityOrCountyAbove, isBasic, provincialAbove } from "../rules/shared/units.js";
import type { RuleSettings } from "./rule-settings.js";

/** The rows of a unit's calendar: its kinds of session and its reports. */
export type CadenceRow = GatheringKind | "report";

export const CADENCE_ROWS: readonly CadenceRow[] = ["meeting", "committee-meeting", "executive-meeting", "critique", "report"];

interface ObligationBase {
  /** The rule that judges it. */
  readonly code: string;
  readonly unit: Unit;
  readonly row: CadenceRow;
  /** What is held, singular: "cell meeting", "report to Sinuiju City Party Committee". */
  readonly noun: string;
  /** The days that count, sorted. */
  readonly days: readonly Day[];
}

/** At least `perMonth` sessions in each whole month of the unit's window. */
export interface MonthlyObligation extends ObligationBase {
  readonly kind: "monthly";
  readonly perMonth: number;
}

/** At most `limit` between sessions, from the window's start and to its end. */
export interface GapObligation extends ObligationBase {
  readonly kind: "gap";
  readonly limit: Duration;
  /** For reports: the committee they must reach. */
  readonly recipient: Unit | null;
}

export type CadenceObligation = MonthlyObligation | GapObligation;

const LED_BY_COMMITTEE: readonly UnitKind[] = ["primary", "branch", "subprimary"];

/** Every cadence obligation of every unit of the model, for the rules that are on. */
export function cadenceObligations(model: Model, settings: RuleSettings): CadenceObligation[] {
  const obligations: CadenceObligation[] = [];
  for (const unit of model.units) obligations.push(...unitObligations(unit, settings));
  return obligations;
}

function unitObligations(unit: Unit, settings: RuleSettings): CadenceObligation[] {
  const found: CadenceObligation[] = [];
  const monthly = (code: string, row: GatheringKind, perMonth: number, noun: string) => {
    if (settings.enabled(code)) found.push({ kind: "monthly", code, unit, row, noun, perMonth, days: gatheringDays(unit, row) });
  };
  const gap = (code: string, row: CadenceRow, limit: Duration, noun: string, days: readonly Day[], recipient: Unit | null = null) => {
    if (settings.enabled(code)) found.push({ kind: "gap", code, unit, row, noun, limit, days, recipient });
  };
  if (unit.unitKind === "cell") {
    monthly("ORG201", "meeting", settings.integer("ORG201", "perMonth"), "cell meeting");
    if (unit.committee) monthly("ORG202", "committee-meeting", settings.integer("ORG202", "perMonth"), "Party Cell Committee meeting");
    const interval = unit.critique?.interval;
    if (interval) gap("ORG206", "critique", { count: interval.count, unit: interval.unit }, "Party Life Critique", gatheringDays(unit, "critique"));
  }
  if (LED_BY_COMMITTEE.includes(unit.unitKind)) {
    const large = unit.unitKind === "primary" && unit.size > settings.integer("ORG203", "largeMoreThan");
    const interval = settings.duration("ORG203", large ? "largeInterval" : "interval");
    gap("ORG203", "meeting", interval, "general meeting", gatheringDays(unit, "meeting"));
    if (unit.committee) {
      const perMonth = settings.integer("ORG204", unit.executive ? "perMonthWithExecutive" : "perMonth");
      monthly("ORG204", "committee-meeting", perMonth, "committee meeting");
    }
    if (unit.executive) monthly("ORG205", "executive-meeting", settings.integer("ORG205", "perMonth"), "executive committee meeting");
  }
  if (isBasic(unit)) {
    const city = cityOrCountyAbove(unit);
    const provincial = city ? provincialAbove(city) : null;
    const interval = settings.duration("ORG401", "interval");
    for (const recipient of [city, provincial]) {
      if (!recipient) continue;
      const days = unit.timeline.reports.filter((report) => reaches(report, recipient)).map((report) => report.day);
      gap("ORG401", "report", interval, `report to ${recipient.title ?? recipient.id}`, days, recipient);
    }
  }
  return found;
}

/**
 * Whether a report reached `recipient`, as ORG401 counts it: a report naming
 * a recipient that did not resolve might have, so it counts for every one.
 */
function reaches(report: ReportOccurrence, recipient: Unit): boolean {
  const named = report.statement.event.type === "report" ? report.statement.event.recipients.length : 0;
  return report.recipients.includes(recipient) || report.recipients.length < named;
}
