// `orgspec agenda`: the exact items for the example organization at the
// period's end and earlier in the period, the rules' options moving
// deadlines, expiring waivers, and the command line's usage errors.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, run, tempDir } from "../fixtures/support.js";
import { COMMITTEES } from "../helpers.js";

afterAll(cleanUp);

const REPO = fileURLToPath(new URL("../../", import.meta.url));

interface AgendaJson {
  version: number;
  asOf: string;
  days: number;
  until: string;
  items: {
    due: string;
    kind: string;
    code: string;
    unit: { id: string; title: string | null; kind: string } | null;
    person: { id: string; name: string | null } | null;
    title: string;
    detail: string;
    location: { file: string; line: number; column: number };
  }[];
}

async function agendaJson(args: readonly string[], cwd = REPO): Promise<AgendaJson> {
  const result = await run(["agenda", ...args, "--format", "json"], { cwd });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as AgendaJson;
}

/** `due code unit: title` per item. */
const lines = (agenda: AgendaJson) => agenda.items.map((item) => `${item.due} ${item.code} ${item.unit?.id ?? "-"}: ${item.title}`);

describe("the examples' agenda", () => {
  it("starts at the period's end and looks 30 days ahead by default", async () => {
    const agenda = await agendaJson(["examples"]);
    expect([agenda.asOf, agenda.days, agenda.until]).toEqual(["2026-06-30", 30, "2026-07-30"]);
    expect(lines(agenda)).toEqual([
      "2026-07-02 ORG206 weave_b: hold a Party Life Critique",
      "2026-07-03 ORG206 dyeing: hold a Party Life Critique",
      "2026-07-03 ORG206 ponghwa: hold a Party Life Critique",
      "2026-07-04 ORG206 chaeha: hold a Party Life Critique",
      "2026-07-05 ORG206 namha: hold a Party Life Critique",
      "2026-07-06 ORG206 spinning: hold a Party Life Critique",
      "2026-07-07 ORG206 weave_a: hold a Party Life Critique",
      "2026-07-15 ORG304 sinuiju: approve or reject Kim Hyon-a's application",
      "2026-07-16 ORG203 weaving: hold a general meeting",
      "2026-07-17 ORG203 textile: hold a general meeting",
    ]);
    const decision = agenda.items.find((item) => item.code === "ORG304")!;
    expect(decision).toMatchObject({
      kind: "committee-decision",
      person: { id: "kim_hyona", name: "Kim Hyon-a" },
      detail: "forwarded on 2026-06-15; the committee decides within one month",
      location: { file: "examples/sinuiju.org", line: 144, column: 1 },
    });
    expect(agenda.items.find((item) => item.unit?.id === "weave_b")!.detail).toBe("last held on 2026-06-30; at most 2 days apart");
  });

  it("reads the records as they stood on --as-of: decisions, months short of meetings, reports", async () => {
    const agenda = await agendaJson(["examples", "--as-of", "2026-02-20", "--days", "60"]);
    const notCritiques = lines(agenda).filter((line) => !line.includes("ORG206"));
    expect(notCritiques).toEqual([
      "2026-02-28 ORG204 textile: hold a committee meeting in 2026-02",
      "2026-03-11 ORG304 sinuiju: approve or reject Thae Myong-chol's application",
      "2026-03-13 ORG304 sinuiju: approve or reject Jang Ryong-su's application",
      "2026-03-16 ORG305 namha: admit, extend or expel Cha Hyok-chol",
      "2026-03-31 ORG201 chaeha: hold a cell meeting in 2026-03",
      "2026-03-31 ORG201 dyeing: hold a cell meeting in 2026-03",
      "2026-03-31 ORG201 namha: hold a cell meeting in 2026-03",
      "2026-03-31 ORG202 namha: hold a Party Cell Committee meeting in 2026-03",
      "2026-03-31 ORG201 ponghwa: hold a cell meeting in 2026-03",
      "2026-03-31 ORG205 textile: hold 2 executive committee meetings in 2026-03",
      "2026-03-31 ORG204 textile: hold a committee meeting in 2026-03",
      "2026-03-31 ORG201 spinning: hold a cell meeting in 2026-03",
      "2026-03-31 ORG204 weaving: hold 2 committee meetings in 2026-03",
      "2026-03-31 ORG201 weave_a: hold a cell meeting in 2026-03",
      "2026-03-31 ORG201 weave_b: hold a cell meeting in 2026-03",
      "2026-04-01 ORG401 weaving: send a report to North Pyongan Provincial Party Committee",
      "2026-04-20 ORG203 textile: hold a general meeting",
    ]);
    const probation = agenda.items.find((item) => item.code === "ORG305")!;
    expect(probation.detail).toBe("probation began on 2025-03-16; the cell decides within one year");
    expect(agenda.items.find((item) => item.code === "ORG401")!.detail).toBe("none since 2026-01-01; at most 3 months apart");
  });

  it("lists the month still without a meeting where it falls short (ORG201 for Ponghwa-dong in April)", async () => {
    const agenda = await agendaJson(["examples", "--as-of", "2026-04-20", "--days", "10"]);
    const monthly = agenda.items.filter((item) => item.due === "2026-04-30");
    expect(monthly.map((item) => `${item.code} ${item.unit?.id}: ${item.title} (${item.detail})`)).toEqual([
      "ORG201 ponghwa: hold a cell meeting in 2026-04 (0 held in 2026-04 by 2026-04-20; at least once a month)",
      "ORG204 textile: hold a committee meeting in 2026-04 (0 held in 2026-04 by 2026-04-20; at least once a month)",
      "ORG205 textile: hold a further executive committee meeting in 2026-04 (1 held in 2026-04 by 2026-04-20; at least twice a month)",
    ]);
  });

  it("prints text grouped by the unit that acts, the soonest group first", async () => {
    const result = await run(["agenda", "examples", "--days", "16"], { cwd: REPO });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Sinuiju City Party Committee (sinuiju)
  2026-07-15  approve or reject Kim Hyon-a's application
              forwarded on 2026-06-15; the committee decides within one month [ORG304, examples/sinuiju.org:144]

Weaving Shop Branch Party Organization (weaving)
  2026-07-16  hold a general meeting
              last held on 2026-04-16; at most 3 months apart [ORG203, examples/factory.org:27]

9 items due
`);
    expect(result.stdout.startsWith("Due from 2026-06-30 to 2026-07-16 (16 days after 2026-06-30):\n\nWeaving Shop Party Cell No. 2 (weave_b)\n")).toBe(true);
  });

  it("says so when nothing falls due", async () => {
    const result = await run(["agenda", "examples", "--days", "0", "--as-of", "2026-06-29"], { cwd: REPO });
    expect(result.stdout).toBe("Nothing falls due from 2026-06-29 to 2026-06-29.\n");
  });
});

function writeProgram(dir: string, main: string, config?: object): void {
  writeFileSync(join(dir, "committees.org"), COMMITTEES);
  writeFileSync(join(dir, "main.org"), main);
  if (config) writeFileSync(join(dir, "orgspec.config.json"), JSON.stringify(config));
}

const APPLICATION = `import "committees.org"
period 2026-01-01 to 2026-06-30
cell mill "Mill Cell" {
  under sinuiju
  critique weekly
  secretary a
  deputy b
  member a "A" joined 2001-01-01
  member b "B" joined 2001-01-01
  member c "C" joined 2001-01-01
  member d "D" joined 2001-01-01
  member e "E" joined 2001-01-01
}
on 2026-06-02 application kim "Kim" to mill { recommended by a, b }
on 2026-06-10 meeting mill
on 2026-06-10 review kim at mill
on 2026-06-11 forward kim to sinuiju
`;

describe("deadlines follow the configuration", () => {
  it("moves the committee's decision with ORG304's `within`, and drops a rule that is off", async () => {
    const dir = tempDir();
    writeProgram(dir, APPLICATION, { rules: { "decision-deadline": ["error", { within: "10 days" }], critique: "off" } });
    const agenda = await agendaJson(["main.org", "--as-of", "2026-06-12", "--days", "10"], dir);
    expect(lines(agenda)).toEqual(["2026-06-21 ORG304 sinuiju: approve or reject Kim's application"]);
    expect(agenda.items[0]!.detail).toBe("forwarded on 2026-06-11; the committee decides within ten days");
  });
});

describe("waivers", () => {
  it("lists a waiver whose `until` falls in the window, under the unit whose line it governs", async () => {
    const dir = tempDir();
    const main = APPLICATION.replace('cell mill "Mill Cell" {', 'cell mill "Mill Cell" { // orgspec-waive ORG201 until 2026-07-10 -- records lost in the flood');
    writeProgram(dir, main, { rules: { critique: "off", "general-meeting": "off" } });
    const agenda = await agendaJson(["main.org", "--days", "15"], dir);
    const waiver = agenda.items.find((item) => item.kind === "waiver-expiry")!;
    expect(waiver).toMatchObject({
      due: "2026-07-10",
      code: "ORG010",
      unit: { id: "mill" },
      title: "waiver of ORG201 expires",
      detail: "after 2026-07-10 the diagnostics it waives on line 3 are reported again (records lost in the flood)",
      location: { file: "main.org", line: 3, column: 25 },
    });
  });
});

describe("usage", () => {
  it("needs a period or --as-of", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "main.org"), 'cell x "X" { }\n');
    const result = await run(["agenda", "main.org"], { cwd: dir });
    expect(result).toEqual({ status: 2, stdout: "", stderr: "orgspec: no program has a period to start the agenda from; give --as-of DATE\n" });
  });

  it("rejects a --days that is not a whole number and an --as-of that is not a date", async () => {
    expect(await run(["agenda", "examples", "--days", "ten"], { cwd: REPO })).toEqual({
      status: 2,
      stdout: "",
      stderr: 'orgspec: --days takes a whole number of days, not "ten"\n',
    });
    expect((await run(["agenda", "examples", "--as-of", "2026-02-30"], { cwd: REPO })).stderr).toBe(
      'orgspec: --as-of takes a calendar date (YYYY-MM-DD), not "2026-02-30"\n',
    );
  });

  it("names a path that does not exist", async () => {
    const result = await run(["agenda", "nope"], { cwd: REPO });
    expect(result).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot read nope: no such file or directory\n" });
  });
});
