// sortByKey sorts the resolver's events by day: it must agree with a stable
// sort by a comparator for every list, in each of its three ways (already in
// order, key and position packed in one float, and the comparator fallback
// for keys that do not pack).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortByKey } from "../../src/util/arrays.js";

interface Item {
  readonly key: number;
  readonly at: number;
}

const stableSorted = (items: readonly Item[]) => [...items].sort((a, b) => a.key - b.key);
const items = (keys: readonly number[]): Item[] => keys.map((key, at) => ({ key, at }));

/** Over lists of keys drawn from `key`, sortByKey's order is that of a stable comparator sort. */
function agreesWithStableSort(key: fc.Arbitrary<number>): void {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 200 }), (keys) => {
      const list = items(keys);
      const expected = stableSorted(list);
      sortByKey(list, (item) => item.key);
      expect(list).toEqual(expected);
    }),
    { numRuns: 300 },
  );
}

describe("sortByKey", () => {
  it("sorts as a stable comparator sort does, with ties kept in order", () => {
    agreesWithStableSort(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 })));
  });

  it("sorts keys that do not pack into one float with their position", () => {
    agreesWithStableSort(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 40, 0.5, -1.25, Infinity, -Infinity)));
  });

  it("leaves a list in order as it is, reading each key once", () => {
    const list = items([1, 1, 2, 3, 3]);
    const before = [...list];
    let reads = 0;
    sortByKey(list, (item) => (reads++, item.key));
    expect(list).toEqual(before);
    expect(reads).toBe(5);
    const unordered = items([3, 1, 2, 1]);
    reads = 0;
    sortByKey(unordered, (item) => (reads++, item.key));
    expect(unordered.map((item) => item.at)).toEqual([1, 3, 2, 0]);
    expect(reads).toBe(4);
  });
});
