// Re-parsing an edited file without parsing all of it again. Only the
// top-level statements around the edit are lexed and parsed; the statements
// before them are kept as they are, those after them are kept with their
// offsets moved. This is used only where it provably gives what a parse of
// the whole text gives, and the whole text is parsed otherwise:
//
// - the lexer has no modes and no token crosses a line except block
//   comments and white space, so lexing from a statement's first token over
//   unchanged text gives the same tokens (a `/*` left open in the region
//   could run past it: then the whole text is parsed);
// - the parser decides with at most `maxLookahead` (3) tokens and `on` /
//   `every` are typed by the token after them, so at least five unchanged
//   tokens are kept on each side of the edit inside the region;
// - the region ends at a "sync point", an old statement start after the
//   edit, and the region's own parse must start a statement exactly there:
//   from then on the parser is in the same state at the same token as in the
//   old parse, so everything after it is what the old parse found;
// - a syntax diagnostic exactly at a boundary (it could belong to either
//   side) or across one makes the region grow, and after a few tries the
//   whole text is parsed.
//
// The diagnostics come out in the order a whole parse lists them (lexer
// errors, unterminated strings, parser errors, AST problems, dates), each
// group in source order: a file parsed here remembers how many of each it
// has. test/lsp/incremental.property.test.ts compares this with parseText
// over random edit sequences.
import type { IToken } from "chevrotain";
import type { FileAst, Span } from "../ast/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { astStage, lexStage, parseStage } from "../syntax/parse.js";
import { LineIndex } from "../util/text.js";
import { keepUnchanged, moveComments, moveSpans, recordStatements, type Edit } from "./kept-nodes.js";
import type { SourceFile } from "./source-file.js";

/** How a file's syntax diagnostics divide into the groups a whole parse lists them in, in that order. */
interface Groups {
  readonly lexer: number;
  readonly unterminated: number;
  readonly parser: number;
  /** AST problems: the rest before the dates. */
  readonly builder: number;
  readonly dates: number;
}

const GROUP_NAMES = ["lexer", "unterminated", "parser", "builder", "dates"] as const;

/** Files parsed by this module, with their diagnostics' groups. */
const groupsOf = new WeakMap<SourceFile, Groups>();

/** How the last reparse went, for tests and the latency script. */
export interface ReparseOutcome {
  readonly file: SourceFile;
  /** The new text's range that was lexed and parsed, or `"whole"`. */
  readonly parsed: Span | "whole" | "unchanged";
}

/** Tokens kept unchanged on each side of an edit inside the region (lookahead 3, plus `on`/`every` typed by their successor). */
const CONTEXT_TOKENS = 5;

/** Statements of context on the left and right of the edited ones, per attempt. */
const ATTEMPTS: readonly { readonly left: number; readonly right: number }[] = [
  { left: 1, right: 1 },
  { left: 3, right: 3 },
  { left: 12, right: 12 },
];

/** Parses a whole file, remembering its diagnostics' groups so that the next edit can be parsed in part. */
export function parseSourceFile(path: string, text: string): SourceFile {
  const parsed = parseRange(path, text, 0, text.length);
  const file: SourceFile = { path, text, lines: new LineIndex(text), ast: parsed.ast, syntaxDiagnostics: flatten(parsed.groups) };
  groupsOf.set(file, counts(parsed.groups));
  recordStatements(file);
  return file;
}

/**
 * The file as `text` parses, reusing what `previous` parsed outside the
 * edited statements where that gives the same result. `previous` is handed
 * over: the nodes after the edit move to the new file (their spans are
 * moved in place), so it is not to be read afterwards.
 */
