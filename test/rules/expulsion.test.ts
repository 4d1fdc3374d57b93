import { describe, expect, it } from "vitest";
import { years } from "../../src/rules/rule.js";
import { expulsion } from "../../src/rules/membership/expulsion.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { parseDay } from "../../src/util/dates.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program; events from line 14. */
const spec = (events: string[]) => `import "committees.org"\n${membershipExample([], events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const ORG308 = (events: string[], options = {}) => reported(checkSpec(spec(events), options), "ORG308");
const EXTEND = `on 2025-04-20 extend ki_f by acad`;
/** Ki F, approved 2024-05-01 and extended 2025-04-20 (line 16): the extended probation ends 2026-05-01. */
const KI = [`person ki_f "Ki F"`, `on 2024-05-01 approve ki_f by sinuiju`, EXTEND];

describe("ORG308 expulsion", () => {
  it("reports an extended probation ended with no admit or expel, on the extend", () => {
    const result = checkSpec(spec(KI));
    expect(reported(result, "ORG308")).toEqual([
      `${range(16, EXTEND)} Ki F's probation was extended by Teachers College Cell on 2025-04-20; the extended probation ended on 2026-05-01 with no admit or expel`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG308")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.related.map((r) => `${result.at({ ...diagnostic, span: r.span })} ${r.message}`)).toEqual([
      `15:1-15:38 probation began here on 2024-05-01: approved by Sinuiju City Party Committee`,
    ]);
  });

  it("accepts an expel on the day the extended probation ends, and reports one the day after on the extend", () => {
    expect(ORG308([...KI, `on 2026-05-01 expel ki_f by acad`])).toEqual([]);
    expect(ORG308([...KI, `on 2026-05-02 expel ki_f by acad`])).toEqual([
      `${range(16, EXTEND)} Ki F's probation was extended by Teachers College Cell on 2025-04-20; the extended probation ended on 2026-05-01, but Ki F was expelled by Teachers College Cell on 2026-05-02, after it`,
    ]);
  });

  it("accepts an admit within the extended probation", () => {
    expect(ORG308([...KI, `on 2026-03-01 admit ki_f by acad`])).toEqual([]);
  });

  it("counts the extra year from the end of the first, not from the extend", () => {
    // Extended early, on 2024-11-01: the end is still 2026-05-01.
    expect(ORG308([`person ki_f "Ki F"`, `on 2024-05-01 approve ki_f by sinuiju`, `on 2024-11-01 extend ki_f by acad`, `on 2026-04-30 expel ki_f by acad`])).toEqual([]);
  });

  it("judges an end on the day deadlines are judged at, not one later", () => {
    const events = [`person ki_f "Ki F"`, `on 2024-08-01 approve ki_f by sinuiju`, `on 2025-07-20 extend ki_f by acad`];
    expect(ORG308(events)).toEqual([]);
    expect(ORG308(events, { asOf: parseDay("2026-07-31") })).toEqual([]);
    expect(ORG308(events, { asOf: parseDay("2026-08-01") })).toHaveLength(1);
  });

  it("applies only where the first decision is an extend", () => {
    expect(ORG308([`person ki_f "Ki F"`, `on 2024-05-01 approve ki_f by sinuiju`, `on 2025-04-20 admit ki_f by acad`])).toEqual([]);
  });

  it("takes `extendedProbation` from the rulebook", () => {
    const rulebook = new Map([["ORG308", { severity: "error" as const, options: { extendedProbation: years(3) } }]]);
    expect(ORG308(KI, { rulebook })).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${expulsion.docs.failing}`), "ORG308")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${expulsion.docs.passing}`), "ORG308")).toEqual([]);
  });
});
