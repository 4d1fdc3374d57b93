// The report's data and page for the example organization, without a
// browser: the units tree with sizes, leaders and worst diagnostics, the
// calendar marks where the cadence rules fall short, the candidates'
// timelines, and escaping of everything user-written.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { RuleSettings } from "../../src/agenda/rule-settings.js";
import { checkPaths, RULES_BY_CODE } from "../../src/index.js";
import { buildReportData } from "../../src/report/build-data.js";
import type { ReportData, UnitData } from "../../src/report/data.js";
import { escapeHtml, jsonForScript } from "../../src/report/escape.js";
import { renderReportHtml } from "../../src/report/html.js";
import { clientScript } from "../../src/report/inline-client.js";
import { cleanUp, run, tempDir } from "../fixtures/support.js";
import { COMMITTEES } from "../helpers.js";

afterAll(cleanUp);

const REPO = fileURLToPath(new URL("../../", import.meta.url));

function reportOf(paths: readonly string[], cwd = REPO): ReportData {
  const result = checkPaths(paths.map((path) => resolve(cwd, path)), { today: 0 });
  return buildReportData({ result, settings: new RuleSettings(), asOf: null, cwd, sources: paths });
}

const examples = reportOf(["examples"]);
const unit = (id: string): UnitData => examples.units.find((candidate) => candidate.id === id)!;
const day = (text: string) => Date.parse(`${text}T00:00:00Z`) / 86_400_000;

describe("units", () => {
  it("holds every unit once, as a tree, with sizes, leaders and the worst diagnostic", () => {
    const summary = examples.units.map((each) => `${each.id} ${each.size} ${each.worst ?? "-"} ${each.secretary ?? "-"}/${each.deputy ?? "-"}`);
    expect(summary).toEqual([
      "central 106 - -/-",
      "north_pyongan 102 - -/-",
      "sinuiju 102 error -/-",
      "uiju 0 - -/-",
      "textile 58 - Ro Un-jong/Ryu Man-sik",
      "weaving 34 warning Kang Song-il/Pak Chun-hui",
      "spinning 16 - Sim Son-hwa/Ko Sung-il",
      "dyeing 8 error Kwon Mi-gyong/Sin Chun-sik",
      "weave_a 17 - Paek Se-ryong/Tak Chol-su",
      "weave_b 17 - Jong Sung-il/Kang Tong-il",
      "dandong 4 error -/-",
      "chaeha 13 - Pak Chol-su/Jon Chol-su",
      "namha 23 error Han Yong-nam/So Ju-song",
      "ponghwa 8 error Ma Gwang-chol/Son Un-jong",
    ]);
    expect(examples.roots.map((index) => examples.units[index]!.id)).toEqual(["central"]);
    const childIds = (id: string) => unit(id).children.map((index) => examples.units[index]!.id);
    expect(childIds("sinuiju")).toEqual(["textile", "chaeha", "namha", "ponghwa"]);
    expect(childIds("weaving")).toEqual(["weave_a", "weave_b"]);
    expect(unit("ponghwa")).toMatchObject({ kind: "cell", file: "examples/sinuiju.org", line: 87, counts: { error: 1, warning: 0, info: 0 } });
    expect(examples.summary).toEqual({ errors: 5, warnings: 1, infos: 0, files: 4, waived: 0, baselined: 0, units: 14, people: 108 });
  });

  it("gives each diagnostic the unit it belongs to: the unit declared, the unit of the event, the body that acted", () => {
    const belongs = examples.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.unit === null ? "-" : examples.units[diagnostic.unit]!.id}`);
    expect(belongs).toEqual(["ORG002 dandong", "ORG401 weaving", "ORG110 dyeing", "ORG201 ponghwa", "ORG302 namha", "ORG304 sinuiju"]);
    expect(Object.keys(examples.rules)).toEqual(["ORG002", "ORG110", "ORG201", "ORG302", "ORG304", "ORG401"]);
    expect(examples.rules["ORG201"]).toMatchObject({ name: "cell-meeting", section: "Party Cells" });
    // The rule's documentation is in the page, not a link into the local install that breaks once the file is sent on.
    const rule = RULES_BY_CODE.get("ORG201")!;
    expect(examples.rules["ORG201"]).toMatchObject({ description: rule.docs.description, failing: rule.docs.failing, passing: rule.docs.passing });
    expect(examples.rules["ORG002"]).toMatchObject({ failing: null, passing: null });
    expect(examples.rules["ORG002"]!.description.length).toBeGreaterThan(20);
    expect(renderReportHtml(examples)).not.toMatch(/file:|rules\.md/);
  });

  it("is titled with the organization at the top of the chart, not the command line's paths", () => {
    expect(examples.organization).toBe("WPK Central Committee");
    const page = renderReportHtml(examples);
    expect(page).toContain("<title>WPK Central Committee — orgspec report</title>");
    expect(page).toContain("<h1>WPK Central Committee</h1>");
  });
});

describe("several programs", () => {
  it("merges the units of a shared committees file into one tree, sizes counted over every program", () => {
    const shared = reportOf(["test/fixtures/discovery"]);
    expect(shared.units.map((each) => `${each.id} ${each.size}`)).toEqual([
      "central 14",
      "north_pyongan 14",
      "sinuiju 4",
      "uiju 10",
      "shared_tiny 4",
      "cell_a 5",
      "cell_b 5",
    ]);
    const uiju = shared.units.find((each) => each.id === "uiju")!;
    expect(uiju.children.map((index) => shared.units[index]!.id)).toEqual(["cell_a", "cell_b"]);
    const belongs = shared.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.code} ${diagnostic.unit === null ? "-" : shared.units[diagnostic.unit]!.id}`);
    expect(belongs).toEqual([
      "test/fixtures/discovery/a.org ORG009 -",
      "test/fixtures/discovery/a.org ORG110 cell_a",
      "test/fixtures/discovery/a.org ORG206 cell_a",
      "test/fixtures/discovery/b.org ORG009 -",
      "test/fixtures/discovery/b.org ORG110 cell_b",
      "test/fixtures/discovery/b.org ORG206 cell_b",
      "test/fixtures/discovery/committees.org ORG101 shared_tiny",
      "test/fixtures/discovery/committees.org ORG110 shared_tiny",
      "test/fixtures/discovery/committees.org ORG206 shared_tiny",
    ]);
  });
});

