import { describe, expect, it } from "vitest";
import { rosterConsistency } from "../../src/rules/membership/roster-consistency.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program: extra roster lines from line 11, events from line 14 + roster.length. */
const spec = (roster: string[], events: string[]) => `import "committees.org"\n${membershipExample(roster, events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const entry = (line: number, text: string) => `${line}:3-${line}:${text.length + 3}`;
const ORG309 = (roster: string[], events: string[]) => reported(checkSpec(spec(roster, events)), "ORG309");
const APPROVE = `on 2026-02-20 approve hwang_h by sinuiju`;
const LIB = `cell lib "Library Cell" {\n  under sinuiju\n  member an_ran "An Ran" joined 2010-01-01\n}`;

describe("ORG309 roster-consistency", () => {
  it("warns on a candidate entry whose since differs from the approve in the period", () => {
    const candidate = `candidate hwang_h "Hwang H" since 2026-02-25`;
    const result = checkSpec(spec([candidate], [APPROVE]));
    expect(reported(result, "ORG309")).toEqual([
      `${entry(11, candidate)} Hwang H is a candidate since 2026-02-25 by the roster, but was approved by Sinuiju City Party Committee on 2026-02-20; the roster should list candidate hwang_h since 2026-02-20`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG309")!;
    expect(diagnostic.severity).toBe("warning");
    expect(diagnostic.related.map((r) => `${result.at({ ...diagnostic, span: r.span })} ${r.message}`)).toEqual([
      `${range(15, APPROVE)} approved here on 2026-02-20`,
    ]);
    expect(ORG309([`candidate hwang_h "Hwang H" since 2026-02-20`], [APPROVE])).toEqual([]);
  });

  it("warns on the approve when the approved candidate is in no roster", () => {
    const apply = `on 2026-01-20 application hwang_h "Hwang H" to acad { recommended by kim_a, ri_b }`;
    expect(ORG309([], [apply, APPROVE])).toEqual([
      `${range(15, APPROVE)} Hwang H was approved by Sinuiju City Party Committee on 2026-02-20, but is in no roster; the roster should list candidate hwang_h since 2026-02-20`,
    ]);
    // A `person` declaration says so on purpose.
    expect(ORG309([], [`person hwang_h "Hwang H"`, APPROVE])).toEqual([]);
  });

  it("does not compare the roster with an approve before the period", () => {
    expect(ORG309([`candidate hwang_h "Hwang H" since 2025-12-25`], [`on 2025-12-20 approve hwang_h by sinuiju`])).toEqual([]);
  });

  it("warns on a member entry whose joined differs from the ratify", () => {
    const member = `member song_r "Song R" joined 2026-04-21`;
    expect(ORG309([member], [`on 2025-04-25 approve song_r by sinuiju`, `on 2026-04-14 admit song_r by acad`, `on 2026-04-20 ratify song_r by sinuiju`])).toEqual([
      `${entry(11, member)} Song R is a member joined 2026-04-21 by the roster, but was ratified by Sinuiju City Party Committee on 2026-04-20; the roster should list member song_r joined 2026-04-20`,
    ]);
  });

  it("warns on a candidate entry left in place after a ratify", () => {
    const candidate = `candidate song_r "Song R" since 2025-04-25`;
    expect(ORG309([candidate], [`on 2025-04-25 approve song_r by sinuiju`, `on 2026-04-14 admit song_r by acad`, `on 2026-04-20 ratify song_r by sinuiju`])).toEqual([
      `${entry(11, candidate)} Song R is still a candidate by the roster, but was ratified by Sinuiju City Party Committee on 2026-04-20; the roster should list member song_r joined 2026-04-20`,
    ]);
  });

  it("warns on an expelled person still in the expelling cell's roster", () => {
    const candidate = `candidate jo_e "Jo E" since 2025-02-01`;
    expect(ORG309([candidate], [`on 2025-02-01 approve jo_e by sinuiju`, `on 2026-01-30 expel jo_e by acad`])).toEqual([
      `${entry(11, candidate)} Jo E is in the roster of Teachers College Cell, but was expelled by Teachers College Cell on 2026-01-30`,
    ]);
    expect(ORG309([], [`person jo_e "Jo E"`, `on 2025-02-01 approve jo_e by sinuiju`, `on 2026-01-30 expel jo_e by acad`])).toEqual([]);
  });

  it("warns on a rejected applicant in the roster of the cell applied to", () => {
    const candidate = `candidate so_ra "So Ra" since 2026-03-01`;
    const events = [`on 2026-02-02 application so_ra "So Ra" to acad { recommended by kim_a, ri_b }`, `on 2026-03-01 reject so_ra by sinuiju`];
    expect(ORG309([candidate], events)).toEqual([
      `${entry(11, candidate)} So Ra is in the roster of Teachers College Cell, but was rejected by Sinuiju City Party Committee on 2026-03-01`,
    ]);
    expect(ORG309([], events)).toEqual([]);
  });

  it("accepts a rejected applicant who applied again and was approved", () => {
    const events = [
      `on 2026-02-02 application so_ra "So Ra" to acad { recommended by kim_a, ri_b }`,
      `on 2026-03-01 reject so_ra by sinuiju`,
      `on 2026-04-02 application so_ra "So Ra" to acad { recommended by kim_a, ri_b }`,
      `on 2026-05-01 approve so_ra by sinuiju`,
    ];
    expect(ORG309([`candidate so_ra "So Ra" since 2026-05-01`], events)).toEqual([]);
  });

  it("warns on a transferred person still in the roster of the unit they left", () => {
    const member = `member an_ran "An Ran" joined 2010-01-01`;
    expect(ORG309([member], [`cell lib "Library Cell" {\n  under sinuiju\n}`, `on 2026-03-05 transfer an_ran from acad to lib`])).toEqual([
      `${entry(11, member)} An Ran is in the roster of Teachers College Cell, but was transferred from Teachers College Cell on 2026-03-05`,
    ]);
    expect(ORG309([], [LIB, `on 2026-03-05 transfer an_ran from acad to lib`])).toEqual([]);
  });

  it("accepts a transfer away and back again", () => {
    const member = `member an_ran "An Ran" joined 2010-01-01`;
    const lib = `cell lib "Library Cell" {\n  under sinuiju\n}`;
    expect(ORG309([member], [lib, `on 2026-03-05 transfer an_ran from acad to lib`, `on 2026-04-05 transfer an_ran from lib to acad`])).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${rosterConsistency.docs.failing}`), "ORG309")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${rosterConsistency.docs.passing}`), "ORG309")).toEqual([]);
  });
});