export function reparseSourceFile(previous: SourceFile, text: string): ReparseOutcome {
  if (previous.text === text) return { file: previous, parsed: "unchanged" };
  const groups = groupsOf.get(previous);
  if (groups) {
    const change = changedRange(previous.text, text);
    for (const attempt of ATTEMPTS) {
      const file = tryRegion(previous, groups, text, change, attempt.left, attempt.right);
      if (file === "whole") break;
      if (file) return file;
    }
  }
  return { file: parseSourceFile(previous.path, text), parsed: "whole" };
}

/** The edit from `before` to `after`: their common prefix and suffix left out. */
function changedRange(before: string, after: string): Edit {
  const shorter = Math.min(before.length, after.length);
  // Blocks first (string comparison is native), then characters.
  const BLOCK = 4096;
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = shorter - start;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, delta: after.length - before.length };
}

type GroupLists = Record<(typeof GROUP_NAMES)[number], Diagnostic[]>;

/** Lexes and parses `text[start, end)` as if it were the whole file, with offsets into `text`. */
function parseRange(path: string, text: string, start: number, end: number): { ast: FileAst; groups: GroupLists; tokens: readonly IToken[] } {
  const lexed = lexStage(start === 0 && end === text.length ? text : text.slice(start, end), start);
  const parsed = parseStage(lexed);
  const { ast, diagnostics } = astStage(path, text, lexed, parsed);
  // astStage lists the groups in this order; the dates are the ORG004 at the end.
  const lexer = lexed.errors.length;
  const unterminated = lexed.groups["unterminated"]?.length ?? 0;
  const parser = parsed.errors.length;
  let dates = 0;
  while (dates < diagnostics.length - lexer - unterminated - parser && diagnostics[diagnostics.length - 1 - dates]!.code === LANGUAGE_CODES.invalidDate.code) dates++;
  const cut = [0, lexer, lexer + unterminated, lexer + unterminated + parser, diagnostics.length - dates, diagnostics.length];
  const groups = Object.fromEntries(GROUP_NAMES.map((name, i) => [name, diagnostics.slice(cut[i], cut[i + 1])])) as GroupLists;
  return { ast, groups, tokens: lexed.tokens };
}

function flatten(groups: GroupLists): Diagnostic[] {
  return GROUP_NAMES.flatMap((name) => groups[name]);
}

function counts(groups: GroupLists): Groups {
  return { lexer: groups.lexer.length, unterminated: groups.unterminated.length, parser: groups.parser.length, builder: groups.builder.length, dates: groups.dates.length };
}

function splitGroups(diagnostics: readonly Diagnostic[], groups: Groups): GroupLists {
  const lists = {} as GroupLists;
  let at = 0;
  for (const name of GROUP_NAMES) {
    lists[name] = diagnostics.slice(at, at + groups[name]);
    at += groups[name];
  }
  return lists;
}

/**
 * One attempt with `left` and `right` statements of context: the new file,
 * `null` to try a larger region, or `"whole"` when the region would be the
 * whole file anyway.
 */
