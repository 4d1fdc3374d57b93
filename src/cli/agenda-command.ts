// `orgspec agenda FILES|DIRS [--as-of DATE] [--days N]`: what falls due in the
// next N days, as text, JSON, and optionally an iCalendar file.
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { computeAgenda } from "../agenda/agenda.js";
import { renderAgendaIcs } from "../agenda/ics.js";
import { renderAgendaJson, renderAgendaText } from "../agenda/render.js";
import { SourceLookup } from "../reporters/locate.js";
import { MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP, writeOutput } from "./files.js";
import type { CliIo } from "./main.js";
import { checkForCommand, CommandLineProblem, runCommand, type CommandInputFlags } from "./report-command.js";

interface AgendaFlags extends CommandInputFlags {
  days: string;
  format: "text" | "json";
  ics?: string;
}

function runAgenda(paths: readonly string[], flags: AgendaFlags, io: CliIo): number {
  if (!/^\d+$/.test(flags.days.trim())) throw new CommandLineProblem(`--days takes a whole number of days, not "${flags.days}"`);
  const input = checkForCommand(paths, flags, io);
  const models = input.result.programs.map((program) => program.model);
  const periodEnds = models.flatMap((model) => (model.period ? [model.period.to] : []));
  const asOf = input.asOf ?? (periodEnds.length > 0 ? Math.max(...periodEnds) : null);
  if (asOf === null) throw new CommandLineProblem("no program has a period to start the agenda from; give --as-of DATE");
  const agenda = computeAgenda(models, { asOf, days: Number(flags.days), settings: input.settings });
  const options = { cwd: io.cwd, lookup: new SourceLookup(input.result.programs) };
  if (flags.ics !== undefined) writeOutput(resolve(io.cwd, flags.ics), flags.ics, renderAgendaIcs(agenda, { ...options, now: Date.now() }), io);
  io.stdout(flags.format === "json" ? renderAgendaJson(agenda, options) : renderAgendaText(agenda, options));
  return 0;
}

export function registerAgendaCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("agenda")
    .description("list what falls due in the next days: decisions, meetings, reports, expiring waivers")
    .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
    .option("--as-of <date>", "start from this date instead of the period's end")
    .option("--days <n>", "how many days after the as-of date to look at", "30")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--ics <file>", "also write the agenda as an iCalendar file")
    .option("-c, --config <path>", "configuration file (default: the nearest orgspec.config.json)")
    .option(MAX_FILE_SIZE_FLAGS, MAX_FILE_SIZE_HELP)
    .action((paths: string[], flags: AgendaFlags) => setExit(runCommand(io, () => runAgenda(paths, flags, io))));
}
