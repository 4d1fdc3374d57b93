// The check that `orgspec check` and `orgspec baseline` run: the inputs read,
// the programs checked (on worker threads with --jobs), each unreadable path
// named on stderr. What the commands do with the result is theirs.
import { resolve } from "node:path";
import { DEFAULT_CACHE_LOCATION, diskCacheStore } from "../check/cache-store.js";
import { checkPathsParallel } from "../check/parallel.js";
import { CheckStats } from "../check/stats.js";
import type { PathsResult } from "../check/check.js";
export { waivedOf } from "../reporters/outcome.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { FileHost } from "../program/load.js";
import { SourceLookup } from "../reporters/locate.js";
import { checkOptions, isError, noOrgFiles, orgFilesOfInput, problemMessage, readInput, wholeNumber, type CheckInput, type CheckSeams, type InputFlags, type PathsInput } from "./input.js";
import type { CliIo } from "./io.js";

export interface RunFlags extends InputFlags {
  jobs?: string;
  /** `--cache`, `--cache-location`, `--stats` (src/check/result-cache.ts, stats.ts). */
  cache?: boolean;
  cacheLocation?: string;
  stats?: boolean;
}

export interface CheckRun {
  readonly input: CheckInput;
  readonly result: PathsResult;
  readonly lookup: SourceLookup;
  /** How many named paths could not be read (exit 2 after the report). */
  readonly unreadable: number;
  /** With `--stats`: the stages' and rules' times so far (the command adds its report's). */
  readonly stats?: CheckStats;
}

/** Checks the paths; `null` when nothing could be read (exit 2: each path was named). */
export async function runChecks(paths: readonly string[], flags: RunFlags, io: CliIo, seams: CheckSeams): Promise<CheckRun | null> {
  const jobs = flags.jobs === undefined ? undefined : wholeNumber("--jobs", flags.jobs, 1);
  const input = readInput(paths, flags, io);
  const progress = checkProgress(io, input);
  const stats = flags.stats ? new CheckStats() : undefined;
  const note = (message: string) => io.stderr(`orgspec: note: ${message}\n`);
  const resultCache = flags.cache ? { store: diskCacheStore(resolve(io.cwd, flags.cacheLocation ?? DEFAULT_CACHE_LOCATION)), note } : undefined;
  const result = await checkPathsParallel(input.absolute, { ...checkOptions(input, seams, progress.host), jobs, keepModels: false, resultCache, stats });
  progress.finish();
  // Every path that could not be read is named; the rest is still checked and reported (exit 2).
  const problems = result.discovery.problems;
  for (const problem of problems) io.stderr(`orgspec: ${problemMessage(problem, input, io.cwd)}\n`);
  const unreadable = problems.filter(isError).length;
  if (result.discovery.entries.length === 0) {
    if (unreadable > 0) return null;
    throw noOrgFiles(input);
  }
  return { input, result, lookup: new SourceLookup(result.programs), unreadable, ...(stats ? { stats } : {}) };
}

/** Internal errors (ORG012): a rule that failed, a bug in orgspec (exit 2). */
export const isInternal = (diagnostic: Diagnostic): boolean => diagnostic.code === LANGUAGE_CODES.internal.code;

/**
 * For a command that writes something from a whole check (report, agenda):
 * 2 after saying so on stderr when a rule failed, as `check` exits 2, since
 * what was written lacks that rule's findings; else 0.
 */
export function internalErrorStatus(diagnostics: readonly Diagnostic[], io: Pick<CliIo, "stderr">): number {
  const failed = diagnostics.filter(isInternal).length;
  if (failed === 0) return 0;
  const code = LANGUAGE_CODES.internal.code;
  io.stderr(`orgspec: ${failed === 1 ? "a rule" : `${failed} rules`} failed (${code}, a bug in orgspec): what was written lacks ${failed === 1 ? "its" : "their"} findings; \`orgspec check --debug\` prints the stack\n`);
  return 2;
}

/**
 * Progress of a long check on stderr, when stderr is a terminal: "reading
 * 120/4000 files", then "checking 4000 files", updated in place at most ten
 * times a second, starting only after a quarter of a second, and erased when
 * the check is done. stdout, whatever its format, is untouched.
 */
export function checkProgress(io: CliIo, input: PathsInput, clock: () => number = Date.now): { host: FileHost; finish: () => void } {
  const base = input.host;
  if (!io.stderrIsTTY) return { host: base, finish: () => {} };
  // Counted against the files the paths name (imports outside them add to it).
  const total = orgFilesOfInput(input).length;
  const started = clock();
  let read = 0;
  let drawn = 0;
  let shown = false;
  const host: FileHost = {
    // The base's stat, readDirectory and realpath, counting its reads.
    ...base,
    readFile(path) {
      const text = base.readFile(path);
      read++;
      const now = clock();
      const allRead = read >= total;
      if (now - started >= 250 && (now - drawn >= 100 || allRead)) {
        drawn = now;
        shown = true;
        io.stderr(`\r\u001b[2Korgspec: ${allRead ? `checking ${read} files` : `reading ${read}/${total} files`}`);
      }
      return text;
    },
  };
  return { host, finish: () => shown && io.stderr("\r\u001b[2K") };
}
