// A basic party organization's calendar strip: one row per kind of session
// and one for reports, with the days they were held, and the months or gaps
// that fall short marked where they are. A row is marked only where the unit
// carries that rule's diagnostic (a waived or disabled rule marks nothing);
// where, comes from the same cadence arithmetic the rule uses.
import type { Unit } from "../model/types.js";
import { formatMonth, monthEnd, monthStart } from "../util/dates.js";
import { gapsLongerThan, shortMonths } from "../rules/shared/cadence.js";
import { cadenceWindow, gapText, limitText, timesText } from "../rules/shared/meetings-cadence.js";
import { CADENCE_ROWS, type CadenceObligation, type CadenceRow } from "../agenda/obligations.js";
import type { CalendarData, CalendarMark, CalendarRowData } from "./data.js";

const ROW_LABELS: Record<CadenceRow, string> = {
  meeting: "Meetings",
  "committee-meeting": "Committee meetings",
  "executive-meeting": "Executive meetings",
  critique: "Critiques",
  report: "Reports",
};

/**
 * The calendar of a basic party organization; `null` for a committee or a
 * unit without a window (no period, or established after it).
 */
export function unitCalendar(unit: Unit, obligations: readonly CadenceObligation[], flaggedCodes: ReadonlySet<string>): CalendarData | null {
  if (unit.unitKind === "committee" || !unit.window || unit.window.from > unit.window.to) return null;
  const window = unit.window;
  const rows: CalendarRowData[] = [];
  for (const kind of CADENCE_ROWS) {
    const own = obligations.filter((obligation) => obligation.row === kind);
    const days = kind === "report" ? unit.timeline.reports.map((report) => report.day) : unit.timeline.gatherings[kind].map((item) => item.day);
    if (own.length === 0 && days.length === 0) continue;
    rows.push({
      kind,
      label: kind === "meeting" && unit.unitKind !== "cell" && unit.unitKind !== "team" ? "General meetings" : ROW_LABELS[kind],
      requirement: requirement(own),
      days: [...new Set(days)].sort((a, b) => a - b),
      marks: own.flatMap((obligation) => (flaggedCodes.has(obligation.code) ? marksOf(obligation) : [])),
    });
  }
  return { from: window.from, to: window.to, rows };
}

function requirement(obligations: readonly CadenceObligation[]): string | null {
  const first = obligations[0];
  if (!first) return null;
  const text = first.kind === "monthly" ? `at least ${timesText(first.perMonth)} a month` : `at most ${limitText(first.limit)} apart`;
  return obligations.length > 1 ? `${text} to each committee` : text;
}

/** The months or gaps of one obligation that fall short, as its rule finds them. */
function marksOf(obligation: CadenceObligation): CalendarMark[] {
  const window = cadenceWindow(obligation.unit, obligation.row);
  if (!window) return [];
  if (obligation.kind === "monthly") {
    return shortMonths(obligation.days, window, obligation.perMonth).map(({ month, held }) => {
      const plural = obligation.perMonth === 1 ? "" : "s";
      const shortfall = held === 0 ? `no ${obligation.noun}` : `only ${held} of ${obligation.perMonth} ${obligation.noun}${plural}`;
      return { from: monthStart(month), to: monthEnd(month), code: obligation.code, text: `${shortfall} in ${formatMonth(month)}` };
    });
  }
  return gapsLongerThan(obligation.days, window, obligation.limit).map((gap) => ({
    from: gap.from,
    to: gap.to,
    code: obligation.code,
    text: `no ${obligation.noun} ${gapText(gap, obligation.limit)}`,
  }));
}
