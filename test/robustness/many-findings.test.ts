// A hostile file can hold more findings, names or comments than a call can
// take arguments (about 120,000 spread into one call overflow the stack):
// each is reported, formatted or summed up, never an internal error. Before,
// 140,000 duplicate declarations crashed the check, 140,000 findings of one
// rule became an ORG012, 140,000 comments in a statement crashed `fmt`, and
// an import chain 6,000 files deep overflowed the recursive loading.
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/format/index.js";
import { RULES } from "../../src/rules/index.js";
import { defineRule, type AnyRule } from "../../src/rules/rule.js";
import { renderSummary } from "../../src/reporters/summary.js";
import { SourceLookup } from "../../src/reporters/locate.js";
import { maxOf, minOf, pushAll, spliceAll } from "../../src/util/arrays.js";
import { checkSpec } from "../helpers.js";

const MANY = 140_000;

describe("more than a call's arguments, or the stack's frames", () => {
  it("140,000 duplicate declarations: each is an ORG003", () => {
    const result = checkSpec(Array.from({ length: MANY }, () => 'residence r1 "R"').join("\n"));
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === "ORG003")).toHaveLength(MANY - 1);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === "ORG012")).toBe(false);
  });

  it("140,000 findings of one rule are all reported", () => {
    const many: AnyRule = defineRule({
      ...RULES[0]!,
      code: "ORG998",
      name: "many",
      options: {},
      check({ model, report }) {
        const unit = model.units[0]!;
        for (let i = 0; i < MANY; i++) report({ file: unit.file, span: unit.decl.id.span, message: `finding ${i}`, subject: `unit:${unit.id}/${i}`, evidence: [] });
      },
    });
    const result = checkSpec('cell a "A" {\n  under sinuiju\n}\n', { rules: [many] });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === "ORG998")).toHaveLength(MANY);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === "ORG012")).toBe(false);
  });

  it("a statement with 140,000 comments is formatted, every comment kept", async () => {
    const formatted = await formatText(`cell ${"/* c */ ".repeat(MANY)}a "A" {}\n`);
    expect(formatted.match(/\/\* c \*\//g)).toHaveLength(MANY);
  });

  it("a job summary of 140,000 units' findings is written, a row for each", () => {
    const result = checkSpec('cell a "A" {\n  under sinuiju\n}\n');
    const template = result.diagnostics[0]!;
    const diagnostics = Array.from({ length: MANY }, (_, i) => ({ ...template, subject: `unit:u${i}` }));
    const summary = renderSummary(diagnostics, new SourceLookup([result]), { cwd: "/", checkedFiles: 1, waived: 0, today: 0 });
    expect(summary.split("\n").filter((line) => /^\| `u\d+` \|/.test(line))).toHaveLength(MANY);
  });

  it("an import chain 20,000 files deep is loaded, imports before importers", () => {
    const depth = 20_000;
    const files: Record<string, string> = {};
    for (let i = 1; i <= depth; i++) files[`f${i}.org`] = `${i < depth ? `import "f${i + 1}.org"\n` : ""}residence r${i} "R"\n`;
    const result = checkSpec('import "f1.org"\n', { files });
    expect(result.model.files).toHaveLength(depth + 1);
    expect(result.model.files.at(0)!.path.endsWith(`f${depth}.org`)).toBe(true);
    expect(result.model.files.at(-1)!.path.endsWith("main.org")).toBe(true);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });

  it("the helpers do what push, splice, Math.min and Math.max would, for any length", () => {
    const items = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_003);
    expect(pushAll([1, 2], items)).toEqual([1, 2, ...items]);
    for (const inserted of [items.slice(0, 3), items]) {
      const target = [9, 8, 7, 6];
      spliceAll(target, 1, 2, inserted);
      expect(target).toEqual([9, ...inserted, 6]);
    }
    expect([minOf(items), maxOf(items)]).toEqual([0, 200_002]);
    expect([minOf([]), maxOf([])]).toEqual([Infinity, -Infinity]);
    expect([minOf([3, Number.NaN, 1]), maxOf([3, Number.NaN, 1])]).toEqual([Number.NaN, Number.NaN]);
  });
});
