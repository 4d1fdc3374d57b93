// The options and on/off state of the bylaw rules under a rulebook, as the
// checker runs them (each rule's defaults, overridden by the configuration):
// the agenda and the report compute deadlines with the same numbers.
import { ruleOptions, type Rulebook } from "../check/run-rules.js";
import { RULES_BY_CODE } from "../rules/index.js";
import type { Duration } from "../rules/rule.js";

export class RuleSettings {
  constructor(readonly rulebook: Rulebook = new Map()) {}

  /** Whether the rule runs (not configured `off`). */
  enabled(code: string): boolean {
    return this.rulebook.get(code)?.severity !== "off";
  }

  integer(code: string, option: string): number {
    const value = this.value(code, option);
    if (typeof value !== "number") throw new Error(`${code} option ${option} is not an integer option`);
    return value;
  }

  duration(code: string, option: string): Duration {
    const value = this.value(code, option);
    if (!isDuration(value)) throw new Error(`${code} option ${option} is not a duration option`);
    return value;
  }

  private value(code: string, option: string): unknown {
    const rule = RULES_BY_CODE.get(code);
    if (!rule) throw new Error(`no rule ${code}`);
    return (ruleOptions(rule, this.rulebook) as Record<string, unknown>)[option];
  }
}

function isDuration(value: unknown): value is Duration {
  return typeof value === "object" && value !== null && "count" in value && "unit" in value;
}
