// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
// line per diagnostic, which the runner turns into an annotation on the file
// and line, then the summary as a plain log line. Escaping follows the
// workflow-commands format: in the message, `%`, CR and LF are
// percent-encoded; in property values also `:` and `,`. What comes from a
// spec first goes through `printable`: the log viewer would act on ESC
// sequences, and the runner on a CR or LF it let through.
import { catalogueEntry } from "../check/codes.js";
import type { Diagnostic, Severity } from "../diagnostics/types.js";
import { clipMiddle, displayPath, printable, summaryLine, type SourceLookup } from "./locate.js";

const COMMANDS: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** Escapes a command's message (the data after `::`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value (`file=`, `title=`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface GithubReportOptions {
  readonly cwd: string;
  readonly checkedFiles: number;
  readonly waived: number;
}

/**
 * The annotations. Lines and columns are 1-based, `endColumn` exclusive as in
 * the JSON and SARIF reports; GitHub takes columns only on a one-line range,
 * so a range over several lines gives `line` and `endLine` alone.
 */
export function renderGithub(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: GithubReportOptions): string {
  return [...githubReport(diagnostics, lookup, options)].join("");
}

/** The annotations one line at a time, then the summary (see `textReport`). */
export function* githubReport(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: GithubReportOptions): Generator<string> {
  for (const diagnostic of diagnostics) {
    const range = lookup.range(diagnostic.file, diagnostic.span);
    const properties = [`file=${escapeProperty(printable(displayPath(diagnostic.file, options.cwd)))}`, `line=${range.start.line}`];
    if (range.start.line === range.end.line) properties.push(`col=${range.start.column}`);
    properties.push(`endLine=${range.end.line}`);
    if (range.start.line === range.end.line) properties.push(`endColumn=${range.end.column}`);
    properties.push(`title=${escapeProperty(`${diagnostic.code} ${diagnostic.name}`)}`);
    const citation = catalogueEntry(diagnostic.code)?.citation;
    const text = printable(clipMiddle(diagnostic.message));
    const message = citation ? `${text}\nbylaw: ${citation.section}: "${citation.quote}"` : text;
    yield `::${COMMANDS[diagnostic.severity]} ${properties.join(",")}::${escapeData(message)}\n`;
  }
  yield summaryLine(diagnostics, options.checkedFiles, options.waived) + "\n";
}
