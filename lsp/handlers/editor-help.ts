// Editor help beside the text: document links on import paths, inlay hints
// where the model computes a value (a unit's size after its header, the end
// of a candidate's probation after `since`), and a code lens on each unit
// with the count of its diagnostics. Each reads the model or the rules; none
// decides anything itself.
import {
  InlayHintKind,
  type CodeLens,
  type CodeLensParams,
  type DocumentLink,
  type DocumentLinkParams,
  type InlayHint,
  type InlayHintParams,
} from "vscode-languageserver";
import { formatDay, importTarget, ruleObligations, RULES_BY_CODE, type Diagnostic, type Span, type Unit } from "../api.js";
import { toPosition, toRange, uriToPath } from "../positions.js";
import type { Workspace } from "../workspace.js";

/** `import "committees.org"`: the path (quotes included) links to the file it names. */
export function documentLinks(workspace: Workspace, params: DocumentLinkParams): DocumentLink[] {
  const path = uriToPath(params.textDocument.uri);
  const file = workspace.cache.get(path);
  if ("error" in file) return [];
  return file.ast.statements.flatMap((statement) =>
    statement.type === "import" && statement.path.value !== ""
      ? [{ range: toRange(file, statement.path.span), target: workspace.uriOf(importTarget(path, statement)), tooltip: `Open ${statement.path.value}` }]
      : [],
  );
}

/** The probation rule, whose deadlines say when a probation ends. */
const PROBATION_RULE = RULES_BY_CODE.get("ORG305");

/** A unit's size after its header, and when each candidate's probation ends after their `since` date, within the range asked for. */
export function inlayHints(workspace: Workspace, params: InlayHintParams): InlayHint[] {
  const path = uriToPath(params.textDocument.uri);
  const program = workspace.programFor(path);
  const file = workspace.sourceFile(path);
  if (!program || !file) return [];
  const { model } = program;
  const hints: InlayHint[] = [];
  const visible = (span: Span) => {
    const start = toPosition(file, span.start);
    return start.line >= params.range.start.line && start.line <= params.range.end.line;
  };
  for (const unit of model.units) {
    if (unit.file !== path || !visible(unit.decl.span)) continue;
    const header = unit.decl.title ?? unit.decl.id;
    hints.push({
      position: toPosition(file, header.span.end),
      label: `size ${unit.size}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: "distinct members and candidates in its roster and in every unit under it",
    });
  }
  if (PROBATION_RULE) {
    const ends = new Map<string, number>();
    const rulebook = workspace.rulebookFor(model.entry);
    for (const owed of ruleObligations(model, rulebook, [PROBATION_RULE])) {
      if (owed.kind === "deadline") ends.set(owed.person.id, owed.due);
    }
    for (const unit of model.units) {
      if (unit.file !== path) continue;
      for (const membership of unit.roster) {
        const due = ends.get(membership.person.id);
        const entry = membership.entry;
        if (membership.status !== "candidate" || due === undefined || !visible(entry.span)) continue;
        hints.push({
          position: toPosition(file, entry.date.span.end),
          label: `probation ends ${formatDay(due)}`,
          kind: InlayHintKind.Parameter,
          paddingLeft: true,
          tooltip: `${PROBATION_RULE.code} ${PROBATION_RULE.name}: the cell decides by this day`,
        });
      }
    }
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

/** Above each unit of the file: how many diagnostics are about it (in its text, or a finding whose subject is the unit). */
export function codeLenses(workspace: Workspace, params: CodeLensParams): CodeLens[] {
  const path = uriToPath(params.textDocument.uri);
  const diagnostics = workspace.diagnosticsOf(path);
  const program = workspace.programFor(path);
  const file = workspace.sourceFile(path);
  if (!program || !file) return [];
  return program.model.units
    .filter((unit) => unit.file === path)
    .map((unit) => ({
      range: toRange(file, unit.decl.id.span),
      command: { title: lensTitle(diagnostics.filter((diagnostic) => isAbout(diagnostic, unit))), command: "workbench.actions.view.problems" },
    }));
}

function isAbout(diagnostic: Diagnostic, unit: Unit): boolean {
  const inside = diagnostic.span.start >= unit.decl.span.start && diagnostic.span.end <= unit.decl.span.end;
  const subject = diagnostic.subject;
  return inside || (subject !== undefined && (subject === `unit:${unit.id}` || subject.startsWith(`unit:${unit.id}/`)));
}

/** "2 errors, 1 warning", "no problems" */
export function lensTitle(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.severity, (counts.get(diagnostic.severity) ?? 0) + 1);
  const parts = (["error", "warning", "info"] as const).flatMap((severity) => {
    const count = counts.get(severity) ?? 0;
    return count === 0 ? [] : [`${count} ${severity === "info" ? "note" : severity}${count === 1 ? "" : "s"}`];
  });
  return parts.length === 0 ? "no problems" : parts.join(", ");
}


