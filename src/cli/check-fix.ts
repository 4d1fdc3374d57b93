// `orgspec check --fix`, `--unsafe-fixes` and `--fix-dry-run`, after Ruff:
// the rules' safe fixes (unsafe ones too when asked), applied in rounds — a
// fix whose edits overlap one already chosen waits for the next round, after
// a re-check — in memory, until nothing more applies. Then `--fix` writes each
// changed file whole (never half written, and never over a file that changed
// on disk since it was read, or one that is not valid UTF-8), and
// `--fix-dry-run` prints the unified diffs instead. The report and the exit
// status are those of the re-check: what remains.
import { checkPaths, type CheckOptions, type PathsResult } from "../check/check.js";
import { fixDiff, planFixes } from "../check/fixes.js";
import type { FileHost } from "../program/load.js";
import { displayPath, printable, SourceLookup } from "../reporters/locate.js";
import { writeFileAtomic } from "./files.js";
import { describeFsError } from "../program/disk-host.js";
import type { CliIo } from "./io.js";

const CHANGED = "it changed on disk while it was checked";

/** Rounds of fixing before giving up on fixes that keep offering themselves (Ruff stops at 100). */
export const MAX_FIX_ROUNDS = 10;

export interface FixFlags {
  fix?: boolean;
  unsafeFixes?: boolean;
  fixDryRun?: boolean;
}

export interface FixOutcome {
  /** The check of the fixed texts (as the files will be once written). */
  readonly result: PathsResult;
  /** How many fixes were applied (or would be, for a dry run), per file. */
  readonly fixedFiles: number;
  readonly fixed: number;
  /** Findings left whose only fixes are unsafe (without --unsafe-fixes). */
  readonly unsafeOnly: number;
  /** Files left as they were, with the reason. */
  readonly skipped: readonly { file: string; reason: string }[];
}

/**
 * Applies the fixes of `first` (a check of `paths`) in memory, round after
 * round, and, unless `dryRun`, writes the files. Diffs (`--fix-dry-run`) go to
 * stdout.
 */
export function fixAndRecheck(paths: readonly string[], first: PathsResult, options: CheckOptions & { host: FileHost }, flags: FixFlags, io: CliIo): FixOutcome {
  const base = options.host;
  const checked = new SourceLookup(first.programs);
  const original = new Map<string, string>();
  const current = new Map<string, string>();
  const skipped: { file: string; reason: string }[] = [];
  const excluded = new Set<string>();
  // The text a file has on disk, or undefined when it must not be fixed (unreadable, not UTF-8: writing would replace bytes).
  const pristine = (file: string): string | undefined => {
    if (excluded.has(file)) return undefined;
    if (original.has(file)) return original.get(file);
    const read = base.readFile(file);
    const problem = "error" in read ? `cannot be read: ${read.error}` : read.undecodable ? "it is not valid UTF-8" : checked.file(file)?.text !== undefined && checked.file(file)?.text !== read.text ? CHANGED : null;
    if (problem !== null || "error" in read) {
      excluded.add(file);
      skipped.push({ file, reason: problem ?? "" });
      return undefined;
    }
    original.set(file, read.text);
    return read.text;
  };
  const overlay: FileHost = {
    ...base,
    readFile: (file) => {
      const text = current.get(file);
      return text === undefined ? base.readFile(file) : { text };
    },
  };
  let result = first;
  // Each fix counted once, in the file of its first edit.
  const fixesIn = new Map<string, number>();
  let unsafeOnly = 0;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const plan = planFixes(result.diagnostics, (file) => (pristine(file) === undefined ? undefined : (current.get(file) ?? original.get(file))), { unsafe: Boolean(flags.unsafeFixes) });
    unsafeOnly = plan.unsafeOnly;
    const changes = plan.files.filter((change) => change.after !== change.before);
    if (changes.length === 0) break;
    const counted = new Set<object>();
    for (const change of changes) {
      current.set(change.file, change.after);
      for (const fix of change.fixes) {
        if (counted.has(fix)) continue;
        counted.add(fix);
        const file = fix.edits[0]?.file ?? change.file;
        fixesIn.set(file, (fixesIn.get(file) ?? 0) + 1);
      }
    }
    result = checkPaths(paths, { ...options, host: overlay, cache: undefined });
  }
  const changed = [...current].filter(([file, text]) => original.get(file) !== text).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [file, after] of changed) {
    const shown = displayPath(file, io.cwd);
    if (flags.fixDryRun) {
      io.stdout(printableDiff(fixDiff({ file, before: original.get(file)!, after, fixes: [] }, shown)));
      continue;
    }
    // Someone else's edit since the check is never overwritten.
    const now = base.readFile(file);
    if ("error" in now || now.text !== original.get(file)) {
      skipped.push({ file, reason: CHANGED });
      continue;
    }
    try {
      writeFileAtomic(file, after, io.writeFs);
    } catch (error) {
      skipped.push({ file, reason: `cannot be written: ${describeFsError(error)}` });
    }
  }
  for (const { file, reason } of skipped) io.stderr(`orgspec: ${printable(`${displayPath(file, io.cwd)} was not fixed: ${reason}; the file is unchanged`)}\n`);
  const notWritten = new Set(skipped.map(({ file }) => file));
  const written = changed.filter(([file]) => !notWritten.has(file));
  // A file left as it was: what remains is what the disk now holds.
  if (written.length < changed.length) result = checkPaths(paths, { ...options, host: base, cache: undefined });
  const fixed = written.reduce((sum, [file]) => sum + (fixesIn.get(file) ?? 0), 0);
  return { result, fixed, fixedFiles: written.length, unsafeOnly, skipped };
}

/** A diff's lines through `printable`, its line breaks kept. */
function printableDiff(diff: string): string {
  return diff.split("\n").map(printable).join("\n");
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The stderr line after fixing: what was fixed, what remains, what more `--unsafe-fixes` would do. */
export function fixSummary(outcome: FixOutcome, remaining: number, dryRun: boolean): string {
  const verb = dryRun ? "would fix" : "fixed";
  const unsafe = outcome.unsafeOnly > 0 ? `; ${outcome.unsafeOnly} more fixable with --unsafe-fixes` : "";
  const where = outcome.fixed > 0 ? ` in ${plural(outcome.fixedFiles, "file")}` : "";
  return `orgspec: ${verb} ${plural(outcome.fixed, "finding")}${where}, ${remaining} remain${remaining === 1 ? "s" : ""}${unsafe}\n`;
}
