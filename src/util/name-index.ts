// "Did you mean" over one list of names, asked many times: the answers of
// `closestNames` without an edit distance to every candidate. A program with
// thousands of distinct unresolved names (a roster renamed, not its uses)
// asked each of them of up to 20,000 candidates; each resolve then took
// seconds, in the editor on every keystroke.
import { bestNames, closestNames, editDistance, MAX_SUGGESTED_LENGTH, MAX_SUGGESTION_CANDIDATES, suggestionLimit, type ScoredName } from "./text.js";

/** Edit distances computed for suggestions, in this process (for tests and measurements: what answers cost, and that kept ones cost nothing). */
export const suggestionCounts = { comparisons: 0 };

/** Questions answered by scanning every candidate before the index is built: one typo should not pay for an index. */
const SCANS_BEFORE_INDEX = 2;

/**
 * Stands for the edges of a name in its bigrams. A name with this code unit
 * in it only shares more bigrams, never fewer, so no answer is lost; and
 * with it the bigrams of ASCII names are small integers, fast map keys.
 */
const EDGE = 0;

/**
 * The suggestions `closestNames(name, names)` gives, for any `name`, from an
 * index of the names' padded bigrams (`^a`, `ab`, …, `z$`). Two names within
 * edit distance `k` share at least `max(|a|, |b|) + 1 - 2k` of them, counted
 * with repeats (an edit changes at most two; Gravano et al., "Approximate
 * String Joins in a Database (Almost) for Free", 2001), so only the names
 * that share that many are compared, and the answer is the same. As there,
 * only the first `MAX_SUGGESTION_CANDIDATES` names are candidates.
 */
export class NameSuggester {
  private readonly candidates: readonly string[];
  private scans = 0;
  private index: BigramIndex | null = null;
  private readonly answers = new Map<string, readonly string[]>();

  constructor(names: readonly string[]) {
    this.candidates = names.length > MAX_SUGGESTION_CANDIDATES ? names.slice(0, MAX_SUGGESTION_CANDIDATES) : names;
  }

  /** Whether `names` has the candidates this suggester was made from, so that it answers for them too. */
  answersFor(names: readonly string[]): boolean {
    const { candidates } = this;
    if (Math.min(names.length, MAX_SUGGESTION_CANDIDATES) !== candidates.length) return false;
    for (let at = 0; at < candidates.length; at++) if (names[at] !== candidates[at]) return false;
    return true;
  }

