// `orgspec agenda`: what falls due in the days after an as-of date. The
// records are read as they stood on that date (events after it do not count:
// they are what the agenda is for), and every deadline comes from the rules'
// own arithmetic and options: a committee's decision on a forwarded
// application (ORG304), a probation decision (ORG305), the end of an extended
// probation (ORG308), a month still short of its meetings (ORG201, ORG202,
// ORG204, ORG205), the next general meeting, critique or report (ORG203,
// ORG206, ORG401), and waivers whose `until` runs out.
import type { Day, Span } from "../ast/types.js";
import { fileWaivers } from "../check/waivers.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { Model, Person, Unit } from "../model/types.js";
import { limitText, cadenceWindow, timesText } from "../rules/shared/meetings-cadence.js";
import { after } from "../rules/shared/membership-text.js";
import { personLabel, unitLabel } from "../rules/shared/units.js";
import { formatDay, formatMonth, monthEnd, monthOf, monthStart } from "../util/dates.js";
import { cadenceObligations, type GapObligation, type MonthlyObligation } from "./obligations.js";
import { membershipDeadlines, type DeadlineKind, type MembershipDeadline } from "./membership-deadlines.js";
import type { RuleSettings } from "./rule-settings.js";
import { UnitLocator, unitKey } from "./unit-locator.js";

export type AgendaKind = DeadlineKind | "meeting" | "report" | "waiver-expiry";

export interface AgendaItem {
  readonly due: Day;
  readonly kind: AgendaKind;
  /** The rule whose deadline it is; ORG010 for a waiver. */
  readonly code: string;
  /** Who must act; `null` for a waiver outside any unit. */
  readonly unit: Unit | null;
  readonly person: Person | null;
  /** What to do: "decide on Kim Hyon-a's application". */
  readonly title: string;
  /** Why it is due then: "forwarded on 2026-06-15; a decision within one month". */
  readonly detail: string;
  /** Where the obligation is recorded. */
  readonly file: string;
  readonly span: Span;
}

export interface Agenda {
  readonly asOf: Day;
  readonly days: number;
  /** The last day looked at: `asOf + days`. */
  readonly until: Day;
  /** Sorted by due day, then unit, then title. */
  readonly items: readonly AgendaItem[];
}

export interface AgendaOptions {
  readonly asOf: Day;
  readonly days: number;
  readonly settings: RuleSettings;
}

/** The furthest an agenda looks ahead: 100 years, so that its loops over months stay bounded. */
export const MAX_AGENDA_DAYS = 36_525;

export function computeAgenda(models: readonly Model[], options: AgendaOptions): Agenda {
  if (!Number.isSafeInteger(options.days) || options.days < 0 || options.days > MAX_AGENDA_DAYS) {
    throw new RangeError(`an agenda looks 0 to ${MAX_AGENDA_DAYS} days ahead, not ${options.days}`);
  }
  const until = options.asOf + options.days;
  const window = { from: options.asOf, to: until };
  const items = new Map<string, AgendaItem>();
  const add = (item: AgendaItem) => {
    if (item.due < window.from || item.due > window.to) return;
    items.set(`${item.kind}\0${item.file}\0${item.span.start}\0${item.due}\0${item.title}`, item);
  };
  const locator = new UnitLocator(models);
  for (const model of models) {
    for (const deadline of membershipDeadlines(model, options.settings)) {
      const pending = deadline.started <= options.asOf && (deadline.closed === null || deadline.closed > options.asOf);
      if (pending) add(membershipItem(deadline));
    }
    for (const obligation of cadenceObligations(model, options.settings)) {
      const item = obligation.kind === "monthly" ? monthlyItems(obligation, window) : [gapItem(obligation, options.asOf)];
      for (const found of item) if (found) add(found);
    }
    for (const file of model.files) {
      for (const waiver of fileWaivers(file, [])) {
        if (waiver.until === null) continue;
        // The unit of the line the waiver governs, at its first non-blank character.
        const line = Math.min(waiver.line, file.lines.lineCount);
        const indent = /^\s*/.exec(file.lines.lineText(line))![0].length;
        add({
          due: waiver.until,
          kind: "waiver-expiry",
          code: LANGUAGE_CODES.waiver.code,
          unit: locator.unitAt(file.path, file.lines.lineStart(line) + indent),
          person: null,
          title: `waiver of ${waiver.codes.join(", ")} expires`,
          detail: `after ${formatDay(waiver.until)} the diagnostics it waives on line ${waiver.line} are reported again (${waiver.reason})`,
          file: waiver.file,
          span: waiver.span,
        });
      }
    }
  }
  const sorted = [...items.values()].sort(
    (a, b) => a.due - b.due || groupName(a).localeCompare(groupName(b)) || a.title.localeCompare(b.title),
  );
  return { asOf: options.asOf, days: options.days, until, items: sorted };
}

