// `orgspec check PATHS`: parse, resolve and check, and print one report.
// Exit status: 0 no errors, 1 errors (or more warnings than --max-warnings),
// 2 a path that could not be read or a rule that failed (ORG012), after the
// report of everything else. A baseline suppresses the findings it holds
// (they never fail the check); --fix applies the rules' fixes first and the
// status is that of what remains; --assume asks what-if instead.
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { todayDay } from "../check/check.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { githubReport } from "../reporters/github.js";
import { renderJson } from "../reporters/json.js";
import { displayPath, printableLines, SourceLookup } from "../reporters/locate.js";
import type { ReportOptions } from "../reporters/outcome.js";
import { renderSarif } from "../reporters/sarif.js";
import { textReport } from "../reporters/text.js";
import { runAssume } from "./assume.js";
import { loadBaseline, suppressedBy, type BaselineFlags } from "./baseline-file.js";
import { isInternal, runChecks, waivedOf, type RunFlags } from "./check-run.js";
import { fixAndRecheck, fixSummary, type FixFlags } from "./check-fix.js";
import { writeOutput } from "./files.js";
import { changedFiles, writeJobSummary, type GithubFlags } from "./github-ci.js";
import { checkOptions, inputOptions, UsageError, wholeNumber, type CheckSeams } from "./input.js";
import { writeChunks, type CliIo } from "./io.js";

export { checkProgress } from "./check-run.js";

interface CheckFlags extends RunFlags, BaselineFlags, FixFlags, GithubFlags {
  format: "text" | "json" | "sarif" | "github";
  maxWarnings?: string;
  color?: boolean;
  debug?: boolean;
  explain?: boolean;
  assume?: string[];
  sarifFile?: string;
}

function wantColor(flags: CheckFlags, io: CliIo): boolean {
  if (flags.color !== undefined) return flags.color;
  if (process.env["NO_COLOR"]) return false;
  if (process.env["FORCE_COLOR"] && process.env["FORCE_COLOR"] !== "0") return true;
  return io.isTTY;
}

