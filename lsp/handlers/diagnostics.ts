// orgspec diagnostics as protocol diagnostics: code with a link to its docs,
// related locations, and tags (a waiver that suppresses nothing is
// "unnecessary" and shows faded).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import { catalogueEntry, docsUrl, type Diagnostic, type DiagnosticTag as OrgTag, type Severity, type SourceFile } from "../api.js";
import { pathToUri, toRange } from "../positions.js";

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const TAGS: Record<OrgTag, DiagnosticTag> = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated };

/** The data a published diagnostic carries, for code actions. */
export interface DiagnosticData {
  readonly name: string;
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
  const result: LspDiagnostic = {
    range: toRange(file, diagnostic.span),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: "orgspec",
    message: diagnostic.message,
    data: { name: diagnostic.name } satisfies DiagnosticData,
  };
  if (entry) result.codeDescription = { href: docsUrl(entry) };
  if (related.length > 0) result.relatedInformation = related;
  const tags = (diagnostic.tags ?? []).map((tag) => TAGS[tag]);
  if (tags.length > 0) result.tags = tags;
  return result;
}
