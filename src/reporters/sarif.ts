// SARIF 2.1.0 for code scanning: every catalogue entry as a rule with its
// docs, results with a physical location relative to the working directory
// (through the %SRCROOT% base).
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { CATALOGUE, docsUrl } from "../check/codes.js";
import { ruleHelpMarkdown } from "../check/rule-help.js";
import type { Diagnostic, EvidenceStep, Severity } from "../diagnostics/types.js";
import { NOTHING_SUPPRESSED, type ReportOptions } from "./outcome.js";
import { displayPath, type SourceLookup } from "./locate.js";
import { TOOL_VERSION } from "./version.js";

const LEVELS: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/**
 * A file relative to the working directory as a URI reference against
 * %SRCROOT%, each segment percent-encoded (`encodeURI` would leave `#` and `?`
 * in a file name to start a fragment or a query); a file with no relative path
 * (another drive) as an absolute `file:` URI.
 */
function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(path, cwd);
  if (isAbsolute(shown)) return { uri: pathToFileURL(path).href };
  return { uri: shown.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

/** The key of orgspec's own fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = "orgspecFingerprint/v1";

export function renderSarif(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: Pick<ReportOptions, "cwd" | "suppressed">): string {
  const suppressed = options.suppressed ?? NOTHING_SUPPRESSED;
  const ruleIndex = new Map(CATALOGUE.map((entry, index) => [entry.code, index]));
  const region = (path: string, span: Diagnostic["span"]) => {
    const range = lookup.range(path, span);
    return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
  };
  const location = (path: string, span: Diagnostic["span"]) => ({
    physicalLocation: {
      artifactLocation: artifactLocation(path, options.cwd),
      region: region(path, span),
    },
  });
  const withBaseline = suppressed.baselineFile !== null;
  const baselineShown = withBaseline ? displayPath(suppressed.baselineFile!, options.cwd) : "";
  const result = (diagnostic: Diagnostic, extra: object) => ({
    ruleId: diagnostic.code,
    ruleIndex: ruleIndex.get(diagnostic.code) ?? -1,
    level: LEVELS[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [location(diagnostic.file, diagnostic.span)],
    // Code scanning matches an alert across runs by these, not by its line: a
    // given primaryLocationLineHash is used as is (upload-sarif computes one
    // from the line's text only when it is missing).
    ...(diagnostic.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: diagnostic.fingerprint, primaryLocationLineHash: diagnostic.fingerprint } } : {}),
    ...(diagnostic.related.length > 0
      ? {
          relatedLocations: diagnostic.related.map((related, index) => ({
            id: index,
            ...location(related.file, related.span),
            message: { text: related.message },
          })),
        }
      : {}),
    ...(diagnostic.evidence && diagnostic.evidence.length > 0 ? { codeFlows: [evidenceFlow(diagnostic.evidence, location)] } : {}),
    ...extra,
  });
  const results = [
    ...diagnostics.map((diagnostic) => result(diagnostic, withBaseline ? { baselineState: "new" } : {})),
    ...suppressed.baselined.map(({ diagnostic, entry }) =>
      result(diagnostic, {
        baselineState: "unchanged",
        suppressions: [
          {
            kind: "external",
            status: "accepted",
            justification: entry.reason || `recorded in ${baselineShown}`,
            properties: { baseline: baselineShown },
          },
        ],
      }),
    ),
    ...suppressed.waived.map((diagnostic) => {
      const waiver = diagnostic.waivedBy;
      return result(diagnostic, {
        ...(withBaseline ? { baselineState: "new" } : {}),
        suppressions: [
          {
            kind: "inSource",
            status: "accepted",
            ...(waiver ? { justification: waiver.reason, location: location(waiver.file, waiver.span), properties: { until: waiver.until } } : {}),
          },
        ],
      });
    }),
  ];
  const notifications = suppressed.gone.map((entry) => ({
    level: "note",
    message: { text: `baselined ${entry.code} ${entry.subject} in ${entry.file} no longer occurs; \`orgspec baseline prune\` removes it` },
    descriptor: { id: "baseline-entry-gone" },
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "orgspec",
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            rules: CATALOGUE.map((entry) => ({
              id: entry.code,
              name: entry.name,
              shortDescription: { text: entry.summary },
              fullDescription: { text: entry.docs.description },
              help: { text: ruleHelpMarkdown(entry), markdown: ruleHelpMarkdown(entry) },
              helpUri: docsUrl(entry),
              defaultConfiguration: { level: LEVELS[entry.severity] },
              properties: { category: entry.category, ...(entry.citation ? { citation: entry.citation } : {}) },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(options.cwd.endsWith("/") ? options.cwd : options.cwd + "/").href } },
        ...(notifications.length > 0 ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {}),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

/**
 * A finding's evidence as one thread flow: each step in order, a record read
 * at its place, a computed value or the bylaw as a message alone, its kind
 * in `kinds`.
 */
function evidenceFlow(evidence: readonly EvidenceStep[], location: (path: string, span: Diagnostic["span"]) => object): object {
  return {
    message: { text: "the records read and the values computed, ending with the bylaw" },
    threadFlows: [
      {
        locations: evidence.map((step, index) => ({
          location: { ...(step.location ? location(step.location.file, step.location.span) : {}), message: { text: step.text } },
          kinds: [step.kind],
          executionOrder: index + 1,
        })),
      },
    ],
  };
}
