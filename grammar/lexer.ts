// Tokens of the .org language. Keywords are not reserved: every keyword token
// also belongs to the `Name` category, so wherever the grammar expects an
// identifier a keyword such as `central` or `workplace` is accepted too.
import { createToken, Lexer, type ILexingResult, type IToken, type TokenType } from "chevrotain";

export const Name = createToken({ name: "Name", pattern: Lexer.NA });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name],
});

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

// Comments stay in a token group: the formatter and the language server use them.
export const LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\r\n]*/,
  group: "comments",
});

export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: "comments",
  line_breaks: true,
});

// A date is lexed by shape; whether it is a real calendar date is checked later (ORG004).
export const DateLiteral = createToken({ name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}/ });
export const IntegerLiteral = createToken({ name: "IntegerLiteral", pattern: /\d+/ });

// A string ends on its own line: no raw line breaks inside.
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
});

// A string missing its closing quote: kept out of the parser's way in a group
// of its own, so the whole string is reported once as a syntax error.
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\.)*/,
  group: "unterminated",
});

export const LCurly = createToken({ name: "LCurly", pattern: "{", label: "{" });
export const RCurly = createToken({ name: "RCurly", pattern: "}", label: "}" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "," });

const keywordTokens: TokenType[] = [];
const keywordByWord = new Map<string, TokenType>();

function keyword(word: string, options: { statementStart?: boolean } = {}): TokenType {
  const token = createToken({
    name: keywordTokenName(word),
    // The railroad diagrams show a keyword as it is written.
    label: word,
    // Never matched by a pattern: `tokenizeOrg` lexes every word as an
    // Identifier and gives a keyword its token by a map lookup.
    pattern: Lexer.NA,
    // Statement starters are no Name: `tokenizeOrg` turns one that starts no
    // statement into an Identifier, so `on` and `every` still work as IDs.
    categories: options.statementStart ? [] : [Name],
  });
  keywordTokens.push(token);
  keywordByWord.set(word, token);
  return token;
}

function keywordTokenName(word: string): string {
  return "Kw_" + word;
}

export const Kw = {
  import: keyword("import"),
  period: keyword("period"),
  to: keyword("to"),
  from: keyword("from"),
  committee: keyword("committee"),
  cell: keyword("cell"),
  primary: keyword("primary"),
  branch: keyword("branch"),
  subprimary: keyword("subprimary"),
  team: keyword("team"),
  residence: keyword("residence"),
  person: keyword("person"),
  level: keyword("level"),
  under: keyword("under"),
  setting: keyword("setting"),
  established: keyword("established"),
  critique: keyword("critique"),
  secretary: keyword("secretary"),
  deputy: keyword("deputy"),
  executive: keyword("executive"),
  elected: keyword("elected"),
  members: keyword("members"),
  member: keyword("member"),
  candidate: keyword("candidate"),
  joined: keyword("joined"),
  since: keyword("since"),
  youth_league: keyword("youth_league"),
  youth: keyword("youth"),
  league: keyword("league"),
  letter: keyword("letter"),
  at: keyword("at"),
  covers: keyword("covers"),
  approved: keyword("approved"),
  by: keyword("by"),
  on: keyword("on", { statementStart: true }),
  every: keyword("every", { statementStart: true }),
  meeting: keyword("meeting"),
  report: keyword("report"),
  application: keyword("application"),
  recommended: keyword("recommended"),
  present: keyword("present"),
  review: keyword("review"),
  forward: keyword("forward"),
  approve: keyword("approve"),
  reject: keyword("reject"),
  admit: keyword("admit"),
  ratify: keyword("ratify"),
  extend: keyword("extend"),
  expel: keyword("expel"),
  transfer: keyword("transfer"),
} as const;

export type KeywordName = keyof typeof Kw;

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  DateLiteral,
  IntegerLiteral,
  StringLiteral,
  UnterminatedString,
  LCurly,
  RCurly,
  Comma,
  ...keywordTokens,
  Identifier,
  Name,
];

/** The words of an interval's unit (`every 2 weeks`, `every month`). */
export const DURATION_WORDS: readonly string[] = ["day", "days", "week", "weeks", "month", "months", "year", "years"];
const DURATION_SET = new Set(DURATION_WORDS);

