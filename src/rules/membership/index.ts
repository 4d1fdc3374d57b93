// The membership rules, in catalogue order.
import type { AnyRule } from "../rule.js";


export const membershipRules: readonly AnyRule[] = [];
