// SARIF 2.1.0 for code scanning: every catalogue entry as a rule with its
// docs, results with a physical location relative to the working directory
// (through the %SRCROOT% base).
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { CATALOGUE, docsUrl, type CatalogueEntry } from "../check/codes.js";
import type { Diagnostic, Severity } from "../diagnostics/types.js";
import { configValue, displayPath, type SourceLookup } from "./locate.js";
import { TOOL_VERSION } from "./version.js";

const LEVELS: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A rule's full help in Markdown: description, citation, options, examples. */
export function ruleHelpMarkdown(entry: CatalogueEntry): string {
  const parts = [entry.docs.description];
  if (entry.citation) parts.push(`**Bylaw** (${entry.citation.section}): "${entry.citation.quote}"`);
  const options = Object.entries(entry.options);
  if (options.length > 0) {
    parts.push(
      "**Options**\n\n" +
        options
          .map(([name, spec]) => {
            const value = JSON.stringify(configValue(spec));
            return `- \`${name}\` (default ${value}): ${spec.description}`;
          })
          .join("\n"),
    );
  }
  if ("failing" in entry.docs) {
    parts.push("**Reported**\n\n```org\n" + entry.docs.failing + "\n```");
    parts.push("**Not reported**\n\n```org\n" + entry.docs.passing + "\n```");
  }
  return parts.join("\n\n");
}

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

export function renderSarif(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: { cwd: string }): string {
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
        results: diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.code,
          ruleIndex: ruleIndex.get(diagnostic.code) ?? -1,
          level: LEVELS[diagnostic.severity],
          message: { text: diagnostic.message },
          locations: [location(diagnostic.file, diagnostic.span)],
          ...(diagnostic.related.length > 0
            ? {
                relatedLocations: diagnostic.related.map((related, index) => ({
                  id: index,
                  ...location(related.file, related.span),
                  message: { text: related.message },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
