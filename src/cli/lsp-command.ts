// `orgspec lsp`: the language server over stdio. The CLI's io is not used:
// stdout belongs to the protocol.
import type { Command } from "commander";
import { startStdioServer } from "../../lsp/server.js";

export function registerLspCommand(program: Command): void {
  program
    .command("lsp")
    .description("run the language server over stdio (for editors)")
    .option("--stdio", "talk over stdin/stdout (the default and only transport)")
    .allowUnknownOption(true)
    .action(
      () =>
        new Promise<void>(() => {
          // Serves until the client sends `exit`, which ends the process.
          startStdioServer();
        }),
    );
}
