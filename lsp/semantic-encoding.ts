// The protocol's encoding of semantic tokens: five numbers a token (line and
// column relative to the token before, length, type, modifiers), computed
// whole or from the last encoding of the same document. After an edit, the
// tokens between the kept start and the kept end are encoded again and the
// rest is copied: the encoding is relative, so the copied numbers stay right
// however many lines the edit added, except the first token after the edited
// ones, which is encoded again. On a 20,000-line file this takes the encoding
// from 7.5 ms to well under one.
import type { QueryToken, SourceFile } from "./api.js";
import { spliceAll } from "../src/util/arrays.js";

/** A file's resolved names, sorted by start: where each starts and ends, its token type and modifiers. */
export interface Names {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly types: Uint8Array;
  readonly modifiers: Uint8Array;
}

/** How a token that is not a name is shown: its token type, or -1 for none. */
export type Classify = (token: QueryToken, previous: QueryToken | null) => number;

/** What the encoding reads of a file: its text and where its lines start. */
export type EncodedText = Pick<SourceFile, "text" | "lines">;

/** One document version's encoded tokens and what they were encoded from. */
export interface Encoding {
  readonly file: EncodedText;
  readonly tokens: readonly QueryToken[];
  readonly names: Names;
  readonly data: number[];
  /** Where each token's numbers start in `data`, and `data.length` after the last. */
  readonly offsets: Int32Array;
  /** Each token's start when encoded: the token objects after an edit are moved in place for the next version. */
  readonly starts: Int32Array;
}

/** How many encodings were made whole and how many from the last one (for tests and measurements). */
export const encodingCounts = { whole: 0, fromLast: 0 };

