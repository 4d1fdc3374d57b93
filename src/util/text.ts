// Line/column lookup for a file's text, and name suggestions.

/** 1-based line and column, as editors and terminals show them. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Maps offsets to lines and columns with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf("\r") < 0) {
      // No carriage returns (the usual case): a line starts after each \n.
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset (columns count UTF-16 code units). */
  position(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
    return Math.min(start + column - 1, this.text.length);
  }

  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.lineStarts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, "");
  }
}

/** Levenshtein distance, bounded: returns `limit + 1` as soon as it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Two rows of the table, reused across calls (suggestions compare one name with many).
  if (rowA.length <= b.length) {
    rowA = new Int32Array(2 * (b.length + 1));
    rowB = new Int32Array(2 * (b.length + 1));
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length]!;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Names longer than this get no "did you mean": nobody mistypes one that long, and the distance is quadratic in it. */
export const MAX_SUGGESTED_LENGTH = 64;

/** At most this many candidates are compared for one name, so that a suggestion costs the same in any program. */
export const MAX_SUGGESTION_CANDIDATES = 20_000;

/**
 * The closest candidates to `name` (at most a third of its length away), best
 * first. Bounded: a name longer than `MAX_SUGGESTED_LENGTH` gets none, and
 * only the first `MAX_SUGGESTION_CANDIDATES` candidates are compared.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (name.length > MAX_SUGGESTED_LENGTH) return [];
  const limit = suggestionLimit(name);
  const scored: ScoredName[] = [];
  let compared = 0;
  for (const candidate of candidates) {
    if (compared >= MAX_SUGGESTION_CANDIDATES) break;
    const order = compared++;
    if (candidate === name) continue;
    const distance = editDistance(name, candidate, limit);
    if (distance <= limit) scored.push({ candidate, distance, order });
  }
  return bestNames(scored, max);
}

/** How far a suggestion may be from `name`: a third of its length, at least 1. */
export function suggestionLimit(name: string): number {
  return Math.max(1, Math.floor(name.length / 3));
}

/** A candidate within the limit: its distance, and its place among the candidates. */
export interface ScoredName {
  readonly candidate: string;
  readonly distance: number;
  readonly order: number;
}

/** The `max` best of `scored`: nearest first, then alphabetically, then in the candidates' order. */
export function bestNames(scored: ScoredName[], max: number): string[] {
  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate) || x.order - y.order);
  return scored.slice(0, max).map((entry) => entry.candidate);
}

/** The index of the first item starting at or after `offset`, in items sorted by `start` (binary search). */
export function firstStartingAtOrAfter(items: readonly { readonly start: number }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
