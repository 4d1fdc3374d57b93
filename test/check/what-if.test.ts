// What-if: re-checking with hypothetical statements, parsed by the same
// parser, and naming which findings would go away and which would appear.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { whatIf } from "../../src/check/what-if.js";
import { COMMITTEES, memoryHost, VIRTUAL_ROOT } from "../helpers.js";

const MAIN = `import "committees.org"
period 2026-01-01 to 2026-06-30
cell acad "Teachers College Cell" {
  under sinuiju
  critique weekly
  secretary kim_a
  deputy ri_b
  member kim_a "Kim A" joined 2010-01-01
  member ri_b "Ri B" joined 2011-01-01
  member pak_c "Pak C" joined 2012-01-01
  member jo_d "Jo D" joined 2013-01-01
  candidate han_mi "Han Mi" since 2025-03-01
}
every week from 2026-01-05 to 2026-06-29 critique acad
every month from 2026-01-12 to 2026-06-12 meeting acad
every 3 months from 2026-01-15 to 2026-06-15 report acad to sinuiju, north_pyongan
`;

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
