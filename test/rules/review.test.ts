import { describe, expect, it } from "vitest";
import { review } from "../../src/rules/membership/review.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program (acad meets on the 12th of each month); events from line 14. */
const spec = (events: string[]) => `import "committees.org"\n${membershipExample([], events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const ORG303 = (events: string[]) => reported(checkSpec(spec(events)), "ORG303");
const APPLY = `on 2026-04-02 application paek_h "Paek H" to acad { recommended by kim_a, ri_b }`;

describe("ORG303 review", () => {
  it("reports a review on a day the cell did not meet, on the review", () => {
    const event = `on 2026-04-14 review paek_h at acad`;
    const result = checkSpec(spec([APPLY, event, `on 2026-04-15 forward paek_h to sinuiju`]));
    expect(reported(result, "ORG303")).toEqual([
      `${range(15, event)} Paek H was reviewed at Teachers College Cell on 2026-04-14, but Teachers College Cell held no meeting that day; the application is reviewed at the cell's meeting`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG303")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.related.map((r) => r.message)).toEqual(["applied here on 2026-04-02"]);
  });

  it("accepts a review at a meeting of a series or a single meeting, and a review on the forward's day", () => {
    expect(ORG303([APPLY, `on 2026-04-12 review paek_h at acad`, `on 2026-04-15 forward paek_h to sinuiju`])).toEqual([]);
    expect(ORG303([APPLY, `on 2026-04-20 meeting acad`, `on 2026-04-20 review paek_h at acad`, `on 2026-04-20 forward paek_h to sinuiju`])).toEqual([]);
  });

  it("requires the applicant among those present when attendance is recorded", () => {
    const event = `on 2026-04-20 review paek_h at acad`;
    expect(ORG303([APPLY, `on 2026-04-20 meeting acad { present kim_a, ri_b }`, event])).toEqual([
      `${range(16, event)} Paek H was reviewed at Teachers College Cell on 2026-04-20, but the meeting's attendance does not list Paek H; the application is reviewed with the applicant present`,
    ]);
    expect(ORG303([APPLY, `on 2026-04-20 meeting acad { present kim_a, paek_h }`, event])).toEqual([]);
  });

  it("reports a review at another unit than the cell applied to", () => {
    const cell = `cell lib "Library Cell" {\n  under sinuiju\n}\non 2026-04-12 meeting lib`;
    const event = `on 2026-04-12 review paek_h at lib`;
    expect(ORG303([cell, APPLY, event])).toEqual([
      `${range(19, event)} Paek H was reviewed at Library Cell on 2026-04-12, but applied to Teachers College Cell; the application is reviewed at a meeting of its cell`,
    ]);
  });

  it("reports a forward with no review on or before it, on the forward", () => {
    const forward = `on 2026-04-11 forward paek_h to sinuiju`;
    expect(ORG303([APPLY, forward, `on 2026-04-12 review paek_h at acad`])).toEqual([
      `${range(15, forward)} Paek H's application was forwarded to Sinuiju City Party Committee on 2026-04-11 with no review at a meeting of Teachers College Cell before it`,
    ]);
  });

  it("reports a forward to another body than the committee above the cell", () => {
    const forward = `on 2026-04-13 forward paek_h to uiju`;
    expect(ORG303([APPLY, `on 2026-04-12 review paek_h at acad`, forward])).toEqual([
      `${range(16, forward)} Paek H's application was forwarded to Uiju County Party Committee on 2026-04-13; the city or county committee above Teachers College Cell is Sinuiju City Party Committee`,
    ]);
  });

  it("does not report the forward again after a faulty review", () => {
    expect(ORG303([APPLY, `on 2026-04-14 review paek_h at acad`, `on 2026-04-15 forward paek_h to sinuiju`])).toHaveLength(1);
  });

  it("judges each application separately", () => {
    const forward = `on 2026-05-13 forward paek_h to sinuiju`;
    expect(
      ORG303([APPLY, `on 2026-04-12 review paek_h at acad`, `on 2026-04-13 forward paek_h to sinuiju`, `on 2026-05-01 application paek_h "Paek H" to acad { recommended by kim_a, ri_b }`, forward]),
    ).toEqual([
      `${range(18, forward)} Paek H's application was forwarded to Sinuiju City Party Committee on 2026-05-13 with no review at a meeting of Teachers College Cell before it`,
    ]);
  });

  it("does not judge the reviews and forwards of an application that went to no cell (ORG301)", () => {
    const result = checkSpec(spec([`on 2026-04-02 application paek_h "Paek H" to sinuiju { recommended by kim_a, ri_b }`, `on 2026-04-15 forward paek_h to uiju`]));
    expect(result.codes()).toContain("ORG301");
    expect(reported(result, "ORG303")).toEqual([]);
  });

  it("stays silent on a review at an unresolved unit", () => {
    const result = checkSpec(spec([APPLY, `on 2026-04-14 review paek_h at akad`, `on 2026-04-15 forward paek_h to sinuiju`]));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG303")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${review.docs.failing}`), "ORG303")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${review.docs.passing}`), "ORG303")).toEqual([]);
  });
});