  /** The `max` closest names to `name`, best first (answered once for each name and `max`). */
  closest(name: string, max = 3): string[] {
    const key = `${max}\0${name}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.compute(name, max);
      this.answers.set(key, answer);
    }
    return [...answer];
  }

  private compute(name: string, max: number): string[] {
    if (name.length > MAX_SUGGESTED_LENGTH) return [];
    const limit = suggestionLimit(name);
    // A one-character name may be near a name with no bigram in common.
    if (this.scans < SCANS_BEFORE_INDEX || name.length + 1 - 2 * limit <= 0) {
      this.scans++;
      suggestionCounts.comparisons += this.candidates.length;
      return closestNames(name, this.candidates, max);
    }
    this.index ??= new BigramIndex(this.candidates);
    const scored: ScoredName[] = [];
    for (const order of this.index.sharing(name, limit)) {
      const candidate = this.candidates[order]!;
      if (candidate === name) continue;
      suggestionCounts.comparisons++;
      const distance = editDistance(name, candidate, limit);
      if (distance <= limit) scored.push({ candidate, distance, order });
    }
    return bestNames(scored, max);
  }
}

/** Suggesters kept for the lists of names of the last few models. */
const KEPT_SUGGESTERS = 8;

/**
 * Suggesters kept from one resolve to the next (the language server's, across
 * edits): a list of names equal to a kept suggester's gets that suggester,
 * its index and its answers, since equal candidates give equal answers. Most
 * edits declare nothing, so a program with many misspelt names does not
 * look for the same suggestions again on every keystroke.
 */
export class SuggesterMemory {
  private readonly kept: NameSuggester[] = [];

  suggester(names: readonly string[]): NameSuggester {
    const at = this.kept.findIndex((suggester) => suggester.answersFor(names));
    const suggester = at >= 0 ? this.kept.splice(at, 1)[0]! : new NameSuggester(names);
    this.kept.unshift(suggester);
    if (this.kept.length > KEPT_SUGGESTERS) this.kept.pop();
    return suggester;
  }
}

/** Bigram code of two code units. */
function bigram(first: number, second: number): number {
  return first * 0x10000 + second;
}

/** A name's padded bigrams, sorted, so that repeats are adjacent. */
function bigramsOf(name: string): number[] {
  const grams: number[] = [];
  let previous = EDGE;
  for (let at = 0; at < name.length; at++) {
    const unit = name.charCodeAt(at);
    grams.push(bigram(previous, unit));
    previous = unit;
  }
  grams.push(bigram(previous, EDGE));
  return grams.sort((a, b) => a - b);
}

/** How many items from `at` on equal the one at `at`. */
function runLength(items: ArrayLike<number>, at: number): number {
  let end = at + 1;
  while (end < items.length && items[end] === items[at]) end++;
  return end - at;
}

/** Longer names are never suggested: a question is at most MAX_SUGGESTED_LENGTH long and may be a third of that away. */
const LONGEST_SUGGESTED = MAX_SUGGESTED_LENGTH + Math.floor(MAX_SUGGESTED_LENGTH / 3);

/** Postings are kept apart by the candidates' lengths: a question reads only those of the lengths it allows. */
function postingKey(gram: number, length: number): number {
  return gram * (LONGEST_SUGGESTED + 1) + length;
}

class BigramIndex {
  /** For each bigram and length, the candidates of that length that have it, in order, a candidate once for each time it has it. */
  private readonly postings = new Map<number, Int32Array>();
  private readonly lengths: Int32Array;
  private readonly counts: Int32Array;
  /** The question a count belongs to, so the counts are never cleared. */
  private readonly stamps: Int32Array;
  private question = 0;

  constructor(names: readonly string[]) {
    this.lengths = new Int32Array(names.length);
    this.counts = new Int32Array(names.length);
    this.stamps = new Int32Array(names.length);
    const lists = new Map<number, number[]>();
    names.forEach((name, order) => {
      this.lengths[order] = name.length;
      if (name.length > LONGEST_SUGGESTED) return;
      for (const gram of bigramsOf(name)) {
        const key = postingKey(gram, name.length);
        const list = lists.get(key);
        if (list) list.push(order);
        else lists.set(key, [order]);
      }
    });
    for (const [gram, list] of lists) this.postings.set(gram, Int32Array.from(list));
  }

  /** The candidates (their places) that could be within `limit` edits of `name`: their length and the bigrams they share allow it. */
  sharing(name: string, limit: number): number[] {
    const question = ++this.question;
    const { counts, stamps, lengths } = this;
    const touched: number[] = [];
    const grams = bigramsOf(name);
    for (let at = 0; at < grams.length; ) {
      const gram = grams[at]!;
      const repeats = runLength(grams, at);
      at += repeats;
      for (let length = Math.max(0, name.length - limit); length <= name.length + limit; length++) {
        const posting = this.postings.get(postingKey(gram, length));
        if (!posting) continue;
        for (let slot = 0; slot < posting.length; ) {
          const order = posting[slot]!;
          const times = runLength(posting, slot);
          slot += times;
          if (stamps[order] !== question) {
            stamps[order] = question;
            counts[order] = 0;
            touched.push(order);
          }
          counts[order] = counts[order]! + (times < repeats ? times : repeats);
        }
      }
    }
    const possible: number[] = [];
    for (const order of touched) {
      const length = lengths[order]!;
      if (counts[order]! >= Math.max(length, name.length) + 1 - 2 * limit) possible.push(order);
    }
    return possible;
  }
}
