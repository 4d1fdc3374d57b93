// Semantic tokens: keywords, names by what they resolved to (committees,
// basic units, people, residences), value words (levels, settings,
// cadences), dates and numbers, strings and comments.
//
// Encoded straight into the protocol's array (relative lines and columns,
// five numbers a token) in one walk over the document's tokens and its
// resolved names, which are classified once per model. A delta answer is the
// one edit between the common start and end of the last answer and this one;
// vscode-languageserver's SemanticTokensBuilder would do the same, but only
// for tokens pushed into it one call each, several times slower here, and its
// diff is not exported on its own.
import type {
  SemanticTokens,
  SemanticTokensDelta,
  SemanticTokensDeltaParams,
  SemanticTokensEdit,
  SemanticTokensLegend,
  SemanticTokensParams,
} from "vscode-languageserver";
import { tokenize, type Model, type NamedSymbol, type QueryToken, type SourceFile } from "../api.js";
import { uriToPath } from "../positions.js";
import { declaredAt, referencesIn } from "../query.js";
import type { Workspace } from "../workspace.js";

export const TOKEN_TYPES = ["keyword", "namespace", "class", "variable", "struct", "enumMember", "number", "string", "comment"] as const;
export const TOKEN_MODIFIERS = ["declaration"] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const typeIndex = (type: TokenType): number => TOKEN_TYPES.indexOf(type);
const KEYWORD = typeIndex("keyword");
const ENUM_MEMBER = typeIndex("enumMember");
const NUMBER = typeIndex("number");
const STRING = typeIndex("string");
const COMMENT = typeIndex("comment");
const DECLARATION = 1 << TOKEN_MODIFIERS.indexOf("declaration");

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

function nameType(symbol: NamedSymbol): TokenType {
  if (symbol.kind === "unit") return symbol.unitKind === "committee" ? "namespace" : "class";
  return symbol.kind === "person" ? "variable" : "struct";
}

/** A file's resolved names: where each starts and ends, its token type and modifiers, sorted by start. */
interface Names {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly types: readonly number[];
  readonly modifiers: readonly number[];
}

const NO_NAMES: Names = { starts: [], ends: [], types: [], modifiers: [] };
const NAMES = new WeakMap<Model, Map<string, Names>>();

/** The names of one file of a model, classified once per model; where several start at one offset the last one counts. */
function namesIn(model: Model, path: string): Names {
  let byPath = NAMES.get(model);
  if (!byPath) NAMES.set(model, (byPath = new Map()));
  let names = byPath.get(path);
  if (names) return names;
  const starts: number[] = [];
  const ends: number[] = [];
  const types: number[] = [];
  const modifiers: number[] = [];
  for (const reference of referencesIn(model, path)) {
    const start = reference.span.start;
    const index = starts.length > 0 && starts[starts.length - 1] === start ? starts.length - 1 : starts.length;
    starts[index] = start;
    ends[index] = reference.span.end;
    types[index] = typeIndex(nameType(reference.symbol));
    modifiers[index] = declaredAt(reference.symbol, path, start) ? DECLARATION : 0;
  }
  names = { starts, ends, types, modifiers };
  byPath.set(path, names);
  return names;
}

/** The encoded tokens of the last version asked for, per token list: a repeated request is not encoded again. */
const ENCODED = new WeakMap<readonly QueryToken[], { readonly model: Model | null; readonly file: SourceFile; readonly data: number[] }>();

/** The file's semantic tokens, encoded; null when the file cannot be read. */
function encodedTokens(workspace: Workspace, path: string): number[] | null {
  const program = workspace.programFor(path);
  const file = workspace.sourceFile(path);
  if (!file) return null;
  // An open document's tokens are lexed once per version (in part after an edit), for completion too.
  const current = workspace.documentTokens(path);
  const tokens = current && current.document.getText() === file.text ? current.tokens : fileTokens(file);
  const model = program?.model ?? null;
  const cached = ENCODED.get(tokens);
  if (cached && cached.model === model && cached.file === file) return cached.data;
  const data = encode(file, tokens, model ? namesIn(model, path) : NO_NAMES);
  ENCODED.set(tokens, { model, file, data });
  return data;
}

