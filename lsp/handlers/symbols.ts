// Document symbols (units with their rosters and elected bodies nested,
// residences, people, events), workspace symbols, and folding ranges.
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
  type Range,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from "vscode-languageserver";
import { orgFilesUnder, type SourceFile, type Span, type TopStatement, type UnitDecl } from "../api.js";
import { KIND_WORDS } from "../describe.js";
import { statementText } from "../outline.js";
import { toPosition, toRange, uriToPath } from "../positions.js";
import type { Workspace } from "../workspace.js";

function symbol(file: SourceFile, name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const result: DocumentSymbol = { name: name || "(unnamed)", kind, range: toRange(file, span), selectionRange: toRange(file, selection) };
  if (detail) result.detail = detail;
  if (children && children.length > 0) result.children = children;
  return result;
}

function unitSymbol(file: SourceFile, decl: UnitDecl): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  for (const item of decl.items) {
    if (item.type === "roster") {
      const detail = `${item.status} ${item.personName?.raw ?? ""} ${item.status === "member" ? "joined" : "since"} ${item.date.text}`.replace(/\s+/g, " ");
      children.push(symbol(file, item.id.name, SymbolKind.Variable, item.span, item.id.span, detail));
    } else if (item.type === "body") {
      const members = item.members.map((member) => symbol(file, member.name, SymbolKind.Variable, member.span, member.span));
      children.push(symbol(file, item.bodyKind, SymbolKind.Object, item.span, item.keywordSpan, `${item.members.length} members`, members));
    }
  }
  const kind = decl.unitKind === "committee" ? SymbolKind.Namespace : SymbolKind.Class;
  const detail = `${KIND_WORDS[decl.unitKind]}${decl.title ? ` ${decl.title.raw}` : ""}`;
  return symbol(file, decl.id.name, kind, decl.span, decl.id.span, detail, children);
}

function statementSymbol(file: SourceFile, statement: TopStatement): DocumentSymbol {
  switch (statement.type) {
    case "import":
      return symbol(file, statement.path.value, SymbolKind.File, statement.span, statement.path.span, "import");
    case "period":
      return symbol(file, `period ${statement.from.text} to ${statement.to.text}`, SymbolKind.Constant, statement.span, statement.span);
    case "unit":
      return unitSymbol(file, statement);
    case "residence":
      return symbol(file, statement.id.name, SymbolKind.Struct, statement.span, statement.id.span, `residence${statement.title ? ` ${statement.title.raw}` : ""}`);
    case "person":
      return symbol(file, statement.id.name, SymbolKind.Variable, statement.span, statement.id.span, `person${statement.personName ? ` ${statement.personName.raw}` : ""}`);
    case "event":
    case "series":
      return symbol(file, statementText(statement), SymbolKind.Event, statement.span, statement.span);
  }
}

/** A statement's outline entry, with the statement's text and where it started when the entry was made. */
interface Outlined {
  readonly text: string;
  readonly line: number;
  readonly character: number;
  readonly symbol: DocumentSymbol;
}

/**
 * Outline entries by statement node. A re-parse keeps the nodes of the
 * statements an edit did not touch, and of those whose edit was in a comment
 * or white space (src/program/kept-nodes.ts): a node with the same text has
 * the same entry while it starts at the same line and column, and the same
 * moved by whole lines when only its line changed, so after an edit only the
 * edited statements are outlined again (VS Code asks for the outline after
 * every edit, for breadcrumbs and sticky scroll).
 */
const outlined = new WeakMap<TopStatement, Outlined>();

function outlineOf(file: SourceFile, statement: TopStatement): DocumentSymbol {
  const { line, character } = toPosition(file, statement.span.start);
  const text = file.text.slice(statement.span.start, statement.span.end);
  const known = outlined.get(statement);
  const same = known !== undefined && known.text === text && known.character === character;
  if (same && known.line === line) return known.symbol;
  const symbol = same ? movedByLines(known.symbol, line - known.line) : statementSymbol(file, statement);
  outlined.set(statement, { text, line, character, symbol });
  return symbol;
}

function movedByLines(symbol: DocumentSymbol, lines: number): DocumentSymbol {
  const move = (range: Range): Range => ({
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  });
  const moved: DocumentSymbol = { ...symbol, range: move(symbol.range), selectionRange: move(symbol.selectionRange) };
  if (symbol.children) moved.children = symbol.children.map((child) => movedByLines(child, lines));
  return moved;
}

