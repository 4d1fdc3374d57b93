// The agenda as an iCalendar file (RFC 5545) that calendar programs import:
// one all-day VEVENT per item on its due day, with a UID stable across runs
// (so importing again updates rather than duplicates), text escaped and lines
// folded at 75 octets without splitting a UTF-8 character.
import { createHash } from "node:crypto";
import { TOOL_VERSION } from "../reporters/version.js";
import { unitLabel } from "../rules/shared/units.js";
import { dayParts, formatDay } from "../util/dates.js";
import type { Agenda, AgendaItem } from "./agenda.js";
import type { AgendaRenderOptions } from "./render.js";
import { displayPath } from "../reporters/locate.js";

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** `20260715` for a DATE value. */
function icsDate(day: number): string {
  const { year, month, day: dayOfMonth } = dayParts(day);
  return `${String(year).padStart(4, "0")}${String(month).padStart(2, "0")}${String(dayOfMonth).padStart(2, "0")}`;
}

/** `20260630T101500Z` for a UTC DATE-TIME value. */
function icsTimestamp(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function uid(item: AgendaItem, where: string): string {
  const key = [item.kind, where, item.span.start, formatDay(item.due), item.title].join("\0");
  return `${createHash("sha256").update(key).digest("hex").slice(0, 32)}@orgspec`;
}

export interface IcsOptions extends AgendaRenderOptions {
  /** When the file is written, for DTSTAMP (milliseconds since the epoch). */
  readonly now: number;
}

export function renderAgendaIcs(agenda: Agenda, options: IcsOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//orgspec//orgspec ${TOOL_VERSION}//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(`orgspec agenda ${formatDay(agenda.asOf)} to ${formatDay(agenda.until)}`)}`,
  ];
  for (const item of agenda.items) {
    const start = options.lookup.range(item.file, item.span).start;
    const file = displayPath(item.file, options.cwd);
    const who = item.unit ? `${unitLabel(item.unit)}: ` : "";
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid(item, file)}`,
      `DTSTAMP:${icsTimestamp(options.now)}`,
      `DTSTART;VALUE=DATE:${icsDate(item.due)}`,
      `DTEND;VALUE=DATE:${icsDate(item.due + 1)}`,
      `SUMMARY:${escapeText(`${who}${item.title}`)}`,
      `DESCRIPTION:${escapeText(`${item.detail}\n${item.code}, ${file}:${start.line}:${start.column}`)}`,
      `CATEGORIES:${escapeText(item.code)},${escapeText(item.kind)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
