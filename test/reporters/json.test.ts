// The JSON reporter's schema (version 1, documented in docs/cli.md).
import { afterAll, describe, expect, it } from "vitest";
import { catalogueEntry } from "../../src/check/codes.js";
import { configValue } from "../../src/check/rule-help.js";
import { TOOL_VERSION } from "../../src/reporters/version.js";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

const range = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
  start: { line: startLine, column: startColumn },
  end: { line: endLine, column: endColumn },
});

async function jsonReport(name: string, args: readonly string[] = ["main.org"], config: Record<string, unknown> = {}) {
  const result = await run(["check", "--format", "json", ...args], { cwd: fixture(name, config) });
  expect(result.stderr).toBe("");
  expect(result.stdout.endsWith("}\n")).toBe(true);
  return { status: result.status, report: JSON.parse(result.stdout) as Record<string, unknown>, text: result.stdout };
}

describe("--format json", () => {
  it("writes the documented object", async () => {
    const { status, report, text } = await jsonReport("basic");
    expect(status).toBe(1);
    const cellSize = catalogueEntry("ORG101")!;
    expect(report).toEqual({
      version: 1,
      tool: { name: "orgspec", version: TOOL_VERSION },
      summary: { errors: 1, warnings: 1, infos: 0, files: 2, waived: 0, baselined: 0 },
      diagnostics: [
        {
          // Fingerprints are stable identities: these values must not change between releases.
          id: "1d317e5e4fcdd6",
          file: "main.org",
          range: range(4, 6, 4, 10),
          severity: "error",
          code: "ORG101",
          rule: "cell-size",
          message: "Sawmill Cell has 4 members and candidates; a party cell needs 5 to 30",
          subject: "unit:tiny/size",
          related: [],
          evidence: [
            { kind: "read", text: 'cell tiny "Sawmill Cell" (a party cell, size 4)', file: "main.org", range: range(4, 6, 4, 10) },
            { kind: "computed", text: "4 distinct members and candidates in its own roster (no unit is under it)" },
            { kind: "bylaw", text: 'Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"' },
          ],
          fixes: [],
        },
        {
          id: "03edc21f6551f0",
          file: "main.org",
          range: range(12, 1, 12, 27),
          severity: "warning",
          code: "ORG007",
          rule: "outside-period",
          message: "this event on 2026-07-01 is after the period's end (2026-06-30)",
          subject: null,
          related: [],
          evidence: [],
          fixes: [],
        },
      ],
      suppressed: [],
      rules: {
        ORG101: {
          name: "cell-size",
          severity: "error",
          category: "structure",
          summary: "A cell has 5 to 30 members and candidates.",
          citation: {
            section: "Party Cells",
            quote: "The party cell consists of between five (5) and 30 party members and candidate party members",
          },
          docs: cellSize.docs,
          options: {
            min: { type: "integer", default: 5, description: "Fewest members and candidates a cell may have." },
            max: { type: "integer", default: 30, description: "Most members and candidates a cell may have." },
          },
        },
        ORG007: {
          name: "outside-period",
          severity: "warning",
          category: "language",
          summary: "An event dated after the period's end.",
          citation: null,
          docs: {
            description:
              "Events before the period's start are history and allowed; events after its end are outside the records the program covers. Such an event gets this diagnostic and nothing else: it reaches no timeline, so no bylaw rule judges it (a deadline it would have met is still overdue at the period's end). A series reaching past the end gets one diagnostic.",
          },
          options: {},
        },
      },
    });
    // A bylaw rule's docs carry its description and both examples.
    expect(Object.keys(cellSize.docs)).toEqual(["description", "failing", "passing"]);
    // Two-space indentation, one trailing newline.
    expect(text.startsWith('{\n  "version": 1,\n  "tool": {\n    "name": "orgspec",')).toBe(true);
  });

  it("is an empty report for a clean spec, exit 0", async () => {
    const { status, report } = await jsonReport("clean");
    expect(status).toBe(0);
    expect(report).toEqual({
      version: 1,
      tool: { name: "orgspec", version: TOOL_VERSION },
      summary: { errors: 0, warnings: 0, infos: 0, files: 2, waived: 0, baselined: 0 },
      diagnostics: [],
      suppressed: [],
      rules: {},
    });
  });

  it("has related locations with their own file, range and message", async () => {
    const { report } = await jsonReport("duplicate");
    expect(report["diagnostics"]).toMatchObject([
      {
        file: "main.org",
        range: range(4, 11, 4, 15),
        severity: "error",
        code: "ORG003",
        rule: "duplicate",
        message: "`uiju` is already declared as a committee",
        related: [{ file: "committees.org", range: range(10, 11, 10, 15), message: "`uiju` first declared here" }],
      },
      {
        file: "main.org",
        range: range(16, 10, 16, 11),
        severity: "error",
        code: "ORG003",
        rule: "duplicate",
        message: "`a` is listed twice in the roster of five",
        related: [{ file: "main.org", range: range(11, 10, 11, 11), message: "`a` first declared here" }],
      },
    ]);
    expect(Object.keys(report["rules"] as object)).toEqual(["ORG003"]);
  });

  it("names files relative to the working directory, with /", async () => {
    const dir = fixture("discovery");
    const result = await run(["check", "--format", "json", "."], { cwd: dir });
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; code: string }[]; summary: unknown };
    expect(report.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.code}`)).toEqual([
      "a.org ORG009",
      "b.org ORG009",
      "committees.org ORG101",
    ]);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, infos: 2, files: 3, waived: 0, baselined: 0 });
    const nested = fixture("nested");
    const fromAbove = await run(["check", "--format", "json", "specs/deep/main.org"], { cwd: nested });
    const diagnostics = (JSON.parse(fromAbove.stdout) as { diagnostics: { file: string }[] }).diagnostics;
    expect(diagnostics.map((diagnostic) => diagnostic.file)).toEqual(["specs/deep/main.org"]);
    const fromBelow = await run(["check", "--format", "json", "main.org"], { cwd: `${nested}/specs/deep` });
    expect(JSON.parse(fromBelow.stdout)).toMatchObject({ diagnostics: [{ file: "main.org", code: "ORG101" }] });
  });

  it("reports the configured severity on diagnostics and the catalogue's default under rules", async () => {
    const { status, report } = await jsonReport("basic", ["main.org"], { "cell-size": "warning" });
    expect(status).toBe(0);
    expect(report["summary"]).toEqual({ errors: 0, warnings: 2, infos: 0, files: 2, waived: 0, baselined: 0 });
    expect(report["diagnostics"]).toMatchObject([
      { code: "ORG101", severity: "warning" },
      { code: "ORG007", severity: "warning" },
    ]);
    expect(report["rules"]).toMatchObject({ ORG101: { severity: "error" } });
  });

  it("writes option defaults as a configuration file does: integers, durations as text", () => {
    expect(configValue({ type: "integer", default: 5, description: "" })).toBe(5);
    expect(configValue({ type: "duration", default: { count: 3, unit: "month" }, description: "" })).toBe("3 months");
    expect(configValue({ type: "duration", default: { count: 1, unit: "year" }, description: "" })).toBe("1 year");
  });

  it("counts waived diagnostics in the summary", async () => {
    const { status, report } = await jsonReport("waivers");
    expect(status).toBe(1);
    expect(report["summary"]).toEqual({ errors: 1, warnings: 0, infos: 0, files: 2, waived: 1, baselined: 0 });
    expect((report["diagnostics"] as { range: unknown }[]).map((diagnostic) => diagnostic.range)).toEqual([range(13, 6, 13, 11)]);
  });
});
