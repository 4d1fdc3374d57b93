// The terminal reporter: one block per diagnostic with a code frame and the
// offending span underlined, colour only when asked (a TTY), and a summary.
import { catalogueEntry } from "../check/codes.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { SourceFile } from "../model/types.js";
import { displayPath, summaryLine, type SourceLookup } from "./locate.js";

export interface TextReportOptions {
  readonly cwd: string;
  readonly color: boolean;
  readonly checkedFiles: number;
  readonly waived: number;
}

const ANSI = { red: 31, yellow: 33, blue: 34, cyan: 36, gray: 90, bold: 1 } as const;

export function renderText(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: TextReportOptions): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const severityColor = { error: "red", warning: "yellow", info: "blue" } as const;
  const blocks: string[] = [];
  for (const diagnostic of diagnostics) {
    const range = lookup.range(diagnostic.file, diagnostic.span);
    const where = `${displayPath(diagnostic.file, options.cwd)}:${range.start.line}:${range.start.column}`;
    const lines = [
      `${paint("bold", where)} ${paint(severityColor[diagnostic.severity], diagnostic.severity)} ${paint("gray", `${diagnostic.code} ${diagnostic.name}`)}`,
      `  ${diagnostic.message}`,
      ...codeFrame(diagnostic, lookup, paint, paint.bind(null, severityColor[diagnostic.severity])),
    ];
    for (const related of diagnostic.related) {
      const relatedRange = lookup.range(related.file, related.span);
      lines.push(`  ${paint("cyan", "note")} ${displayPath(related.file, options.cwd)}:${relatedRange.start.line}:${relatedRange.start.column}: ${related.message}`);
    }
    const citation = catalogueEntry(diagnostic.code)?.citation;
    if (citation) lines.push(`  ${paint("gray", `bylaw: ${citation.section}: "${citation.quote}"`)}`);
    blocks.push(lines.join("\n"));
  }
  const summary = summaryLine(diagnostics, options.checkedFiles, options.waived);
  return [...blocks, summary].join("\n\n") + "\n";
}

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
  const startColumn = range.start.column;
  const endColumn = range.end.line === line ? range.end.column : codeEndColumn(file, line, text);
  const width = Math.max(1, endColumn - startColumn);
  const indent = text.slice(0, startColumn - 1).replace(/[^\t]/g, " ");
  return [`  ${gutter(String(line))}${text}`, `  ${gutter("")}${indent}${highlight("^".repeat(width))}`];
}

/** The column just after the last code character of a line, ignoring a trailing comment. */
function codeEndColumn(file: SourceFile, line: number, text: string): number {
  const lineStart = file.lines.lineStart(line);
  const comment = file.ast.comments.find((candidate) => candidate.span.start >= lineStart && candidate.span.start < lineStart + text.length);
  const code = comment ? text.slice(0, comment.span.start - lineStart) : text;
  return code.trimEnd().length + 1;
}
