// The Markdown job summary (`--summary FILE`, `$GITHUB_STEP_SUMMARY`): the
// totals, new findings against baselined and waived ones, by code and by
// unit, the waivers that lapse within 30 days, and the baseline entries to
// prune. Markdown and HTML in anything from a spec are escaped.
import type { Day } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { formatDay, parseDay } from "../util/dates.js";
import { countSeverities, displayPath, printable, type SourceLookup } from "./locate.js";
import { NOTHING_SUPPRESSED, type ReportOptions } from "./outcome.js";
import { pushAll } from "../util/arrays.js";

/** Waivers lapsing within this many days of today are listed. */
export const LAPSE_WINDOW_DAYS = 30;

export interface SummaryOptions extends ReportOptions {
  /** Today, for the lapsing waivers. */
  readonly today: Day;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** A table cell: one line, `|` escaped, no HTML. */
function cell(text: string): string {
  return printable(text.replace(/[\r\n]+/g, " "))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

/** The unit a finding is about: its subject's (`unit:mill3/...`), else the unit its data names. */
export function unitOf(diagnostic: Diagnostic): string | null {
  const match = /^unit:([^/]+)/.exec(diagnostic.subject ?? "");
  if (match) return match[1]!;
  const unit = diagnostic.data?.["unit"];
  return typeof unit === "string" ? unit : null;
}

type Tally = { fresh: number; baselined: number; waived: number };

function tally(groups: Map<string, Tally>, key: string, column: keyof Tally): void {
  const row = groups.get(key) ?? { fresh: 0, baselined: 0, waived: 0 };
  row[column]++;
  groups.set(key, row);
}

function table(head: string, groups: Map<string, Tally>, label: (key: string) => string): string[] {
  const rows = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [`| ${head} | New | Baselined | Waived |`, "| --- | ---: | ---: | ---: |", ...rows.map(([key, row]) => `| ${label(key)} | ${row.fresh} | ${row.baselined} | ${row.waived} |`)];
}

export function renderSummary(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: SummaryOptions): string {
  const suppressed = options.suppressed ?? NOTHING_SUPPRESSED;
  const counts = countSeverities(diagnostics);
  const baselined = suppressed.baselined.map(({ diagnostic }) => diagnostic);
  const lines = ["## orgspec check", ""];
  const severities = [plural(counts.errors, "error"), plural(counts.warnings, "warning"), ...(counts.infos > 0 ? [plural(counts.infos, "info")] : [])].join(", ");
  const headline = diagnostics.length === 0 ? "**No new findings.**" : `**${plural(diagnostics.length, "new finding")}**: ${severities}.`;
  lines.push(`${headline} ${baselined.length} baselined, ${suppressed.waived.length} waived; ${plural(options.checkedFiles, "file")} checked.`, "");
  const byCode = new Map<string, Tally>();
  const byUnit = new Map<string, Tally>();
  const names = new Map<string, string>();
  for (const [list, column] of [[diagnostics, "fresh"], [baselined, "baselined"], [suppressed.waived, "waived"]] as const) {
    for (const diagnostic of list) {
      names.set(diagnostic.code, diagnostic.name);
      tally(byCode, diagnostic.code, column);
      tally(byUnit, unitOf(diagnostic) ?? "", column);
    }
  }
  if (byCode.size > 0) {
    pushAll(lines, ["### By code", "", ...table("Code", byCode, (code) => `${code} ${cell(names.get(code) ?? "")}`), ""]);
    pushAll(lines, ["### By unit", "", ...table("Unit", byUnit, (unit) => (unit === "" ? "(no unit)" : `\`${cell(unit)}\``)), ""]);
  }
  const lapsing = lapsingWaivers(suppressed.waived, options.today);
  if (lapsing.length > 0) {
    lines.push(`### Waivers that lapse within ${LAPSE_WINDOW_DAYS} days`, "", "| Until | Codes | Where | Reason |", "| --- | --- | --- | --- |");
    for (const waiver of lapsing) {
      const at = lookup.range(waiver.file, waiver.span).start;
      lines.push(`| ${waiver.until} | ${waiver.codes.join(", ")} | ${cell(`${displayPath(waiver.file, options.cwd)}:${at.line}`)} | ${cell(waiver.reason)} |`);
    }
    lines.push("");
  }
  if (suppressed.gone.length > 0 && suppressed.baselineFile !== null) {
    lines.push(
      "### Baseline entries that no longer occur",
      "",
      `${plural(suppressed.gone.length, "entry")} of \`${cell(displayPath(suppressed.baselineFile, options.cwd))}\` no longer occur${suppressed.gone.length === 1 ? "s" : ""}: \`orgspec baseline prune\` removes ${suppressed.gone.length === 1 ? "it" : "them"}.`,
      "",
      ...suppressed.gone.map((entry) => `- ${entry.code} \`${cell(entry.subject)}\` in ${cell(entry.file)}`),
      "",
    );
  }
  return lines.join("\n");
}

interface Lapsing {
  readonly file: string;
  readonly span: Diagnostic["span"];
  readonly until: string;
  readonly reason: string;
  readonly codes: string[];
}

/** The waivers in use whose `until` is today or within the window, soonest first. */
function lapsingWaivers(waived: readonly Diagnostic[], today: Day): Lapsing[] {
  const byPlace = new Map<string, Lapsing>();
  for (const diagnostic of waived) {
    const waiver = diagnostic.waivedBy;
    const until = waiver?.until ? parseDay(waiver.until) : null;
    if (!waiver || until === null || until < today || until > today + LAPSE_WINDOW_DAYS) continue;
    const key = `${waiver.file}\0${waiver.span.start}`;
    const entry = byPlace.get(key) ?? { file: waiver.file, span: waiver.span, until: formatDay(until), reason: waiver.reason, codes: [] };
    if (!entry.codes.includes(diagnostic.code)) entry.codes.push(diagnostic.code);
    byPlace.set(key, entry);
  }
  return [...byPlace.values()].sort((a, b) => (a.until < b.until ? -1 : a.until > b.until ? 1 : a.file < b.file ? -1 : 1));
}
