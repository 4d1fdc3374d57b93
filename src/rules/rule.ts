// What a bylaw rule is: its metadata (the catalogue entry), its options with
// defaults, its docs with a failing and a passing example, and `check`, which
// reads the resolved model and reports through the context.
import type { Day, Span } from "../ast/types.js";
import type { Citation, DiagnosticData, EvidenceStep, Fix, RelatedLocation, Severity } from "../diagnostics/types.js";
import type { Model, TimelineKind, Unit, Window } from "../model/types.js";
import type { Obligation, ObligationContext } from "./obligation.js";
import type { Duration, OptionSpecs, OptionValues } from "./options.js";

export type { Duration, OptionSpec, OptionSpecs, OptionValues } from "./options.js";

export type RuleCategory = "structure" | "meetings" | "membership" | "reporting";

export interface RuleDocs {
  /** What the rule checks and how it reads the bylaws, in Markdown. */
  readonly description: string;
  /** A spec fragment the rule reports on. */
  readonly failing: string;
  /** The same fragment, corrected. */
  readonly passing: string;
}

export interface ReportInput {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  /** The names and values the message was built from. */
  readonly data?: DiagnosticData;
  /** The fixes the rule offers for this finding, best first. */
  readonly fixes?: readonly Fix[];
  /**
   * What the finding is about, as a path in the model (`unit:mill3/month:2026-04`):
   * with the code, it is the finding's fingerprint, so it names the facts
   * that define the finding and never a line.
   */
  readonly subject: string;
  /** The records read and the values computed, in order; the rule's bylaw quote is added after them. */
  readonly evidence: readonly EvidenceStep[];
  /**
   * A lower severity for this report than the rule's (a rule whose lesser
   * findings are warnings). It can only lower: the configured severity is the
   * ceiling, so a rule set to `info` never reports a `warning`.
   */
  readonly severity?: Severity;
}

export interface RuleContext<S extends OptionSpecs> {
  readonly model: Model;
  readonly options: OptionValues<S>;
  /**
   * The day deadlines are judged at: the period's end, or `--as-of`. `null`
   * without a period and without `--as-of` (then nothing is overdue).
   */
  readonly asOf: Day | null;
  report(input: ReportInput): void;
  /**
   * The window a unit's cadence of one kind is judged over, or `null` when it
   * is not judged: no period, the unit established after it, or a timeline an
   * earlier error may have left incomplete. In that last case the skip is
   * noted on the diagnostic of the error, so that the error says what it cost.
   */
  cadenceWindow(unit: Unit, kind: TimelineKind): Window | null;
}

export interface Rule<S extends OptionSpecs = OptionSpecs> {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** One line, as in the catalogue. */
  readonly summary: string;
  readonly citation: Citation;
  readonly options: S;
  readonly docs: RuleDocs;
  check(context: RuleContext<S>): void;
  /**
   * What the rule says falls due (cadences to keep, decisions due by a day),
   * for the rules whose findings are judged against obligations. The rule's
   * own check reads the same answer; so do the agenda and the report.
   */
  obligations?(context: ObligationContext<S>): Obligation[];
}

/** A rule of any option shape, as the registry holds them. */
export interface AnyRule extends Omit<Rule, "check" | "obligations"> {
  check(context: RuleContext<OptionSpecs>): void;
  obligations?(context: ObligationContext<OptionSpecs>): Obligation[];
}

/** Declares a rule; `check` gets its option types, the registry an `AnyRule`. */
export function defineRule<S extends OptionSpecs>(rule: Rule<S>): AnyRule {
  return rule as unknown as AnyRule;
}

export function months(count: number): Duration {
  return { count, unit: "month" };
}

export function years(count: number): Duration {
  return { count, unit: "year" };
}

export function days(count: number): Duration {
  return { count, unit: "day" };
}
