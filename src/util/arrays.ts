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