describe("calendars", () => {
  it("marks Ponghwa-dong's April, the month ORG201 reports, on the meetings row", () => {
    const calendar = unit("ponghwa").calendar!;
    expect([calendar.from, calendar.to]).toEqual([day("2026-01-01"), day("2026-06-30")]);
    expect(calendar.rows.map((row) => `${row.kind}: ${row.days.length} (${row.requirement})`)).toEqual([
      "meeting: 5 (at least once a month)",
      "critique: 26 (at most 7 days apart)",
      "report: 3 (at most 3 months apart to each committee)",
    ]);
    expect(calendar.rows[0]!.marks).toEqual([{ from: day("2026-04-01"), to: day("2026-04-30"), code: "ORG201", text: "no cell meeting in 2026-04" }]);
    expect(calendar.rows.slice(1).flatMap((row) => row.marks)).toEqual([]);
  });

  it("marks the weaving branch's whole window without a report to the province (ORG401)", () => {
    const reports = unit("weaving").calendar!.rows.find((row) => row.kind === "report")!;
    expect(reports.marks).toEqual([
      {
        from: day("2026-01-01"),
        to: day("2026-06-30"),
        code: "ORG401",
        text: "no report to North Pyongan Provincial Party Committee from 2026-01-01 (start of the period) to 2026-06-30 (end of the period), more than 3 months",
      },
    ]);
    expect(unit("weaving").calendar!.rows.map((row) => row.label)).toEqual(["General meetings", "Committee meetings", "Reports"]);
  });

  it("marks nothing on a unit whose rules are satisfied, and gives committees no calendar", () => {
    expect(unit("chaeha").calendar!.rows.flatMap((row) => row.marks)).toEqual([]);
    expect(unit("sinuiju").calendar).toBeNull();
  });
});