function encode(file: SourceFile, tokens: readonly QueryToken[], names: Names): number[] {
  const lines = file.lines;
  const lineCount = lines.lineCount;
  // Five numbers per token; a token across lines (a block comment) takes more and the array grows.
  const data: number[] = new Array<number>(tokens.length * 5).fill(0);
  let length = 0;
  let previousLine = 0;
  let previousColumn = 0;
  const pushAt = (line: number, column: number, size: number, type: number, modifiers: number) => {
    data[length++] = line - previousLine;
    data[length++] = line === previousLine ? column - previousColumn : column;
    data[length++] = size;
    data[length++] = type;
    data[length++] = modifiers;
    previousLine = line;
    previousColumn = column;
  };
  // The current token's 1-based line and where it and the next line start: tokens come in order, so lines are walked, not searched.
  let line = 1;
  let lineStart = 0;
  let nextLineStart = lines.lineStart(2);
  const push = (start: number, end: number, type: number, modifiers = 0) => {
    while (start >= nextLineStart && line < lineCount) {
      line++;
      lineStart = nextLineStart;
      nextLineStart = lines.lineStart(line + 1);
    }
    if (end <= nextLineStart || line === lineCount) return pushAt(line - 1, start - lineStart, end - start, type, modifiers);
    // Tokens may not span lines: one per line.
    for (let at = start; at < end; ) {
      const position = lines.position(at);
      const lineEnd = Math.min(end, lines.lineStart(position.line) + lines.lineText(position.line).length);
      if (lineEnd > at) pushAt(position.line - 1, position.column - 1, lineEnd - at, type, modifiers);
      const next = lines.lineStart(position.line + 1);
      if (next <= at) break;
      at = next;
    }
  };
  let previous: QueryToken | null = null;
  let name = 0;
  for (const token of tokens) {
    while (name < names.starts.length && names.starts[name]! < token.start) name++;
    if (names.starts[name] === token.start && names.ends[name] === token.end) push(token.start, token.end, names.types[name]!, names.modifiers[name]);
    else {
      switch (token.kind) {
        case "keyword":
          push(token.start, token.end, KEYWORD);
          break;
        case "identifier":
          if (previous && previous.kind === "keyword" && VALUE_AFTER.has(previous.text)) push(token.start, token.end, ENUM_MEMBER);
          else if (previous?.kind === "integer" && DURATION_WORDS.test(token.text)) push(token.start, token.end, KEYWORD);
          break;
        case "date":
        case "integer":
          push(token.start, token.end, NUMBER);
          break;
        case "string":
          push(token.start, token.end, STRING);
          break;
        case "comment":
          push(token.start, token.end, COMMENT);
          break;
        default:
          break;
      }
    }
    if (token.kind !== "comment") previous = token;
  }
  data.length = length;
  return data;
}

/** Each document's last answer, so a delta request sends only the edits to it. */
const ANSWERS = new WeakMap<Workspace, Map<string, { readonly resultId: string; readonly data: number[] }>>();
let nextResultId = 1;

function answers(workspace: Workspace): Map<string, { readonly resultId: string; readonly data: number[] }> {
  let map = ANSWERS.get(workspace);
  if (!map) ANSWERS.set(workspace, (map = new Map()));
  return map;
}

export function semanticTokens(workspace: Workspace, params: SemanticTokensParams): SemanticTokens {
  const path = uriToPath(params.textDocument.uri);
  const data = encodedTokens(workspace, path);
  if (!data) {
    answers(workspace).delete(path);
    return { data: [] };
  }
  const answer = { resultId: String(nextResultId++), data };
  answers(workspace).set(path, answer);
  return answer;
}

/**
 * `semanticTokens/full/delta`: the edits from the answer `previousResultId`
 * names to the current tokens (all of them when that answer is not the last
 * one sent for the document).
 */
export function semanticTokensDelta(workspace: Workspace, params: SemanticTokensDeltaParams): SemanticTokens | SemanticTokensDelta {
  const path = uriToPath(params.textDocument.uri);
  const previous = answers(workspace).get(path);
  const answer = semanticTokens(workspace, params);
  if (!previous || previous.resultId !== params.previousResultId || answer.resultId === undefined) return answer;
  return { resultId: answer.resultId, edits: tokenEdits(previous.data, answer.data) };
}

/** The edit (none when they are equal) that turns `before` into `after`: what lies between their common start and common end. */
export function tokenEdits(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  if (start === before.length && start === after.length) return [];
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const deleteCount = before.length - start - end;
  const data = after.slice(start, after.length - end);
  return [data.length > 0 ? { start, deleteCount, data } : { start, deleteCount }];
}
