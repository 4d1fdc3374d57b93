// Quick fixes: the fixes the reporting rule declared (carried in each
// published diagnostic's data: replace an unresolved name, name a missing
// deputy, add a critique cadence, remove an unused waiver), and, for any
// diagnostic, a waiver comment above its line.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { formatDay, LANGUAGE_CODES, type SourceFile } from "../api.js";
import { uriToPath } from "../positions.js";
import type { Workspace } from "../workspace.js";
import type { DiagnosticData } from "./diagnostics.js";

/** How long a waiver added by the quick fix lasts, from today. */
export const WAIVER_DAYS = 90;

export function codeActions(workspace: Workspace, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty)) return [];
  const path = uriToPath(params.textDocument.uri);
  const file = workspace.sourceFile(path);
  if (!file) return [];
  const actions: CodeAction[] = [];
  const uri = params.textDocument.uri;
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== "orgspec") continue;
    const code = String(diagnostic.code ?? "");
    const fixes = (diagnostic.data as DiagnosticData | undefined)?.fixes ?? [];
    fixes.forEach((fix, index) => {
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: fix.changes } };
      // The rule's first fix is the one an editor applies on "fix this".
      if (index === 0) action.isPreferred = true;
      actions.push(action);
    });
    if (code !== "" && code !== LANGUAGE_CODES.waiver.code) actions.push(waiverAction(workspace, file, diagnostic, code, uri));
  }
  return actions;
}

function waiverAction(workspace: Workspace, file: SourceFile, diagnostic: LspDiagnostic, code: string, uri: string): CodeAction {
  const line = diagnostic.range.start.line;
  const indent = /^[ \t]*/.exec(file.lines.lineText(line + 1))![0];
  const until = formatDay(workspace.today() + WAIVER_DAYS);
  const start = { line, character: 0 };
  return {
    title: `Waive ${code} on this line until ${until}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start, end: start }, newText: `${indent}// orgspec-waive ${code} until ${until} -- TODO: reason\n` }] } },
  };
}
