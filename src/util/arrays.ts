// Appending, splicing and extremes without spreading an array into a call: a
// call's arguments live on the stack, and about 120,000 of them overflow it
// (a hostile file with 140,000 duplicate declarations crashed the check).

/** Appends every item of `items` to `target`; returns `target`. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/** Below this many items a spread into `splice` is safe and fastest. */
const SPREAD_LIMIT = 10_000;

/** `target.splice(start, deleteCount, ...items)` for any number of items, in place. */
export function spliceAll<T>(target: T[], start: number, deleteCount: number, items: readonly T[]): void {
  if (items.length <= SPREAD_LIMIT) {
    target.splice(start, deleteCount, ...items);
    return;
  }
  const tail = target.slice(start + deleteCount);
  target.length = start;
  pushAll(target, items);
  pushAll(target, tail);
}

/** The least of `values` (`Infinity` for none, as `Math.min()`). */
export function minOf(values: Iterable<number>): number {
  let least = Infinity;
  for (const value of values) if (value < least || Number.isNaN(value)) least = value;
  return least;
}

/** The greatest of `values` (`-Infinity` for none, as `Math.max()`). */
export function maxOf(values: Iterable<number>): number {
  let greatest = -Infinity;
  for (const value of values) if (value > greatest || Number.isNaN(value)) greatest = value;
  return greatest;
}

/** Keys and positions fit one float exactly below these: key × 2^21 + position < 2^52. */
const POSITION_BITS = 2 ** 21;
const KEY_LIMIT = 2 ** 31;

/**
 * Sorts `list` in place by a numeric key, stably (equal keys keep their
 * order), reading each item's key once; a list already in order is left as
 * it is. A comparator that reads the key off each item on every comparison
 * was 12% of resolving a program (the events, by day: their shapes differ,
 * so each read is slow). Keys must not be NaN.
 */
export function sortByKey<T>(list: T[], key: (item: T) => number): void {
  const count = list.length;
  const keys = new Float64Array(count);
  let ordered = true;
  let packable = count < POSITION_BITS;
  for (let i = 0; i < count; i++) {
    const value = key(list[i]!);
    keys[i] = value;
    if (i > 0 && value < keys[i - 1]!) ordered = false;
    if (!Number.isInteger(value) || value >= KEY_LIMIT || value <= -KEY_LIMIT) packable = false;
  }
  if (ordered) return;
  const items = list.slice();
  if (packable) {
    // Key and position in one float, sorted by the engine's numeric sort (no comparator called).
    for (let i = 0; i < count; i++) keys[i] = keys[i]! * POSITION_BITS + i;
    keys.sort();
    for (let i = 0; i < count; i++) {
      const packed = keys[i]!;
      list[i] = items[packed - Math.floor(packed / POSITION_BITS) * POSITION_BITS]!;
    }
    return;
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  // Stable, as every sort is: equal keys keep their positions' order.
  order.sort((a, b) => keys[a]! - keys[b]!);
  for (let i = 0; i < count; i++) list[i] = items[order[i]!]!;
}
