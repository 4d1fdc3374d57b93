// The data the HTML report embeds as JSON and its script renders from. Shared
// by the page builder (Node) and the page's script (the browser, type-only).
// Days are numbers (days since 1970-01-01) to keep the JSON small at 100,000
// members; the script formats them.

export type SeverityName = "error" | "warning" | "info";

export type CalendarRowKind = "meeting" | "committee-meeting" | "executive-meeting" | "critique" | "report";

export interface ReportData {
  readonly tool: { readonly name: string; readonly version: string };
  /** The paths the report was made from, as given. */
  readonly sources: readonly string[];
  /** What the page is titled with: the units at the top of the chart (their titles, else IDs). */
  readonly organization: string;
  readonly periods: readonly { readonly from: number; readonly to: number }[];
  /** The day deadlines were judged at, when one day held for every program. */
  readonly asOf: number | null;
  readonly summary: ReportSummary;
  /** Every unit once, however many programs share its declaration. */
  readonly units: readonly UnitData[];
  /** Units with no parent among the units, in program order. */
  readonly roots: readonly number[];
  readonly diagnostics: readonly DiagnosticData[];
  /** The findings a baseline or a waiver suppresses (not in `diagnostics`), with why. */
  readonly suppressed: readonly SuppressedData[];
  /** The catalogue entry of every code in `diagnostics`. */
  readonly rules: Readonly<Record<string, RuleData>>;
  /** Applicants and candidates whose cell is not known. */
  readonly unassigned: readonly PersonHistoryData[];
}

export interface ReportSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly files: number;
  readonly waived: number;
  readonly baselined: number;
  readonly units: number;
  readonly people: number;
}

export interface UnitData {
  readonly id: string;
  readonly title: string | null;
  readonly kind: string;
  readonly level: string | null;
  readonly setting: string | null;
  /** The declaring file, relative to the working directory, and the line of the unit's identifier. */
  readonly file: string;
  readonly line: number;
  readonly parent: number | null;
  readonly children: readonly number[];
  readonly size: number;
  readonly secretary: string | null;
  readonly deputy: string | null;
  readonly worst: SeverityName | null;
  readonly counts: Readonly<Record<SeverityName, number>>;
  readonly roster: readonly RosterRow[];
  /** Basic party organizations' sessions and reports over the unit's window. */
  readonly calendar: CalendarData | null;
  /** The applicants and candidates of this unit. */
  readonly people: readonly PersonHistoryData[];
}

/** `[id, name, status, date (day or -1), youth league (1/0), residence]`. */
export type RosterRow = readonly [string, string, "member" | "candidate", number, 0 | 1, string];

export interface CalendarData {
  /** The unit's window: the period, cut to start no earlier than `established`. */
  readonly from: number;
  readonly to: number;
  readonly rows: readonly CalendarRowData[];
}

export interface CalendarRowData {
  readonly kind: CalendarRowKind;
  readonly label: string;
  /** What the rules ask, or `null` when no rule asks anything of this row. */
  readonly requirement: string | null;
  /** The days sessions were held (reports sent), sorted. */
  readonly days: readonly number[];
  /** Months or gaps that fall short, each with the code of the diagnostic on the unit. */
  readonly marks: readonly CalendarMark[];
}

export interface CalendarMark {
  readonly from: number;
  readonly to: number;
  readonly code: string;
  readonly text: string;
}

export interface PersonHistoryData {
  readonly id: string;
  readonly name: string;
  readonly milestones: readonly MilestoneData[];
}

export interface MilestoneData {
  readonly day: number;
  readonly label: string;
  /** A deadline the rules compute rather than a recorded event. */
  readonly deadline: boolean;
  readonly late: boolean;
}

export interface DiagnosticData {
  readonly severity: SeverityName;
  readonly code: string;
  readonly rule: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The unit it belongs to (an index into `units`), or `null`. */
  readonly unit: number | null;
  /** Its stable identity (Diagnostic.fingerprint). */
  readonly id: string | null;
  /** The facts behind it, in order, without the bylaw (the row shows that): what was read, where, and what was computed. */
  readonly evidence: readonly { readonly kind: "read" | "computed"; readonly text: string; readonly where: string | null }[];
}

export interface SuppressedData extends DiagnosticData {
  /** `baseline`: held by the baseline file; `waiver`: an `orgspec-waive` comment. */
  readonly by: "baseline" | "waiver";
  readonly reason: string;
  /** The waiver's `until` (YYYY-MM-DD), or `null`. */
  readonly until: string | null;
}

/** A cited rule and its documentation, embedded so that the page stands alone wherever it is sent. */
export interface RuleData {
  readonly name: string;
  readonly summary: string;
  readonly section: string | null;
  readonly quote: string | null;
  /** What the rule checks, in Markdown (shown as text), as `orgspec explain` prints it. */
  readonly description: string;
  /** A spec fragment the rule reports on and the same corrected; `null` for language diagnostics. */
  readonly failing: string | null;
  readonly passing: string | null;
}
