// The per-file index of a model's references that hover, definition and
// semantic tokens read: sorted by offset, references at one offset in the
// model's order.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FileCache, diskHost, loadProgram, resolveProgram, type Model, type Reference } from "../../src/index.js";
import { referencesIn } from "../../lsp/query.js";

const examples = fileURLToPath(new URL("../../examples/", import.meta.url));

/** A model with just these references (the index reads nothing else). */
function withReferences(references: readonly { file: string; start: number; name: string }[]): Model {
  return {
    references: references.map(({ file, start, name }) => ({ file, name, span: { start, end: start + name.length }, symbol: null })),
  } as unknown as Model;
}

const names = (references: readonly Reference[]) => references.map((reference) => `${reference.name}@${reference.span.start}`);

describe("referencesIn", () => {
  it("sorts each file's references by offset and keeps the model's order at one offset", () => {
    const model = withReferences([
      { file: "b.org", start: 40, name: "b1" },
      { file: "a.org", start: 30, name: "late" },
      { file: "a.org", start: 10, name: "first" },
      { file: "a.org", start: 30, name: "later" },
      { file: "a.org", start: 20, name: "middle" },
      { file: "a.org", start: 30, name: "latest" },
      { file: "b.org", start: 5, name: "b0" },
    ]);
    expect(names(referencesIn(model, "a.org"))).toEqual(["first@10", "middle@20", "late@30", "later@30", "latest@30"]);
    expect(names(referencesIn(model, "b.org"))).toEqual(["b0@5", "b1@40"]);
    expect(referencesIn(model, "c.org")).toEqual([]);
  });

  it("sorts offsets past 2^31 too (by comparison)", () => {
    const model = withReferences([
      { file: "a.org", start: 2 ** 31 + 5, name: "far" },
      { file: "a.org", start: 7, name: "near" },
      { file: "a.org", start: 2 ** 31 + 5, name: "far2" },
    ]);
    expect(names(referencesIn(model, "a.org"))).toEqual(["near@7", `far@${2 ** 31 + 5}`, `far2@${2 ** 31 + 5}`]);
  });

  it("orders any list as a stable sort by offset does: a few ascending runs (merged), many (sorted by keys), offsets past 2^31", () => {
    const run = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 12 }).map((starts) => starts.sort((a, b) => a - b));
    // A few runs or many, small offsets (ties) or some past 2^31, which numeric keys cannot hold.
    const many = { minLength: 20, maxLength: 40 };
    const runs = fc.oneof(fc.array(run(40), { maxLength: 6 }), fc.array(run(40), many), fc.array(run(2 ** 32), many));
    fc.assert(
      fc.property(runs, (runs) => {
        const starts = runs.flat();
        const model = withReferences(starts.map((at, index) => ({ file: "a.org", start: at, name: `n${index}` })));
        const expected = [...model.references].sort((a, b) => a.span.start - b.span.start);
        expect(names(referencesIn(model, "a.org"))).toEqual(names(expected));
      }),
      { numRuns: 300 },
    );
  });

  it("gives a resolved program's references in the order a stable sort by offset gives", () => {
    const model = resolveProgram(loadProgram(join(examples, "sinuiju.org"), new FileCache(diskHost)));
    for (const file of model.files) {
      const expected = model.references.filter((reference) => reference.file === file.path).sort((a, b) => a.span.start - b.span.start);
      expect(expected.length).toBeGreaterThan(0);
      expect(referencesIn(model, file.path)).toEqual(expected);
      expect(referencesIn(model, file.path).every((reference, i) => reference === expected[i])).toBe(true);
    }
  });
});
