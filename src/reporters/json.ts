// The JSON reporter. Schema (version 1), documented in docs/cli.md:
// { version, tool: {name, version}, summary: {errors, warnings, infos, files, waived},
//   diagnostics: [{ file, range: {start: {line, column}, end: {line, column}}, severity,
//                   code, rule, message, related: [{file, range, message}] }],
//   rules: { CODE: { name, severity, category, summary, citation, docs,
//                    options: { NAME: { type, default, description } } } } }
// (`rules` holds the catalogue entry of every code reported; option defaults as
// a configuration file writes them: 5, "3 months").
// Lines and columns are 1-based; `end` is exclusive; paths are relative to the working directory.
import { catalogueEntry } from "../check/codes.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { configValue, countSeverities, displayPath, type SourceLookup } from "./locate.js";
import { TOOL_VERSION } from "./version.js";

export function renderJson(
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
  options: { cwd: string; checkedFiles: number; waived: number },
): string {
  const rules: Record<string, object> = {};
  for (const diagnostic of diagnostics) {
    const entry = catalogueEntry(diagnostic.code);
    if (!entry || rules[entry.code]) continue;
    rules[entry.code] = {
      name: entry.name,
      severity: entry.severity,
      category: entry.category,
      summary: entry.summary,
      citation: entry.citation,
      docs: entry.docs,
      // Defaults as a configuration file writes them (`"3 months"`, not a {count, unit} object).
      options: Object.fromEntries(
        Object.entries(entry.options).map(([name, spec]) => [name, { type: spec.type, default: configValue(spec), description: spec.description }]),
      ),
    };
  }
  const report = {
    version: 1,
    tool: { name: "orgspec", version: TOOL_VERSION },
    summary: { ...countSeverities(diagnostics), files: options.checkedFiles, waived: options.waived },
    diagnostics: diagnostics.map((diagnostic) => ({
      file: displayPath(diagnostic.file, options.cwd),
      range: lookup.range(diagnostic.file, diagnostic.span),
      severity: diagnostic.severity,
      code: diagnostic.code,
      rule: diagnostic.name,
      message: diagnostic.message,
      related: diagnostic.related.map((related) => ({
        file: displayPath(related.file, options.cwd),
        range: lookup.range(related.file, related.span),
        message: related.message,
      })),
    })),
    rules,
  };
  return JSON.stringify(report, null, 2) + "\n";
}
