// The agenda as text (grouped by the unit that acts, soonest first) and as
// JSON (one object, versioned like the check's JSON).
import type { SourceLookup } from "../reporters/locate.js";
import { displayPath } from "../reporters/locate.js";
import { TOOL_VERSION } from "../reporters/version.js";
import { unitLabel } from "../rules/shared/units.js";
import { formatDay } from "../util/dates.js";
import { groupByUnit, type Agenda, type AgendaItem } from "./agenda.js";

export interface AgendaRenderOptions {
  readonly cwd: string;
  readonly lookup: SourceLookup;
}

function where(item: AgendaItem, options: AgendaRenderOptions): { file: string; line: number; column: number } {
  const start = options.lookup.range(item.file, item.span).start;
  return { file: displayPath(item.file, options.cwd), line: start.line, column: start.column };
}

export function renderAgendaText(agenda: Agenda, options: AgendaRenderOptions): string {
  const span = `${formatDay(agenda.asOf)} to ${formatDay(agenda.until)}`;
  if (agenda.items.length === 0) return `Nothing falls due from ${span}.\n`;
  const blocks: string[] = [`Due from ${span} (${agenda.days} days after ${formatDay(agenda.asOf)}):`];
  for (const group of groupByUnit(agenda)) {
    const heading = group.unit ? `${unitLabel(group.unit)} (${group.unit.id})` : "Outside any unit";
    const lines = group.items.map((item) => {
      const at = where(item, options);
      return `  ${formatDay(item.due)}  ${item.title}\n              ${item.detail} [${item.code}, ${at.file}:${at.line}]`;
    });
    blocks.push([heading, ...lines].join("\n"));
  }
  const count = agenda.items.length;
  blocks.push(`${count} item${count === 1 ? "" : "s"} due`);
  return blocks.join("\n\n") + "\n";
}

export function renderAgendaJson(agenda: Agenda, options: AgendaRenderOptions): string {
  const json = {
    version: 1,
    tool: { name: "orgspec", version: TOOL_VERSION },
    asOf: formatDay(agenda.asOf),
    days: agenda.days,
    until: formatDay(agenda.until),
    items: agenda.items.map((item) => ({
      due: formatDay(item.due),
      kind: item.kind,
      code: item.code,
      unit: item.unit ? { id: item.unit.id, title: item.unit.title, kind: item.unit.unitKind } : null,
      person: item.person ? { id: item.person.id, name: item.person.name } : null,
      title: item.title,
      detail: item.detail,
      location: where(item, options),
    })),
  };
  return JSON.stringify(json, null, 2) + "\n";
}
