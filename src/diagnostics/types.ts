// The diagnostic every stage reports: a code from the catalogue, the facts in
// the message, and exact source locations.
import type { Span } from "../ast/types.js";

export type Severity = "error" | "warning" | "info";

/** A 1-based line and column (columns count UTF-16 code units, as editors do). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export interface Location {
  /** Absolute path of the file. */
  readonly file: string;
  readonly span: Span;
  /** The span as lines and columns: set on every diagnostic `checkProgram` and `checkPaths` return. */
  readonly range?: { readonly start: LineColumn; readonly end: LineColumn };
}

export interface RelatedLocation extends Location {
  readonly message: string;
}

export type DiagnosticTag = "unnecessary" | "deprecated";

/**
 * One link in the chain of facts behind a finding, in order: a record the
 * rule read (with its location), a value it computed (the window, a count,
 * a gap, a deadline and how it was reached), or the bylaw it applies.
 */
export interface EvidenceStep {
  readonly kind: "read" | "computed" | "bylaw";
  readonly text: string;
  readonly location?: Location;
}

/** A value a message was built from. */
export type DataValue = string | number | boolean | null | readonly string[];

/** The names and values a diagnostic's message was built from, for tools (code actions, baselines) that must not parse the text. */
export type DiagnosticData = Readonly<Record<string, DataValue>>;

/** Replace a span of a file with new text (an empty span inserts). */
export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly newText: string;
}

/**
 * A change that resolves a diagnostic, declared by the rule that reports it.
 * `safe` keeps what the records mean (removing a waiver that suppresses
 * nothing); `unsafe` changes what they say (naming a deputy, replacing a
 * name), so it is applied only when asked for, as Ruff labels its fixes.
 */
export interface Fix {
  readonly title: string;
  readonly safety: "safe" | "unsafe";
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic extends Location {
  readonly code: string;
  /** The rule's name (`cell-size`). */
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  readonly tags?: readonly DiagnosticTag[];
  /** More for whoever debugs it (an internal error's stack): shown with `--debug` only. */
  readonly detail?: string;
  readonly data?: DiagnosticData;
  /** The fixes the reporting rule offers, best first. */
  readonly fixes?: readonly Fix[];
  /** What the finding is about, as a path in the model: `unit:mill3/month:2026-04`, `application:han_ok/forward:2026-02-10`. */
  readonly subject?: string;
  /** The facts that led to the finding, in order, ending with the bylaw (rule diagnostics). */
  readonly evidence?: readonly EvidenceStep[];
  /**
   * A stable identity: the code, the subject and the facts that define the
   * finding, never a line number, so it survives reformatting and moved
   * statements (SARIF `partialFingerprints`, JSON `id`, baselines).
   */
  readonly fingerprint?: string;
  /** On a waived diagnostic: the waiver that suppresses it (SARIF `suppressions`, the job summary). */
  readonly waivedBy?: WaiverNote;
}

/** The waiver comment that suppressed a diagnostic: where it is, its reason and its `until` day (YYYY-MM-DD). */
export interface WaiverNote extends Location {
  readonly reason: string;
  readonly until: string | null;
}

/** Where a bylaw rule's requirement comes from. */
export interface Citation {
  /** The section heading of the bylaws text. */
  readonly section: string;
  /** The sentence quoted from it. */
  readonly quote: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts diagnostics by file, then position, then code: the order every reporter uses. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
