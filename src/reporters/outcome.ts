// What a check reports besides the findings it fails on: the findings a
// baseline or a waiver suppresses (shown as suppressed, never hidden from
// the machine formats) and the baseline entries whose finding no longer
// occurs. Every reporter takes the same options.
import type { BaselineEntry } from "../check/baseline.js";
import type { PathsResult } from "../check/check.js";
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

/** The diagnostics waivers suppressed, each once however many programs reached its file. */
export function waivedOf(result: Pick<PathsResult, "programs">): Diagnostic[] {
  const seen = new Set<string>();
  const waived: Diagnostic[] = [];
  for (const program of result.programs) {
    for (const diagnostic of program.waived) {
      const key = `${diagnostic.file}\0${diagnostic.span.start}\0${diagnostic.code}\0${diagnostic.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      waived.push(diagnostic);
    }
  }
  return waived;
}