describe("applicants and candidates", () => {
  it("puts each one's timeline on their cell, the earliest first, with the deadlines and what was late", () => {
    const people = (id: string) => unit(id).people.map((person) => person.id);
    expect(people("chaeha")).toEqual(["song_chunsik", "jang_ryongsu", "kim_hyona"]);
    expect(people("namha")).toEqual(["cha_hyokchol", "o_kyongae", "thae_myongchol"]);
    const jang = unit("chaeha").people.find((person) => person.id === "jang_ryongsu")!;
    const text = (value: number) => new Date(value * 86_400_000).toISOString().slice(0, 10);
    expect(jang.milestones.map((step) => `${text(step.day)} ${step.label}${step.deadline ? " [deadline]" : ""}${step.late ? " [late]" : ""}`)).toEqual([
      "2026-02-02 applied to Chaeha-dong Residential Party Cell",
      "2026-02-12 reviewed at Chaeha-dong Residential Party Cell",
      "2026-02-13 forwarded to Sinuiju City Party Committee",
      "2026-03-13 decision due from Sinuiju City Party Committee [deadline] [late]",
      "2026-03-20 approved by Sinuiju City Party Committee [late]",
      "2027-03-20 probation ends: decision due from Chaeha-dong Residential Party Cell [deadline]",
    ]);
    const cha = unit("namha").people.find((person) => person.id === "cha_hyokchol")!;
    expect(cha.milestones.map((step) => `${text(step.day)} ${step.label}`).slice(-2)).toEqual([
      "2026-03-16 probation ends: decision due from Namha-dong Residential Party Cell",
      "2027-03-16 extended probation ends: admit or expel by Namha-dong Residential Party Cell",
    ]);
  });

  it("lists a person under the cell their records name, though no application names it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "committees.org"), COMMITTEES);
    writeFileSync(
      join(dir, "main.org"),
      `import "committees.org"
period 2026-01-01 to 2026-06-30
cell c "C Cell" {
  under sinuiju
  critique weekly
  secretary a
  deputy b
  member a "A" joined 2001-01-01
  member b "B" joined 2001-01-01
  member d "D" joined 2001-01-01
}
on 2026-02-01 application n "N" to sinuiju
on 2026-02-10 review n at c
`,
    );
    const data = reportOf(["main.org"], dir);
    expect(data.unassigned.map((person) => person.id)).toEqual([]);
    expect(data.units.find((each) => each.id === "c")!.people.map((person) => person.id)).toEqual(["n"]);
  });
});

describe("the page", () => {
  const hostile = `import "committees.org"
period 2026-01-01 to 2026-06-30
cell evil "</script><script>alert('title')</script>" {
  under sinuiju
  critique weekly
  secretary a
  deputy b
  member a "<img src=x onerror=alert(1)>" joined 2001-01-01
  member b "B & \\"C\\"" joined 2001-01-01
  member c "\u2028C" joined 2001-01-01
  member d "D" joined 2001-01-01
  member e "E" joined 2001-01-01
}
`;

  it("keeps user-written names out of the markup: data only in escaped JSON, read back unchanged", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "committees.org"), COMMITTEES);
    writeFileSync(join(dir, "main.org"), hostile);
    const data = reportOf(["main.org"], dir);
    const page = renderReportHtml({ ...data, sources: ["<b>&main.org"], organization: "<i>Org & Co</i>" });
    expect(page.match(/<script\b/g)).toHaveLength(3);
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain("alert('title')</script>");
    expect(page).toContain("<h1>&lt;i&gt;Org &amp; Co&lt;/i&gt;</h1>");
    expect(page).toContain("<title>&lt;i&gt;Org &amp; Co&lt;/i&gt; — orgspec report</title>");
    expect(page).toContain("orgspec report of &lt;b&gt;&amp;main.org");
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)![1]!;
    const parsed = JSON.parse(json) as ReportData;
    const evil = parsed.units.find((each) => each.id === "evil")!;
    expect(evil.title).toBe("</script><script>alert('title')</script>");
    expect(evil.roster.map((row) => row[1])).toEqual(["<img src=x onerror=alert(1)>", 'B & "C"', "\u2028C", "D", "E"]);
  });

  it("is self-contained: a policy that forbids requests, no external script, style or image", () => {
    const page = renderReportHtml(examples);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;unsafe-inline&#39;; img-src data:">`);
    expect(page).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).toContain("d3-hierarchy (ISC licence)");
  });

  it("joins the compiled client modules into one script that parses as a module (no name declared twice)", () => {
    const file = join(tempDir(), "client.mjs");
    writeFileSync(file, clientScript());
    const parsed = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
    expect(parsed.stderr).toBe("");
    expect(parsed.status).toBe(0);
  });

  it("escapes text and script data", () => {
    expect(escapeHtml(`<a href="x">Kim's & co</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Kim&#39;s &amp; co&lt;/a&gt;");
    expect(jsonForScript({ title: "</script><!-- & \u2028" })).toBe('{"title":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  });
});

describe("orgspec report", () => {
  it("writes the page and says what it holds", async () => {
    const dir = tempDir();
    const out = join(dir, "report.html");
    const result = await run(["report", "examples", "--out", out], { cwd: REPO });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`wrote ${relative(REPO, out)}: 14 units, 5 errors, 1 warning (4 files checked)\n`);
    expect(result.status).toBe(0);
    expect(readFileSync(out, "utf8").startsWith("<!doctype html>")).toBe(true);
  });

  it("needs --out, and reports a path that does not exist", async () => {
    expect((await run(["report", "examples"], { cwd: REPO })).status).toBe(2);
    expect(await run(["report", "nope", "--out", "x.html"], { cwd: REPO })).toEqual({
      status: 2,
      stdout: "",
      stderr: "orgspec: cannot read nope: no such file or directory\n",
    });
  });
});
