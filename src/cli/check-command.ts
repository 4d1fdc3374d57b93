// `orgspec check PATHS`: parse, resolve and check, and print one report.
// Exit status: 0 no errors, 1 errors (or more warnings than --max-warnings),
// 2 a path that could not be read or a rule that failed (ORG012), after the
// report of everything else.
import { Option, type Command } from "commander";
import { checkPathsParallel } from "../check/parallel.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { FileHost } from "../program/load.js";
import { githubReport } from "../reporters/github.js";
import { renderJson } from "../reporters/json.js";
import { displayPath, printableLines, SourceLookup } from "../reporters/locate.js";
import { renderSarif } from "../reporters/sarif.js";
import { textReport } from "../reporters/text.js";
import { checkOptions, inputOptions, isError, noOrgFiles, orgFilesOfInput, problemMessage, readInput, wholeNumber, type CheckSeams, type InputFlags, type PathsInput } from "./input.js";
import { writeChunks, type CliIo } from "./io.js";

interface CheckFlags extends InputFlags {
  format: "text" | "json" | "sarif" | "github";
  maxWarnings?: string;
  color?: boolean;
  jobs?: string;
  debug?: boolean;
}

function wantColor(flags: CheckFlags, io: CliIo): boolean {
  if (flags.color !== undefined) return flags.color;
  if (process.env["NO_COLOR"]) return false;
  if (process.env["FORCE_COLOR"] && process.env["FORCE_COLOR"] !== "0") return true;
  return io.isTTY;
}

const INTERNAL = LANGUAGE_CODES.internal.code;

async function runCheck(paths: readonly string[], flags: CheckFlags, io: CliIo, seams: CheckSeams): Promise<number> {
  const maxWarnings = flags.maxWarnings === undefined ? Infinity : wholeNumber("--max-warnings", flags.maxWarnings);
  const jobs = flags.jobs === undefined ? undefined : wholeNumber("--jobs", flags.jobs, 1);
  const input = readInput(paths, flags, io);
  const progress = checkProgress(io, input);
  const result = await checkPathsParallel(input.absolute, { ...checkOptions(input, seams, progress.host), jobs, keepModels: false });
  progress.finish();
  // Every path that could not be read is named; the rest is still checked and reported (exit 2).
  const problems = result.discovery.problems;
  for (const problem of problems) io.stderr(`orgspec: ${problemMessage(problem, input, io.cwd)}\n`);
  const unreadable = problems.filter(isError).length;
  if (result.discovery.entries.length === 0) {
    if (unreadable > 0) return 2;
    throw noOrgFiles(input);
  }
  const lookup = new SourceLookup(result.programs);
  const options = { cwd: io.cwd, checkedFiles: result.files.length, waived: result.waived };
  if (flags.format === "json") io.stdout(renderJson(result.diagnostics, lookup, options));
  else if (flags.format === "sarif") io.stdout(renderSarif(result.diagnostics, lookup, options));
  else if (flags.format === "github") writeChunks(githubReport(result.diagnostics, lookup, options), io);
  else writeChunks(textReport(result.diagnostics, lookup, { ...options, color: wantColor(flags, io) }), io);
  const internal = result.diagnostics.filter((diagnostic) => diagnostic.code === INTERNAL);
  if (flags.debug) for (const diagnostic of internal) io.stderr(debugMessage(diagnostic, lookup, io.cwd));
  if (unreadable > 0 || internal.length > 0) return 2;
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === "warning").length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

/** `--debug`: an internal error's place and message, then its stack. */
function debugMessage(diagnostic: Diagnostic, lookup: SourceLookup, cwd: string): string {
  const at = lookup.range(diagnostic.file, diagnostic.span).start;
  const where = `${displayPath(diagnostic.file, cwd)}:${at.line}:${at.column}`;
  return `orgspec: debug: ${printableLines(`${where} ${diagnostic.code} ${diagnostic.message}\n${diagnostic.detail ?? "(no stack)"}`)}\n`;
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

export function registerCheckCommand(program: Command, io: CliIo, setExit: (code: number) => void, seams: CheckSeams): void {
  const command = program
    .command("check")
    .description("parse, resolve and check specs against the bylaws")
    .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif", "github"]).default("text"))
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this");
  inputOptions(command)
    .option("--color", "colour the text output")
    .option("--no-color", "never colour the text output")
    .option("-j, --jobs <n>", "parse files on this many worker threads (default: the number of cores, or 1 under 16 MB of specs; 1: no workers)")
    .option("--debug", "print the stack of each internal error (ORG012) on stderr")
    .action(async (paths: string[], flags: CheckFlags) => setExit(await runCheck(paths, flags, io, seams)));
}
