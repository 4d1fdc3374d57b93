// An open document's tokens after an edit without lexing the whole text
// again: the lines around the edit are lexed, the tokens before them kept and
// those after them moved. It gives exactly what `tokenize` of the whole text
// gives (test/lsp/tokens.property.test.ts compares them over random edits),
// because of what the grammar's lexer is (grammar/lexer.ts):
//
// - it has no modes, and no token but white space (skipped) and a block
//   comment contains a line break, so lexing from the start of a line that no
//   block comment crosses gives what lexing from the start of the text gives
//   from there on;
// - a token is decided by the text up to the end of its line, except a `/*`
//   whose comment closes further on (an unclosed one is an invalid token:
//   then the whole text is lexed) and `on` / `every`, whose kind depends on
//   the next token: the lexed lines start and end with a token that is
//   neither changed nor cut off, so the kinds on each side see the same next
//   token as a whole lexing does.
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { tokenize, type QueryToken } from "./api.js";
import { spliceAll } from "../src/util/arrays.js";

/** What an edit replaced: `text[start, oldEnd)` of the old text is `text[start, newEnd)` of the new one. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** One change covering `change` followed by replacing `[start, end)` of its new text with `length` characters. */
export function composeChanges(change: TextChange | null, start: number, end: number, length: number): TextChange {
  if (!change) return { start, oldEnd: end, newEnd: start + length };
  return {
    start: Math.min(change.start, start),
    oldEnd: change.oldEnd + Math.max(0, end - change.newEnd),
    newEnd: Math.max(change.newEnd, end) + length - (end - start),
  };
}

/** Lines lexed after the edited ones, at first; more while no token there can be kept. */
const FIRST_EXTRA_LINES = 2;
const ATTEMPTS = 4;

/** Whether a token is one of the parser's (not a comment, lexer error or unterminated string): the next token `on` and `every` look at. */
function isParserToken(token: QueryToken): boolean {
  return token.kind !== "comment" && token.kind !== "invalid" && token.unterminated === undefined;
}

/** A `/*` the lexer could not close: the comment may close past any region, so the whole text is lexed. */
function isOpenComment(token: QueryToken): boolean {
  return token.kind === "invalid" && token.text.includes("/*");
}

/**
 * Token lists made here, which have no unclosed `/*` (neither the previous
 * list nor the lexed region had one): the next edit need not look for one
 * among tens of thousands of tokens again.
 */
const CLOSED = new WeakSet<readonly QueryToken[]>();

/** Index of the first token starting at or after `offset`. */
function firstAtOrAfter(tokens: readonly QueryToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The token that starts before `offset` and ends after it (a block comment across a line start), if any. */
function across(tokens: readonly QueryToken[], offset: number): QueryToken | undefined {
  const before = tokens[firstAtOrAfter(tokens, offset) - 1];
  return before && before.end > offset ? before : undefined;
}

function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
}