function groupName(item: AgendaItem): string {
  return item.unit ? unitLabel(item.unit) : "";
}

const DEADLINE_WORDING: Record<DeadlineKind, { readonly title: (name: string) => string; readonly started: string }> = {
  "committee-decision": { title: (name) => `approve or reject ${name}'s application`, started: "forwarded" },
  "probation-decision": { title: (name) => `admit, extend or expel ${name}`, started: "probation began" },
  "extension-end": { title: (name) => `admit or expel ${name}`, started: "probation extended" },
};

function membershipItem(deadline: MembershipDeadline): AgendaItem {
  const wording = DEADLINE_WORDING[deadline.deadline];
  return {
    due: deadline.due,
    kind: deadline.deadline,
    code: deadline.code,
    unit: deadline.actor,
    person: deadline.person,
    file: deadline.file,
    span: deadline.span,
    title: wording.title(personLabel(deadline.person)),
    detail: `${wording.started} on ${formatDay(deadline.started)}; ${deadline.requirement}`,
  };
}

/** The months ending in the window that still lack sessions at the as-of day. */
function monthlyItems(obligation: MonthlyObligation, window: { from: Day; to: Day }): AgendaItem[] {
  const unitWindow = cadenceWindow(obligation.unit, obligation.row);
  if (!unitWindow || obligation.perMonth <= 0) return [];
  const items: AgendaItem[] = [];
  const heldByMonth = new Map<number, number>();
  for (const day of obligation.days) if (day <= window.from) heldByMonth.set(monthOf(day), (heldByMonth.get(monthOf(day)) ?? 0) + 1);
  for (let month = Math.max(monthOf(window.from), monthOf(unitWindow.from)); monthEnd(month) <= window.to; month++) {
    if (monthStart(month) < unitWindow.from) continue;
    const held = heldByMonth.get(month) ?? 0;
    if (held >= obligation.perMonth) continue;
    const missing = obligation.perMonth - held;
    items.push({
      due: monthEnd(month),
      kind: "meeting",
      code: obligation.code,
      unit: obligation.unit,
      person: null,
      title: `hold ${missing === 1 ? "a" : missing} ${held > 0 ? "further " : ""}${obligation.noun}${missing === 1 ? "" : "s"} in ${formatMonth(month)}`,
      detail: `${held} held in ${formatMonth(month)} by ${formatDay(window.from)}; at least ${timesText(obligation.perMonth)} a month`,
      file: obligation.unit.file,
      span: obligation.unit.decl.id.span,
    });
  }
  return items;
}

/** The day the next session is due: the last one on or before the as-of day (or the window's start), plus the limit. */
function gapItem(obligation: GapObligation, asOf: Day): AgendaItem | null {
  const unitWindow = cadenceWindow(obligation.unit, obligation.row);
  if (!unitWindow || unitWindow.from > asOf || obligation.limit.count <= 0) return null;
  const last = obligation.days.filter((day) => day >= unitWindow.from && day <= asOf).at(-1);
  const due = after(last ?? unitWindow.from, obligation.limit);
  const isReport = obligation.row === "report";
  const since = last === undefined ? `none since ${formatDay(unitWindow.from)}` : `last ${isReport ? "sent" : "held"} on ${formatDay(last)}`;
  return {
    due,
    kind: isReport ? "report" : "meeting",
    code: obligation.code,
    unit: obligation.unit,
    person: null,
    title: isReport ? `send a ${obligation.noun}` : `hold a ${obligation.noun}`,
    detail: `${since}; at most ${limitText(obligation.limit)} apart`,
    file: obligation.unit.file,
    span: obligation.unit.decl.id.span,
  };
}

/** The agenda's items grouped by the unit that acts, the group with the soonest item first. */
export function groupByUnit(agenda: Agenda): { unit: Unit | null; items: AgendaItem[] }[] {
  const groups = new Map<string, { unit: Unit | null; items: AgendaItem[] }>();
  for (const item of agenda.items) {
    const key = item.unit ? unitKey(item.unit) : "";
    const group = groups.get(key) ?? { unit: item.unit, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
