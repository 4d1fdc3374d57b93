// Waivers: `// orgspec-waive ORG201[, ORG202] [until DATE] -- reason` on the
// line a diagnostic anchors on, or alone on the line directly above it,
// suppresses that diagnostic. Expired, unused and malformed waivers are
// reported (ORG010) so that waivers never rot silently.
import type { Comment, Day, Span } from "../ast/types.js";
import { LANGUAGE_CODES, languageDiagnostic } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Model, SourceFile } from "../model/types.js";
import { formatDay, parseDay } from "../util/dates.js";
import { removeComment } from "../rules/shared/edits.js";
import { catalogueEntry, knownCode } from "./codes.js";

export interface Waiver {
  readonly file: string;
  readonly span: Span;
  /** Codes or rule names as written. */
  readonly codes: readonly string[];
  readonly until: Day | null;
  readonly reason: string;
  /** The line (1-based) whose diagnostics it governs. */
  readonly line: number;
}

const WAIVER = /^\/[/*]\s*orgspec-waive\b(.*?)(?:\*\/)?$/s;
const NEEDS = "a waiver needs codes and a reason: `// orgspec-waive ORG201 until 2026-09-30 -- reason`";

/**
 * What a waiver comment says, and everything wrong with it: each fault is
 * reported (codes and a reason missing, unknown codes, a bad date), not
 * only the first one.
 */
function parseWaiver(body: string): { codes: string[]; until: Day | null; reason: string; faults: string[] } {
  const dashes = body.indexOf("--");
  const head = dashes >= 0 ? body.slice(0, dashes) : body;
  const reason = dashes >= 0 ? body.slice(dashes + 2).trim() : "";
  const words = head.split(/[\s,]+/).filter(Boolean);
  const untilAt = words.indexOf("until");
  const codes = untilAt >= 0 ? words.slice(0, untilAt) : words;
  const faults: string[] = [];
  // A waiver must start with whitespace after the keyword (`orgspec-waiveX` is no waiver of X).
  if (codes.length === 0 || reason === "" || (body !== "" && !/^\s/.test(body))) faults.push(NEEDS);
  const unknown = codes.filter((code) => !knownCode(code));
  if (unknown.length > 0) faults.push(`this waiver names no known rule: ${unknown.join(", ")}`);
  let until: Day | null = null;
  if (untilAt >= 0) {
    const [date, ...extra] = words.slice(untilAt + 1);
    if (date === undefined) faults.push("`until` needs a date (YYYY-MM-DD)");
    else {
      until = parseDay(date);
      if (until === null) faults.push(`\`${date}\` is not a calendar date (YYYY-MM-DD)`);
    }
    if (extra.length > 0) faults.push(`unexpected \`${extra.join(" ")}\` after the date: the reason goes after \`--\``);
  }
  return { codes, until, reason, faults };
}

/** Parses the waivers of a file; malformed ones become diagnostics, one per fault. */
export function fileWaivers(file: SourceFile, problems: Diagnostic[]): Waiver[] {
  const waivers: Waiver[] = [];
  for (const comment of file.ast.comments) {
    const match = WAIVER.exec(comment.text);
    if (!match) continue;
    const { codes, until, reason, faults } = parseWaiver(match[1] ?? "");
    for (const fault of faults) problems.push(languageDiagnostic("waiver", file.path, comment.span, fault));
    if (faults.length > 0) continue;
    waivers.push({ file: file.path, span: comment.span, codes, until, reason, line: governedLine(file, comment) });
  }
  return waivers;
}

/**
 * A comment after code governs its own line; a block comment before code
 * (`/* orgspec-waive ... *\/ cell tiny ...`) the line that code is on; a
 * comment alone on its line(s) governs the next one.
 */
function governedLine(file: SourceFile, comment: Comment): number {
  const start = file.lines.position(comment.span.start);
  const end = file.lines.position(comment.span.end);
  if (file.lines.lineText(start.line).slice(0, start.column - 1).trim() !== "") return start.line;
  if (file.lines.lineText(end.line).slice(end.column - 1).trim() !== "") return end.line;
  return end.line + 1;
}

/** Whether a waiver names a diagnostic's rule, by code in any case or by name. */
function waives(waiver: Waiver, diagnostic: Diagnostic): boolean {
  return waiver.codes.some((code) => catalogueEntry(code)?.code === diagnostic.code);
}

export function applyWaivers(
  model: Model,
  diagnostics: readonly Diagnostic[],
  today: Day,
): { diagnostics: Diagnostic[]; waived: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const byFileLine = new Map<string, Waiver[]>();
  const used = new Set<Waiver>();
  const files = new Map(model.files.map((file) => [file.path, file]));
  for (const file of model.files) {
    for (const waiver of fileWaivers(file, problems)) {
      if (waiver.until !== null && waiver.until < today) {
        problems.push(
          languageDiagnostic("waiver", waiver.file, waiver.span, `this waiver expired on ${formatDay(waiver.until)}; the diagnostics it waived are reported again`),
        );
        continue;
      }
      const key = `${waiver.file}\0${waiver.line}`;
      byFileLine.set(key, [...(byFileLine.get(key) ?? []), waiver]);
    }
  }
  const kept: Diagnostic[] = [];
  const waived: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const file = files.get(diagnostic.file);
    const line = file?.lines.position(diagnostic.span.start).line;
    const waiver = byFileLine
      .get(`${diagnostic.file}\0${line}`)
      ?.find((candidate) => waives(candidate, diagnostic));
    if (waiver && diagnostic.code !== LANGUAGE_CODES.waiver.code) {
      used.add(waiver);
      const until = waiver.until === null ? null : formatDay(waiver.until);
      waived.push({ ...diagnostic, waivedBy: { file: waiver.file, span: waiver.span, reason: waiver.reason, until } });
    } else kept.push(diagnostic);
  }
  for (const waivers of byFileLine.values()) {
    for (const waiver of waivers) {
      if (used.has(waiver)) continue;
      const file = model.files.find((candidate) => candidate.path === waiver.file);
      problems.push({
        ...languageDiagnostic("waiver", waiver.file, waiver.span, `this waiver of ${waiver.codes.join(", ")} suppresses nothing on line ${waiver.line}`),
        tags: ["unnecessary"],
        data: { codes: waiver.codes, line: waiver.line },
        // Removing a comment that suppresses nothing changes no finding: safe.
        ...(file ? { fixes: [{ title: "Remove the unused waiver", safety: "safe" as const, edits: [removeComment(file, waiver)] }] } : {}),
      });
    }
  }
  return { diagnostics: [...kept, ...problems], waived };
}
