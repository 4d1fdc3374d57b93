import { describe, expect, it } from "vitest";
import { extension } from "../../src/rules/membership/extension.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program: extra roster lines from line 11, events from line 14 + roster.length. */
const spec = (roster: string[], events: string[]) => `import "committees.org"\n${membershipExample(roster, events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const ORG307 = (roster: string[], events: string[]) => reported(checkSpec(spec(roster, events)), "ORG307");
const JO = [`person jo_e "Jo E"`, `on 2024-03-01 approve jo_e by sinuiju`];
const LIB = `cell lib "Library Cell" {\n  under sinuiju\n}`;

describe("ORG307 extension", () => {
  it("reports a second extend, on it, counting a first extend before the period", () => {
    const second = `on 2026-01-10 extend jo_e by acad`;
    const result = checkSpec(spec([], [...JO, `on 2025-02-20 extend jo_e by acad`, second, `on 2026-02-15 expel jo_e by acad`]));
    expect(reported(result, "ORG307")).toEqual([
      `${range(17, second)} Jo E's probation was extended by Teachers College Cell on 2026-01-10, but probation was already extended on 2025-02-20, and it is extended at most once`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG307")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.related.map((r) => `${result.at({ ...diagnostic, span: r.span })} ${r.message}`)).toEqual([
      `16:1-16:34 the first extension, extended by Teachers College Cell on 2025-02-20`,
    ]);
  });

  it("accepts one extend by the candidate's cell", () => {
    expect(ORG307([`candidate ki_f "Ki F" since 2025-05-01`], [`on 2026-04-20 extend ki_f by acad`])).toEqual([]);
  });

  it("reports an extend by another body than the candidate's cell", () => {
    const extend = `on 2026-04-20 extend ki_f by sinuiju`;
    expect(ORG307([`candidate ki_f "Ki F" since 2025-05-01`], [extend])).toEqual([
      `${range(15, extend)} Ki F's probation was extended by Sinuiju City Party Committee on 2026-04-20, but an extension is decided by the candidate's party cell, and the candidate's cell is Teachers College Cell`,
    ]);
  });

  it("takes the candidate's cell from the application, moved by transfers", () => {
    const apply = [
      `on 2025-04-02 application ki_f "Ki F" to acad { recommended by kim_a, ri_b }`,
      `on 2025-04-12 meeting acad`,
      `on 2025-04-12 review ki_f at acad`,
      `on 2025-04-13 forward ki_f to sinuiju`,
      `on 2025-05-01 approve ki_f by sinuiju`,
    ];
    const extend = `on 2026-04-20 extend ki_f by lib`;
    expect(ORG307([], [LIB, ...apply, `person ki_f "Ki F"`, extend])).toEqual([
      `${range(23, extend)} Ki F's probation was extended by Library Cell on 2026-04-20, but an extension is decided by the candidate's party cell, and the candidate's cell is Teachers College Cell`,
    ]);
    expect(ORG307([], [LIB, ...apply, `person ki_f "Ki F"`, `on 2026-01-05 transfer ki_f from acad to lib`, extend])).toEqual([]);
  });

  it("requires a party cell where nothing records the candidate's cell", () => {
    const extend = `on 2025-02-20 extend jo_e by sinuiju`;
    expect(ORG307([], [...JO, extend])).toEqual([
      `${range(16, extend)} Jo E's probation was extended by Sinuiju City Party Committee on 2025-02-20, but an extension is decided by the candidate's party cell, and Sinuiju City Party Committee is a party committee, not a party cell`,
    ]);
  });

  it("names both faults of a second extend by another body in one diagnostic", () => {
    expect(ORG307([], [...JO, `on 2025-02-20 extend jo_e by acad`, `on 2026-01-10 extend jo_e by sinuiju`])).toHaveLength(1);
  });

  it("stays silent on an extend by an unresolved unit", () => {
    const result = checkSpec(spec([], [...JO, `on 2025-02-20 extend jo_e by akad`]));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG307")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${extension.docs.failing}`), "ORG307")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${extension.docs.passing}`), "ORG307")).toEqual([]);
  });
});
