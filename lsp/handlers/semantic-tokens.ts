// Semantic tokens: keywords, names by what they resolved to (committees,
// basic units, people, residences), value words (levels, settings,
// cadences), dates and numbers, strings and comments.
//
// Encoded straight into the protocol's array (relative lines and columns,
// five numbers a token) from the document's tokens and its resolved names,
// which are classified once per model; after an edit from the last encoding
// of the document (lsp/semantic-encoding.ts). A delta answer is the
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
import { encodeAfter, encodeWhole, type Encoding, type Names } from "../semantic-encoding.js";
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

const NAMESPACE = typeIndex("namespace");
const CLASS = typeIndex("class");
const VARIABLE = typeIndex("variable");
const STRUCT = typeIndex("struct");

function nameType(symbol: NamedSymbol): number {
  if (symbol.kind === "unit") return symbol.unitKind === "committee" ? NAMESPACE : CLASS;
  return symbol.kind === "person" ? VARIABLE : STRUCT;
}

const NO_NAMES: Names = { count: 0, starts: new Int32Array(0), ends: new Int32Array(0), types: new Uint8Array(0), modifiers: new Uint8Array(0) };
const NAMES = new WeakMap<Model, Map<string, Names>>();

/** The names of one file of a model, classified once per model; where several start at one offset the last one counts. */
function namesIn(model: Model, path: string): Names {
  let byPath = NAMES.get(model);
  if (!byPath) NAMES.set(model, (byPath = new Map()));
  let names = byPath.get(path);
  if (names) return names;
  const references = referencesIn(model, path);
  const starts = new Int32Array(references.length);
  const ends = new Int32Array(references.length);
  const types = new Uint8Array(references.length);
  const modifiers = new Uint8Array(references.length);
  let count = 0;
  for (const reference of references) {
    const start = reference.span.start;
    const index = count > 0 && starts[count - 1] === start ? count - 1 : count++;
    starts[index] = start;
    ends[index] = reference.span.end;
    types[index] = nameType(reference.symbol);
    modifiers[index] = declaredAt(reference.symbol, path, start) ? DECLARATION : 0;
  }
  names = { count, starts, ends, types, modifiers };
  byPath.set(path, names);
  return names;
}

/** A token that is not a resolved name: its type by its kind and the token before it, or -1 when it is not shown. */
export function classify(token: QueryToken, previous: QueryToken | null): number {
  switch (token.kind) {
    case "keyword":
      return KEYWORD;
    case "identifier":
      if (previous?.kind === "keyword" && VALUE_AFTER.has(previous.text)) return ENUM_MEMBER;
      return previous?.kind === "integer" && DURATION_WORDS.test(token.text) ? KEYWORD : -1;
    case "date":
    case "integer":
      return NUMBER;
    case "string":
      return STRING;
    case "comment":
      return COMMENT;
    default:
      return -1;
  }
}

/**
 * Each open document's last encoding and the model it was made with: a
 * repeated request is not encoded again, and the next version is encoded
 * from it (`encodeAfter`).
 */
const ENCODED = new WeakMap<Workspace, Map<string, { readonly model: Model | null; readonly file: SourceFile; readonly encoding: Encoding }>>();

/** The file's semantic tokens, encoded; null when the file cannot be read. */
function encodedTokens(workspace: Workspace, path: string): number[] | null {
  const program = workspace.programFor(path);
  const file = workspace.sourceFile(path);
  if (!file) return null;
  // An open document's tokens are lexed once per version (in part after an edit), for completion too.
  const current = workspace.documentTokens(path);
  const tokens = current && current.document.getText() === file.text ? current.tokens : fileTokens(file);
  const model = program?.model ?? null;
  let byPath = ENCODED.get(workspace);
  if (!byPath) ENCODED.set(workspace, (byPath = new Map()));
  const last = byPath.get(path);
  if (last && last.model === model && last.file === file && last.encoding.tokens === tokens) return last.encoding.data;
  const names = model ? namesIn(model, path) : NO_NAMES;
  const encoding = last ? encodeAfter(last.encoding, file, tokens, names, classify) : encodeWhole(file, tokens, names, classify);
  byPath.set(path, { model, file, encoding });
  forgetClosed(workspace, byPath, path);
  return encoding.data;
}

/** Drops what is kept for documents no longer open, but `path`'s. */
function forgetClosed(workspace: Workspace, byPath: Map<string, unknown>, path: string): void {
  for (const other of byPath.keys()) if (other !== path && !workspace.document(other)) byPath.delete(other);
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
  forgetClosed(workspace, answers(workspace), path);
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
