// GitHub in full: annotations within GitHub's limits (10 of each kind a
// step) with the pull request's files first (`--changed-since`, asked of a
// real git repository), the Markdown job summary, and the action's shell step
// run under a fake GITHUB_* environment.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseDay } from "../../src/util/dates.js";
import { cleanUp, fixture, run, tempDir } from "../fixtures/support.js";

afterAll(cleanUp);

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BYLAW = '%0Abylaw: Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"';
const cells = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `cell ${prefix}${index} "${prefix.toUpperCase()} ${index}" {\n  under uiju\n  member m${prefix}${index} "M" joined 2010-01-01\n}\n`).join("");
const spec = (prefix: string, count: number) => `import "committees.org"\nperiod 2026-01-01 to 2026-06-30\n${cells(prefix, count)}`;
const annotation = (file: string, prefix: string, index: number) =>
  `::error file=${file},line=${3 + 4 * index},col=6,endLine=${3 + 4 * index},endColumn=8,title=ORG101 cell-size::${prefix.toUpperCase()} ${index} has 1 member or candidate; a party cell needs 5 to 30${BYLAW}`;

/** A repository whose first commit holds b.org (7 small cells) and main.org (6); main.org is then changed. */
function repository(): { cwd: string; base: string; git: (...args: string[]) => string } {
  const cwd = fixture("basic");
  writeFileSync(join(cwd, "main.org"), spec("a", 6));
  writeFileSync(join(cwd, "b.org"), spec("b", 7));
  const env = { ...process.env, GIT_AUTHOR_NAME: "clerk", GIT_AUTHOR_EMAIL: "clerk@example.org", GIT_COMMITTER_NAME: "clerk", GIT_COMMITTER_EMAIL: "clerk@example.org" };
  const git = (...args: string[]) => execFileSync("git", ["-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8", env });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "records");
  const base = git("rev-parse", "HEAD").trim();
  writeFileSync(join(cwd, "main.org"), spec("a", 6) + "// the March minutes\n");
  return { cwd, base, git };
}

describe("--format github within GitHub's limits", () => {
  it("annotates 10 errors, those on the changed files first, and prints the rest as log lines", async () => {
    const { cwd } = repository();
    const result = await run(["check", "main.org", "b.org", "--format", "github", "--changed-since", "HEAD"], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        ...[0, 1, 2, 3, 4, 5].map((index) => annotation("main.org", "a", index)),
        ...[0, 1, 2, 3].map((index) => annotation("b.org", "b", index)),
        "orgspec: 3 more not annotated (3 errors): GitHub shows 10 errors, 10 warnings and 10 notices a step, those on the changed files first; here they are:",
        "b.org:19:6 error ORG101 B 4 has 1 member or candidate; a party cell needs 5 to 30",
        "b.org:23:6 error ORG101 B 5 has 1 member or candidate; a party cell needs 5 to 30",
        "b.org:27:6 error ORG101 B 6 has 1 member or candidate; a party cell needs 5 to 30",
        "13 errors, 0 warnings in 2 files (3 files checked)",
        "",
      ].join("\n"),
    );
    // Without --changed-since, in file order: b.org's seven, then three of main.org.
    const plain = await run(["check", "main.org", "b.org", "--format", "github"], { cwd });
    expect(plain.stdout.split("\n").slice(0, 10)).toEqual([...[0, 1, 2, 3, 4, 5, 6].map((index) => annotation("b.org", "b", index)), ...[0, 1, 2].map((index) => annotation("main.org", "a", index))]);
  });

  it("says why when git cannot compare (exit 2)", async () => {
    const { cwd } = repository();
    const result = await run(["check", "main.org", "--format", "github", "--changed-since", "no-such-ref"], { cwd });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^orgspec: --changed-since no-such-ref: cannot list the changed files: fatal: bad revision 'no-such-ref'\n$/);
  });
});

