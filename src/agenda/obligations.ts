// The cadence obligations of each unit: what the meeting, critique and report
// rules (ORG201-ORG206, ORG401) say falls due, asked of the rules themselves
// (src/rules/obligation.ts), so that the report marks the same months and
// gaps the rules report, and the agenda names the next day each falls due.
import type { Model, TimelineKind } from "../model/types.js";
import { ruleObligations } from "../check/run-rules.js";
import type { CadenceObligation } from "../rules/obligation.js";
import type { RuleSettings } from "./rule-settings.js";

export type { CadenceObligation, GapObligation, MonthlyObligation } from "../rules/obligation.js";

/** The rows of a unit's calendar: its kinds of session and its reports. */
export type CadenceRow = TimelineKind;

export { TIMELINE_KINDS as CADENCE_ROWS } from "../model/types.js";

/** Every cadence obligation of every unit of the model, for the rules that are on. */
export function cadenceObligations(model: Model, settings: RuleSettings): CadenceObligation[] {
  return ruleObligations(model, settings.rulebook).filter((obligation): obligation is CadenceObligation => obligation.kind !== "deadline");
}
