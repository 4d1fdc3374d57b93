// Which worker the parse pool gives the next file: the one with the least
// text in flight, while that is under the window, so the workers share the
// files (the first program's too) and none is sent more than about a
// program's worth before it replies.
import { describe, expect, it } from "vitest";
import { leastLoaded } from "../../src/check/parsed-files.js";

describe("leastLoaded", () => {
  it("picks the worker with the least in flight, the first of equals", () => {
    expect(leastLoaded([0, 0], 10)).toBe(0);
    expect(leastLoaded([5, 0], 10)).toBe(1);
    expect(leastLoaded([3, 7, 3], 10)).toBe(0);
    expect(leastLoaded([9, 4, 6], 10)).toBe(1);
  });

  it("picks none when every worker has the window's worth or more", () => {
    expect(leastLoaded([10, 12], 10)).toBe(-1);
    expect(leastLoaded([], 10)).toBe(-1);
  });
});