describe("the job summary", () => {
  it("writes totals by code and unit, new against baselined and waived, the waivers lapsing within 30 days, and what to prune", async () => {
    const cwd = fixture("meetings", { "cell-meeting": "error" });
    await run(["baseline", "write", "main.org"], { cwd });
    const main = join(cwd, "main.org");
    // March is baselined; April now missing too, and it is waived until the 31st; a small cell is new.
    const text = readFileSync(main, "utf8").replace("on 2026-04-12 meeting mill3\n", "").replace("cell mill3", "// orgspec-waive ORG201 until 2026-12-31 -- the April meeting was moved to May\ncell mill3");
    writeFileSync(main, `${text}cell tiny "Tiny | <Cell>" {\n  under uiju\n  member f "F" joined 2010-01-01\n}\non 2026-01-20 meeting tiny\non 2026-02-20 meeting tiny\non 2026-03-20 meeting tiny\non 2026-04-20 meeting tiny\n`);
    const result = await run(["check", "main.org", "--summary", "summary.md"], { cwd, seams: { today: parseDay("2026-12-20")! } });
    expect(result.status).toBe(1);
    expect(readFileSync(join(cwd, "summary.md"), "utf8")).toBe(
      [
        "## orgspec check",
        "",
        "**1 new finding**: 1 error, 0 warnings. 0 baselined, 2 waived; 2 files checked.",
        "",
        "### By code",
        "",
        "| Code | New | Baselined | Waived |",
        "| --- | ---: | ---: | ---: |",
        "| ORG101 cell-size | 1 | 0 | 0 |",
        "| ORG201 cell-meeting | 0 | 0 | 2 |",
        "",
        "### By unit",
        "",
        "| Unit | New | Baselined | Waived |",
        "| --- | ---: | ---: | ---: |",
        "| `mill3` | 0 | 0 | 2 |",
        "| `tiny` | 1 | 0 | 0 |",
        "",
        "### Waivers that lapse within 30 days",
        "",
        "| Until | Codes | Where | Reason |",
        "| --- | --- | --- | --- |",
        "| 2026-12-31 | ORG201 | main.org:4 | the April meeting was moved to May |",
        "",
      ].join("\n"),
    );
  });

  it("goes to $GITHUB_STEP_SUMMARY with --format github, appended", async () => {
    const cwd = fixture("basic");
    const file = join(tempDir(), "step-summary.md");
    writeFileSync(file, "earlier step\n");
    vi.stubEnv("GITHUB_STEP_SUMMARY", file);
    try {
      await run(["check", "main.org", "--format", "github"], { cwd });
      await run(["check", "main.org"], { cwd });
    } finally {
      vi.unstubAllEnvs();
    }
    const written = readFileSync(file, "utf8");
    expect(written.startsWith("earlier step\n## orgspec check\n\n**2 new findings**: 1 error, 1 warning. 0 baselined, 0 waived; 2 files checked.\n")).toBe(true);
    // The text format does not write it.
    expect(written.split("## orgspec check").length).toBe(2);
  });
});

describe("the GitHub Action", () => {
  const action = readFileSync(join(REPO, "action.yml"), "utf8");
  const script = readFileSync(join(REPO, "action/check.sh"), "utf8");

  it("gives its shell step every variable the script reads, and uploads the SARIF the script writes", () => {
    expect(action).toContain('run: bash "$ORGSPEC_ACTION_PATH/action/check.sh"');
    const read = new Set([...script.matchAll(/\$\{?(ORGSPEC_[A-Z_]+)/g)].map((match) => match[1]!));
    expect([...read].sort()).toEqual(["ORGSPEC_ACTION_PATH", "ORGSPEC_ARGS", "ORGSPEC_BASE_SHA", "ORGSPEC_CHANGED_SINCE", "ORGSPEC_PATHS"]);
    for (const name of read) expect(action, name).toMatch(new RegExp(`\\n        ${name}: \\$\\{\\{ [a-z._-]+ \\}\\}\\n`));
    expect(action).toContain("sarif_file: ${{ steps.check.outputs.sarif-file }}");
    expect(action).toContain('run: exit "${ORGSPEC_EXIT:-2}"');
  });

  it("runs its shell step on a pull request: annotations of the changed file first, summary, SARIF, the status as an output", () => {
    const { cwd, base, git } = repository();
    git("commit", "-q", "-am", "minutes");
    const runner = tempDir();
    mkdirSync(join(runner, "temp"));
    const env = {
      PATH: process.env["PATH"]!,
      HOME: runner,
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_OUTPUT: join(runner, "output"),
      GITHUB_STEP_SUMMARY: join(runner, "summary.md"),
      RUNNER_TEMP: join(runner, "temp"),
      ORGSPEC_PATHS: "main.org b.org",
      ORGSPEC_ARGS: "--max-warnings 0",
      ORGSPEC_CHANGED_SINCE: "",
      ORGSPEC_BASE_SHA: base,
      ORGSPEC_ACTION_PATH: REPO,
    };
    const step = spawnSync("bash", [join(REPO, "action/check.sh")], { cwd, env, encoding: "utf8" });
    expect(step.stderr).toBe("");
    expect(step.status).toBe(0);
    const lines = step.stdout.split("\n");
    expect(lines.slice(0, 7)).toEqual([...[0, 1, 2, 3, 4, 5].map((index) => annotation("main.org", "a", index)), annotation("b.org", "b", 0)]);
    expect(lines.at(-2)).toBe("13 errors, 0 warnings in 2 files (3 files checked)");
    const sarifFile = join(runner, "temp", "orgspec.sarif");
    expect(readFileSync(env.GITHUB_OUTPUT, "utf8")).toBe(`sarif-file=${sarifFile}\nexit-code=1\n`);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, "utf8")).toContain("**13 new findings**: 13 errors, 0 warnings. 0 baselined, 0 waived; 3 files checked.");
    const sarif = JSON.parse(readFileSync(sarifFile, "utf8")) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(13);
    expect(sarif.runs[0]!.results.every((result) => /^[0-9a-f]{14}$/.test(result.partialFingerprints["orgspecFingerprint/v1"]!))).toBe(true);
  });
});

describe("--changed-since", () => {
  it("goes with --format github only (exit 2)", async () => {
    expect(await run(["check", "main.org", "--changed-since", "HEAD"], { cwd: fixture("basic") })).toEqual({
      status: 2,
      stdout: "",
      stderr: "orgspec: --changed-since orders the annotations of --format github: add --format github\n",
    });
  });
});
