// The terminal reporter: one block per diagnostic with a code frame and the
// offending span underlined, colour only when asked (a TTY), and a summary.
// Everything from a spec is printed through `printable` (no raw terminal
// controls), and a long line is shown as a window around the range.
import { catalogueEntry } from "../check/codes.js";
import type { Diagnostic, EvidenceStep } from "../diagnostics/types.js";
import type { SourceFile } from "../model/types.js";
import { clipMiddle, displayPath, printable, printableLines, summaryLine, type SourceLookup } from "./locate.js";
import { NOTHING_SUPPRESSED, type ReportOptions, type Suppressed } from "./outcome.js";
import { pushAll } from "../util/arrays.js";

export interface TextReportOptions extends ReportOptions {
  readonly color: boolean;
  /** `--explain`: the chain of evidence under each diagnostic (it ends with the bylaw). */
  readonly explain?: boolean;
}

const ANSI = { red: 31, yellow: 33, blue: 34, cyan: 36, gray: 90, bold: 1 } as const;

/** The report as one string (`textReport`'s pieces joined). */
export function renderText(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: TextReportOptions): string {
  return [...textReport(diagnostics, lookup, options)].join("");
}

/**
 * The report piece by piece, one block per diagnostic then the summary, so
 * that a report larger than a string can hold is still written whole.
 */
export function* textReport(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: TextReportOptions): Generator<string> {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const severityColor = { error: "red", warning: "yellow", info: "blue" } as const;
  for (const diagnostic of diagnostics) {
    const range = lookup.range(diagnostic.file, diagnostic.span);
    const where = `${printable(displayPath(diagnostic.file, options.cwd))}:${range.start.line}:${range.start.column}`;
    const lines = [
      `${paint("bold", where)} ${paint(severityColor[diagnostic.severity], diagnostic.severity)} ${paint("gray", `${diagnostic.code} ${diagnostic.name}`)}`,
      `  ${printable(clipMiddle(diagnostic.message))}`,
      ...codeFrame(diagnostic, lookup, paint, paint.bind(null, severityColor[diagnostic.severity])),
    ];
    for (const related of diagnostic.related) {
      const relatedRange = lookup.range(related.file, related.span);
      const at = `${displayPath(related.file, options.cwd)}:${relatedRange.start.line}:${relatedRange.start.column}`;
      lines.push(`  ${paint("cyan", "note")} ${printable(`${at}: ${clipMiddle(related.message)}`)}`);
    }
    const evidence = options.explain ? (diagnostic.evidence ?? []) : [];
    if (evidence.length > 0) pushAll(lines, evidenceLines(evidence, lookup, options.cwd, paint));
    else {
      const citation = catalogueEntry(diagnostic.code)?.citation;
      if (citation) lines.push(`  ${paint("gray", `bylaw: ${citation.section}: "${citation.quote}"`)}`);
    }
    yield lines.join("\n") + "\n\n";
  }
  const suppressed = options.suppressed ?? NOTHING_SUPPRESSED;
  const stale = staleBaselineLines(suppressed, options.cwd);
  if (stale) yield stale;
  yield summaryLine(diagnostics, options.checkedFiles, options.waived, suppressed.baselined.length) + "\n";
}

/** The evidence chain (`--explain`): each step's kind, its place when it has one, and its text. */
function evidenceLines(evidence: readonly EvidenceStep[], lookup: SourceLookup, cwd: string, paint: (style: keyof typeof ANSI, text: string) => string): string[] {
  return [
    `  ${paint("cyan", "evidence")}`,
    ...evidence.map((step, index) => {
      const start = step.location ? lookup.range(step.location.file, step.location.span).start : null;
      const at = step.location && start ? `${displayPath(step.location.file, cwd)}:${start.line}:${start.column}: ` : "";
      return `    ${index + 1}. ${paint("gray", step.kind.padEnd(8))} ${printable(`${at}${clipMiddle(step.text)}`)}`;
    }),
  ];
}

/** The baseline entries of the checked files that no longer occur (infos: they never fail the check), or `""`. */
function staleBaselineLines(suppressed: Suppressed, cwd: string): string {
  if (suppressed.gone.length === 0 || suppressed.baselineFile === null) return "";
  const count = suppressed.gone.length;
  const head = `${displayPath(suppressed.baselineFile, cwd)}: info: ${count} baselined finding${count === 1 ? " no longer occurs" : "s no longer occur"}; \`orgspec baseline prune\` removes ${count === 1 ? "it" : "them"}`;
  return printableLines([head, ...suppressed.gone.map((entry) => `  ${entry.code} ${entry.file} ${entry.subject}`)].join("\n")) + "\n\n";
}

/** A line longer than this many characters is shown as a window of this width around the range. */
export const FRAME_WIDTH = 120;
/** How much of the line before the range a window keeps. */
const FRAME_CONTEXT = 40;

/** The part of a line a frame shows: `[from, to)`, in UTF-16 units. */
export function frameWindow(text: string, start: number): { from: number; to: number } {
  if (text.length <= FRAME_WIDTH) return { from: 0, to: text.length };
  let from = Math.max(0, Math.min(start - FRAME_CONTEXT, text.length - FRAME_WIDTH));
  let to = Math.min(text.length, from + FRAME_WIDTH);
  // Never half a surrogate pair at a cut.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return { from, to };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function codeFrame(
  diagnostic: Diagnostic,
  lookup: SourceLookup,
  paint: (style: keyof typeof ANSI, text: string) => string,
  highlight: (text: string) => string,
): string[] {
  const file = lookup.file(diagnostic.file);
  if (!file) return [];
  const range = lookup.range(diagnostic.file, diagnostic.span);
  const line = range.start.line;
  const text = file.lines.lineText(line);
  const gutterWidth = String(line).length;
  const gutter = (label: string) => paint("gray", `${label.padStart(gutterWidth)} | `);
  // Underline to the end of the span on its first line (at least one caret);
  // a span running on stops before the line's trailing comment.
  const start = Math.min(range.start.column - 1, text.length);
  const end = Math.max(start, range.end.line === line ? range.end.column - 1 : codeEndColumn(file, line, text) - 1);
  const { from, to } = frameWindow(text, start);
  const shownEnd = Math.min(end, to);
  // Escapes are wider than the characters they stand for: the underline is measured on what is printed.
  const before = printable(text.slice(from, start));
  const inside = printable(text.slice(start, shownEnd));
  const after = printable(text.slice(shownEnd, to));
  const cutBefore = from > 0 ? "…" : "";
  const cutAfter = to < text.length ? "…" : "";
  const indent = (cutBefore ? " " : "") + before.replace(/[^\t]/g, " ");
  return [`  ${gutter(String(line))}${cutBefore}${before}${inside}${after}${cutAfter}`, `  ${gutter("")}${indent}${highlight("^".repeat(Math.max(1, inside.length)))}`];
}

/** The column just after the last code character of a line, ignoring a trailing comment. */
function codeEndColumn(file: SourceFile, line: number, text: string): number {
  const lineStart = file.lines.lineStart(line);
  const comment = file.ast.comments.find((candidate) => candidate.span.start >= lineStart && candidate.span.start < lineStart + text.length);
  const code = comment ? text.slice(0, comment.span.start - lineStart) : text;
  return code.trimEnd().length + 1;
}
