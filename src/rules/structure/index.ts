// The structure rules, in catalogue order.
import type { AnyRule } from "../rule.js";
import { cellSize } from "./cell-size.js";

export const structureRules: readonly AnyRule[] = [cellSize];
