// The tokens of a text, for editors: the language server's semantic tokens,
// completion context and rename checks read them. This is the grammar's own
// lexer (no second one), with its token types flattened to a few kinds.
import { keywordWords, tokenizeOrg } from "../../grammar/lexer.js";

export type QueryTokenKind = "keyword" | "identifier" | "date" | "integer" | "string" | "comment" | "lcurly" | "rcurly" | "comma" | "invalid";

export interface QueryToken {
  readonly kind: QueryTokenKind;
  readonly text: string;
  /** Offsets into the text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** A string missing its closing quote (it runs to the end of its line). */
  readonly unterminated?: true;
}

/** Every keyword of the language (lower case; none is reserved). */
export const KEYWORDS: readonly string[] = keywordWords;

const KEYWORD_SET = new Set(KEYWORDS);

export function isKeyword(word: string): boolean {
  return KEYWORD_SET.has(word);
}

const KINDS: Record<string, QueryTokenKind> = {
  Identifier: "identifier",
  DateLiteral: "date",
  IntegerLiteral: "integer",
  StringLiteral: "string",
  LineComment: "comment",
  BlockComment: "comment",
  LCurly: "lcurly",
  RCurly: "rcurly",
  Comma: "comma",
};

/**
 * The tokens and comments of a text in source order. A string missing its
 * closing quote is a `string` token marked `unterminated`, with its real
 * range (to the end of its line); characters the lexer rejects become
 * `invalid` tokens, so that callers see every part of the text.
 */
export function tokenize(text: string): QueryToken[] {
  // Offsets only (no line and column per token): about 40% less lexing, and only offsets are read here.
  const lexed = tokenizeOrg(text, "offsets");
  const tokens: QueryToken[] = [];
  // Offsets `| 0`: small integers, never boxed doubles, whatever Chevrotain's tokens hold (see `offsetSpan`).
  for (const token of [...lexed.tokens, ...(lexed.groups["comments"] ?? [])]) {
    const name = token.tokenType.name;
    const kind = name.startsWith("Kw_") ? "keyword" : (KINDS[name] ?? "invalid");
    const start = token.startOffset | 0;
    tokens.push({ kind, text: token.image, start, end: start + token.image.length });
  }
  for (const token of lexed.groups["unterminated"] ?? []) {
    const start = token.startOffset | 0;
    tokens.push({ kind: "string", text: token.image, start, end: start + token.image.length, unterminated: true });
  }
  for (const error of lexed.errors) {
    const start = error.offset | 0;
    tokens.push({ kind: "invalid", text: text.slice(start, start + error.length), start, end: start + error.length });
  }
  tokens.sort((a, b) => a.start - b.start);
  return tokens;
}
