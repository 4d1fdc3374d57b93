// Commands beyond check/rules/explain: formatting and the language server.
import type { Command } from "commander";
import { registerAgendaCommand } from "./agenda-command.js";
import { MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP } from "./files.js";
import type { FmtFlags } from "./fmt.js";
import { registerLspCommand } from "./lsp-command.js";
import type { CliIo } from "./main.js";
import { registerReportCommand } from "./report-command.js";

export function registerExtraCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
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
  registerReportCommand(program, io, setExit);
  registerAgendaCommand(program, io, setExit);
  registerLspCommand(program);
}
