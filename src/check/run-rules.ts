// Runs the bylaw rules over a resolved model with a rulebook (severities and
// options, defaults from each rule), and stamps each report with the rule's
// code, name and severity.
import type { Day } from "../ast/types.js";
import { SEVERITY_ORDER, type Diagnostic, type Severity } from "../diagnostics/types.js";
import type { Model } from "../model/types.js";
import { RULES } from "../rules/index.js";
import type { AnyRule, OptionSpecs, OptionValues } from "../rules/rule.js";

export type RuleSeverity = Severity | "off";

export interface RuleSetting {
  readonly severity: RuleSeverity;
  /** Option values; missing ones take the rule's defaults. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** Settings by rule code; rules not named run with their catalogue defaults. */
export type Rulebook = ReadonlyMap<string, RuleSetting>;

export function defaultOptions(rule: AnyRule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.options).map(([key, spec]) => [key, spec.default]));
}

export function runRules(model: Model, rulebook: Rulebook, asOf: Day | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    const setting = rulebook.get(rule.code);
    const severity = setting?.severity ?? rule.severity;
    if (severity === "off") continue;
    const options = { ...defaultOptions(rule), ...(setting?.options ?? {}) } as OptionValues<OptionSpecs>;
    rule.check({
      model,
      options,
      asOf,
      report: (input) =>
        diagnostics.push({
          code: rule.code,
          name: rule.name,
          severity: lowerSeverity(severity, input.severity),
          message: input.message,
          file: input.file,
          span: input.span,
          related: input.related ?? [],
        }),
    });
  }
  return diagnostics;
}

/** The configured severity, lowered to a report's own when that is lower (never raised). */
function lowerSeverity(configured: Severity, requested: Severity | undefined): Severity {
  return requested !== undefined && SEVERITY_ORDER[requested] > SEVERITY_ORDER[configured] ? requested : configured;
}
