// `orgspec agenda FILES|DIRS [--as-of DATE] [--days N]`: what falls due in the
// next N days, as text, JSON, and optionally an iCalendar file.
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { computeAgenda, MAX_AGENDA_DAYS } from "../agenda/agenda.js";
import { renderAgendaIcs } from "../agenda/ics.js";
import { renderAgendaJson, renderAgendaText } from "../agenda/render.js";
import { RuleSettings } from "../agenda/rule-settings.js";
import { SourceLookup } from "../reporters/locate.js";
import { writeOutput } from "./files.js";
import { checkWhole, inputOptions, readInput, UsageError, type CheckSeams, type InputFlags } from "./input.js";
import { internalErrorStatus } from "./check-run.js";
import type { CliIo } from "./io.js";
import { maxOf } from "../util/arrays.js";

interface AgendaFlags extends InputFlags {
  days: string;
  format: "text" | "json";
  ics?: string;
}

/** `--days`: a whole number of days, at most MAX_AGENDA_DAYS (a hundred years) so that the look-ahead stays bounded. */
function parseDays(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--days takes a whole number of days, not "${value}"`);
  const days = Number(value.trim());
  if (days > MAX_AGENDA_DAYS) throw new UsageError(`--days takes at most ${MAX_AGENDA_DAYS} days (about a hundred years), not ${value.trim()}`);
  return days;
}

function runAgenda(paths: readonly string[], flags: AgendaFlags, io: CliIo, seams: CheckSeams): number {
  const days = parseDays(flags.days);
  const input = readInput(paths, flags, io);
  const result = checkWhole(input, io, seams);
  const models = result.programs.map((program) => program.model);
  const periodEnds = models.flatMap((model) => (model.period ? [model.period.to] : []));
  const asOf = input.asOf ?? (periodEnds.length > 0 ? maxOf(periodEnds) : null);
  if (asOf === null) throw new UsageError("no program has a period to start the agenda from; give --as-of DATE");
  const agenda = computeAgenda(models, { asOf, days, settings: new RuleSettings(input.rulebook) });
  const options = { cwd: io.cwd, lookup: new SourceLookup(result.programs) };
  if (flags.ics !== undefined) writeOutput(resolve(io.cwd, flags.ics), flags.ics, renderAgendaIcs(agenda, { ...options, now: Date.now() }), io);
  io.stdout(flags.format === "json" ? renderAgendaJson(agenda, options) : renderAgendaText(agenda, options));
  return internalErrorStatus(result.diagnostics, io);
}

export function registerAgendaCommand(program: Command, io: CliIo, setExit: (code: number) => void, seams: CheckSeams): void {
  const command = program
    .command("agenda")
    .description("list what falls due in the next days: decisions, meetings, reports, expiring waivers")
    .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
    .option("--days <n>", `how many days after the as-of date to look at (at most ${MAX_AGENDA_DAYS})`, "30")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--ics <file>", "also write the agenda as an iCalendar file");
  inputOptions(command, "start from this date instead of the period's end").action((paths: string[], flags: AgendaFlags) =>
    setExit(runAgenda(paths, flags, io, seams)),
  );
}
