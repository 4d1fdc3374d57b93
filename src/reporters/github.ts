// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
// line per diagnostic, which the runner turns into an annotation on the file
// and line, then the summary as a plain log line. Escaping follows the
// workflow-commands format: in the message, `%`, CR and LF are
// percent-encoded; in property values also `:` and `,`. What comes from a
// spec first goes through `printable`: the log viewer would act on ESC
// sequences, and the runner on a CR or LF it let through.
import { catalogueEntry } from "../check/codes.js";
import type { Diagnostic, Severity } from "../diagnostics/types.js";
import { clipMiddle, countSeverities, displayPath, printable, summaryLine, type SourceLookup } from "./locate.js";
import type { ReportOptions } from "./outcome.js";

const COMMANDS: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** Escapes a command's message (the data after `::`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value (`file=`, `title=`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface GithubReportOptions extends ReportOptions {
  /** The files (absolute) the pull request changes (`--changed-since`): their findings are annotated first. */
  readonly changed?: ReadonlySet<string>;
}

/** GitHub shows at most this many annotations of each kind from one step; more are dropped silently. */
export const ANNOTATION_LIMIT = 10;

/**
 * The annotations. Lines and columns are 1-based, `endColumn` exclusive as in
 * the JSON and SARIF reports; GitHub takes columns only on a one-line range,
 * so a range over several lines gives `line` and `endLine` alone.
 */
export function renderGithub(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: GithubReportOptions): string {
  return [...githubReport(diagnostics, lookup, options)].join("");
}

/**
 * The annotations one line at a time, then the summary (see `textReport`).
 * At most ANNOTATION_LIMIT of each kind, the findings on changed files
 * first; the rest are plain log lines after a line saying how many were
 * left out, so that the log still holds every finding.
 */
export function* githubReport(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: GithubReportOptions): Generator<string> {
  const changed = options.changed;
  const ordered = changed ? [...diagnostics.filter((d) => changed.has(d.file)), ...diagnostics.filter((d) => !changed.has(d.file))] : diagnostics;
  const used: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const leftOut: Diagnostic[] = [];
  for (const diagnostic of ordered) {
    if (used[diagnostic.severity] >= ANNOTATION_LIMIT) {
      leftOut.push(diagnostic);
      continue;
    }
    used[diagnostic.severity]++;
    yield annotation(diagnostic, lookup, options.cwd);
  }
  if (leftOut.length > 0) {
    const counts = countSeverities(leftOut);
    const parts = [counted(counts.errors, "error"), counted(counts.warnings, "warning"), counted(counts.infos, "notice")].filter(Boolean);
    const first = changed ? ", those on the changed files first" : "";
    yield `orgspec: ${leftOut.length} more not annotated (${parts.join(", ")}): GitHub shows ${ANNOTATION_LIMIT} errors, ${ANNOTATION_LIMIT} warnings and ${ANNOTATION_LIMIT} notices a step${first}; here they are:\n`;
    for (const diagnostic of leftOut) {
      const at = lookup.range(diagnostic.file, diagnostic.span).start;
      yield `${printable(displayPath(diagnostic.file, options.cwd))}:${at.line}:${at.column} ${diagnostic.severity} ${diagnostic.code} ${printable(clipMiddle(diagnostic.message))}\n`;
    }
  }
  yield summaryLine(diagnostics, options.checkedFiles, options.waived, options.suppressed?.baselined.length ?? 0) + "\n";
}

const counted = (count: number, word: string) => (count === 0 ? "" : `${count} ${word}${count === 1 ? "" : "s"}`);

function annotation(diagnostic: Diagnostic, lookup: SourceLookup, cwd: string): string {
  const range = lookup.range(diagnostic.file, diagnostic.span);
  const properties = [`file=${escapeProperty(printable(displayPath(diagnostic.file, cwd)))}`, `line=${range.start.line}`];
  if (range.start.line === range.end.line) properties.push(`col=${range.start.column}`);
  properties.push(`endLine=${range.end.line}`);
  if (range.start.line === range.end.line) properties.push(`endColumn=${range.end.column}`);
  properties.push(`title=${escapeProperty(`${diagnostic.code} ${diagnostic.name}`)}`);
  const citation = catalogueEntry(diagnostic.code)?.citation;
  const text = printable(clipMiddle(diagnostic.message));
  const message = citation ? `${text}\nbylaw: ${citation.section}: "${citation.quote}"` : text;
  return `::${COMMANDS[diagnostic.severity]} ${properties.join(",")}::${escapeData(message)}\n`;
}
