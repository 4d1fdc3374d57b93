// `orgspec report FILES|DIRS --out report.html`: one self-contained HTML page
// of the organization (an org chart marked by diagnostics, calendars,
// candidates' timelines, the diagnostics table).
import { resolve } from "node:path";
import type { Command } from "commander";
import { RuleSettings } from "../agenda/rule-settings.js";
import { countSeverities, displayPath } from "../reporters/locate.js";
import { writeOutput } from "./files.js";
import { loadBaseline, suppressedBy, type BaselineFlags } from "./baseline-file.js";
import { waivedOf } from "../reporters/outcome.js";
import { checkWhole, inputOptions, readInput, type CheckSeams, type InputFlags } from "./input.js";
import { internalErrorStatus } from "./check-run.js";
import type { CliIo } from "./io.js";

interface ReportFlags extends InputFlags, BaselineFlags {
  out: string;
}

async function runReport(paths: readonly string[], flags: ReportFlags, io: CliIo, seams: CheckSeams): Promise<number> {
  // Loaded on demand: the report's page and data builders cost every other command's start-up.
  const [{ buildReportData }, { renderReportHtml }] = await Promise.all([import("../report/build-data.js"), import("../report/html.js")]);
  const input = readInput(paths, flags, io);
  const checked = checkWhole(input, io, seams);
  // As `check` says them: the findings the baseline holds apart, in their own section with the waived ones.
  const { reported, suppressed } = suppressedBy(loadBaseline(flags, input, io.cwd), checked, waivedOf(checked));
  const result = { ...checked, diagnostics: reported };
  const data = buildReportData({ result, settings: new RuleSettings(input.rulebook), asOf: input.asOf, cwd: io.cwd, sources: paths, suppressed });
  const out = resolve(io.cwd, flags.out);
  writeOutput(out, flags.out, renderReportHtml(data), io);
  const counts = countSeverities(result.diagnostics);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  io.stdout(
    `wrote ${displayPath(out, io.cwd)}: ${plural(data.units.length, "unit")}, ${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}` +
      `${counts.infos > 0 ? `, ${plural(counts.infos, "info")}` : ""} (${plural(result.files.length, "file")} checked)\n`,
  );
  return internalErrorStatus(result.diagnostics, io);
}

export function registerReportCommand(program: Command, io: CliIo, setExit: (code: number) => void, seams: CheckSeams): void {
  const command = program
    .command("report")
    .description("write one self-contained HTML report: org chart, calendars, candidates' timelines, diagnostics")
    .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
    .requiredOption("-o, --out <file>", "the HTML file to write")
    .option("--baseline <path>", "list the findings this baseline holds in their own section (default: as for check)")
    .option("--no-baseline", "use no baseline");
  inputOptions(command).action(async (paths: string[], flags: ReportFlags) => setExit(await runReport(paths, flags, io, seams)));
}
