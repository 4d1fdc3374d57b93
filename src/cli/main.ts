// The `orgspec` command line. Exit status: 0 no errors, 1 errors (or more
// warnings than --max-warnings), 2 usage or I/O errors (message on stderr, no
// stack trace).
import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { checkPathsParallel } from "../check/parallel.js";
import { CATALOGUE, catalogueEntry } from "../check/codes.js";
import { ConfigError, loadConfigForPaths } from "../config/config.js";
import { githubReport } from "../reporters/github.js";
import { renderJson } from "../reporters/json.js";
import { displayPath, printable, printableLines, SourceLookup } from "../reporters/locate.js";
import { renderSarif, ruleHelpMarkdown } from "../reporters/sarif.js";
import { textReport } from "../reporters/text.js";
import { TOOL_VERSION } from "../reporters/version.js";
import { parseDay } from "../util/dates.js";
import { diskHost, type FileHost } from "../program/load.js";
import { namedPaths, orgFilesOf } from "../program/entries.js";
import { registerExtraCommands } from "./commands.js";
import { hostFor, isError, MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP, problemMessage, UsageError, type FileIo } from "./files.js";

export { UsageError } from "./files.js";

export interface CliIo extends FileIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly isTTY: boolean;
  /** Whether stderr is a terminal: progress is shown there only then. */
  readonly stderrIsTTY?: boolean;
}

let pipeGuarded = false;
/** Writes to stdout; a reader that went away (`orgspec check ... | head`) is not an error. */
function writeStdout(text: string): void {
  if (!pipeGuarded) {
    pipeGuarded = true;
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  process.stdout.write(text);
}

const nodeIo: CliIo = {
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

interface CheckFlags {
  format: "text" | "json" | "sarif" | "github";
  maxWarnings?: string;
  asOf?: string;
  config?: string;
  color?: boolean;
  jobs?: string;
  maxFileSize?: string;
}


function wantColor(flags: CheckFlags, io: CliIo): boolean {
  if (flags.color !== undefined) return flags.color;
  if (process.env["NO_COLOR"]) return false;
  if (process.env["FORCE_COLOR"] && process.env["FORCE_COLOR"] !== "0") return true;
  return io.isTTY;
}

async function runCheck(paths: string[], flags: CheckFlags, io: CliIo): Promise<number> {
  if (flags.maxWarnings !== undefined && !/^\d+$/.test(flags.maxWarnings.trim())) {
    throw new UsageError(`--max-warnings takes a whole number, not "${flags.maxWarnings}"`);
  }
  const maxWarnings = flags.maxWarnings === undefined ? Infinity : Number(flags.maxWarnings);
  let asOf: number | null = null;
  if (flags.asOf !== undefined) {
    asOf = parseDay(flags.asOf);
    if (asOf === null) throw new UsageError(`--as-of takes a calendar date (YYYY-MM-DD), not "${flags.asOf}"`);
  }
  if (flags.jobs !== undefined && !/^[1-9]\d*$/.test(flags.jobs.trim())) {
    throw new UsageError(`--jobs takes a whole number of at least 1, not "${flags.jobs}"`);
  }
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  const host = hostFor(flags.maxFileSize, io);
  const config = loadConfigForPaths(flags.config, paths, io.cwd);
  const absolute = paths.map((path) => resolve(io.cwd, path));
  const progress = checkProgress(io, absolute, Date.now, host);
  const result = await checkPathsParallel(absolute, { rulebook: config.rulebook, asOf, host: progress.host, jobs, keepModels: false });
  progress.finish();
  // Every path that could not be read is named; the rest is still checked and reported (exit 2).
  const given = (path: string) => paths[absolute.indexOf(path)] ?? displayPath(path, io.cwd);
  const problems = result.discovery.problems;
  for (const problem of problems) io.stderr(`orgspec: ${problemMessage(problem, io.cwd, given)}\n`);
  const unreadable = problems.filter(isError).length;
  if (result.discovery.entries.length === 0) {
    if (unreadable > 0) return 2;
    throw new UsageError(`no .org files found in ${paths.join(", ")}`);
  }
  const lookup = new SourceLookup(result.programs);
  const options = { cwd: io.cwd, checkedFiles: result.files.length, waived: result.waived };
  if (flags.format === "json") io.stdout(renderJson(result.diagnostics, lookup, options));
  else if (flags.format === "sarif") io.stdout(renderSarif(result.diagnostics, lookup, options));
  else if (flags.format === "github") writeChunks(githubReport(result.diagnostics, lookup, options), io);
  else writeChunks(textReport(result.diagnostics, lookup, { ...options, color: wantColor(flags, io) }), io);
  if (unreadable > 0) return 2;
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === "warning").length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

/** Writes a report's pieces in batches of about 64 KB: a report too large for one string is still written whole. */
function writeChunks(pieces: Iterable<string>, io: CliIo): void {
  let batch = "";
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= 65_536) {
      io.stdout(batch);
      batch = "";
    }
  }
  if (batch) io.stdout(batch);
}

