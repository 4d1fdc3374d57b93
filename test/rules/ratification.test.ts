import { describe, expect, it } from "vitest";
import { ratification } from "../../src/rules/membership/ratification.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program: extra roster lines from line 11, events from line 14 + roster.length. */
const spec = (roster: string[], events: string[]) => `import "committees.org"\n${membershipExample(roster, events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const ORG306 = (roster: string[], events: string[]) => reported(checkSpec(spec(roster, events)), "ORG306");
const entry = (line: number, text: string) => `${line}:3-${line}:${text.length + 3}`;
const APPROVE = `on 2025-03-15 approve mun_g by sinuiju`;
const ADMIT = `on 2026-03-10 admit mun_g by acad`;

describe("ORG306 ratification", () => {
  it("reports a member joined in the period with no ratify, on the roster entry", () => {
    const member = `member mun_g "Mun G" joined 2026-03-10`;
    const result = checkSpec(spec([member], [APPROVE, ADMIT]));
    expect(reported(result, "ORG306")).toEqual([
      `${entry(11, member)} Mun G joined 2026-03-10, in the period, but no ratify by Sinuiju City Party Committee is recorded; Mun G was admitted by Teachers College Cell on 2026-03-10`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG306")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.related.map((r) => `${result.at({ ...diagnostic, span: r.span })} ${r.message}`)).toEqual([
      `${range(16, ADMIT)} admitted here on 2026-03-10`,
    ]);
  });

  it("says when neither admit nor ratify is recorded", () => {
    const member = `member mun_g "Mun G" joined 2026-01-01`;
    expect(ORG306([member], [])).toEqual([
      `${entry(11, member)} Mun G joined 2026-01-01, in the period, but no ratify by Sinuiju City Party Committee is recorded, nor an admit by the cell`,
    ]);
  });

  it("accepts members who joined before the period without records", () => {
    expect(ORG306([`member mun_g "Mun G" joined 2025-12-31`], [])).toEqual([]);
  });

  it("accepts an admit ratified by the committee above the cell", () => {
    expect(ORG306([`member mun_g "Mun G" joined 2026-03-17`], [APPROVE, ADMIT, `on 2026-03-17 ratify mun_g by sinuiju`])).toEqual([]);
  });

  it("reports a ratify by another body, on the ratify", () => {
    const ratify = `on 2026-03-17 ratify mun_g by uiju`;
    expect(ORG306([`member mun_g "Mun G" joined 2026-03-17`], [APPROVE, ADMIT, ratify])).toEqual([
      `${range(17, ratify)} Mun G was ratified by Uiju County Party Committee on 2026-03-17, but the admit by Teachers College Cell is ratified by the city or county committee above it, Sinuiju City Party Committee`,
    ]);
  });

  it("reports a ratify with no admit before it once, on the ratify", () => {
    const ratify = `on 2026-03-17 ratify mun_g by sinuiju`;
    expect(ORG306([`member mun_g "Mun G" joined 2026-03-17`], [APPROVE, ratify, `on 2026-03-20 admit mun_g by acad`])).toEqual([
      `${range(16, ratify)} Mun G was ratified by Sinuiju City Party Committee on 2026-03-17 with no admit by the cell before it; the committee ratifies the cell's admit`,
    ]);
  });

  it("counts an admit before the period", () => {
    expect(ORG306([`member mun_g "Mun G" joined 2026-01-10`], [`on 2025-12-20 admit mun_g by acad`, `on 2026-01-10 ratify mun_g by sinuiju`])).toEqual([]);
  });

  it("checks no roster dates without a period", () => {
    const text = spec([`member mun_g "Mun G" joined 2026-01-01`], []).replace("period 2026-01-01 to 2026-06-30", "");
    expect(reported(checkSpec(text), "ORG306")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${ratification.docs.failing}`), "ORG306")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${ratification.docs.passing}`), "ORG306")).toEqual([]);
  });
});
