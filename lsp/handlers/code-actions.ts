// Quick fixes: replace an unresolved name (ORG002) with each of the closest
// declared names; add a missing `deputy` line (ORG110) or `critique weekly`
// (ORG206); and, for any diagnostic, a waiver comment above its line.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from "vscode-languageserver";
import { closestNames, formatDay, type SourceFile, type UnitDecl, type UnitItem } from "../api.js";
import { toOffset, toPosition, uriToPath } from "../positions.js";
import type { Workspace } from "../workspace.js";

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
  const edit = (diagnostic: LspDiagnostic, title: string, edits: TextEdit[], preferred = false): CodeAction => {
    const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: edits } } };
    if (preferred) action.isPreferred = true;
    return action;
  };
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== "orgspec") continue;
    const code = String(diagnostic.code ?? "");
    if (code === "ORG002") {
      const start = toOffset(file, diagnostic.range.start);
      const name = file.text.slice(start, toOffset(file, diagnostic.range.end));
      suggestions(workspace, path, name, messageText(diagnostic)).forEach((candidate, index) => {
        actions.push(edit(diagnostic, `Replace with \`${candidate}\``, [{ range: diagnostic.range, newText: candidate }], index === 0));
      });
    } else if (code === "ORG110" && /\bno deputy\b/i.test(messageText(diagnostic))) {
      const unit = unitAt(file, toOffset(file, diagnostic.range.start));
      if (unit && !unit.items.some((item) => item.type === "deputy")) {
        const after = unit.items.find((item) => item.type === "secretary") ?? null;
        actions.push(edit(diagnostic, "Add a `deputy` line", [insertLine(file, unit, after, "deputy ")], true));
      }
    } else if (code === "ORG206") {
      const unit = unitAt(file, toOffset(file, diagnostic.range.start));
      if (unit && unit.unitKind === "cell" && !unit.items.some((item) => item.type === "critique")) {
        const properties = unit.items.filter((item) => ["under", "setting", "covers", "established"].includes(item.type));
        actions.push(edit(diagnostic, "Add `critique weekly`", [insertLine(file, unit, properties.at(-1) ?? null, "critique weekly")], true));
      }
    }
    if (code !== "" && code !== "ORG010") actions.push(waiverAction(workspace, file, diagnostic, code, uri));
  }
  return actions;
}

function messageText(diagnostic: LspDiagnostic): string {
  return typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
}

function suggestions(workspace: Workspace, path: string, name: string, message: string): string[] {
  const fromMessage = /did you mean (.*)\?/.exec(message)?.[1]?.match(/`([^`]+)`/g)?.map((quoted) => quoted.slice(1, -1)) ?? [];
  if (fromMessage.length > 0) return fromMessage;
  const model = workspace.programFor(path)?.model;
  return model ? closestNames(name, model.symbols.keys()) : [];
}

/** The unit declaration in `file` whose text contains `offset`. */
function unitAt(file: SourceFile, offset: number): UnitDecl | undefined {
  for (const statement of file.ast.statements) {
    if (statement.type === "unit" && statement.span.start <= offset && offset <= statement.span.end) return statement;
  }
  return undefined;
}

function indentOf(file: SourceFile, offset: number): string {
  const line = file.lines.position(offset).line;
  return /^[ \t]*/.exec(file.lines.lineText(line))![0];
}

/** A new line in a unit's body: after `after`, or first in the body. */
function insertLine(file: SourceFile, unit: UnitDecl, after: UnitItem | null, text: string): TextEdit {
  const first = unit.items[0];
  const indent = first ? indentOf(file, first.span.start) : indentOf(file, unit.span.start) + "  ";
  if (after) {
    const at = toPosition(file, after.span.end);
    const line = file.lines.lineText(at.line + 1);
    const end = { line: at.line, character: line.length };
    return { range: { start: end, end }, newText: `\n${indent}${text}` };
  }
  const brace = file.text.indexOf("{", unit.id.span.end);
  const at = toPosition(file, brace + 1);
  return { range: { start: at, end: at }, newText: `\n${indent}${text}` };
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
