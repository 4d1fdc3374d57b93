import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CRITIQUE_CADENCES } from "../../src/syntax/build-ast.js";
import { critique } from "../../src/rules/meetings/critique.js";
import { checkSpec, reported } from "../helpers.js";

/** A cell on line 3 (its ID at 3:6-3:14) with `cadence` (none when empty), then `events`. */
function spec(period: string, events: string, { cadence = "critique weekly", properties = "", kind = "cell" } = {}): string {
  return `import "committees.org"
${period}
${kind} printing "Printing House Cell" {
  under sinuiju${cadence ? `\n  ${cadence}` : ""}${properties}
}
${events}`;
}

const AT = "3:6-3:14";
const MARCH = "period 2026-03-01 to 2026-03-31";
const weekly = "its declared cadence is `critique weekly` (at most 7 days apart)";

describe("ORG206 critique", () => {
  it("reports a gap of more than 7 days for a weekly cell, at the cell's identifier", () => {
    const result = checkSpec(spec(MARCH, "on 2026-03-01 critique printing\non 2026-03-09 critique printing\nevery week from 2026-03-16 to 2026-03-30 critique printing"));
    expect(reported(result, "ORG206")).toEqual([
      `${AT} Printing House Cell held no Party Life Critique from 2026-03-01 to 2026-03-09, more than 7 days; ${weekly}`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG206")?.severity).toBe("error");
  });

  it("accepts exactly 7 days between sessions, from the window's start and to its end", () => {
    const result = checkSpec(spec("period 2026-03-01 to 2026-03-29", "every week from 2026-03-08 to 2026-03-22 critique printing"));
    expect(reported(result, "ORG206")).toEqual([]);
  });

  it("measures from the window's start and to the window's end", () => {
    const result = checkSpec(spec(MARCH, "every week from 2026-03-09 to 2026-03-23 critique printing"));
    expect(reported(result, "ORG206")).toEqual([
      `${AT} Printing House Cell held no Party Life Critique from 2026-03-01 (start of the period) to 2026-03-09, more than 7 days; ${weekly}`,
      `${AT} Printing House Cell held no Party Life Critique from 2026-03-23 to 2026-03-31 (end of the period), more than 7 days; ${weekly}`,
    ]);
  });

  it("reports no session at all as one gap, the whole window", () => {
    expect(reported(checkSpec(spec(MARCH, "")), "ORG206")).toEqual([
      `${AT} Printing House Cell held no Party Life Critique from 2026-03-01 (start of the period) to 2026-03-31 (end of the period), more than 7 days; ${weekly}`,
    ]);
  });

  it("holds a cell with `critique every 2 days` to 2 days", () => {
    const cadence = "critique every 2 days";
    expect(reported(checkSpec(spec(MARCH, "every 2 days from 2026-03-01 to 2026-03-31 critique printing", { cadence })), "ORG206")).toEqual([]);
    const result = checkSpec(spec(MARCH, "every 3 days from 2026-03-01 to 2026-03-31 critique printing", { cadence }));
    expect(reported(result, "ORG206")).toHaveLength(10);
    expect(reported(result, "ORG206")[0]).toBe(
      `${AT} Printing House Cell held no Party Life Critique from 2026-03-01 to 2026-03-04, more than 2 days; its declared cadence is \`critique every 2 days\` (at most 2 days apart)`,
    );
  });

  it("starts the window at `established` inside the period", () => {
    const result = checkSpec(spec(MARCH, "every week from 2026-03-20 to 2026-03-31 critique printing", { properties: "\n  established 2026-03-15" }));
    expect(reported(result, "ORG206")).toEqual([]);
  });

  it("does not count sessions before the period", () => {
    const result = checkSpec(spec("period 2026-03-01 to 2026-03-10", "on 2026-02-28 critique printing\non 2026-03-10 critique printing"));
    expect(reported(result, "ORG206")).toEqual([
      `${AT} Printing House Cell held no Party Life Critique from 2026-03-01 (start of the period) to 2026-03-10, more than 7 days; ${weekly}`,
    ]);
  });

  it("warns about a cell with no `critique` line, with or without a period", () => {
    const message = `${AT} Printing House Cell declares no Party Life Critique cadence; add \`critique weekly\` or \`critique every 2 days\``;
    for (const period of [MARCH, ""]) {
      const result = checkSpec(spec(period, "", { cadence: "" }));
      expect(reported(result, "ORG206")).toEqual([message]);
      expect(result.diagnostics.find((d) => d.code === "ORG206")?.severity).toBe("warning");
    }
  });

  it("never raises the missing-line report above the configured severity", () => {
    const rulebook = new Map([["ORG206", { severity: "info" as const, options: {} }]]);
    const result = checkSpec(spec(MARCH, "", { cadence: "" }), { rulebook });
    expect(result.diagnostics.find((d) => d.code === "ORG206")?.severity).toBe("info");
  });

  it("stays silent when the cadence did not parse, and for units that are not cells", () => {
    const unknown = checkSpec(spec(MARCH, "", { cadence: "critique sometimes" }));
    expect(unknown.codes()).toContain("ORG001");
    expect(reported(unknown, "ORG206")).toEqual([]);
    expect(reported(checkSpec(spec(MARCH, "", { kind: "primary", cadence: "" })), "ORG206")).toEqual([]);
  });

  it("reports a declared cadence less often than weekly on the critique line, with or without a period", () => {
    const slower = (cadence: string, written = cadence) =>
      `5:3-5:${cadence.length + 3} Printing House Cell declares \`${written}\`, less often than the bylaws allow; ` +
      "Party Life Critique is held once a week or every two days (`critique weekly` or `critique every 2 days`)";
    for (const period of [MARCH, ""]) {
      // Monthly sessions all held: the cadence itself is the fault, and no gap is measured against it.
      const monthly = checkSpec(spec(period, "on 2026-03-01 critique printing\non 2026-03-31 critique printing", { cadence: "critique monthly" }));
      expect(reported(monthly, "ORG206")).toEqual([slower("critique monthly")]);
      expect(monthly.diagnostics.find((d) => d.code === "ORG206")?.severity).toBe("error");
      expect(reported(checkSpec(spec(period, "", { cadence: "critique every 30 days" })), "ORG206")).toEqual([slower("critique every 30 days")]);
      expect(reported(checkSpec(spec(period, "", { cadence: "critique every 8 days" })), "ORG206")).toEqual([slower("critique every 8 days")]);
      expect(reported(checkSpec(spec(period, "", { cadence: "critique every 2 weeks" })), "ORG206")).toEqual([slower("critique every 2 weeks")]);
    }
  });

  it("accepts weekly, every 2 days, and anything more often", () => {
    const all = "every day from 2026-03-01 to 2026-03-31 critique printing";
    for (const cadence of ["critique weekly", "critique every 2 days", "critique daily", "critique every 7 days", "critique every 1 week"]) {
      expect(reported(checkSpec(spec(MARCH, all, { cadence })), "ORG206")).toEqual([]);
    }
  });

  it("lists in its parse error exactly the cadences docs/language.md lists", () => {
    const unknown = checkSpec(spec(MARCH, "", { cadence: "critique sometimes" }));
    expect(reported(unknown, "ORG001")).toEqual([
      "5:12-5:21 unknown critique cadence `sometimes`; expected `weekly`, `daily`, `monthly` or `every N day(s)/week(s)/month(s)`",
    ]);
    const docs = readFileSync(new URL("../../docs/language.md", import.meta.url), "utf8");
    expect(docs).toContain(`| \`critique C\` | the Party Life Critique cadence: ${CRITIQUE_CADENCES};`);
  });

  it("does not evaluate the cadence without a period", () => {
    expect(reported(checkSpec(spec("", "")), "ORG206")).toEqual([]);
  });

  it("reports its failing example and not its passing one", () => {
    const run = (example: string) => reported(checkSpec(`import "committees.org"\n${example}`), "ORG206");
    expect(run(critique.docs.failing)).toHaveLength(1);
    expect(run(critique.docs.passing)).toEqual([]);
  });
});
