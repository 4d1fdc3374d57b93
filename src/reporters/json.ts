// The JSON reporter. Schema (version 1), documented in docs/cli.md:
// { version, tool: {name, version},
//   summary: {errors, warnings, infos, files, waived, baselined},
//   diagnostics: [DIAGNOSTIC], suppressed: [DIAGNOSTIC & {suppression}],
//   baseline: {file, gone: [{id, code, file, subject, reason}]} (with a baseline only),
//   rules: { CODE: { name, severity, category, summary, citation, docs,
//                    options: { NAME: { type, default, description } } } } }
// DIAGNOSTIC: { id, file, range: {start: {line, column}, end: {line, column}}, severity,
//   code, rule, message, subject, related: [{file, range, message}],
//   evidence: [{kind, text, file?, range?}], fixes: [{title, safety, edits: [{file, range, newText}]}] }
// `summary` counts the diagnostics, the findings the CI fails on; the
// suppressed ones (baselined, waived) are listed apart. `rules` holds the
// catalogue entry of every code reported or suppressed; option defaults as a
// configuration file writes them: 5, "3 months".
// Lines and columns are 1-based; `end` is exclusive; paths are relative to the working directory.
import { catalogueEntry } from "../check/codes.js";
import type { Diagnostic, Location } from "../diagnostics/types.js";
import { configValue } from "../check/rule-help.js";
import { countSeverities, displayPath, type SourceLookup } from "./locate.js";
import { NOTHING_SUPPRESSED, type ReportOptions } from "./outcome.js";
import { TOOL_VERSION } from "./version.js";

/** One diagnostic as the JSON report writes it (DIAGNOSTIC above). */
export function jsonFinding(diagnostic: Diagnostic, lookup: SourceLookup, cwd: string): object {
  const place = (location: Location) => ({ file: displayPath(location.file, cwd), range: lookup.range(location.file, location.span) });
  return {
    id: diagnostic.fingerprint ?? null,
    ...place(diagnostic),
    severity: diagnostic.severity,
    code: diagnostic.code,
    rule: diagnostic.name,
    message: diagnostic.message,
    subject: diagnostic.subject ?? null,
    related: diagnostic.related.map((related) => ({ ...place(related), message: related.message })),
    evidence: (diagnostic.evidence ?? []).map((step) => ({ kind: step.kind, text: step.text, ...(step.location ? place(step.location) : {}) })),
    fixes: (diagnostic.fixes ?? []).map((fix) => ({
      title: fix.title,
      safety: fix.safety,
      edits: fix.edits.map((edit) => ({ ...place(edit), newText: edit.newText })),
    })),
  };
}

export function renderJson(diagnostics: readonly Diagnostic[], lookup: SourceLookup, options: ReportOptions): string {
  const suppressed = options.suppressed ?? NOTHING_SUPPRESSED;
  const place = (location: Location) => ({ file: displayPath(location.file, options.cwd), range: lookup.range(location.file, location.span) });
  const finding = (diagnostic: Diagnostic) => jsonFinding(diagnostic, lookup, options.cwd);
  const suppressedFindings = [
    ...suppressed.baselined.map(({ diagnostic, entry }) => ({
      ...finding(diagnostic),
      suppression: { kind: "baseline", reason: entry.reason, file: displayPath(suppressed.baselineFile ?? "", options.cwd) },
    })),
    ...suppressed.waived.map((diagnostic) => ({
      ...finding(diagnostic),
      suppression: diagnostic.waivedBy
        ? { kind: "waiver", reason: diagnostic.waivedBy.reason, until: diagnostic.waivedBy.until, ...place(diagnostic.waivedBy) }
        : { kind: "waiver", reason: "", until: null },
    })),
  ];
  const rules: Record<string, object> = {};
  for (const diagnostic of [...diagnostics, ...suppressed.baselined.map(({ diagnostic }) => diagnostic), ...suppressed.waived]) {
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
    summary: { ...countSeverities(diagnostics), files: options.checkedFiles, waived: options.waived, baselined: suppressed.baselined.length },
    diagnostics: diagnostics.map(finding),
    suppressed: suppressedFindings,
    ...(suppressed.baselineFile !== null
      ? { baseline: { file: displayPath(suppressed.baselineFile, options.cwd), gone: suppressed.gone.map((entry) => ({ ...entry })) } }
      : {}),
    rules,
  };
  return JSON.stringify(report, null, 2) + "\n";
}
