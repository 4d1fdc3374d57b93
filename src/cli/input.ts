// The one step that reads a command's inputs from its command line, for
// check, report, agenda and fmt alike: the paths (named paths, through the
// host `--max-file-size` gives), the configuration (the rulebook) and
// `--as-of`; the one error a command line can be wrong with; and how a path
// that cannot be read is said.
import { resolve } from "node:path";
import type { Command } from "commander";
import type { Day } from "../ast/types.js";
import { checkPaths, type CheckOptions, type PathsResult } from "../check/check.js";
import type { Rulebook } from "../check/run-rules.js";
import { loadConfigForPaths } from "../config/config.js";
import { createDiskHost, diskHost, parseSize } from "../program/disk-host.js";
import { namedPathProblems, namedPaths, orgFilesOf, type NamedPath, type PathProblem } from "../program/entries.js";
import type { FileHost } from "../program/load.js";
import { displayPath, printable } from "../reporters/locate.js";
import type { AnyRule } from "../rules/rule.js";
import { parseDay } from "../util/dates.js";
import type { CliIo, FileIo } from "./io.js";

/** A command line the user must fix (a bad flag, a missing file): exit 2 with the message, no stack. */
export class UsageError extends Error {}

/** What the commands check with beyond the command line: the rules to run (tests inject one that fails). */
export interface CheckSeams {
  readonly rules?: readonly AnyRule[];
  /** Today, for waiver expiry and the job summary's lapsing waivers (default: the real date). */
  readonly today?: Day;
}

/** `--max-file-size`, for every command that reads specs. */
export const MAX_FILE_SIZE_FLAGS = "--max-file-size <size>";
export const MAX_FILE_SIZE_HELP = "do not read files larger than this (default 256MB; e.g. 1GB, 512KB)";

/** The flags of a command that checks specs: `--as-of`, `--config` and `--max-file-size`. */
export function inputOptions(command: Command, asOfHelp = "judge deadlines at this date instead of the period's end"): Command {
  return command
    .option("--as-of <date>", asOfHelp)
    .option("-c, --config <path>", "configuration file (default: the nearest orgspec.config.json)")
    .option(MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP);
}

export interface PathFlags {
  maxFileSize?: string;
}

export interface InputFlags extends PathFlags {
  asOf?: string;
  config?: string;
}

/** The paths of a command line, read. */
export interface PathsInput {
  /** As the user wrote them. */
  readonly given: readonly string[];
  /** Resolved against the working directory, in the same order. */
  readonly absolute: readonly string[];
  /** What each names (a file, a directory and its `.org` files, nothing readable). */
  readonly named: readonly NamedPath[];
  /** The host specs are read with. */
  readonly host: FileHost;
}

/** The inputs of a command that checks specs. */
export interface CheckInput extends PathsInput {
  readonly rulebook: Rulebook;
  /** `--as-of`, or `null` when not given. */
  readonly asOf: Day | null;
  /** The configuration's `baseline` file (absolute), or `null`. */
  readonly configBaseline: string | null;
}

/** Reads the paths and `--max-file-size`. */
export function readPaths(paths: readonly string[], flags: PathFlags, io: FileIo & { readonly cwd: string }): PathsInput {
  const host = hostFor(flags.maxFileSize, io);
  const absolute = paths.map((path) => resolve(io.cwd, path));
  return { given: paths, absolute, named: namedPaths(absolute, io.cwd, host), host };
}

/** Reads the paths, `--max-file-size`, `--as-of` and the configuration (the file `--config` names, else the nearest). */
export function readInput(paths: readonly string[], flags: InputFlags, io: FileIo & { readonly cwd: string }): CheckInput {
  let asOf: Day | null = null;
  if (flags.asOf !== undefined) {
    asOf = parseDay(flags.asOf);
    if (asOf === null) throw new UsageError(`--as-of takes a calendar date (YYYY-MM-DD), not "${flags.asOf}"`);
  }
  const input = readPaths(paths, flags, io);
  const config = loadConfigForPaths(flags.config, paths, io.cwd, diskHost);
  return { ...input, rulebook: config.rulebook, asOf, configBaseline: config.baseline };
}

