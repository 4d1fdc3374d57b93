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
