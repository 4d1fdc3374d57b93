import { describe, expect, it } from "vitest";
import { months } from "../../src/rules/rule.js";
import { probationDecision } from "../../src/rules/membership/probation-decision.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { parseDay } from "../../src/util/dates.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program: extra roster lines from line 11, events from line 14 + roster.length. */
const spec = (roster: string[], events: string[]) => `import "committees.org"\n${membershipExample(roster, events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const ORG305 = (roster: string[], events: string[], options = {}) => reported(checkSpec(spec(roster, events), options), "ORG305");
const CHOE = `candidate choe_d "Choe D" since 2025-03-01`;

describe("ORG305 probation-decision", () => {
  it("reports a roster candidate with no decision a year after `since`, on the roster entry", () => {
    const result = checkSpec(spec([CHOE], []));
    expect(reported(result, "ORG305")).toEqual([
      `11:3-11:${3 + CHOE.length} Choe D's probation began 2025-03-01 (the roster's candidate since; no approve is recorded); no admit, extend or expel by 2026-03-01, one year later`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG305")?.severity).toBe("error");
  });

  it("starts probation at the earliest approve, and reports it there", () => {
    const approve = `on 2025-03-15 approve mun_g by sinuiju`;
    expect(ORG305([`candidate mun_g "Mun G" since 2025-06-01`], [approve, `on 2025-04-01 approve mun_g by sinuiju`])).toEqual([
      `${range(15, approve)} Mun G's probation began 2025-03-15 (approved by Sinuiju City Party Committee); no admit, extend or expel by 2026-03-15, one year later`,
    ]);
  });

  it("accepts a decision on the first anniversary and reports one the day after, on the decision", () => {
    const roster = [`candidate mun_g "Mun G" since 2025-03-15`];
    const approve = `on 2025-03-15 approve mun_g by sinuiju`;
    expect(ORG305(roster, [approve, `on 2026-03-15 extend mun_g by acad`])).toEqual([]);
    const late = `on 2026-03-16 extend mun_g by acad`;
    const result = checkSpec(spec(roster, [approve, late]));
    expect(reported(result, "ORG305")).toEqual([
      `${range(16, late)} Mun G was extended by Teachers College Cell on 2026-03-16, more than one year after probation began on 2025-03-15 (due by 2026-03-15)`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG305")!.related.map((r) => r.message)).toEqual([
      "probation began here on 2025-03-15: approved by Sinuiju City Party Committee",
    ]);
  });

  it("takes the first admit, extend or expel as the decision", () => {
    expect(ORG305([], [`person jo_e "Jo E"`, `on 2024-03-01 approve jo_e by sinuiju`, `on 2025-02-20 extend jo_e by acad`, `on 2026-02-15 expel jo_e by acad`])).toEqual([]);
  });

  it("clamps a probation begun on 29 February", () => {
    expect(ORG305([], [`person jo_e "Jo E"`, `on 2024-02-29 approve jo_e by sinuiju`, `on 2025-02-28 expel jo_e by acad`])).toEqual([]);
    expect(ORG305([], [`person jo_e "Jo E"`, `on 2024-02-29 approve jo_e by sinuiju`, `on 2025-03-01 expel jo_e by acad`])).toHaveLength(1);
  });

  it("judges a probation whose year ends on the day deadlines are judged at, not one later", () => {
    const roster = [`candidate ro_sun "Ro Sun" since 2025-07-01`];
    expect(ORG305(roster, [])).toEqual([]);
    expect(ORG305(roster, [], { asOf: parseDay("2026-06-30") })).toEqual([]);
    expect(ORG305(roster, [], { asOf: parseDay("2026-07-01") })).toHaveLength(1);
    expect(ORG305([`candidate ro_sun "Ro Sun" since 2025-06-30`], [])).toHaveLength(1);
  });

  it("leaves a full member with no recorded admit to ORG306", () => {
    expect(ORG305([`member mun_g "Mun G" joined 2025-06-01`], [`on 2024-03-15 approve mun_g by sinuiju`])).toEqual([]);
  });

  it("takes `probation` from the rulebook", () => {
    const rulebook = new Map([["ORG305", { severity: "error" as const, options: { probation: months(18) } }]]);
    expect(ORG305([CHOE], [], { rulebook })).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${probationDecision.docs.failing}`), "ORG305")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${probationDecision.docs.passing}`), "ORG305")).toEqual([]);
  });
});