/** The start of the line after `lines` more line breaks from `offset` (the text's end when there are fewer). */
function lineStartAfter(text: string, offset: number, lines: number): number {
  let at = offset;
  for (let i = 0; i < lines; i++) {
    const next = text.indexOf("\n", at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

/**
 * The tokens of `text`, which is `previousText` (whose tokens are
 * `previous`) with `change` applied: the same as `tokenize(text)`, which
 * `lex` is (tests count what it is given).
 */
export function retokenize(previousText: string, previous: readonly QueryToken[], text: string, change: TextChange, lex: (text: string) => QueryToken[] = tokenize): QueryToken[] {
  if (!CLOSED.has(previous) && previous.some(isOpenComment)) return lex(text);
  const delta = change.newEnd - change.oldEnd;
  // Where lexing starts: a line start no block comment crosses, with a parser token on whole lines before the edited one.
  const editedLine = lineStartOf(text, change.start);
  const editedIndex = firstAtOrAfter(previous, editedLine);
  let from = editedLine;
  for (;;) {
    const crossing = across(previous, from);
    if (crossing) {
      from = lineStartOf(text, crossing.start);
      continue;
    }
    if (from === 0) break;
    let hasParserToken = false;
    for (let i = firstAtOrAfter(previous, from); i < editedIndex && !hasParserToken; i++) hasParserToken = isParserToken(previous[i]!);
    if (hasParserToken) break;
    from = lineStartOf(text, from - 1);
  }
  const kept = firstAtOrAfter(previous, from);

  let extra = FIRST_EXTRA_LINES;
  for (let attempt = 0; ; attempt++) {
    const to = attempt === ATTEMPTS - 1 ? text.length : lineStartAfter(text, change.newEnd, 1 + extra);
    const region = lex(text.slice(from, to)).map((token) => moved(token, from));
    if (region.some(isOpenComment)) return lex(text);
    const sync = to === text.length ? null : syncPoint(text, previous, region, change, delta, to);
    if (to === text.length || sync !== null) {
      const tokens = sync === null ? previous.slice(0, kept).concat(region) : joined(previous, kept, region, firstAtOrAfter(region, sync), firstAtOrAfter(previous, sync - delta), delta);
      CLOSED.add(tokens);
      return tokens;
    }
    extra *= 8;
  }
}

/**
 * The first line start at or after the edit's end (in the new text) where
 * both the new region's and the old text's tokens can be cut, with a parser
 * token after it inside the region (so the region's last kinds see their
 * real next token); null when there is none before `to`.
 */
function syncPoint(text: string, previous: readonly QueryToken[], region: readonly QueryToken[], change: TextChange, delta: number, to: number): number | null {
  for (let at = lineStartOf(text, change.newEnd) === change.newEnd ? change.newEnd : lineStartAfter(text, change.newEnd, 1); at < to; at = lineStartAfter(text, at, 1)) {
    if (across(region, at) || across(previous, at - delta)) continue;
    const next = firstAtOrAfter(region, at);
    let hasParserToken = false;
    for (let i = next; i < region.length && !hasParserToken; i++) hasParserToken = isParserToken(region[i]!);
    if (hasParserToken) return at;
    return null;
  }
  return null;
}

/**
 * The new version's list: `previous[0, kept)`, `region[0, regionCount)`, then
 * `previous[tailFrom, …)` moved by `by`. The tail's tokens are moved in place,
 * not copied: they move to the new list, and copying them (tens of thousands
 * after an edit near the start of a large file) cost more than lexing the
 * edited lines. The previous version's list is not read again:
 * `DocumentTokens` keeps one version per document, and what was computed from
 * the old list (encoded semantic tokens, completion checkpoints) is keyed by
 * that list. One copy of the old list and a splice: three spreads into a new
 * array took most of an edit's 6 ms on a 20,000-line file.
 */
function joined(previous: readonly QueryToken[], kept: number, region: readonly QueryToken[], regionCount: number, tailFrom: number, by: number): QueryToken[] {
  const tokens = previous.slice();
  if (by !== 0) {
    for (let i = tailFrom; i < tokens.length; i++) {
      const movable = tokens[i] as { start: number; end: number };
      movable.start += by;
      movable.end += by;
    }
  }
  spliceAll(tokens, kept, tailFrom - kept, region.slice(0, regionCount));
  return tokens;
}

function moved(token: QueryToken, by: number): QueryToken {
  if (by === 0) return token;
  const shifted = { kind: token.kind, text: token.text, start: token.start + by, end: token.end + by };
  return token.unterminated ? { ...shifted, unterminated: true } : shifted;
}

interface Lexed {
  readonly version: number;
  readonly text: string;
  readonly tokens: QueryToken[];
  /** What changed from `text` to the document's current text (null: nothing yet). */
  change: TextChange | null;
}

/**
 * The open documents' tokens, lexed once per version, each version's from the
 * last one lexed and the edits since (`edit` applies every change).
 */
export class DocumentTokens {
  private readonly lexed = new Map<string, Lexed>();

  /** Notes edits to the document at `path` before they are applied to `document`; returns the edited document. */
  edit(path: string, document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    const entry = this.lexed.get(path);
    if (!entry) return TextDocument.update(document, [...changes], version);
    let current = document;
    for (const change of changes) {
      const length = current.getText().length;
      const [start, end] = "range" in change ? [current.offsetAt(change.range.start), current.offsetAt(change.range.end)].sort((a, b) => a - b) : [0, length];
      entry.change = composeChanges(entry.change, start!, end!, change.text.length);
      current = TextDocument.update(current, [change], version);
    }
    return current;
  }

  /** The tokens of the document's current text. */
  tokens(path: string, document: TextDocument): QueryToken[] {
    const entry = this.lexed.get(path);
    if (entry && entry.version === document.version) return entry.tokens;
    const text = document.getText();
    const tokens = entry?.text === text ? entry.tokens : entry?.change ? retokenize(entry.text, entry.tokens, text, entry.change) : tokenize(text);
    this.lexed.set(path, { version: document.version, text, tokens, change: null });
    return tokens;
  }

  forget(path: string): void {
    this.lexed.delete(path);
  }
}
