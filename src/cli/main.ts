// The `orgspec` command line. Exit status: 0 no errors, 1 errors (or more
// warnings than --max-warnings), 2 usage or I/O errors (message on stderr, no
// stack trace) or an internal error (ORG012, see check-command.ts).
import { Command, CommanderError } from "commander";
import { CATALOGUE, catalogueEntry } from "../check/codes.js";
import { ConfigError } from "../config/config.js";
import { displayPath, printable, printableLines } from "../reporters/locate.js";
import { ruleHelpMarkdown } from "../check/rule-help.js";
import { TOOL_VERSION } from "../reporters/version.js";
import { registerAgendaCommand } from "./agenda-command.js";
import { registerBaselineCommand } from "./baseline-command.js";
import { registerCheckCommand } from "./check-command.js";
import type { FmtFlags } from "./fmt.js";
import { MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP, UsageError, type CheckSeams } from "./input.js";
import { nodeIo, type CliIo } from "./io.js";
import { registerLspCommand } from "./lsp-command.js";
import { registerReportCommand } from "./report-command.js";

export type { CliIo } from "./io.js";
export type { CheckSeams } from "./input.js";

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

export function buildProgram(io: CliIo, setExit: (code: number) => void, seams: CheckSeams = {}): Command {
  const program = new Command("orgspec")
    .description("Check, format and explain .org specs of party organization records")
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  registerCheckCommand(program, io, setExit, seams);
  registerBaselineCommand(program, io, setExit, seams);

  program
    .command("rules")
    .description("list every rule with its code, name and default severity")
    .action(() => setExit(listRules(io)));

  program
    .command("explain")
    .description("print a rule's documentation, options, defaults and bylaw citation")
    .argument("<code>", "a code (ORG101) or rule name (cell-size)")
    .action((code: string) => setExit(explain(code, io)));

  program
    .command("fmt")
    .description("format specs with the orgspec prettier plugin (prints the result unless --check or --write)")
    .argument("<paths...>", "files, or directories whose .org files are formatted")
    .option("--check", "exit 1 and name the files that are not formatted")
    .option("--write", "rewrite the files that are not formatted")
    .option(MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP)
    .action(async (paths: string[], flags: FmtFlags) => {
      // Loaded on demand: prettier costs every other command's start-up.
      const { runFmt } = await import("./fmt.js");
      setExit(await runFmt(paths, flags, io));
    });

  registerReportCommand(program, io, setExit, seams);
  registerAgendaCommand(program, io, setExit, seams);
  registerLspCommand(program);
  return program;
}

/**
 * Runs the CLI; resolves to the exit status. `seams` changes what the
 * checking commands run (tests pass a rule that throws).
 */
export async function main(argv: readonly string[], io: CliIo = nodeIo(), seams: CheckSeams = {}): Promise<number> {
  let status = 0;
  const program = buildProgram(io, (code) => (status = code), seams);
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
