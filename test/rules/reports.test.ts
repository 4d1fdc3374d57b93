import { describe, expect, it } from "vitest";
import { reports } from "../../src/rules/reporting/reports.js";
import { checkSpec, reported } from "../helpers.js";

/** A cell on line 3 (its ID at 3:6-3:13) under `under`, then `events`. */
function spec(period: string, events: string, { under = "sinuiju", properties = "", kind = "cell" } = {}): string {
  return `import "committees.org"
${period}
${kind} tannery "Tannery Cell" {
  under ${under}${properties}
}
${events}`;
}

const AT = "3:6-3:13";
const SIX = "period 2026-01-01 to 2026-06-30";
const CITY = "Sinuiju City Party Committee";
const PROVINCE = "North Pyongan Provincial Party Committee";
const need = "a basic party organization reports to its city or county committee and to the provincial committee above it at least every 3 months";
const WHOLE = "from 2026-01-01 (start of the period) to 2026-06-30 (end of the period), more than 3 months";

describe("ORG401 reports", () => {
  it("reports a recipient that never got a report, naming it, as a warning at the unit's identifier", () => {
    const result = checkSpec(spec(SIX, "every 2 months from 2026-02-15 to 2026-06-15 report tannery to sinuiju"));
    expect(reported(result, "ORG401")).toEqual([`${AT} Tannery Cell sent no report to ${PROVINCE} ${WHOLE}; ${need}`]);
    expect(result.diagnostics.find((d) => d.code === "ORG401")?.severity).toBe("warning");
  });

  it("names both committees in one diagnostic when they share a gap", () => {
    const result = checkSpec(spec(SIX, "on 2026-01-20 report tannery to sinuiju, north_pyongan\non 2026-05-15 report tannery to sinuiju, north_pyongan"));
    expect(reported(result, "ORG401")).toEqual([
      `${AT} Tannery Cell sent no report to ${CITY} and ${PROVINCE} from 2026-01-20 to 2026-05-15, more than 3 months; ${need}`,
    ]);
    expect(reported(checkSpec(spec(SIX, "")), "ORG401")).toEqual([`${AT} Tannery Cell sent no report to ${CITY} and ${PROVINCE} ${WHOLE}; ${need}`]);
  });

  it("measures each recipient separately, one diagnostic per gap in order", () => {
    const events = [
      "on 2026-03-01 report tannery to sinuiju, north_pyongan",
      "on 2026-06-01 report tannery to sinuiju",
      "on 2026-04-10 report tannery to north_pyongan",
    ].join("\n");
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-09-30", events)), "ORG401")).toEqual([
      `${AT} Tannery Cell sent no report to ${PROVINCE} from 2026-04-10 to 2026-09-30 (end of the period), more than 3 months; ${need}`,
      `${AT} Tannery Cell sent no report to ${CITY} from 2026-06-01 to 2026-09-30 (end of the period), more than 3 months; ${need}`,
    ]);
  });

  it("accepts exactly 3 months to each, from the window's start and to its end", () => {
    const events = "every 3 months from 2026-03-31 to 2026-06-30 report tannery to sinuiju, north_pyongan";
    expect(reported(checkSpec(spec("period 2025-12-31 to 2026-09-30", events)), "ORG401")).toEqual([]);
  });

  it("measures from the window's start to the first report", () => {
    const result = checkSpec(spec(SIX, "on 2026-04-02 report tannery to sinuiju, north_pyongan"));
    expect(reported(result, "ORG401")).toEqual([
      `${AT} Tannery Cell sent no report to ${CITY} and ${PROVINCE} from 2026-01-01 (start of the period) to 2026-04-02, more than 3 months; ${need}`,
    ]);
  });

  it("starts the window at `established` inside the period", () => {
    const result = checkSpec(spec(SIX, "on 2026-05-01 report tannery to sinuiju, north_pyongan", { properties: "\n  established 2026-03-01" }));
    expect(reported(result, "ORG401")).toEqual([]);
  });

  it("does not count reports before the period, or to other committees", () => {
    const events = "on 2025-12-31 report tannery to sinuiju, north_pyongan\nevery month from 2026-01-15 to 2026-03-15 report tannery to uiju, central";
    expect(reported(checkSpec(spec("period 2026-01-01 to 2026-04-30", events)), "ORG401")).toEqual([
      `${AT} Tannery Cell sent no report to ${CITY} and ${PROVINCE} from 2026-01-01 (start of the period) to 2026-04-30 (end of the period), more than 3 months; ${need}`,
    ]);
  });

  it("finds the city or county committee through the units in between", () => {
    const result = checkSpec(`import "committees.org"
${SIX}
primary plant "Machine Plant" { under uiju }
cell foundry "Foundry Cell" { under plant }
every month from 2026-01-15 to 2026-06-15 report plant to uiju, north_pyongan
every month from 2026-01-15 to 2026-06-15 report foundry to uiju`);
    expect(reported(result, "ORG401")).toEqual([`4:6-4:13 Foundry Cell sent no report to ${PROVINCE} ${WHOLE}; ${need}`]);
  });

  it("checks only units with a city or county committee above them", () => {
    expect(reported(checkSpec(spec(SIX, "", { kind: "team", under: "central" })), "ORG401")).toEqual([]);
    const unresolved = checkSpec(spec(SIX, "", { under: "sinuju" }));
    expect(unresolved.codes()).toContain("ORG002");
    expect(reported(unresolved, "ORG401")).toEqual([]);
    expect(reported(checkSpec(`import "committees.org"\n${SIX}`), "ORG401")).toEqual([]);
  });

  it("checks only the city committee where no provincial committee is above it", () => {
    const committees = `committee central "WPK Central Committee" { level central }
committee sinuiju "Sinuiju City Party Committee" {
  level city
  under central
}`;
    const result = checkSpec(spec(SIX, ""), { files: { "committees.org": committees } });
    expect(reported(result, "ORG401")).toEqual([`${AT} Tannery Cell sent no report to ${CITY} ${WHOLE}; ${need}`]);
  });

  it("lets a report with an unresolved recipient count for every recipient (one cause, one diagnostic)", () => {
    const result = checkSpec(spec(SIX, "every 2 months from 2026-02-15 to 2026-06-15 report tannery to sinuiju, north_pyonan"));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG401")).toEqual([]);
  });

  it("is silent without a period", () => {
    expect(reported(checkSpec(spec("", "")), "ORG401")).toEqual([]);
  });

  it("honours the interval option", () => {
    const rulebook = new Map([["ORG401", { severity: "error" as const, options: { interval: { count: 1, unit: "month" } } }]]);
    const result = checkSpec(spec(SIX, "every 2 months from 2026-01-01 to 2026-05-01 report tannery to sinuiju, north_pyongan"), { rulebook });
    expect(reported(result, "ORG401")).toHaveLength(3);
    expect(reported(result, "ORG401")[0]).toBe(
      `${AT} Tannery Cell sent no report to ${CITY} and ${PROVINCE} from 2026-01-01 to 2026-03-01, more than 1 month; a basic party organization reports to its city or county committee and to the provincial committee above it at least every 1 month`,
    );
    expect(result.diagnostics.find((d) => d.code === "ORG401")?.severity).toBe("error");
  });

  it("reports its failing example and not its passing one", () => {
    const run = (example: string) => reported(checkSpec(`import "committees.org"\n${example}`), "ORG401");
    expect(run(reports.docs.failing)).toHaveLength(1);
    expect(run(reports.docs.passing)).toEqual([]);
  });
});
