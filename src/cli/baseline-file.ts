// Where the baseline is and how it is read and applied for a command line:
// `--baseline PATH`, else the configuration's `baseline` key, else
// `orgspec-baseline.json` in the working directory; `--no-baseline` uses none.
import { dirname, relative, resolve } from "node:path";
import { applyBaseline, BASELINE_FILE_NAME, BaselineError, parseBaseline, type Baseline, type BaselineEntry } from "../check/baseline.js";
import type { PathsResult } from "../check/check.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { diskHost } from "../program/disk-host.js";
import { displayPath, printable } from "../reporters/locate.js";
import type { Suppressed } from "../reporters/outcome.js";
import { UsageError, type CheckInput } from "./input.js";

export interface BaselineFlags {
  /** `--baseline PATH`, or `false` for `--no-baseline`. */
  baseline?: string | false;
}

export interface BaselineLocation {
  readonly path: string;
  /** Whether the command line named it (`--baseline`): then it must exist for `check`. */
  readonly named: boolean;
}

/** The baseline a command uses, or `null` with `--no-baseline`. */
export function baselineLocation(flags: BaselineFlags, input: CheckInput, cwd: string): BaselineLocation | null {
  if (flags.baseline === false) return null;
  if (flags.baseline !== undefined) return { path: resolve(cwd, flags.baseline), named: true };
  return { path: input.configBaseline ?? resolve(cwd, BASELINE_FILE_NAME), named: false };
}

/** Reads a baseline: `null` when the file does not exist; a usage error when it cannot be read or is no baseline. */
export function readBaseline(path: string, cwd: string): Baseline | null {
  const read = diskHost.readFile(path);
  const shown = displayPath(path, cwd);
  if ("error" in read) {
    if (read.error === "no such file or directory") return null;
    throw new UsageError(printable(`cannot read the baseline ${shown}: ${read.error}`));
  }
  try {
    return parseBaseline(read.text);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(printable(`${shown}: ${error.message}`));
    throw error;
  }
}

/** The baseline `check` and `report` apply, and its file: none with `--no-baseline` or when the default file does not exist; a `--baseline` that does not exist is a usage error. */
export function loadBaseline(flags: BaselineFlags, input: CheckInput, cwd: string): { baseline: Baseline; file: string } | null {
  const location = baselineLocation(flags, input, cwd);
  if (location === null) return null;
  const baseline = readBaseline(location.path, cwd);
  if (baseline === null && location.named) throw new UsageError(`cannot read the baseline ${displayPath(location.path, cwd)}: no such file or directory`);
  return baseline === null ? null : { baseline, file: location.path };
}

/** The path a baseline records for a file: relative to the baseline's folder, with `/`. */
export function baselinePath(baselineFile: string, file: string): string {
  return relative(dirname(baselineFile), file).split("\\").join("/");
}

/** The entries of the files this run checked: only those can be judged gone. */
export function checkedEntries(baseline: Baseline, baselineFile: string, result: PathsResult): Set<BaselineEntry> {
  const checked = new Set(result.files.map((file) => baselinePath(baselineFile, file)));
  return new Set(baseline.findings.filter((entry) => checked.has(entry.file)));
}

/** Splits a run's diagnostics by the baseline into what is reported and what is suppressed. */
export function suppressedBy(loaded: { baseline: Baseline; file: string } | null, result: PathsResult, waived: readonly Diagnostic[]): { reported: Diagnostic[]; suppressed: Suppressed } {
  if (loaded === null) return { reported: result.diagnostics, suppressed: { baselineFile: null, baselined: [], waived, gone: [] } };
  const applied = applyBaseline(result.diagnostics, loaded.baseline);
  return { reported: applied.fresh, suppressed: { baselineFile: loaded.file, baselined: applied.baselined, waived, gone: goneEntries(loaded.baseline, loaded.file, result, waived) } };
}

/**
 * The entries whose finding no longer occurs: of the files checked, neither
 * reported nor waived (a waived finding still occurs).
 */
export function goneEntries(baseline: Baseline, baselineFile: string, result: PathsResult, waived: readonly Diagnostic[]): BaselineEntry[] {
  const judged = checkedEntries(baseline, baselineFile, result);
  return applyBaseline([...result.diagnostics, ...waived], baseline).gone.filter((entry) => judged.has(entry));
}
