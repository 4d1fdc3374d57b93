// NameSuggester answers "did you mean" from a bigram index: every answer must
// be the one closestNames gives by comparing every candidate, and it must
// compare far fewer of them when many distinct names are asked.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NameSuggester, SuggesterMemory, suggestionCounts } from "../../src/util/name-index.js";
import { closestNames, MAX_SUGGESTED_LENGTH, MAX_SUGGESTION_CANDIDATES } from "../../src/util/text.js";

/** Names over a few letters, so that many are near each other; `\0` is the index's edge marker. */
const name = fc.string({ unit: fc.constantFrom("a", "b", "c", "_", "1", "\0"), minLength: 0, maxLength: 12 });

describe("NameSuggester", () => {
  it("gives closestNames' answer to every question, before and after its index is built", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 80 }), fc.array(name, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (names, questions, max) => {
        const suggester = new NameSuggester(names);
        for (const question of questions) expect(suggester.closest(question, max)).toEqual(closestNames(question, names, max));
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it("gives closestNames' answer for misspellings of names in a list", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom(..."abcdefgh_"), minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("substitute", "insert", "delete")), { minLength: 3, maxLength: 10 }),
        (names, edits) => {
          const suggester = new NameSuggester(names);
          for (const [which, where, edit] of edits) {
            const original = names[which % names.length]!;
            const at = where % (original.length + 1);
            const typo = edit === "insert" ? `${original.slice(0, at)}x${original.slice(at)}` : `${original.slice(0, at)}${edit === "substitute" ? "x" : ""}${original.slice(at + 1)}`;
            expect(suggester.closest(typo)).toEqual(closestNames(typo, names));
          }
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it("compares only the first capped number of candidates, as closestNames does", () => {
    const names = [...Array.from({ length: MAX_SUGGESTION_CANDIDATES }, (_, index) => `unit_${index}`), "unitz_9x"];
    const suggester = new NameSuggester(names);
    for (const question of ["unit_a", "unit_b", "unitz_9"]) expect(suggester.closest(question)).toEqual(closestNames(question, names));
    expect(suggester.closest("unitz_9")).not.toContain("unitz_9x");
    expect(new NameSuggester(["unitz_9x", ...names]).closest("unitz_9")).toContain("unitz_9x");
  });

  it("suggests nothing for a name longer than the cap, and handles one-character names", () => {
    const long = "x".repeat(MAX_SUGGESTED_LENGTH + 1);
    const suggester = new NameSuggester([`${long}y`, "a", "b", "ab"]);
    for (let i = 0; i < 3; i++) expect(suggester.closest(long)).toEqual([]);
    expect(suggester.closest("c")).toEqual(["a", "b"]);
  });

  it("compares a small share of the candidates for each of many distinct misspellings", () => {
    // 834 cells of ten members, and a typo in every secretary's name.
    const names = Array.from({ length: 834 * 10 }, (_, index) => `p${Math.floor(index / 10)}_${index % 10}`);
    const questions = Array.from({ length: 834 }, (_, cell) => `q${cell}_0`);
    const suggester = new NameSuggester(names);
    const before = suggestionCounts.comparisons;
    const answers = questions.map((question) => suggester.closest(question));
    const compared = suggestionCounts.comparisons - before;
    expect(answers[5]).toEqual(["p5_0"]);
    expect(answers).toEqual(questions.map((question) => closestNames(question, names)));
    // Comparing every candidate would be 834 × 8,340 edit distances.
    expect(compared).toBeLessThan((834 * 8340) / 20);
  });
});

describe("SuggesterMemory", () => {
  const people = Array.from({ length: 300 }, (_, index) => `kim_${index}`);

  it("gives a list equal to a kept one that suggester, whose answers are not sought again", () => {
    const memory = new SuggesterMemory();
    const first = memory.suggester([...people]);
    const questions = ["kim_1x", "kim_2x", "kim_3x", "kim_4x"];
    const answers = questions.map((question) => first.closest(question));
    const comparisons = suggestionCounts.comparisons;
    const again = memory.suggester([...people]);
    expect(again).toBe(first);
    expect(questions.map((question) => again.closest(question))).toEqual(answers);
    expect(suggestionCounts.comparisons).toBe(comparisons);
  });

  it("makes a new suggester for a list with a name changed, added or moved, and answers for that list", () => {
    const memory = new SuggesterMemory();
    const first = memory.suggester(people);
    expect(first.closest("kim_1x")).toEqual(["kim_1", "kim_10", "kim_11"]);
    const renamed = people.map((name) => (name === "kim_1" ? "kim_1y" : name));
    const added = [...people, "kim_1xy"];
    const moved = [people[1]!, people[0]!, ...people.slice(2)];
    for (const names of [renamed, added, moved]) {
      const suggester = memory.suggester(names);
      expect(suggester).not.toBe(first);
      expect(suggester.closest("kim_1x")).toEqual(closestNames("kim_1x", names));
    }
    expect(memory.suggester(people)).toBe(first);
  });

  it("hands out copies of its answers", () => {
    const suggester = new SuggesterMemory().suggester(people);
    suggester.closest("kim_1x").push("changed");
    expect(suggester.closest("kim_1x")).toEqual(["kim_1", "kim_10", "kim_11"]);
  });
});
