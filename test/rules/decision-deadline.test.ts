import { describe, expect, it } from "vitest";
import { months } from "../../src/rules/rule.js";
import { decisionDeadline } from "../../src/rules/membership/decision-deadline.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { parseDay } from "../../src/util/dates.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program; events from line 14. */
const spec = (events: string[]) => `import "committees.org"\n${membershipExample([], events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const ORG304 = (events: string[], options = {}) => reported(checkSpec(spec(events), options), "ORG304");
/** Application, review and forward of Tak S (lines 14-16), forwarded on `day`. */
const forwarded = (day: string, to = "sinuiju") => [
  `on 2026-01-03 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }`,
  `on 2026-01-12 review tak_s at acad`,
  `on ${day} forward tak_s to ${to}`,
];

describe("ORG304 decision-deadline", () => {
  it("reports a decision more than a month after the forward, on the decision, with the forward related", () => {
    const decision = `on 2026-05-20 reject tak_s by sinuiju`;
    const result = checkSpec(spec([...forwarded("2026-04-13"), decision]));
    expect(reported(result, "ORG304")).toEqual([
      `${range(17, decision)} Tak S's application was rejected by Sinuiju City Party Committee on 2026-05-20, more than one month after the forward of 2026-04-13 (due by 2026-05-13)`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG304")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.related.map((r) => `${result.at({ ...diagnostic, span: r.span })} ${r.message}`)).toEqual([
      `16:1-16:39 the clock started here: forwarded to Sinuiju City Party Committee on 2026-04-13`,
    ]);
  });

  it("accepts a decision exactly one month after the forward, not a day more", () => {
    expect(ORG304([...forwarded("2026-04-13"), `on 2026-05-13 approve tak_s by sinuiju`])).toEqual([]);
    const decision = `on 2026-05-14 approve tak_s by sinuiju`;
    expect(ORG304([...forwarded("2026-04-13"), decision])).toEqual([
      `${range(17, decision)} Tak S's application was approved by Sinuiju City Party Committee on 2026-05-14, more than one month after the forward of 2026-04-13 (due by 2026-05-13)`,
    ]);
  });

  it("clamps a forward on the 31st to the end of the next month", () => {
    expect(ORG304([...forwarded("2026-01-31"), `on 2026-02-28 approve tak_s by sinuiju`])).toEqual([]);
    const decision = `on 2026-03-01 approve tak_s by sinuiju`;
    expect(ORG304([...forwarded("2026-01-31"), decision])).toEqual([
      `${range(17, decision)} Tak S's application was approved by Sinuiju City Party Committee on 2026-03-01, more than one month after the forward of 2026-01-31 (due by 2026-02-28)`,
    ]);
  });

  it("reports no decision by the due day on the forward", () => {
    const events = forwarded("2026-05-13");
    expect(ORG304(events)).toEqual([
      `${range(16, events[2]!)} Tak S's application was forwarded to Sinuiju City Party Committee on 2026-05-13; no decision by 2026-06-13, one month later`,
    ]);
  });

  it("does not count a decision by another committee", () => {
    const events = forwarded("2026-05-13");
    expect(ORG304([...events, `on 2026-05-20 approve tak_s by uiju`])).toHaveLength(1);
  });

  it("judges a deadline on the day deadlines are judged at, not one later", () => {
    // The records are complete through the end of that day: nothing by then is overdue.
    expect(ORG304(forwarded("2026-05-30"))).toEqual([
      `16:1-16:39 Tak S's application was forwarded to Sinuiju City Party Committee on 2026-05-30; no decision by 2026-06-30, one month later`,
    ]);
    expect(ORG304(forwarded("2026-06-01"))).toEqual([]);
    expect(ORG304(forwarded("2026-05-13"), { asOf: parseDay("2026-06-12") })).toEqual([]);
    expect(ORG304(forwarded("2026-05-13"), { asOf: parseDay("2026-06-13") })).toHaveLength(1);
    expect(ORG304([...forwarded("2026-04-13"), `on 2026-05-20 reject tak_s by sinuiju`], { asOf: parseDay("2026-05-01") })).toEqual([]);
  });

  it("finds nothing overdue without a period or --as-of", () => {
    const text = spec(forwarded("2026-04-13")).replace("period 2026-01-01 to 2026-06-30", "");
    expect(reported(checkSpec(text), "ORG304")).toEqual([]);
  });

  it("counts events before the period", () => {
    const events = [
      `on 2025-11-03 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }`,
      `on 2025-11-12 meeting acad`,
      `on 2025-11-12 review tak_s at acad`,
      `on 2025-11-13 forward tak_s to sinuiju`,
      `on 2026-01-05 approve tak_s by sinuiju`,
    ];
    expect(ORG304(events)).toEqual([
      `${range(18, events[4]!)} Tak S's application was approved by Sinuiju City Party Committee on 2026-01-05, more than one month after the forward of 2025-11-13 (due by 2025-12-13)`,
    ]);
  });

  it("leaves a forward to another body to ORG303", () => {
    const result = checkSpec(spec(forwarded("2026-04-13", "uiju")));
    expect(result.codes()).toContain("ORG303");
    expect(reported(result, "ORG304")).toEqual([]);
  });

  it("takes `within` from the rulebook", () => {
    const rulebook = new Map([["ORG304", { severity: "error" as const, options: { within: months(2) } }]]);
    expect(ORG304([...forwarded("2026-04-13"), `on 2026-05-20 reject tak_s by sinuiju`], { rulebook })).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${decisionDeadline.docs.failing}`), "ORG304")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${decisionDeadline.docs.passing}`), "ORG304")).toEqual([]);
  });
});
