// The steps of a finding's evidence (Diagnostic.evidence): what a rule read,
// with where it is, and what it computed. Rules build them with these, so
// every chain reads the same way in the terminal, SARIF and the editor.
import type { EvidenceStep } from "../diagnostics/types.js";
import type { Membership, Occurrence, PersonEvent, ReportOccurrence, Unit, Window } from "../model/types.js";
import { formatDay } from "../util/dates.js";
import { KIND_NAMES } from "./shared/units.js";

/** A record read at a location. */
export function read(text: string, file: string, span: { start: number; end: number }): EvidenceStep {
  return { kind: "read", text, location: { file, span } };
}

/** A value computed from what was read. */
export function computed(text: string): EvidenceStep {
  return { kind: "computed", text };
}

/** The unit's declaration: `cell mill3 "Textile Mill Cell No. 3" (party cell)`. */
export function readUnit(unit: Unit): EvidenceStep {
  const title = unit.title ? ` "${unit.title}"` : "";
  return read(`${unit.unitKind} ${unit.id}${title} (a ${KIND_NAMES[unit.unitKind]}, size ${unit.size})`, unit.file, unit.decl.id.span);
}

/** The window a cadence is judged over, and where it comes from. */
export function windowStep(unit: Unit, window: Window): EvidenceStep {
  // The window starts at `established` when the unit was established after the period began.
  const cut = unit.established !== null && unit.established >= window.from ? `, cut to start at \`established ${formatDay(unit.established)}\`` : "";
  return computed(`window ${formatDay(window.from)} to ${formatDay(window.to)} (the period${cut})`);
}

/** A session or report read: `meeting on 2026-01-12` (a series' occurrence says so). */
export function readSession(occurrence: Occurrence | ReportOccurrence, what: string): EvidenceStep {
  const ofSeries = occurrence.statement.type === "series" ? " (from the series)" : "";
  return read(`${what} on ${formatDay(occurrence.day)}${ofSeries}`, occurrence.file, occurrence.statement.span);
}

/** A person event read: `forward han_ok to sinuiju on 2026-02-10`. */
export function readEvent(event: PersonEvent, text: string): EvidenceStep {
  return read(`${text} on ${formatDay(event.day)}`, event.file, event.statement.span);
}

/** A roster entry read. */
export function readEntry(membership: Membership, text: string): EvidenceStep {
  return read(text, membership.file, membership.entry.span);
}
