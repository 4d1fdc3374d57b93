// What-if: re-checking with hypothetical statements, parsed by the same
// parser, and naming which findings would go away and which would appear.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { whatIf } from "../../src/check/what-if.js";
import { COMMITTEES, memoryHost, VIRTUAL_ROOT } from "../helpers.js";

/** A cell with a candidate whose probation ended with no decision (ORG305), shared with the CLI's --assume tests. */
const MAIN = readFileSync(new URL("../fixtures/what-if/main.org", import.meta.url), "utf8");

const run = (assumptions: string[]) =>
  whatIf(resolve(VIRTUAL_ROOT, "main.org"), assumptions, { host: memoryHost({ "committees.org": COMMITTEES, "main.org": MAIN }), today: 0, config: "none" });
const codes = (list: readonly { code: string }[]) => list.map((d) => d.code);

describe("what-if", () => {
  it("says which findings an assumed decision would make go away, and which it would bring", () => {
    const result = run(["on 2026-02-27 extend han_mi by acad"]);
    expect(codes(result.before.diagnostics)).toContain("ORG305");
    expect(result.gone.map((d) => `${d.code} ${d.subject}`)).toEqual(["ORG305 person:han_mi/probation:2025-03-01"]);
    expect(result.appeared).toEqual([]);
  });

  it("marks a finding on the assumed lines as assumed, and still reads them with the real parser", () => {
    const result = run(["on 2026-02-27 extend han_mi by acad", "on 2026-03-01 admitt han_mi by acad"]);
    const syntax = result.appeared.filter((d) => d.code === "ORG001");
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.every((d) => d.assumed)).toBe(true);
    expect(syntax[0]!.message).toContain("admitt");
  });

  it("changes nothing with nothing assumed", () => {
    const result = run([]);
    expect(result.gone).toEqual([]);
    expect(result.appeared).toEqual([]);
  });
});
