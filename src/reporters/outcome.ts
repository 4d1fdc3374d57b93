// What a check reports besides the findings it fails on: the findings a
// baseline or a waiver suppresses (shown as suppressed, never hidden from
// the machine formats) and the baseline entries whose finding no longer
// occurs. Every reporter takes the same options.
import type { BaselineEntry } from "../check/baseline.js";
import type { Diagnostic } from "../diagnostics/types.js";

export interface BaselinedFinding {
  readonly diagnostic: Diagnostic;
  readonly entry: BaselineEntry;
}

export interface Suppressed {
  /** The baseline file (absolute), or `null` when no baseline is used. */
  readonly baselineFile: string | null;
  /** Findings the baseline holds, with the entry that holds each. */
  readonly baselined: readonly BaselinedFinding[];
  /** Findings waivers suppress, each with its `waivedBy`. */
  readonly waived: readonly Diagnostic[];
  /** Baseline entries of the checked files whose finding no longer occurs (`orgspec baseline prune`). */
  readonly gone: readonly BaselineEntry[];
}

export const NOTHING_SUPPRESSED: Suppressed = { baselineFile: null, baselined: [], waived: [], gone: [] };

export interface ReportOptions {
  readonly cwd: string;
  /** How many files were checked (entries and imports). */
  readonly checkedFiles: number;
  /** How many findings waivers suppressed. */
  readonly waived: number;
  /** The suppressed findings and the stale baseline entries (default: none). */
  readonly suppressed?: Suppressed;
}
