// Runs the bylaw rules over a resolved model with a rulebook (severities and
// options, defaults from each rule), and stamps each report with the rule's
// code, name and severity. Each rule runs on its own: one that throws becomes
// one ORG012 diagnostic and the others still report. What a rule could not
// check because of an earlier error is collected as notes for that error.
import type { Day } from "../ast/types.js";
import { languageDiagnostic } from "../diagnostics/language.js";
import { SEVERITY_ORDER, type Diagnostic, type RelatedLocation, type Severity } from "../diagnostics/types.js";
import type { Model, TimelineDoubt, TimelineKind, Unit } from "../model/types.js";
import { RULES } from "../rules/index.js";
import type { Obligation } from "../rules/obligation.js";
import type { AnyRule, OptionSpecs, OptionValues } from "../rules/rule.js";
import { timelineDoubt } from "../rules/shared/meetings-cadence.js";
import { listWords } from "../rules/shared/cadence.js";
import { unitLabel } from "../rules/shared/units.js";
import { pushAll } from "../util/arrays.js";

export type RuleSeverity = Severity | "off";

export interface RuleSetting {
  readonly severity: RuleSeverity;
  /** Option values; missing ones take the rule's defaults. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** Settings by rule code; rules not named run with their catalogue defaults. */
export type Rulebook = ReadonlyMap<string, RuleSetting>;

export interface RuleRun {
  /** The rules' diagnostics, and an ORG012 for each rule that failed. */
  readonly diagnostics: Diagnostic[];
  /**
   * For each earlier diagnostic that kept a cadence rule from checking a
   * unit, notes saying what was not checked (one per unit).
   */
  readonly costs: ReadonlyMap<Diagnostic, RelatedLocation[]>;
}

export function defaultOptions(rule: AnyRule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.options).map(([key, spec]) => [key, spec.default]));
}

/** A rule's option values under a rulebook: its defaults, overridden by the configured ones. */
export function ruleOptions(rule: AnyRule, rulebook: Rulebook): OptionValues<OptionSpecs> {
  return { ...defaultOptions(rule), ...(rulebook.get(rule.code)?.options ?? {}) } as OptionValues<OptionSpecs>;
}

/** Whether a rule runs under a rulebook (is not configured `off`). */
export function ruleEnabled(rule: AnyRule, rulebook: Rulebook): boolean {
  return rulebook.get(rule.code)?.severity !== "off";
}

/**
 * What the rules that are on say falls due, with the same options their
 * checks use: the agenda and the report read this, never a copy of a rule.
 */
export function ruleObligations(model: Model, rulebook: Rulebook, rules: readonly AnyRule[] = RULES): Obligation[] {
  return rules.flatMap((rule) => (rule.obligations && ruleEnabled(rule, rulebook) ? rule.obligations({ model, options: ruleOptions(rule, rulebook) }) : []));
}

export function runRules(model: Model, rulebook: Rulebook, asOf: Day | null, rules: readonly AnyRule[] = RULES): RuleRun {
  const run = new RuleRunner(model, rulebook, asOf, rules);
  while (run.step());
  return run.result();
}

/**
 * `runRules` one rule at a time, so that a caller can stop between rules (the
 * language server answers requests there, and drops a check a newer edit
 * overtakes).
 */
export class RuleRunner {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly skips = new SkipLedger();
  private next = 0;

  constructor(
    private readonly model: Model,
    private readonly rulebook: Rulebook,
    private readonly asOf: Day | null,
    private readonly rules: readonly AnyRule[] = RULES,
  ) {}

  /** Runs the next rule that is on; `false` when every rule has run. */
  step(): boolean {
    const rule = this.rules[this.next];
    if (!rule) return false;
    this.next++;
    const severity = this.rulebook.get(rule.code)?.severity ?? rule.severity;
    if (severity !== "off") this.runRule(rule, severity);
    return this.next < this.rules.length;
  }

  result(): RuleRun {
    return { diagnostics: this.diagnostics, costs: this.skips.notes() };
  }