/** The outline of the file's current text: its parse is enough, so the request never waits for a check. */
export function documentSymbols(workspace: Workspace, params: DocumentSymbolParams): DocumentSymbol[] {
  const file = workspace.parsedFile(uriToPath(params.textDocument.uri));
  if (!file) return [];
  return file.ast.statements.map((statement) => outlineOf(file, statement));
}

const MAX_WORKSPACE_FILES = 5000;
const MAX_RESULTS = 1000;

/** Fuzzy match: the query's characters in order, ignoring case. */
function matches(query: string, text: string): boolean {
  let at = 0;
  const lower = text.toLowerCase();
  for (const char of query.toLowerCase()) {
    at = lower.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Units, residences and people declared in the open programs and in the .org files under the workspace folders. */
export function workspaceSymbols(workspace: Workspace, params: WorkspaceSymbolParams, roots: readonly string[]): SymbolInformation[] {
  const paths = new Set<string>();
  for (const program of workspace.programs()) for (const file of program.model.files) paths.add(file.path);
  for (const root of roots) {
    try {
      for (const path of orgFilesUnder(root, workspace.cache.host)) {
        if (paths.size >= MAX_WORKSPACE_FILES) break;
        paths.add(path);
      }
    } catch {
      // an unreadable folder has no symbols
    }
  }
  const found: SymbolInformation[] = [];
  const add = (file: SourceFile, name: string, kind: SymbolKind, span: Span, container: string | undefined, title: string | undefined) => {
    if (found.length >= MAX_RESULTS) return;
    if (!matches(params.query, name) && !(title && matches(params.query, title))) return;
    const info: SymbolInformation = { name, kind, location: { uri: workspace.uriOf(file.path), range: toRange(file, span) } };
    if (container) info.containerName = container;
    found.push(info);
  };
  for (const path of [...paths].sort()) {
    const file = workspace.sourceFile(path);
    if (!file) continue;
    for (const statement of file.ast.statements) {
      if (statement.type === "unit") {
        add(file, statement.id.name, statement.unitKind === "committee" ? SymbolKind.Namespace : SymbolKind.Class, statement.id.span, undefined, statement.title?.value);
        for (const item of statement.items) {
          if (item.type === "roster") add(file, item.id.name, SymbolKind.Variable, item.id.span, statement.id.name, item.personName?.value);
        }
      } else if (statement.type === "residence") add(file, statement.id.name, SymbolKind.Struct, statement.id.span, undefined, statement.title?.value);
      else if (statement.type === "person") add(file, statement.id.name, SymbolKind.Variable, statement.id.span, undefined, statement.personName?.value);
    }
  }
  return found;
}

export function foldingRanges(workspace: Workspace, params: FoldingRangeParams): FoldingRange[] {
  const file = workspace.parsedFile(uriToPath(params.textDocument.uri));
  if (!file) return [];
  const ranges: FoldingRange[] = [];
  const line = (offset: number) => file.lines.position(offset).line - 1;
  const block = (span: Span, kind?: FoldingRangeKind) => {
    const start = line(span.start);
    const end = line(span.end);
    const closing = file.text[span.end - 1] === "}" ? end - 1 : end;
    if (closing > start) ranges.push(kind ? { startLine: start, endLine: closing, kind } : { startLine: start, endLine: closing });
  };
  let importRun: { start: number; end: number } | null = null;
  const flushImports = () => {
    if (importRun && importRun.end > importRun.start) ranges.push({ startLine: importRun.start, endLine: importRun.end, kind: FoldingRangeKind.Imports });
    importRun = null;
  };
  for (const statement of file.ast.statements) {
    if (statement.type === "import") {
      const at = line(statement.span.start);
      if (importRun && at <= importRun.end + 1) importRun.end = at;
      else {
        flushImports();
        importRun = { start: at, end: at };
      }
      continue;
    }
    flushImports();
    block(statement.span);
    if (statement.type === "unit") for (const item of statement.items) if (item.type === "body") block(item.span);
  }
  flushImports();
  let run: { start: number; end: number } | null = null;
  const flushComments = () => {
    if (run && run.end > run.start) ranges.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = null;
  };
  for (const comment of file.ast.comments) {
    const start = line(comment.span.start);
    const alone = file.lines.lineText(start + 1).trimStart().startsWith(comment.text.slice(0, 2));
    if (comment.kind === "block") {
      flushComments();
      if (line(comment.span.end) > start) ranges.push({ startLine: start, endLine: line(comment.span.end), kind: FoldingRangeKind.Comment });
      continue;
    }
    if (!alone) continue;
    if (run && start === run.end + 1) run.end = start;
    else {
      flushComments();
      run = { start, end: start };
    }
  }
  flushComments();
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
