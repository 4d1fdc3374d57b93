// The reporting rules, in catalogue order.
import type { AnyRule } from "../rule.js";


export const reportingRules: readonly AnyRule[] = [];