async function runCheck(paths: readonly string[], flags: CheckFlags, io: CliIo, seams: CheckSeams): Promise<number> {
  const maxWarnings = flags.maxWarnings === undefined ? Infinity : wholeNumber("--max-warnings", flags.maxWarnings);
  if ([flags.fix, flags.fixDryRun, flags.assume !== undefined].filter(Boolean).length > 1) {
    throw new UsageError("--fix, --fix-dry-run and --assume do not go together: use one at a time");
  }
  if (flags.unsafeFixes && !flags.fix && !flags.fixDryRun) throw new UsageError("--unsafe-fixes goes with --fix or --fix-dry-run");
  if (flags.changedSince !== undefined && flags.format !== "github") throw new UsageError("--changed-since orders the annotations of --format github: add --format github");
  if (flags.assume !== undefined) return runAssume(paths, flags.assume, flags, io, seams, maxWarnings);
  const changed = flags.changedSince === undefined ? undefined : changedFiles(flags.changedSince, io.cwd);
  const run = await runChecks(paths, flags, io, seams);
  if (run === null) return 2;
  const baseline = loadBaseline(flags, run.input, io.cwd);
  let result = run.result;
  let lookup: SourceLookup = run.lookup;
  let fixLine = "";
  if (flags.fix || flags.fixDryRun) {
    const outcome = fixAndRecheck(run.input.absolute, result, { ...checkOptions(run.input, seams), host: run.input.host }, flags, io);
    result = outcome.result;
    lookup = new SourceLookup(result.programs);
    fixLine = fixSummary(outcome, suppressedBy(baseline, result, []).reported.length, Boolean(flags.fixDryRun));
  }
  const waived = waivedOf(result);
  const { reported, suppressed } = suppressedBy(baseline, result, waived);
  const options: ReportOptions = { cwd: io.cwd, checkedFiles: result.files.length, waived: result.waived, suppressed };
  // A dry run's stdout is the diffs; what would remain is counted on stderr.
  const reportStarted = performance.now();
  if (!flags.fixDryRun) {
    if (flags.format === "json") io.stdout(renderJson(reported, lookup, options));
    else if (flags.format === "sarif") io.stdout(renderSarif(reported, lookup, options));
    else if (flags.format === "github") writeChunks(githubReport(reported, lookup, { ...options, ...(changed ? { changed } : {}) }), io);
    else writeChunks(textReport(reported, lookup, { ...options, color: wantColor(flags, io), explain: Boolean(flags.explain) }), io);
  }
  if (flags.sarifFile !== undefined) writeOutput(resolve(io.cwd, flags.sarifFile), flags.sarifFile, renderSarif(reported, lookup, options), io);
  run.stats?.add("report", performance.now() - reportStarted);
  if (run.stats) io.stderr(run.stats.format());
  if (fixLine) io.stderr(fixLine);
  writeJobSummary(flags, reported, lookup, { ...options, today: seams.today ?? todayDay() }, io);
  const internal = reported.filter(isInternal);
  if (flags.debug) for (const diagnostic of internal) io.stderr(debugMessage(diagnostic, lookup, io.cwd));
  if (run.unreadable > 0 || internal.length > 0) return 2;
  const errors = reported.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = reported.filter((diagnostic) => diagnostic.severity === "warning").length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

/** `--debug`: an internal error's place and message, then its stack. */
function debugMessage(diagnostic: Diagnostic, lookup: SourceLookup, cwd: string): string {
  const at = lookup.range(diagnostic.file, diagnostic.span).start;
  const where = `${displayPath(diagnostic.file, cwd)}:${at.line}:${at.column}`;
  return `orgspec: debug: ${printableLines(`${where} ${diagnostic.code} ${diagnostic.message}\n${diagnostic.detail ?? "(no stack)"}`)}\n`;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerCheckCommand(program: Command, io: CliIo, setExit: (code: number) => void, seams: CheckSeams): void {
  const command = program
    .command("check")
    .description("parse, resolve and check specs against the bylaws")
    .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif", "github"]).default("text"))
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this");
  inputOptions(command);
  command
    .option("--color", "colour the text output")
    .option("--no-color", "never colour the text output")
    .option("-j, --jobs <n>", "parse files on this many worker threads (default: the number of cores, or 1 under 16 MB of specs; 1: no workers)")
    .option("--debug", `print the stack of each internal error (${LANGUAGE_CODES.internal.code}) on stderr`)
    .option("--explain", "print under each finding the records read and values computed that led to it, ending with the bylaw")
    .option("--baseline <path>", "suppress the findings this baseline holds (default: the configuration's \"baseline\", else orgspec-baseline.json when it exists)")
    .option("--no-baseline", "use no baseline: report every finding")
    .option("--fix", "apply the rules' safe fixes, then report what remains")
    .option("--unsafe-fixes", "with --fix or --fix-dry-run, apply unsafe fixes too (they change what the records say)")
    .option("--fix-dry-run", "print the fixes as a unified diff and write nothing")
    .option("--changed-since <ref>", "--format github: annotate first the findings on the files changed since this git ref")
    .option("--sarif-file <file>", "also write the SARIF log to this file, whatever the format (one run for annotations and code scanning)")
    .option("--cache", "keep each program's result and reuse it while none of its files, the configuration, the as-of day or orgspec changed")
    .option("--cache-location <dir>", "where --cache keeps its entries (default: node_modules/.cache/orgspec)")
    .option("--stats", "print the time of each stage and the ten slowest rules on stderr")
    .option("--summary <file>", "write a Markdown job summary (default with --format github: $GITHUB_STEP_SUMMARY when set)")
    .option("--assume <statement>", "what-if: check again with this statement added to the entry file (repeatable), and print which findings go and which appear", collect)
    .action(async (paths: string[], flags: CheckFlags) => setExit(await runCheck(paths, flags, io, seams)));
}
