// Browser helpers for the report page: element builders that set text
// through text nodes (so names and titles are never parsed as HTML), the
// embedded data, and day formatting.
import type { ReportData } from "../data.js";

type Child = Node | string | null | undefined | false;
/** A child, or a list of them: a long list is passed as an array, since spread into a call it could overflow the stack. */
type Children = Child | readonly Child[];
type Attributes = Record<string, string | number | boolean | null | undefined>;

function fill(element: Element, attributes: Attributes, children: readonly Children[]): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  appendAll(element, children);
}

/** Appends the children (lists flattened); strings become text nodes. */
export function appendAll(parent: Element, children: readonly Children[]): void {
  for (const entry of children) {
    for (const child of Array.isArray(entry) ? (entry as readonly Child[]) : [entry as Child]) {
      if (child === null || child === undefined || child === false) continue;
      parent.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
}

/**
 * The least and greatest of `values` (Infinity and -Infinity for none), in
 * one loop: spread into Math.min, a hundred thousand values overflow the
 * stack. (The page's scripts import only from this folder, so not the
 * core's minOf and maxOf.)
 */
export function extent(values: readonly number[]): [least: number, greatest: number] {
  let least = Infinity;
  let greatest = -Infinity;
  for (const value of values) {
    if (value < least) least = value;
    if (value > greatest) greatest = value;
  }
  return [least, greatest];
}

/** An HTML element with attributes and children; strings become text nodes. */
export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  fill(element, attributes, children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children; strings become text nodes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Children[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  fill(element, attributes, children);
  return element;
}

/** The report's data, parsed once from the JSON element #report-data. */
export function reportData(): ReportData {
  const element = document.getElementById("report-data");
  if (!element?.textContent) throw new Error("the report has no data");
  return JSON.parse(element.textContent) as ReportData;
}

const MS_PER_DAY = 86_400_000;

/** A day number as `YYYY-MM-DD`. */
export function dayText(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The first day of each month from `from`'s month to `to`'s, as day numbers. */
export function monthStarts(from: number, to: number): number[] {
  const starts: number[] = [];
  const date = new Date(from * MS_PER_DAY);
  let year = date.getUTCFullYear();
  let month = date.getUTCMonth();
  for (;;) {
    const start = Date.UTC(year, month, 1) / MS_PER_DAY;
    if (start > to) break;
    starts.push(start);
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return starts;
}

/** Cuts `text` to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The display name of a unit: its title, else its ID. */
export function unitName(data: ReportData, index: number): string {
  const unit = data.units[index]!;
  return unit.title ?? unit.id;
}
