// The meetings rules, in catalogue order.
import type { AnyRule } from "../rule.js";


export const meetingsRules: readonly AnyRule[] = [];
