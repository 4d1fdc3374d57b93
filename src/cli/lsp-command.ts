// `orgspec lsp`: the language server over stdio. The CLI's io is not used:
// stdout belongs to the protocol.
import type { Command } from "commander";

export function registerLspCommand(program: Command): void {
  program
    .command("lsp")
    .description("run the language server over stdio (for editors)")
    .option("--stdio", "talk over stdin/stdout (the default and only transport)")
    .allowUnknownOption(true)
    .action(async () => {
      // Loaded on demand: the server and its protocol stack cost every other command's start-up.
      const { startStdioServer } = await import("../../lsp/server.js");
      // Serves until the client sends `exit` or goes away (stdin ends, stdout breaks: exit code 0); either ends the process.
      startStdioServer();
      await new Promise<void>(() => {});
    });
}