  private runRule(rule: AnyRule, severity: Severity): void {
    const { model, skips } = this;
    const options = ruleOptions(rule, this.rulebook);
    const reported: Diagnostic[] = [];
    try {
      rule.check({
        model,
        options,
        asOf: this.asOf,
        report: (input) =>
          reported.push({
            code: rule.code,
            name: rule.name,
            severity: lowerSeverity(severity, input.severity),
            message: input.message,
            file: input.file,
            span: input.span,
            related: input.related ?? [],
            ...(input.data ? { data: input.data } : {}),
            ...(input.fixes && input.fixes.length > 0 ? { fixes: input.fixes } : {}),
            subject: input.subject,
            evidence: [...input.evidence, { kind: "bylaw", text: `${rule.citation.section}: "${rule.citation.quote}"` }],
          }),
        cadenceWindow: (unit, kind) => {
          const window = unit.window;
          if (!window || window.from > window.to) return null;
          const doubt = timelineDoubt(unit, kind);
          if (!doubt) return window;
          skips.add(doubt, unit, kind, rule.code);
          return null;
        },
      });
      pushAll(this.diagnostics, reported);
    } catch (error) {
      // What the rule reported before it failed may be partial: it is dropped with it.
      this.diagnostics.push(internalError(model, rule, error));
    }
  }
}

function internalError(model: Model, rule: AnyRule, error: unknown): Diagnostic {
  const entry = model.files[model.files.length - 1];
  const reason = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? error.stack : String(error);
  const diagnostic = languageDiagnostic(
    "internal",
    entry?.path ?? model.entry,
    { start: 0, end: 0 },
    `rule ${rule.code} ${rule.name} failed with an internal error (${reason}); its findings are missing. ` +
      "This is a bug in orgspec: please report it with this spec (--debug prints the stack)",
  );
  return { ...diagnostic, detail: stack };
}

/** The lower of the configured severity and a report's own (never raised). */
function lowerSeverity(configured: Severity, requested: Severity | undefined): Severity {
  return requested !== undefined && SEVERITY_ORDER[requested] > SEVERITY_ORDER[configured] ? requested : configured;
}

const KIND_NOUNS: Record<TimelineKind, string> = {
  meeting: "meeting",
  "committee-meeting": "committee meeting",
  "executive-meeting": "executive meeting",
  critique: "Party Life Critique",
  report: "report",
};

/** The cadences each cause kept from being checked, by unit, in the order rules ran. */
class SkipLedger {
  private readonly byCause = new Map<Diagnostic, Map<Unit, { doubt: TimelineDoubt; kinds: Set<TimelineKind>; codes: Set<string> }>>();

  add(doubt: TimelineDoubt, unit: Unit, kind: TimelineKind, code: string): void {
    let units = this.byCause.get(doubt.cause);
    if (!units) this.byCause.set(doubt.cause, (units = new Map()));
    let entry = units.get(unit);
    if (!entry) units.set(unit, (entry = { doubt, kinds: new Set(), codes: new Set() }));
    entry.kinds.add(kind);
    entry.codes.add(code);
  }

  /** "the meeting and report cadences of Tiny Cell (ORG201, ORG401) were not checked because this line did not parse" */
  notes(): Map<Diagnostic, RelatedLocation[]> {
    const notes = new Map<Diagnostic, RelatedLocation[]>();
    for (const [cause, units] of this.byCause) {
      const related = [...units].map(([unit, { doubt, kinds, codes }]): RelatedLocation => {
        const what = listWords([...kinds].map((kind) => KIND_NOUNS[kind]), "and");
        const cadences = kinds.size === 1 ? "cadence" : "cadences";
        const verb = kinds.size === 1 ? "was" : "were";
        return {
          file: unit.file,
          span: unit.decl.id.span,
          message: `the ${what} ${cadences} of ${unitLabel(unit)} (${[...codes].sort().join(", ")}) ${verb} not checked because ${doubt.reason}`,
        };
      });
      notes.set(cause, related);
    }
    return notes;
  }
}
