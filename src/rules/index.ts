// The registry: every bylaw rule, in catalogue order, gathered from the
// category folders. Adding a rule means adding its file and one line to its
// category's index; the catalogue, `orgspec rules` and docs/rules.md follow.
import { meetingsRules } from "./meetings/index.js";
import { membershipRules } from "./membership/index.js";
import { reportingRules } from "./reporting/index.js";
import type { AnyRule } from "./rule.js";
import { structureRules } from "./structure/index.js";

export const RULES: readonly AnyRule[] = [...structureRules, ...meetingsRules, ...membershipRules, ...reportingRules].sort(
  (a, b) => (a.code < b.code ? -1 : 1),
);

export const RULES_BY_CODE: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.code, rule]));
export const RULES_BY_NAME: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.name, rule]));
