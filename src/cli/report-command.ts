// `orgspec report FILES|DIRS --out report.html`: one self-contained HTML page
// of the organization (an org chart marked by diagnostics, calendars,
// candidates' timelines, the diagnostics table). Also the input step that
// `report` and `agenda` share: the configuration, the check and its usage errors.
import { resolve } from "node:path";
import type { Command } from "commander";
import type { Day } from "../ast/types.js";
import { checkPaths, type PathsResult } from "../check/check.js";
import type { Rulebook } from "../check/run-rules.js";
import { loadConfigForPaths } from "../config/config.js";
import { RuleSettings } from "../agenda/rule-settings.js";
import { buildReportData } from "../report/build-data.js";
import { renderReportHtml } from "../report/html.js";
import { countSeverities, displayPath, printableLines } from "../reporters/locate.js";
import { parseDay } from "../util/dates.js";
import { hostFor, isError, MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP, problemMessage, UsageError, writeOutput } from "./files.js";
import type { CliIo } from "./main.js";

/** A problem with the command line (exit 2, `orgspec: message` on stderr). */
export { UsageError as CommandLineProblem } from "./files.js";

export interface CommandInputFlags {
  asOf?: string;
  config?: string;
  maxFileSize?: string;
}

export interface CommandInput {
  readonly result: PathsResult;
  readonly rulebook: Rulebook;
  readonly settings: RuleSettings;
  /** `--as-of`, or `null` when not given. */
  readonly asOf: Day | null;
}


/**
 * Checks the paths as `orgspec check` does. A path that cannot be read or no
 * `.org` file is a usage problem: every such path is named, and nothing is
 * written from a partial check (a link loop is only a warning).
 */
export function checkForCommand(paths: readonly string[], flags: CommandInputFlags, io: CliIo): CommandInput {
  let asOf: Day | null = null;
  if (flags.asOf !== undefined) {
    asOf = parseDay(flags.asOf);
    if (asOf === null) throw new UsageError(`--as-of takes a calendar date (YYYY-MM-DD), not "${flags.asOf}"`);
  }
  const host = hostFor(flags.maxFileSize, io);
  const config = loadConfigForPaths(flags.config, paths, io.cwd);
  const absolute = paths.map((path) => resolve(io.cwd, path));
  const result = checkPaths(absolute, { rulebook: config.rulebook, asOf, host });
  const given = (path: string) => paths[absolute.indexOf(path)] ?? path;
  const problems = result.discovery.problems;
  for (const problem of problems.filter((problem) => !isError(problem))) io.stderr(`orgspec: ${problemMessage(problem, io.cwd, given)}\n`);
  const errors = problems.filter(isError);
  if (errors.length > 0) throw new UsageError(errors.map((problem) => problemMessage(problem, io.cwd, given)).join("\norgspec: "));
  if (result.discovery.entries.length === 0) throw new UsageError(`no .org files found in ${paths.join(", ")}`);
  return { result, rulebook: config.rulebook, settings: new RuleSettings(config.rulebook), asOf };
}

/** Runs a command's body; a command-line problem is exit 2 with its message. */
export function runCommand(io: CliIo, body: () => number): number {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`orgspec: ${printableLines(error.message)}\n`);
    return 2;
  }
}

interface ReportFlags extends CommandInputFlags {
  out: string;
}

function runReport(paths: readonly string[], flags: ReportFlags, io: CliIo): number {
  const input = checkForCommand(paths, flags, io);
  const data = buildReportData({ result: input.result, settings: input.settings, asOf: input.asOf, cwd: io.cwd, sources: paths });
  const out = resolve(io.cwd, flags.out);
  writeOutput(out, flags.out, renderReportHtml(data), io);
  const counts = countSeverities(input.result.diagnostics);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  io.stdout(
    `wrote ${displayPath(out, io.cwd)}: ${plural(data.units.length, "unit")}, ${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}` +
      `${counts.infos > 0 ? `, ${plural(counts.infos, "info")}` : ""} (${plural(input.result.files.length, "file")} checked)\n`,
  );
  return 0;
}

export function registerReportCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("report")
    .description("write one self-contained HTML report: org chart, calendars, candidates' timelines, diagnostics")
    .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
    .requiredOption("-o, --out <file>", "the HTML file to write")
    .option("--as-of <date>", "judge deadlines at this date instead of the period's end")
    .option("-c, --config <path>", "configuration file (default: the nearest orgspec.config.json)")
    .option(MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP)
    .action((paths: string[], flags: ReportFlags) => setExit(runCommand(io, () => runReport(paths, flags, io))));
}
