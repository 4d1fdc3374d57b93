// `orgspec baseline write|prune` and `check` with a baseline: the adoption
// path of docs/ci.md. Findings are known by fingerprint (code + subject),
// so a fixed-and-replaced finding of the same code in the same file is new
// (the eslint#21226 case), and a finding that went is reported to prune.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, fixture, run, writeConfig } from "../fixtures/support.js";

afterAll(cleanUp);

/** Cell meetings, critique and leadership on, besides cell-size. */
const RULES = { "cell-meeting": "error", critique: "error", leadership: "error" };
const meetings = (months: string[]) =>
  readFileSync(new URL("../fixtures/meetings/main.org", import.meta.url), "utf8").replace(
    /(on 2026-\d\d-12 meeting mill3\n)+/,
    months.map((month) => `on 2026-${month}-12 meeting mill3\n`).join(""),
  );

const MARCH = '    {"id":"1f30e813bb069c","code":"ORG201","file":"main.org","subject":"unit:mill3/meeting/month:2026-03","reason":""}';

describe("orgspec baseline write", () => {
  it("records today's findings, sorted, one a line, and check then fails on none of them", async () => {
    const cwd = fixture("meetings", RULES);
    const before = await run(["check", "main.org"], { cwd });
    expect(before.status).toBe(1);
    expect(await run(["baseline", "write", "main.org"], { cwd })).toEqual({ status: 0, stdout: "orgspec-baseline.json: 1 finding recorded\n", stderr: "" });
    expect(readFileSync(join(cwd, "orgspec-baseline.json"), "utf8")).toBe(`{\n  "version": 1,\n  "findings": [\n${MARCH}\n  ]\n}\n`);
    expect(await run(["check", "main.org"], { cwd })).toEqual({ status: 0, stdout: "0 errors, 0 warnings (2 files checked, 1 baselined)\n", stderr: "" });
    // --no-baseline reports everything again.
    expect((await run(["check", "main.org", "--no-baseline"], { cwd })).stdout).toBe(before.stdout);
  });

  it("keeps the reasons given and the entries of files not checked, and says what changed", async () => {
    const cwd = fixture("meetings", RULES);
    const other = '    {"id":"00000000000000","code":"ORG101","file":"elsewhere/other.org","subject":"unit:x/size","reason":"merging"}';
    const reasoned = MARCH.replace('"reason":""', '"reason":"the March minutes are in the archive"');
    writeFileSync(join(cwd, "orgspec-baseline.json"), `{\n  "version": 1,\n  "findings": [\n${other},\n${reasoned}\n  ]\n}\n`);
    writeFileSync(join(cwd, "main.org"), meetings(["01", "02"]));
    expect(await run(["baseline", "write", "main.org"], { cwd })).toEqual({ status: 0, stdout: "orgspec-baseline.json: 3 findings recorded (1 added, 0 removed)\n", stderr: "" });
    const lines = readFileSync(join(cwd, "orgspec-baseline.json"), "utf8").split("\n");
    expect(lines).toEqual([
      "{",
      '  "version": 1,',
      '  "findings": [',
      other + ",",
      reasoned + ",",
      '    {"id":"07e25bf5cc3950","code":"ORG201","file":"main.org","subject":"unit:mill3/meeting/month:2026-04","reason":""}',
      "  ]",
      "}",
      "",
    ]);
  });
});

