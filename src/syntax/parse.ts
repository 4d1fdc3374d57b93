// Stage 1-3 of the pipeline for one file: text -> tokens -> CST -> AST.
// Every lexing and parsing error becomes an ORG001 diagnostic; invalid dates
// are found here too (ORG004) since they need nothing but the text.
// The stages are exported one by one for the benchmark (bench/, docs/performance.md).
import type { CstNode, ILexingResult, IRecognitionException, IToken } from "chevrotain";
import { getOrgParser } from "../../grammar/parser.js";
import { tokenizeOrg } from "../../grammar/lexer.js";
import type { Comment, DateValue, FileAst, Span, TopStatement } from "../ast/types.js";
import { languageDiagnostic } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { AstBuilder } from "./build-ast.js";
import { offsetSpan } from "./cst-access.js";

export interface ParsedFile {
  readonly ast: FileAst;
  /** ORG001 and ORG004 found in this file alone. */
  readonly diagnostics: Diagnostic[];
}

/** Lexes, parses and builds the AST of one file's text. Never throws on bad input. */
export function parseText(file: string, text: string, pieceSize = PIECE_SIZE): ParsedFile {
  if (text.length >= 2 * pieceSize) {
    const inPieces = parseInPieces(file, text, pieceSize);
    if (inPieces) return inPieces;
  }
  const lexed = lexStage(text);
  const parsed = parseStage(lexed);
  return astStage(file, text, lexed, parsed);
}

/**
 * About how many characters of a large file are lexed and parsed at a time.
 * A file's tokens and CST are garbage once its AST is built; made a piece at
 * a time they die young instead of being copied by every scavenge of a
 * whole-file parse and then promoted (the collector was 30% of a batch check:
 * docs/performance.md, *Parsing in pieces*).
 */
export const PIECE_SIZE = 16_384;

/**
 * Where a piece may start: a line whose first word starts a top-level
 * statement. A cut there that falls inside a statement (an unindented unit
 * body, a block comment) leaves an error in one of the pieces, and then the
 * file is parsed whole.
 */
const PIECE_START = /\n(?=(?:on|every|committee|cell|primary|branch|subprimary|team|residence|person|import|period)[ \t])/g;

/** Piece boundaries: offsets of line starts about `size` apart, then the end. */
export function pieceEnds(text: string, size: number): number[] {
  const ends: number[] = [];
  let from = size;
  while (from < text.length - size) {
    PIECE_START.lastIndex = from;
    const found = PIECE_START.exec(text);
    if (!found) break;
    ends.push(found.index + 1);
    from = found.index + 1 + size;
  }
  ends.push(text.length);
  return ends;
}

/**
 * The file parsed a piece at a time (see PIECE_SIZE), or `undefined` when a
 * piece has a lexing or parse error: then only a parse of the whole text says
 * how the parser recovers. Without errors in any piece this is what the whole
 * parse gives: every piece starts with a keyword, which continues no
 * statement (a statement's tail is continued only by `,`, a string, `{` or
 * `youth_league`), and no token but white space and block comments crosses a
 * line. test/syntax/pieces.test.ts holds the two together.
 */
function parseInPieces(file: string, text: string, size: number): ParsedFile | undefined {
  const builder = new AstBuilder();
  const statements: TopStatement[] = [];
  const comments: Comment[] = [];
  let start = 0;
  for (const end of pieceEnds(text, size)) {
    const lexed = lexStage(start === 0 && end === text.length ? text : text.slice(start, end), start);
    if (lexed.errors.length > 0 || (lexed.groups["unterminated"]?.length ?? 0) > 0) return undefined;
    const parsed = parseStage(lexed);
    if (parsed.errors.length > 0) return undefined;
    for (const statement of builder.file(parsed.cst)) statements.push(statement);
    for (const comment of commentsOf(lexed)) comments.push(comment);
    start = end;
  }
  const diagnostics: Diagnostic[] = [];
  reportBuilderAndDates(file, builder, statements, diagnostics);
  return { ast: { statements, comments }, diagnostics };
}