/**
 * Lexes a file. `on` starts an event only before a date, and `every` starts
 * an interval only before a number or a duration word; anywhere else they
 * are plain names. Deciding this here, where a name is never followed by a
 * date, lets the parser resynchronise at the next event after an error
 * instead of swallowing it as a name.
 *
 * With `offsets`, `base` is added to every offset: `text` is then a slice of
 * a file starting at `base` (src/syntax/parse.ts lexes large files in pieces).
 */
export function tokenizeOrg(text: string, positions: TokenPositions = "full", base = 0): ILexingResult {
  const result = getOrgLexer(positions).tokenize(text);
  const tokens = result.tokens;
  const ends = positions === "offsets";
  if (base !== 0 && !ends) throw new Error("tokenizeOrg: an offset base needs positions \"offsets\" (lines and columns would be off)");
  // Every word is lexed as an Identifier (one regular expression instead of
  // one per keyword); a word that is a keyword becomes that keyword's token.
  for (const tok of tokens) {
    if (ends) {
      tok.startOffset += base;
      tok.endOffset = tok.startOffset + tok.image.length - 1;
    }
    if (tok.tokenTypeIdx !== identifierIdx) continue;
    const keyword = keywordByWord.get(tok.image);
    if (keyword !== undefined) retype(tok, keyword);
  }
  if (ends) {
    for (const group of Object.values(result.groups)) {
      for (const tok of group) {
        tok.startOffset += base;
        tok.endOffset = tok.startOffset + tok.image.length - 1;
      }
    }
    if (base !== 0) for (const error of result.errors) error.offset += base;
  }
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (tok.tokenType === Kw.on) {
      if (next?.tokenType !== DateLiteral) retype(tok, Identifier);
    } else if (tok.tokenType === Kw.every) {
      const startsInterval = next !== undefined && (next.tokenType === IntegerLiteral || DURATION_SET.has(next.image));
      if (!startsInterval) retype(tok, Identifier);
    }
  }
  return result;
}

/** Chevrotain matches tokens by `tokenTypeIdx`: both must change together. */
function retype(tok: IToken, type: TokenType): void {
  tok.tokenType = type;
  tok.tokenTypeIdx = type.tokenTypeIdx!;
}

export const keywordWords: readonly string[] = Object.keys(Kw);

/** True when a token type is one of the language's keywords. */
export function isKeywordToken(type: TokenType): boolean {
  return type.name.startsWith("Kw_");
}

/** A keyword token type's word, as written (`committee`). */
export function keywordWord(type: TokenType): string {
  return type.name.slice("Kw_".length);
}

/** The token type of a keyword, by its word; `undefined` for a word that is no keyword. */
export function keywordType(word: string): TokenType | undefined {
  return keywordByWord.get(word);
}

/**
 * What a token says of where it is: `full` its lines and columns too (the
 * formatter and the editor read them), `offsets` its start and end offsets
 * only (the check pipeline: lines come from the file's line index). With
 * `offsets` Chevrotain neither counts lines nor fills four more fields per
 * token: the lexer takes about 40% less time (docs/performance.md).
 */
export type TokenPositions = "full" | "offsets";

/**
 * A lexer of the language. `ensureOptimizations` makes Chevrotain fail loudly
 * if a token would disable its first-character optimisation; `validate`
 * runs its pattern validations, which the command line skips at start-up
 * (test/syntax/grammar-validation.test.ts runs them).
 */
export function createOrgLexer(options: { readonly validate: boolean; readonly positions?: TokenPositions }): Lexer {
  const positionTracking = options.positions === "offsets" ? "onlyOffset" : "full";
  return new Lexer(allTokens, { ensureOptimizations: true, positionTracking, skipValidations: !options.validate });
}

// The lexers of the process, behind `tokenizeOrg`, each built on first use: a start that lexes nothing does not pay for one.
const orgLexers = new Map<TokenPositions, Lexer>();
function getOrgLexer(positions: TokenPositions): Lexer {
  let lexer = orgLexers.get(positions);
  if (!lexer) orgLexers.set(positions, (lexer = createOrgLexer({ validate: false, positions })));
  return lexer;
}
const identifierIdx = Identifier.tokenTypeIdx!;
