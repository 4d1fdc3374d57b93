// The reporting rules, in catalogue order.
import type { AnyRule } from "../rule.js";
import { reports } from "./reports.js";

export const reportingRules: readonly AnyRule[] = [reports];