/** How many `.org` files the paths name, to count progress against (imports outside them add to it). */
function countOrgFiles(paths: readonly string[], host: FileHost): number {
  // A missing path is reported after the check.
  return orgFilesOf(namedPaths(paths, process.cwd(), host)).length;
}

/**
 * Progress of a long check on stderr, when stderr is a terminal: "reading
 * 120/4000 files", then "checking 4000 files", updated in place at most ten
 * times a second, starting only after a quarter of a second, and erased when
 * the check is done. stdout, whatever its format, is untouched.
 */
export function checkProgress(
  io: CliIo,
  paths: readonly string[],
  clock: () => number = Date.now,
  base: FileHost = io.host ?? diskHost,
): { host: FileHost; finish: () => void } {
  if (!io.stderrIsTTY) return { host: base, finish: () => {} };
  const total = countOrgFiles(paths, base);
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

function explain(code: string, io: CliIo): number {
  const entry = catalogueEntry(code);
  if (!entry) throw new UsageError(`no rule ${code}; \`orgspec rules\` lists them`);
  io.stdout(`${entry.code} ${entry.name} (${entry.severity}, ${entry.category})\n\n${entry.summary}\n\n${ruleHelpMarkdown(entry)}\n`);
  return 0;
}

function listRules(io: CliIo): number {
  const width = Math.max(...CATALOGUE.map((entry) => entry.name.length));
  for (const entry of CATALOGUE) io.stdout(`${entry.code}  ${entry.name.padEnd(width)}  ${entry.severity.padEnd(7)}  ${entry.summary}\n`);
  return 0;
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("orgspec")
    .description("Check, format and explain .org specs of party organization records")
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("check")
    .description("parse, resolve and check specs against the bylaws")
    .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif", "github"]).default("text"))
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("--as-of <date>", "judge deadlines at this date instead of the period's end")
    .option("-c, --config <path>", "configuration file (default: the nearest orgspec.config.json)")
    .option("--color", "colour the text output")
    .option("--no-color", "never colour the text output")
    .option("-j, --jobs <n>", "parse files on this many worker threads (default: the number of cores, or 1 under 16 MB of specs; 1: no workers)")
    .option(MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP)
    .action(async (paths: string[], flags: CheckFlags) => setExit(await runCheck(paths, flags, io)));

  program
    .command("rules")
    .description("list every rule with its code, name and default severity")
    .action(() => setExit(listRules(io)));

  program
    .command("explain")
    .description("print a rule's documentation, options, defaults and bylaw citation")
    .argument("<code>", "a code (ORG101) or rule name (cell-size)")
    .action((code: string) => setExit(explain(code, io)));

  registerExtraCommands(program, io, setExit);
  return program;
}

/** Runs the CLI; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  let status = 0;
  const program = buildProgram(io, (code) => (status = code));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version and `help` exit 0; help shown for a missing command, like any usage error, 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConfigError) {
      // The file as the user would name it, like the paths of diagnostics.
      io.stderr(`orgspec: ${printable(`${displayPath(error.file, io.cwd)}: ${error.detail}`)}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`orgspec: ${printableLines(error.message)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`orgspec: internal error: ${printableLines(message)}\n`);
    return 2;
  }
}
