// What the playground shows beside the editor, computed in the worker from
// the same check: the HTML report and the agenda of what falls due, for the
// files of the playground (the same functions as `orgspec report` and
// `orgspec agenda`, over files in memory).
import { computeAgenda } from "../../src/agenda/agenda.js";
import { renderAgendaText } from "../../src/agenda/render.js";
import { RuleSettings } from "../../src/agenda/rule-settings.js";
import { checkEntry, FileCache, findEntries, mergePrograms, type Day, type PathsResult } from "../../src/core.js";
import { MemoryHost } from "../../src/program/memory-host.js";
import { buildReportData } from "../../src/report/build-data.js";
import { renderReportPage, type ReportScripts } from "../../src/report/page.js";
import { SourceLookup } from "../../src/reporters/locate.js";
import { maxOf } from "../../src/util/arrays.js";

/** How far ahead the playground's agenda looks. */
export const AGENDA_DAYS = 90;

export interface Views {
  readonly reportHtml: string;
  readonly agendaText: string;
}

function checkFiles(files: Readonly<Record<string, string>>, root: string, today: Day): PathsResult {
  const cache = new FileCache(new MemoryHost(files));
  const discovery = findEntries([root], cache, root);
  const programs = discovery.entries.map((entry) => checkEntry(entry, cache, { today }));
  return mergePrograms(programs, discovery);
}

/** The report and the agenda of the files under `root` (absolute paths to texts). */
export function playgroundViews(files: Readonly<Record<string, string>>, root: string, today: Day, scripts: ReportScripts): Views {
  const result = checkFiles(files, root, today);
  const settings = new RuleSettings(new Map());
  const models = result.programs.map((program) => program.model);
  const sources = Object.keys(files).map((path) => path.slice(root.length + 1));
  const reportHtml = renderReportPage(buildReportData({ result, settings, asOf: null, cwd: root, sources }), scripts);
  const periodEnds = models.flatMap((model) => (model.period ? [model.period.to] : []));
  const asOf = periodEnds.length > 0 ? maxOf(periodEnds) : today;
  const agenda = computeAgenda(models, { asOf, days: AGENDA_DAYS, settings });
  const agendaText = renderAgendaText(agenda, { cwd: root, lookup: new SourceLookup(result.programs) });
  return { reportHtml, agendaText };
}
