// orgspec diagnostics as protocol diagnostics: code with a link to its docs,
// related locations, and tags (a waiver that suppresses nothing is
// "unnecessary" and shows faded).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type TextEdit } from "vscode-languageserver";
import { catalogueEntry, docsUrl, type Diagnostic, type DiagnosticData as OrgData, type DiagnosticTag as OrgTag, type Fix, type Severity, type SourceFile } from "../api.js";
import { pathToUri, toRange } from "../positions.js";

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const TAGS: Record<OrgTag, DiagnosticTag> = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated };

/** A rule's fix as the protocol carries it: its edits as ranges of documents. */
export interface LspFix {
  readonly title: string;
  readonly safety: "safe" | "unsafe";
  readonly changes: Record<string, TextEdit[]>;
}

/** The data a published diagnostic carries, for code actions: the rule's name, its data and its fixes. */
export interface DiagnosticData {
  readonly name: string;
  readonly values?: OrgData;
  readonly fixes?: readonly LspFix[];
}

export function toLspDiagnostic(diagnostic: Diagnostic, fileOf: (path: string) => SourceFile | undefined): LspDiagnostic | null {
  const file = fileOf(diagnostic.file);
  if (!file) return null;
  const entry = catalogueEntry(diagnostic.code);
  const related: DiagnosticRelatedInformation[] = [];
  for (const location of diagnostic.related) {
    const target = fileOf(location.file);
    if (!target) continue;
    related.push({ location: { uri: pathToUri(location.file), range: toRange(target, location.span) }, message: location.message });
  }
  // The evidence, step by step: a record read at its place, a computed value or the bylaw at the finding's own.
  (diagnostic.evidence ?? []).forEach((step, index) => {
    const at = step.location && fileOf(step.location.file) ? step.location : { file: diagnostic.file, span: diagnostic.span };
    related.push({ location: { uri: pathToUri(at.file), range: toRange(fileOf(at.file) ?? file, at.span) }, message: `evidence ${index + 1}: ${step.text}` });
  });
  const result: LspDiagnostic = {
    range: toRange(file, diagnostic.span),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: "orgspec",
    message: diagnostic.message,
    data: {
      name: diagnostic.name,
      ...(diagnostic.data ? { values: diagnostic.data } : {}),
      ...(diagnostic.fixes ? { fixes: diagnostic.fixes.flatMap((fix) => lspFix(fix, fileOf)) } : {}),
    } satisfies DiagnosticData,
  };
  if (entry) result.codeDescription = { href: docsUrl(entry) };
  if (related.length > 0) result.relatedInformation = related;
  const tags = (diagnostic.tags ?? []).map((tag) => TAGS[tag]);
  if (tags.length > 0) result.tags = tags;
  return result;
}

/** What suppresses a finding in the CLI's report: a waiver comment (the diagnostic's `waivedBy`), or the baseline file. */
export type Suppression = { readonly by: "waiver" } | { readonly by: "baseline"; readonly file: string; readonly reason: string };

/**
 * A finding a waiver or the baseline suppresses, as a hint: shown (faded, in
 * no problem count), never hidden, its message saying what suppresses it and
 * why, with the waiver comment among its related places.
 */
export function toLspSuppressedDiagnostic(diagnostic: Diagnostic, suppression: Suppression, fileOf: (path: string) => SourceFile | undefined): LspDiagnostic | null {
  const shown = toLspDiagnostic(diagnostic, fileOf);
  if (!shown) return null;
  const waiver = diagnostic.waivedBy;
  const why =
    suppression.by === "baseline"
      ? `baselined${suppression.reason ? `: ${suppression.reason}` : ""}`
      : `waived${waiver?.until ? ` until ${waiver.until}` : ""}${waiver?.reason ? `: ${waiver.reason}` : ""}`;
  const related = [...(shown.relatedInformation ?? [])];
  const waiverFile = waiver ? fileOf(waiver.file) : undefined;
  if (suppression.by === "waiver" && waiver && waiverFile) related.unshift({ location: { uri: pathToUri(waiver.file), range: toRange(waiverFile, waiver.span) }, message: "the waiver" });
  return { ...shown, severity: DiagnosticSeverity.Hint, message: `${diagnostic.message} (${why})`, ...(related.length > 0 ? { relatedInformation: related } : {}) };
}

/** A fix with each edit's span as a range of its document; none when a file it edits is not loaded. */
function lspFix(fix: Fix, fileOf: (path: string) => SourceFile | undefined): LspFix[] {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    const target = fileOf(edit.file);
    if (!target) return [];
    (changes[pathToUri(edit.file)] ??= []).push({ range: toRange(target, edit.span), newText: edit.newText });
  }
  return [{ title: fix.title, safety: fix.safety, changes }];
}

/** A file's findings as published: at most `max`, then one more saying how many were left out. */
export function toPublishedDiagnostics(findings: readonly { readonly diagnostic: Diagnostic; readonly suppression?: Suppression }[], max: number, fileOf: (path: string) => SourceFile | undefined): LspDiagnostic[] {
  const shown = findings.length > max ? findings.slice(0, max) : findings;
  const converted = shown.flatMap(({ diagnostic, suppression }) =>
    (suppression ? toLspSuppressedDiagnostic(diagnostic, suppression, fileOf) : toLspDiagnostic(diagnostic, fileOf)) ?? [],
  );
  if (shown.length < findings.length) {
    const last = converted.at(-1);
    const end = last?.range.end ?? { line: 0, character: 0 };
    converted.push({
      range: { start: end, end },
      severity: DiagnosticSeverity.Information,
      source: "orgspec",
      message: `${findings.length - shown.length} more diagnostics in this file are not shown`,
    });
  }
  return converted;
}

/**
 * What a document shows when its file is open under another path too (a
 * link) with other text: programs read the text open there, so the
 * diagnostics are there, and these ranges would not fit this text.
 */
export function alsoOpenNote(knownUri: string): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: "orgspec",
    message: `this file is also open as ${knownUri}, with other text; orgspec checks the text open there and shows its diagnostics there`,
  };
}