function tryRegion(previous: SourceFile, groups: Groups, text: string, change: Edit, left: number, right: number): ReparseOutcome | null | "whole" {
  const statements = previous.ast.statements;
  // The edited statements: those the change touches (none when it falls between two).
  let first = statements.findIndex((statement) => statement.span.end >= change.start);
  if (first < 0) first = statements.length;
  let last = first - 1;
  while (last + 1 < statements.length && statements[last + 1]!.span.start <= change.oldEnd) last++;

  const from = Math.max(0, first - left);
  const regionStart = from === 0 ? 0 : statements[from]!.span.start;
  const syncIndex = last + 1 + right;
  const sync = syncIndex < statements.length ? statements[syncIndex]!.span.start : null;
  // The region runs two statements past the sync point (their tokens are the parser's lookahead), or to the end.
  const endIndex = sync === null ? statements.length : syncIndex + 3;
  const regionEndOld = endIndex < statements.length ? statements[endIndex]!.span.start : previous.text.length;
  if (regionStart === 0 && regionEndOld === previous.text.length) return "whole";

  const newSync = sync === null ? null : sync + change.delta;
  const region = parseRange(previous.path, text, regionStart, regionEndOld + change.delta);

  // Enough unchanged tokens on each side of the edit.
  if (regionStart > 0 && region.tokens.filter((token) => token.endOffset! + 1 < change.start).length < CONTEXT_TOKENS) return null;
  if (newSync !== null) {
    const after = region.tokens.filter((token) => token.startOffset >= newSync);
    if (after[0]?.startOffset !== newSync || after.length < CONTEXT_TOKENS + 1) return null;
    if (!region.ast.statements.some((statement) => statement.span.start === newSync)) return null;
  }
  // A block comment left open could run past the region.
  if (region.groups.lexer.some((diagnostic) => text.startsWith("/*", diagnostic.span.start))) return null;

  const old = splitGroups(previous.syntaxDiagnostics, groups);
  const boundaries = [regionStart, ...(sync === null ? [] : [sync])];
  const newBoundaries = [regionStart, ...(newSync === null ? [] : [newSync])];
  const straddles = (diagnostic: Diagnostic, at: readonly number[]) =>
    at.some((point) => point > 0 && (diagnostic.span.start === point || (diagnostic.span.start < point && diagnostic.span.end > point)));
  if (previous.syntaxDiagnostics.some((diagnostic) => straddles(diagnostic, boundaries))) return null;
  if (flatten(region.groups).some((diagnostic) => straddles(diagnostic, newBoundaries))) return null;

  const beforeRegion = (span: Span) => span.start < regionStart;
  const inNewRegion = (span: Span) => newSync === null || span.start < newSync;
  const afterSync = (span: Span) => sync !== null && span.start > sync;
  const shift = <T>(value: T): T => shiftSpans(value, change.delta);

  const lists = {} as GroupLists;
  for (const name of GROUP_NAMES) {
    lists[name] = [
      ...old[name].filter((diagnostic) => beforeRegion(diagnostic.span)),
      ...region.groups[name].filter((diagnostic) => inNewRegion(diagnostic.span)),
      ...old[name].filter((diagnostic) => afterSync(diagnostic.span)).map(shift),
    ];
  }
  // From here on the attempt succeeds: the nodes after the sync point move to the new file, and so do the
  // edited statements when their new parse is theirs but for offsets (the edit was in a comment or white space).
  const kept = sync === null ? [] : statements.slice(syncIndex);
  const keptComments = sync === null ? [] : previous.ast.comments.filter((comment) => comment.span.start >= sync);
  const parsed = region.ast.statements.filter((statement) => inNewRegion(statement.span));
  const unchanged = keepUnchanged(statements.slice(from, sync === null ? statements.length : syncIndex), parsed, change);
  moveSpans(kept, change.delta);
  moveComments(keptComments, change.delta);
  const ast: FileAst = {
    statements: [...statements.slice(0, from), ...(unchanged ?? parsed), ...kept],
    comments: [
      ...previous.ast.comments.filter((comment) => beforeRegion(comment.span)),
      ...region.ast.comments.filter((comment) => inNewRegion(comment.span)),
      ...keptComments,
    ],
  };
  const file: SourceFile = { path: previous.path, text, lines: new LineIndex(text), ast, syntaxDiagnostics: flatten(lists) };
  groupsOf.set(file, counts(lists));
  recordStatements(file, unchanged ? previous : undefined);
  return { file, parsed: { start: regionStart, end: regionEndOld + change.delta } };
}

/** A copy of a diagnostic with every span moved by `delta`; spans are the objects with just `start` and `end`. */
function shiftSpans<T>(value: T, delta: number): T {
  if (delta === 0 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => shiftSpans(item, delta)) as T;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record["start"] === "number" && typeof record["end"] === "number") {
    return { start: record["start"] + delta, end: record["end"] + delta } as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = shiftSpans(record[key], delta);
  return copy as T;
}
