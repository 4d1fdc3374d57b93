// The language codes ORG001-ORG012: problems with the text itself rather than
// with the bylaws. Their metadata lives here once; the catalogue joins them
// with the bylaw rules' metadata.
import type { Span } from "../ast/types.js";
import type { Diagnostic, Severity } from "./types.js";

export interface LanguageCode {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly docs: string;
}

export const LANGUAGE_CODES = {
  syntax: {
    code: "ORG001",
    name: "syntax",
    severity: "error",
    summary: "Text that does not parse.",
    docs: "The parser recovers after each error and reports every one it can; the rest of the file is still resolved and checked. A declaration that did not parse completely still declares its ID, so no unresolved-name cascade follows from it. A line that did not parse may have held an event of any unit it names: the cadence rules stay silent about that unit's timeline (only the kind the line's keywords name, such as `critique`, when they name one), and this diagnostic carries one related note per unit saying which cadences were not checked.",
  },
  unresolved: {
    code: "ORG002",
    name: "unresolved",
    severity: "error",
    summary: "A name that nothing declares.",
    docs: "Units, people and residences share one namespace per program. The message suggests the closest declared names (not for names over 64 characters). An event naming a unit with a typo leaves that unit's cadence of the event's kind unchecked; a related note says so.",
  },
  duplicate: {
    code: "ORG003",
    name: "duplicate",
    severity: "error",
    summary: "A name declared twice.",
    docs: "A name is declared once per program. The same ID twice in one roster is a duplicate too (in two rosters it is ORG114, single-membership). A person whose roster entry and application give different names is reported here as well.",
  },
  invalidDate: {
    code: "ORG004",
    name: "invalid-date",
    severity: "error",
    summary: "Not a calendar date, or a range whose end is before its start.",
    docs: "Dates are `YYYY-MM-DD` and must exist in the calendar (2026-02-30 does not). A `period` or a series whose `to` is before its `from` is reported too.",
  },
  wrongKind: {
    code: "ORG005",
    name: "wrong-kind",
    severity: "error",
    summary: "A name of the wrong kind where it is used.",
    docs: "`under` takes a unit, `secretary` a person, `covers` a residence, and so on: the message says what was expected and what the name is.",
  },
  import: {
    code: "ORG006",
    name: "import",
    severity: "error",
    summary: "An import that cannot be read, or an import cycle.",
    docs: "Imports are resolved relative to the importing file. A cycle is reported on the import that closes it.",
  },
  outsidePeriod: {
    code: "ORG007",
    name: "outside-period",
    severity: "warning",
    summary: "An event dated after the period's end.",
    docs: "Events before the period's start are history and allowed; events after its end are outside the records the program covers. Such an event gets this diagnostic and nothing else: it reaches no timeline, so no bylaw rule judges it (a deadline it would have met is still overdue at the period's end). A series reaching past the end gets one diagnostic.",
  },
  periodConflict: {
    code: "ORG008",
    name: "period-conflict",
    severity: "error",
    summary: "More than one `period` in a program.",
    docs: "A program has at most one `period`; every one after the first is reported.",
  },
  noPeriod: {
    code: "ORG009",
    name: "no-period",
    severity: "info",
    summary: "No `period`, so cadence rules were not evaluated.",
    docs: "Anchored at the start of the entry file. Structure and membership rules still run; meeting, critique and report cadences need a window to be judged over.",
  },
  waiver: {
    code: "ORG010",
    name: "waiver",
    severity: "warning",
    summary: "A waiver comment that is malformed, expired, or suppresses nothing.",
    docs: "`// orgspec-waive ORG201 until 2026-09-30 -- reason` on the line a diagnostic anchors on, or alone on the line directly above it, suppresses that diagnostic. The reason after `--` is required and `until` is optional. A waiver past its `until` date stops working and is reported; so is a waiver that suppresses nothing, and one that names an unknown code.",
  },
  outOfRange: {
    code: "ORG011",
    name: "out-of-range",
    severity: "error",
    summary: "A number no record can mean, or a series too large to expand.",
    docs: "A series steps at least once a day and at most once in 1,000 years, and its step count is a whole number the checker can count exactly. A series may stand for at most 100,000 dated events in the days the rules read (from the period's start, or the earliest single event before it, to the period's end): a daily series for 273 years. A series past that limit is reported and not expanded, and the cadence rules stay silent about its unit, saying so on this diagnostic. The rest of the program is still checked.",
  },
  internal: {
    code: "ORG012",
    name: "internal",
    severity: "error",
    summary: "A rule failed with an internal error: a bug in orgspec, please report it.",
    docs: "Each rule runs on its own: when one throws, its failure becomes this one diagnostic (at the start of the entry file, naming the rule), every other rule's diagnostics still appear, and `orgspec check` exits 2. `--debug` prints the stack. Please report it with the spec that caused it.",
  },
} as const satisfies Record<string, LanguageCode>;

export type LanguageCodeKey = keyof typeof LANGUAGE_CODES;

/** A diagnostic with one of the language codes. */
export function languageDiagnostic(
  key: LanguageCodeKey,
  file: string,
  span: Span,
  message: string,
  related: Diagnostic["related"] = [],
): Diagnostic {
  const entry = LANGUAGE_CODES[key];
  return { code: entry.code, name: entry.name, severity: entry.severity, message, file, span, related };
}