/** Stage 1: the tokens (of a slice of a file starting at `base`, offsets into the file). */
export function lexStage(text: string, base = 0): ILexingResult {
  // Offsets only: the AST's spans are offsets, and lines come from the file's line index.
  return tokenizeOrg(text, "offsets", base);
}

export interface CstResult {
  readonly cst: CstNode;
  readonly errors: readonly IRecognitionException[];
}

/** Stage 2: the concrete syntax tree. The shared parser lets go of the tokens afterwards. */
export function parseStage(lexed: ILexingResult): CstResult {
  const parser = getOrgParser();
  parser.input = lexed.tokens;
  const cst = parser.file();
  const errors = parser.errors;
  // The parser would otherwise keep this file's tokens (and through them its text) alive until the next file.
  parser.input = [];
  return { cst, errors };
}

/** Stage 3: the AST and the file's syntax diagnostics; the CST can be dropped after this. */
export function astStage(file: string, text: string, lexed: ILexingResult, parsed: CstResult): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  for (const error of lexed.errors) {
    const found = text.slice(error.offset, error.offset + error.length);
    diagnostics.push(
      languageDiagnostic("syntax", file, offsetSpan(error.offset, error.offset + error.length), describeLexError(found)),
    );
  }

  for (const tok of lexed.groups["unterminated"] ?? []) {
    diagnostics.push(
      languageDiagnostic("syntax", file, offsetSpan(tok.startOffset, tok.endOffset! + 1), "unterminated string: a string ends on the line it starts"),
    );
  }

  for (const error of parsed.errors) {
    diagnostics.push(languageDiagnostic("syntax", file, errorSpan(error.token, (error as { previousToken?: IToken }).previousToken, text), error.message));
  }

  const builder = new AstBuilder();
  const statements = builder.file(parsed.cst);
  reportBuilderAndDates(file, builder, statements, diagnostics);
  return { ast: { statements, comments: commentsOf(lexed) }, diagnostics };
}

/** The AST builder's problems, then the dates that are no calendar dates: the last two groups of a file's syntax diagnostics. */
function reportBuilderAndDates(file: string, builder: AstBuilder, statements: readonly TopStatement[], diagnostics: Diagnostic[]): void {
  for (const problem of builder.problems) diagnostics.push(languageDiagnostic("syntax", file, problem.span, problem.message));
  for (const date of collectDates(statements)) {
    if (date.day === null && date.text !== "") {
      diagnostics.push(languageDiagnostic("invalidDate", file, date.span, `${date.text} is not a calendar date`));
    }
  }
}

function commentsOf(lexed: ILexingResult): Comment[] {
  return (lexed.groups["comments"] ?? []).map((tok) => ({
    kind: tok.image.startsWith("//") ? "line" : "block",
    text: tok.image,
    span: offsetSpan(tok.startOffset, tok.endOffset! + 1),
  }));
}

function describeLexError(found: string): string {
  const first = found.charAt(0);
  if (first === '"') return "unterminated string: a string ends on the line it starts";
  if (found.startsWith("/*")) return "unterminated block comment";
  return `unexpected character \`${first}\``;
}

/** The range of a parse error: the offending token, or just after the last good one at end of input. */
function errorSpan(tok: IToken, previous: IToken | undefined, text: string): Span {
  if (Number.isFinite(tok.startOffset) && tok.tokenType.name !== "EOF") {
    return offsetSpan(tok.startOffset, tok.endOffset! + 1);
  }
  const at = previous && Number.isFinite(previous.endOffset) ? previous.endOffset! + 1 : text.length;
  return offsetSpan(at, at);
}

export function collectDates(statements: readonly TopStatement[]): DateValue[] {
  const dates: DateValue[] = [];
  for (const statement of statements) {
    switch (statement.type) {
      case "period":
      case "series":
        dates.push(statement.from, statement.to);
        break;
      case "event":
        dates.push(statement.date);
        break;
      case "unit":
        for (const item of statement.items) {
          if (item.type === "established" || item.type === "approved") dates.push(item.date);
          else if (item.type === "roster") dates.push(item.date);
          else if (item.type === "body" && item.elected) dates.push(item.elected);
        }
        break;
    }
  }
  return dates;
}