/** A whole number flag (`--max-warnings 0`, `--days 30`), at least `min`. */
export function wholeNumber(flag: string, value: string, min = 0): number {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < min) {
    throw new UsageError(`${flag} takes a whole number${min > 0 ? ` of at least ${min}` : ""}, not "${value}"`);
  }
  return Number(trimmed);
}

/** The host a command reads specs with. */
function hostFor(maxFileSize: string | undefined, io: FileIo): FileHost {
  if (maxFileSize !== undefined && parseSize(maxFileSize) === null) {
    throw new UsageError(`--max-file-size takes a size such as 256MB, 1GB, 512KB or a number of bytes, not "${maxFileSize}"`);
  }
  if (io.host) return io.host;
  // The shared disk host when the limit is the default.
  return maxFileSize === undefined ? diskHost : createDiskHost({ maxFileSize: parseSize(maxFileSize)! });
}

/** `no .org files found in a, b`: nothing to do. */
export function noOrgFiles(input: PathsInput): UsageError {
  return new UsageError(`no .org files found in ${input.given.join(", ")}`);
}

/** The `.org` files the paths name or hold. */
export function orgFilesOfInput(input: PathsInput): string[] {
  return orgFilesOf(input.named);
}

/** The problems of the paths themselves (missing, unreadable folders), before any file is read. */
export function pathProblems(input: PathsInput): PathProblem[] {
  return namedPathProblems(input.named);
}

/**
 * How a path problem reads on stderr: `cannot read NAME: reason`, NAME the
 * argument as the user wrote it or the path relative to the working
 * directory; a link loop is a warning.
 */
export function problemMessage(problem: PathProblem, input: PathsInput, cwd: string): string {
  const name = problem.given !== undefined ? (input.given[input.absolute.indexOf(problem.given)] ?? displayPath(problem.given, cwd)) : displayPath(problem.path, cwd);
  if (problem.loopsTo !== undefined) {
    const to = problem.loopsTo === cwd ? "." : displayPath(problem.loopsTo, cwd);
    return printable(`warning: ${name} is a symbolic link loop (it leads back to ${to}); not followed`);
  }
  return printable(`cannot read ${name}: ${problem.reason}`);
}

/** Whether a problem is an error (exit 2): all but loops, whose files were read anyway. */
export const isError = (problem: PathProblem): boolean => problem.loopsTo === undefined;

/** The check options of the inputs. */
export function checkOptions(input: CheckInput, seams: CheckSeams, host: FileHost = input.host): CheckOptions {
  return { rulebook: input.rulebook, asOf: input.asOf, host, ...(seams.rules ? { rules: seams.rules } : {}), ...(seams.today !== undefined ? { today: seams.today } : {}) };
}

/**
 * Checks the inputs as `orgspec check` does, for a command that writes
 * something from the whole check (report, agenda). A path that cannot be
 * read, or no `.org` file, is a usage problem: every such path is named, and
 * nothing is written from a partial check (a link loop is only a warning).
 */
export function checkWhole(input: CheckInput, io: CliIo, seams: CheckSeams): PathsResult {
  const result = checkPaths(input.absolute, checkOptions(input, seams));
  const problems = result.discovery.problems;
  for (const problem of problems.filter((problem) => !isError(problem))) io.stderr(`orgspec: ${problemMessage(problem, input, io.cwd)}\n`);
  const errors = problems.filter(isError);
  if (errors.length > 0) throw new UsageError(errors.map((problem) => problemMessage(problem, input, io.cwd)).join("\norgspec: "));
  if (result.discovery.entries.length === 0) throw noOrgFiles(input);
  return result;
}