/** Index of the first name starting at or after `offset`. */
function firstNameAtOrAfter(names: Names, offset: number): number {
  let low = 0;
  let high = names.count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (names.starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Encodes tokens one at a time, each after the one before. */
class Encoder {
  readonly data: number[] = [];
  private previousLine = 0;
  private previousColumn = 0;
  // The current token's 1-based line and where it and the next line start: tokens come in order, so lines are walked, not searched.
  private line = 1;
  private lineStart = 0;
  private nextLineStart: number;
  private previous: QueryToken | null = null;
  private name = 0;

  constructor(
    private readonly file: EncodedText,
    private readonly tokens: readonly QueryToken[],
    private readonly names: Names,
    private readonly classify: Classify,
  ) {
    this.nextLineStart = file.lines.lineStart(2);
  }

  /** Goes on from token `index` as if those before it had been encoded, the last entry at 0-based `line` and `column`. */
  resumeAt(index: number, line: number, column: number): void {
    this.previousLine = line;
    this.previousColumn = column;
    const token = this.tokens[index];
    if (token) {
      this.line = this.file.lines.position(token.start).line;
      this.lineStart = this.file.lines.lineStart(this.line);
      this.nextLineStart = this.file.lines.lineStart(this.line + 1);
      this.name = firstNameAtOrAfter(this.names, token.start);
    }
    this.previous = null;
    for (let i = index - 1; i >= 0 && !this.previous; i--) if (this.tokens[i]!.kind !== "comment") this.previous = this.tokens[i]!;
  }

  /** Appends the numbers of token `index`. */
  encode(index: number): void {
    const token = this.tokens[index]!;
    const names = this.names;
    let name = this.name;
    while (name < names.count && names.starts[name]! < token.start) name++;
    this.name = name;
    if (name < names.count && names.starts[name] === token.start && names.ends[name] === token.end) this.push(token.start, token.end, names.types[name]!, names.modifiers[name]!);
    else {
      const type = this.classify(token, this.previous);
      if (type >= 0) this.push(token.start, token.end, type, 0);
    }
    if (token.kind !== "comment") this.previous = token;
  }

  private pushAt(line: number, column: number, size: number, type: number, modifiers: number): void {
    this.data.push(line - this.previousLine, line === this.previousLine ? column - this.previousColumn : column, size, type, modifiers);
    this.previousLine = line;
    this.previousColumn = column;
  }

  private push(start: number, end: number, type: number, modifiers: number): void {
    const lines = this.file.lines;
    const lineCount = lines.lineCount;
    while (start >= this.nextLineStart && this.line < lineCount) {
      this.line++;
      this.lineStart = this.nextLineStart;
      this.nextLineStart = lines.lineStart(this.line + 1);
    }
    if (end <= this.nextLineStart || this.line === lineCount) return this.pushAt(this.line - 1, start - this.lineStart, end - start, type, modifiers);
    // Tokens may not span lines: one per line.
    for (let at = start; at < end; ) {
      const position = lines.position(at);
      const lineEnd = Math.min(end, lines.lineStart(position.line) + lines.lineText(position.line).length);
      if (lineEnd > at) this.pushAt(position.line - 1, position.column - 1, lineEnd - at, type, modifiers);
      const next = lines.lineStart(position.line + 1);
      if (next <= at) break;
      at = next;
    }
  }
}

/** Every token of the file encoded. */
export function encodeWhole(file: EncodedText, tokens: readonly QueryToken[], names: Names, classify: Classify): Encoding {
  encodingCounts.whole++;
  const encoder = new Encoder(file, tokens, names, classify);
  const offsets = new Int32Array(tokens.length + 1);
  const starts = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    offsets[i] = encoder.data.length;
    starts[i] = tokens[i]!.start;
    encoder.encode(i);
  }
  offsets[tokens.length] = encoder.data.length;
  return { file, tokens, names, data: encoder.data, offsets, starts };
}

/** Whether names `[from, to)` of `a` are those from `otherFrom` of `b`, moved by `by`. */
function sameNames(a: Names, from: number, to: number, b: Names, otherFrom: number, by: number): boolean {
  for (let i = from, j = otherFrom; i < to; i++, j++) {
    if (a.starts[i] !== b.starts[j]! + by || a.ends[i] !== b.ends[j]! + by || a.types[i] !== b.types[j] || a.modifiers[i] !== b.modifiers[j]) return false;
  }
  return true;
}

/**
 * The file's tokens encoded from `last`, the encoding of an earlier version
 * of the same document: equal to `encodeWhole`, which it falls back to when
 * too little is kept or a name outside the edited tokens resolved otherwise.
 *
 * The kept start is the tokens that are the same objects at the same
 * offsets, with the same text up to their end; the kept end those that are
 * the same objects moved by the change in length, with the same text from
 * the first of them on. Their names must be the last encoding's (moved). The
 * tokens in between are encoded, then those of the kept end until one that
 * has numbers in both encodings, with a token other than a comment among
 * them (what the value words after `level` or `critique` look at): from there on
 * the last encoding's numbers are the new ones.
 */
export function encodeAfter(last: Encoding, file: EncodedText, tokens: readonly QueryToken[], names: Names, classify: Classify): Encoding {
  const n = tokens.length;
  const m = last.tokens.length;
  const text = file.text;
  const lastText = last.file.text;
  const by = text.length - lastText.length;
  const most = Math.min(n, m);
  let kept = 0;
  while (kept < most && tokens[kept] === last.tokens[kept] && tokens[kept]!.start === last.starts[kept]) kept++;
  let keptEnd = 0;
  while (keptEnd < most - kept && tokens[n - 1 - keptEnd] === last.tokens[m - 1 - keptEnd] && tokens[n - 1 - keptEnd]!.start === last.starts[m - 1 - keptEnd]! + by) keptEnd++;
  if (kept + keptEnd < most / 4) return encodeWhole(file, tokens, names, classify);

  const headEnd = kept > 0 ? tokens[kept - 1]!.end : 0;
  const tail = n - keptEnd;
  const tailStart = keptEnd > 0 ? tokens[tail]!.start : text.length;
  const lastTailStart = tailStart - by;
  if (text.slice(0, headEnd) !== lastText.slice(0, headEnd) || text.slice(tailStart) !== lastText.slice(lastTailStart)) return encodeWhole(file, tokens, names, classify);
  const headNames = firstNameAtOrAfter(names, headEnd);
  const tailNames = firstNameAtOrAfter(names, tailStart);
  const lastTailNames = firstNameAtOrAfter(last.names, lastTailStart);
  if (
    headNames !== firstNameAtOrAfter(last.names, headEnd) ||
    names.count - tailNames !== last.names.count - lastTailNames ||
    !sameNames(names, 0, headNames, last.names, 0, 0) ||
    !sameNames(names, tailNames, names.count, last.names, lastTailNames, by)
  ) {
    return encodeWhole(file, tokens, names, classify);
  }

  // Where the last entry before token `kept` lies: the sum of the relative lines, the columns since the last line change.
  const headLength = last.offsets[kept]!;
  let line = 0;
  let column = 0;
  for (let k = 0; k < headLength; k += 5) {
    if (last.data[k] !== 0) column = 0;
    line += last.data[k]!;
    column += last.data[k + 1]!;
  }
  const encoder = new Encoder(file, tokens, names, classify);
  encoder.resumeAt(kept, line, column);
  const offsets = new Int32Array(n + 1);
  offsets.set(last.offsets.subarray(0, kept));
  let copyFrom = n;
  let afterParserToken = false;
  for (let i = kept; i < n; i++) {
    offsets[i] = headLength + encoder.data.length;
    encoder.encode(i);
    if (i < tail) continue;
    if (tokens[i]!.kind !== "comment") afterParserToken = true;
    const lastIndex = i - tail + (m - keptEnd);
    if (afterParserToken && offsets[i]! < headLength + encoder.data.length && last.offsets[lastIndex]! < last.offsets[lastIndex + 1]!) {
      copyFrom = i + 1;
      break;
    }
  }
  const middleEnd = headLength + encoder.data.length;
  offsets[copyFrom] = middleEnd;
  const lastCopyFrom = copyFrom - tail + (m - keptEnd);
  const shift = middleEnd - last.offsets[lastCopyFrom]!;
  for (let i = copyFrom + 1; i <= n; i++) offsets[i] = last.offsets[i - n + m]! + shift;
  // One copy and a splice: copies of the parts and their concatenation made three arrays of up to a million numbers.
  const data = last.data.slice();
  spliceAll(data, headLength, last.offsets[lastCopyFrom]! - headLength, encoder.data);
  const starts = new Int32Array(n);
  starts.set(last.starts.subarray(0, kept));
  for (let i = kept; i < tail; i++) starts[i] = tokens[i]!.start;
  for (let i = tail; i < n; i++) starts[i] = last.starts[i - n + m]! + by;
  encodingCounts.fromLast++;
  return { file, tokens, names, data, offsets, starts };
}