describe("orgspec check with a baseline", () => {
  it("reports a fixed-and-replaced finding of the same code in the same file as new, and the fixed one as gone (eslint#21226)", async () => {
    const cwd = fixture("meetings", RULES);
    await run(["baseline", "write", "main.org"], { cwd });
    // March's meeting is held now, April's is not: still one ORG201 in main.org, but another one.
    writeFileSync(join(cwd, "main.org"), meetings(["01", "02", "03"]));
    const result = await run(["check", "main.org"], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "main.org:4:6 error ORG201 cell-meeting",
        "  Mill No. 3 Cell held no meeting in 2026-04; a party cell meets at least once a month",
        '  4 | cell mill3 "Mill No. 3 Cell" {',
        "    |      ^^^^^",
        '  bylaw: Party Cells: "Party cell meetings are held at least once a month and are led by a party cell secretary and a deputy (vice) secretary."',
        "",
        "orgspec-baseline.json: info: 1 baselined finding no longer occurs; `orgspec baseline prune` removes it",
        "  ORG201 main.org unit:mill3/meeting/month:2026-03",
        "",
        "1 error, 0 warnings in 1 file (2 files checked)",
        "",
      ].join("\n"),
    );
    expect(await run(["baseline", "prune", "main.org"], { cwd })).toEqual({ status: 0, stdout: "orgspec-baseline.json: removed 1 finding that no longer occurs, 0 left\n", stderr: "" });
    expect(readFileSync(join(cwd, "orgspec-baseline.json"), "utf8")).toBe('{\n  "version": 1,\n  "findings": [\n  ]\n}\n');
  });

  it("takes --baseline PATH, or the configuration's baseline key, relative to the configuration", async () => {
    const cwd = fixture("meetings", RULES);
    mkdirSync(join(cwd, "ci"));
    expect((await run(["baseline", "write", "main.org", "--baseline", "ci/known.json"], { cwd })).stdout).toBe("ci/known.json: 1 finding recorded\n");
    expect(readFileSync(join(cwd, "ci/known.json"), "utf8")).toContain('"file":"../main.org"');
    expect((await run(["check", "main.org"], { cwd })).status).toBe(1);
    expect((await run(["check", "main.org", "--baseline", "ci/known.json"], { cwd })).status).toBe(0);
    const config = JSON.parse(readFileSync(writeConfig(cwd, RULES), "utf8")) as object;
    writeFileSync(join(cwd, "orgspec.config.json"), JSON.stringify({ ...config, baseline: "ci/known.json" }));
    expect(await run(["check", "main.org"], { cwd })).toEqual({ status: 0, stdout: "0 errors, 0 warnings (2 files checked, 1 baselined)\n", stderr: "" });
  });

  it("refuses a --baseline that does not exist or is no baseline (exit 2)", async () => {
    const cwd = fixture("meetings", RULES);
    expect(await run(["check", "main.org", "--baseline", "nope.json"], { cwd })).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot read the baseline nope.json: no such file or directory\n" });
    writeFileSync(join(cwd, "orgspec-baseline.json"), '{"version":2}');
    expect(await run(["check", "main.org"], { cwd })).toEqual({
      status: 2,
      stdout: "",
      stderr: 'orgspec: orgspec-baseline.json: not an orgspec baseline (version 1 with a "findings" list)\n',
    });
    expect(await run(["baseline", "prune", "main.org", "--baseline", "none.json"], { cwd })).toEqual({
      status: 2,
      stdout: "",
      stderr: "orgspec: no baseline at none.json; `orgspec baseline write` makes one\n",
    });
  });

  it("lists baselined findings as suppressed in JSON, apart from the new ones", async () => {
    const cwd = fixture("meetings", RULES);
    await run(["baseline", "write", "main.org"], { cwd });
    writeFileSync(join(cwd, "main.org"), meetings(["01", "02"]));
    const result = await run(["check", "main.org", "--format", "json"], { cwd });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { summary: object; diagnostics: { subject: string }[]; suppressed: { subject: string; suppression: object }[]; baseline: object };
    expect(report.summary).toEqual({ errors: 1, warnings: 0, infos: 0, files: 2, waived: 0, baselined: 1 });
    expect(report.diagnostics.map((finding) => finding.subject)).toEqual(["unit:mill3/meeting/month:2026-04"]);
    expect(report.suppressed.map(({ subject, suppression }) => ({ subject, suppression }))).toEqual([
      { subject: "unit:mill3/meeting/month:2026-03", suppression: { kind: "baseline", reason: "", file: "orgspec-baseline.json" } },
    ]);
    expect(report.baseline).toEqual({ file: "orgspec-baseline.json", gone: [] });
  });

  it("does not take a waived finding for gone: it still occurs", async () => {
    const cwd = fixture("meetings", RULES);
    await run(["baseline", "write", "main.org"], { cwd });
    writeFileSync(join(cwd, "main.org"), meetings(["01", "02"]).replace("cell mill3", "// orgspec-waive ORG201 until 2026-12-31 -- the April meeting was moved to May\ncell mill3"));
    const result = await run(["check", "main.org", "--format", "json"], { cwd });
    const report = JSON.parse(result.stdout) as { summary: object; suppressed: { subject: string; suppression: object }[]; baseline: object };
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 2, waived: 2, baselined: 0 });
    expect(report.suppressed.map(({ subject, suppression }) => ({ subject, suppression }))).toEqual(
      ["2026-03", "2026-04"].map((month) => ({
        subject: `unit:mill3/meeting/month:${month}`,
        suppression: {
          kind: "waiver",
          reason: "the April meeting was moved to May",
          until: "2026-12-31",
          file: "main.org",
          range: { start: { line: 4, column: 1 }, end: { line: 4, column: 79 } },
        },
      })),
    );
    expect(report.baseline).toEqual({ file: "orgspec-baseline.json", gone: [] });
    expect((await run(["baseline", "prune", "main.org"], { cwd })).stdout).toBe("orgspec-baseline.json: removed 0 findings that no longer occur, 1 left\n");
  });
});

describe("orgspec report with a baseline", () => {
  it("lists the baselined and waived findings in their own section, with the reasons, and leaves them out of the diagnostics", async () => {
    const cwd = fixture("meetings", RULES);
    await run(["baseline", "write", "main.org"], { cwd });
    const file = join(cwd, "orgspec-baseline.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"reason":""', '"reason":"minutes in the <archive>"'));
    writeFileSync(join(cwd, "main.org"), meetings(["01", "02"]).replace('"Mill No. 3 Cell" {', '"Mill No. 3 Cell" { // orgspec-waive ORG110 until 2026-12-31 -- elections in June').replace("  deputy b\n", ""));
    const result = await run(["report", "main.org", "--out", "report.html"], { cwd });
    expect(result.stderr).toBe("");
    const html = readFileSync(join(cwd, "report.html"), "utf8");
    const section = html.slice(html.indexOf('<section id="suppressed">'), html.indexOf("</section>", html.indexOf('<section id="suppressed">')));
    expect(section).toContain("<h2>Baselined and waived (2)</h2>");
    expect(section).toContain("<tr><td>waiver until 2026-12-31</td><td>ORG110</td><td>main.org:4</td>");
    expect(section).toContain("<td>elections in June</td></tr>");
    expect(section).toContain(
      "<tr><td>baseline</td><td>ORG201</td><td>main.org:4</td><td>Mill No. 3 Cell held no meeting in 2026-03; a party cell meets at least once a month</td><td>minutes in the &lt;archive&gt;</td></tr>",
    );
    const data = JSON.parse(html.slice(html.indexOf('id="report-data">') + 17, html.indexOf("</script>", html.indexOf('id="report-data">'))).replace(/\\u003c/g, "<").replace(/\\u003e/g, ">")) as {
      summary: { baselined: number; errors: number };
      diagnostics: { code: string; message: string }[];
    };
    expect(data.summary).toMatchObject({ baselined: 1, waived: 1, errors: 1 });
    expect(data.diagnostics.map((diagnostic) => diagnostic.message)).not.toContain("Mill No. 3 Cell held no meeting in 2026-03; a party cell meets at least once a month");
  });
});
