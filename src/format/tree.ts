// The formatter's view of one file: the typed AST from `parseText` (which
// gives the structure: statements, unit items and their spans) joined with the
// file's token stream (which gives every token and comment exactly as
// written). The printer works from token ranges of AST nodes, so every token
// and comment of the input is printed exactly once and in its original order.
import type { IToken } from "chevrotain";
import { tokenizeOrg } from "../../grammar/lexer.js";
import type { Span, TopStatement, UnitDecl, UnitItem } from "../ast/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { parseText } from "../syntax/parse.js";
import { firstStartingAtOrAfter, LineIndex } from "../util/text.js";

export type TokKind = "comma" | "lbrace" | "rbrace" | "string" | "word";

/** One non-comment token. `line`/`endLine` are 1-based lines of its first and last character. */
export interface Tok {
  readonly image: string;
  readonly kind: TokKind;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly endLine: number;
}

/**
 * One comment, as written (`//...` or `/*...*\/`). `value` and `printed` are
 * for prettier, which checks that every comment of the root was printed.
 */
export interface CommentTok {
  readonly text: string;
  readonly value: string;
  printed?: boolean;
  readonly kind: "line" | "block";
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly endLine: number;
}

/** A half-open range of token indices `[a, b)`. */
export interface TokRange {
  readonly a: number;
  readonly b: number;
}

export interface ItemNode extends TokRange {
  readonly ast: UnitItem;
}

export interface StatementNode extends TokRange {
  readonly ast: TopStatement;
  /** Unit declarations only: their items in source order. */
  readonly items: ItemNode[];
}

/** The root node handed to prettier. Comments are deliberately not under a `comments` key: the printer places them itself. */
export interface OrgFormatRoot {
  readonly type: "orgspec-root";
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Every comment, in order; prettier hands them all to the root as dangling comments (see plugin.ts). */
  readonly comments: CommentTok[];
  readonly tokens: Tok[];
  /** `gaps[k]`: the comments between token k-1 and token k (`gaps[tokens.length]`: after the last token). Read-only. */
  readonly gaps: CommentTok[][];
  readonly statements: StatementNode[];
}

/** Thrown for a file that does not parse; `loc` lets prettier's CLI print a code frame. */
export class OrgSyntaxError extends Error {
  readonly loc: { start: { line: number; column: number } };
  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = "OrgSyntaxError";
    this.loc = { start: { line, column } };
  }
}

function tokKind(token: IToken): TokKind {
  switch (token.tokenType.name) {
    case "Comma":
      return "comma";
    case "LCurly":
      return "lbrace";
    case "RCurly":
      return "rbrace";
    case "StringLiteral":
      return "string";
    default:
      return "word";
  }
}

/** The first syntax error (ORG001) of a parse, if any, by position. */
export function firstSyntaxError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  let first: Diagnostic | undefined;
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== LANGUAGE_CODES.syntax.code || diagnostic.severity !== "error") continue;
    if (!first || diagnostic.span.start < first.span.start) first = diagnostic;
  }
  return first;
}

/**
 * Parses a file for formatting. Throws an `OrgSyntaxError` naming
 * `file:line:column` when the file has a syntax error: the formatter never
 * rewrites a file it cannot fully read.
 */
export function buildFormatTree(text: string, file = "<input>"): OrgFormatRoot {
  const parsed = parseText(file, text);
  const lines = new LineIndex(text);
  const syntax = firstSyntaxError(parsed.diagnostics);
  if (syntax) {
    const { line, column } = lines.position(syntax.span.start);
    throw new OrgSyntaxError(
      `${file}:${line}:${column}: syntax error: ${syntax.message} (the file was not formatted)`,
      line,
      column,
    );
  }

  const lexed = tokenizeOrg(text);
  const tokens: Tok[] = lexed.tokens.map((token) => {
    // `| 0`: small integers, never boxed doubles (see `offsetSpan` in src/syntax/cst-access.ts).
    const start = token.startOffset | 0;
    const end = (token.endOffset! + 1) | 0;
    return {
      image: token.image,
      kind: tokKind(token),
      start,
      end,
      line: token.startLine ?? lines.position(start).line,
      endLine: token.endLine ?? lines.position(end - 1).line,
    };
  });
  // Most gaps hold no comment: they share one empty array.
  const none: CommentTok[] = [];
  const gaps: CommentTok[][] = new Array<CommentTok[]>(tokens.length + 1).fill(none);
  const comments: CommentTok[] = [];
  let next = 0;
  for (const token of lexed.groups["comments"] ?? []) {
    const start = token.startOffset | 0;
    const end = (token.endOffset! + 1) | 0;
    while (next < tokens.length && tokens[next]!.start < start) next++;
    const comment: CommentTok = {
      text: token.image,
      value: token.image,
      kind: token.image.startsWith("//") ? "line" : "block",
      start,
      end,
      line: token.startLine ?? lines.position(start).line,
      endLine: token.endLine ?? lines.position(end - 1).line,
    };
    if (gaps[next] === none) gaps[next] = [];
    gaps[next]!.push(comment);
    comments.push(comment);
  }

  const locate = rangeLocator(tokens);
  const statements: StatementNode[] = [];
  let covered = 0;
  for (const ast of parsed.ast.statements) {
    const range = locate(ast.span);
    if (range.a !== covered || range.b <= range.a) internalError(file, text, tokens[covered]?.start ?? text.length);
    covered = range.b;
    statements.push({ ...range, ast, items: ast.type === "unit" ? unitItems(ast, range, tokens, locate, file, text) : [] });
  }
  if (covered !== tokens.length) internalError(file, text, tokens[covered]!.start);

  return { type: "orgspec-root", text, start: 0, end: text.length, comments, tokens, gaps, statements };
}

function unitItems(
  unit: UnitDecl,
  range: TokRange,
  tokens: Tok[],
  locate: (span: Span) => TokRange,
  file: string,
  text: string,
): ItemNode[] {
  const open = findBrace(tokens, range);
  const close = range.b - 1;
  if (open < 0 || tokens[close]?.kind !== "rbrace") internalError(file, text, tokens[range.a]!.start);
  const items: ItemNode[] = [];
  let covered = open + 1;
  for (const item of unit.items) {
    const itemRange = locate(item.span);
    if (itemRange.a !== covered || itemRange.b <= itemRange.a) internalError(file, text, tokens[covered]!.start);
    covered = itemRange.b;
    items.push({ ...itemRange, ast: item });
  }
  if (covered !== close) internalError(file, text, tokens[covered]!.start);
  return items;
}

/** Index of the first `{` in a range, or -1. */
export function findBrace(tokens: readonly Tok[], range: TokRange): number {
  for (let k = range.a; k < range.b; k++) if (tokens[k]!.kind === "lbrace") return k;
  return -1;
}

function rangeLocator(tokens: readonly Tok[]): (span: Span) => TokRange {
  const firstAtOrAfter = (offset: number): number => firstStartingAtOrAfter(tokens, offset);
  return (span) => ({ a: firstAtOrAfter(span.start), b: firstAtOrAfter(span.end) });
}

function internalError(file: string, text: string, offset: number): never {
  const { line, column } = new LineIndex(text).position(offset);
  throw new Error(
    `${file}:${line}:${column}: the orgspec formatter could not place this token in the syntax tree; the file was not formatted`,
  );
}
