// Semantic tokens: keywords, names by what they resolved to (committees,
// basic units, people, residences), value words (levels, settings,
// cadences), dates and numbers, strings and comments.
import {
  SemanticTokensBuilder,
  type SemanticTokens,
  type SemanticTokensDelta,
  type SemanticTokensDeltaParams,
  type SemanticTokensLegend,
  type SemanticTokensParams,
} from "vscode-languageserver";
import { tokenize, type QueryToken, type Reference, type SourceFile } from "../api.js";
import { uriToPath } from "../positions.js";
import { isDeclaration, referencesIn } from "../query.js";
import type { Workspace } from "../workspace.js";

export const TOKEN_TYPES = ["keyword", "namespace", "class", "variable", "struct", "enumMember", "number", "string", "comment"] as const;
export const TOKEN_MODIFIERS = ["declaration"] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const TYPE_INDEX = new Map<TokenType, number>(TOKEN_TYPES.map((type, index) => [type, index]));

const VALUE_AFTER = new Set(["level", "setting", "critique"]);
const DURATION_WORDS = /^(day|week|month|year)s?$/;

const TOKENS = new WeakMap<SourceFile, QueryToken[]>();

/** The file's tokens, lexed once per version of its text. */
export function fileTokens(file: SourceFile): QueryToken[] {
  let tokens = TOKENS.get(file);
  if (!tokens) {
    tokens = tokenize(file.text);
    TOKENS.set(file, tokens);
  }
  return tokens;
}

function nameType(reference: Reference): TokenType {
  const symbol = reference.symbol;
  if (symbol.kind === "unit") return symbol.unitKind === "committee" ? "namespace" : "class";
  return symbol.kind === "person" ? "variable" : "struct";
}

/** The builder of each document's last answer, so a delta request sends only the edits to it. */
const BUILDERS = new WeakMap<Workspace, Map<string, SemanticTokensBuilder>>();

function builders(workspace: Workspace): Map<string, SemanticTokensBuilder> {
  let map = BUILDERS.get(workspace);
  if (!map) BUILDERS.set(workspace, (map = new Map()));
  return map;
}

export function semanticTokens(workspace: Workspace, params: SemanticTokensParams): SemanticTokens {
  const path = uriToPath(params.textDocument.uri);
  const builder = new SemanticTokensBuilder();
  if (!pushTokens(workspace, path, builder)) {
    builders(workspace).delete(path);
    return { data: [] };
  }
  builders(workspace).set(path, builder);
  return builder.build();
}

/**
 * `semanticTokens/full/delta`: the edits from the answer `previousResultId`
 * names to the current tokens (all of them when that answer is not the last
 * one sent for the document).
 */
export function semanticTokensDelta(workspace: Workspace, params: SemanticTokensDeltaParams): SemanticTokens | SemanticTokensDelta {
  const path = uriToPath(params.textDocument.uri);
  const previous = builders(workspace).get(path);
  if (!previous) return semanticTokens(workspace, params);
  previous.previousResult(params.previousResultId);
  if (!pushTokens(workspace, path, previous)) {
    builders(workspace).delete(path);
    return { data: [] };
  }
  return previous.canBuildEdits() ? previous.buildEdits() : previous.build();
}

/** Pushes the file's tokens into `builder`; false when the file cannot be read. */
function pushTokens(workspace: Workspace, path: string, builder: SemanticTokensBuilder): boolean {
  const program = workspace.programFor(path);
  const file = workspace.sourceFile(path);
  if (!file) return false;
  const names = new Map<number, Reference>();
  if (program) for (const reference of referencesIn(program.model, path)) names.set(reference.span.start, reference);
  const text = file.text;
  const push = (start: number, end: number, type: TokenType, declaration = false) => {
    let single = true;
    for (let i = start; i < end && single; i++) single = text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13;
    if (single) {
      const position = file.lines.position(start);
      builder.push(position.line - 1, position.column - 1, end - start, TYPE_INDEX.get(type)!, declaration ? 1 : 0);
      return;
    }
    // Tokens may not span lines: split block comments and the like.
    let at = start;
    while (at < end) {
      const position = file.lines.position(at);
      const lineEnd = Math.min(end, file.lines.lineStart(position.line) + file.lines.lineText(position.line).length);
      if (lineEnd > at) builder.push(position.line - 1, position.column - 1, lineEnd - at, TYPE_INDEX.get(type)!, declaration ? 1 : 0);
      const next = file.lines.lineStart(position.line + 1);
      if (next <= at) break;
      at = next;
    }
  };
  let previous: QueryToken | null = null;
  // An open document's tokens are lexed once per version, for completion too.
  const current = workspace.documentTokens(path);
  const tokens = current && current.document.getText() === text ? current.tokens : fileTokens(file);
  for (const token of tokens) {
    const reference = names.get(token.start);
    if (reference && reference.span.end === token.end) push(token.start, token.end, nameType(reference), isDeclaration(reference));
    else {
      switch (token.kind) {
        case "keyword":
          push(token.start, token.end, "keyword");
          break;
        case "identifier":
          if (previous && previous.kind === "keyword" && VALUE_AFTER.has(previous.text)) push(token.start, token.end, "enumMember");
          else if (previous?.kind === "integer" && DURATION_WORDS.test(token.text)) push(token.start, token.end, "keyword");
          break;
        case "date":
        case "integer":
          push(token.start, token.end, "number");
          break;
        case "string":
          push(token.start, token.end, "string");
          break;
        case "comment":
          push(token.start, token.end, "comment");
          break;
        default:
          break;
      }
    }
    if (token.kind !== "comment") previous = token;
  }
  return true;
}
