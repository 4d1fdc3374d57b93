// The terminal reporter: blocks, notes for related locations, multi-line
// spans, and the summary line.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic, Severity } from "../../src/diagnostics/types.js";
import { summaryLine } from "../../src/reporters/locate.js";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

describe("text blocks", () => {
  it("show related locations as notes, relative to the working directory", async () => {
    const result = await run(["check", "main.org"], { cwd: fixture("duplicate") });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`main.org:4:11 error ORG003 duplicate
  \`uiju\` is already declared as a committee
  4 | committee uiju "Uiju County Party Committee" {
    |           ^^^^
  note committees.org:10:11: \`uiju\` first declared here

main.org:16:10 error ORG003 duplicate
  \`a\` is listed twice in the roster of five
  16 |   member a "A" joined 2010-01-01
     |          ^
  note main.org:11:10: \`a\` first declared here

2 errors, 0 warnings in 1 file (2 files checked)
`);
  });

  it("underline a span that runs over several lines to the end of its first line", async () => {
    const dir = fixture("clean");
    writeFileSync(
      join(dir, "series.org"),
      ['import "committees.org"', "period 2026-01-01 to 2026-06-30", "every month from 2026-05-01", "  to 2026-08-01 meeting uiju", ""].join("\n"),
    );
    const result = await run(["check", "series.org"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`series.org:3:1 warning ORG007 outside-period
  2 of this series' events fall after the period's end (2026-06-30), the last on 2026-08-01
  3 | every month from 2026-05-01
    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^

0 errors, 1 warning in 1 file (2 files checked)
`);
  });

  it("widen the gutter to the line number", async () => {
    const dir = fixture("clean");
    writeFileSync(join(dir, "long.org"), "\n".repeat(99) + 'import "committees.org"\nperiod 2026-01-01 to 2026-06-30\non 2026-07-01 meeting uiju\n');
    const result = await run(["check", "long.org"], { cwd: dir });
    expect(result.stdout.split("\n").slice(0, 4)).toEqual([
      "long.org:102:1 warning ORG007 outside-period",
      "  this event on 2026-07-01 is after the period's end (2026-06-30)",
      "  102 | on 2026-07-01 meeting uiju",
      "      | ^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ]);
  });
});

describe("summary line", () => {
  const diagnostic = (file: string, severity: Severity): Diagnostic => ({
    file,
    span: { start: 0, end: 1 },
    code: "ORG101",
    name: "cell-size",
    severity,
    message: "",
    related: [],
  });

  it("counts errors and warnings always, infos when there are any, and the files that have diagnostics", () => {
    expect(summaryLine([], 1, 0)).toBe("0 errors, 0 warnings (1 file checked)");
    expect(summaryLine([], 3, 0)).toBe("0 errors, 0 warnings (3 files checked)");
    expect(summaryLine([diagnostic("/a.org", "error"), diagnostic("/a.org", "warning")], 2, 0)).toBe("1 error, 1 warning in 1 file (2 files checked)");
    expect(
      summaryLine([diagnostic("/a.org", "error"), diagnostic("/b.org", "error"), diagnostic("/b.org", "info"), diagnostic("/c.org", "info")], 4, 0),
    ).toBe("2 errors, 0 warnings, 2 infos in 3 files (4 files checked)");
    expect(summaryLine([diagnostic("/a.org", "info")], 1, 0)).toBe("0 errors, 0 warnings, 1 info in 1 file (1 file checked)");
  });

  it("says how many diagnostics waivers suppressed, when any", () => {
    expect(summaryLine([], 2, 1)).toBe("0 errors, 0 warnings (2 files checked, 1 waived)");
    expect(summaryLine([diagnostic("/a.org", "warning")], 2, 3)).toBe("0 errors, 1 warning in 1 file (2 files checked, 3 waived)");
  });
});

describe("--explain", () => {
  it("prints each finding's evidence, ending with the bylaw, in place of the bylaw line", async () => {
    const result = await run(["check", "main.org", "--explain"], { cwd: fixture("basic") });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        "main.org:4:6 error ORG101 cell-size",
        "  Sawmill Cell has 4 members and candidates; a party cell needs 5 to 30",
        '  4 | cell tiny "Sawmill Cell" {',
        "    |      ^^^^",
        "  evidence",
        '    1. read     main.org:4:6: cell tiny "Sawmill Cell" (a party cell, size 4)',
        "    2. computed 4 distinct members and candidates in its own roster (no unit is under it)",
        '    3. bylaw    Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"',
        "",
        "main.org:12:1 warning ORG007 outside-period",
        "  this event on 2026-07-01 is after the period's end (2026-06-30)",
        "  12 | on 2026-07-01 meeting tiny",
        "     | ^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "",
        "1 error, 1 warning in 1 file (2 files checked)",
        "",
      ].join("\n"),
    );
  });
});
