// Commands beyond check/rules/explain: formatting and the language server.
import type { Command } from "commander";
import type { CliIo } from "./main.js";

export function registerExtraCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  void program;
  void io;
  void setExit;
}
