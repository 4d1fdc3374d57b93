// A rule that throws is one ORG012 (src/check/run-rules.ts): `orgspec check`
// reports it with everything else, exits 2, and prints its stack on stderr
// with --debug only. The failing rule is passed to `main` as a seam; it runs
// on the main thread with --jobs 2 as with --jobs 1.
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { RULES } from "../../src/rules/index.js";
import { defineRule, type AnyRule } from "../../src/rules/rule.js";
import { cleanUp, fixture, type CliRun } from "../fixtures/support.js";

afterAll(cleanUp);

const broken: AnyRule = defineRule({
  ...RULES[0]!,
  code: "ORG999",
  name: "broken",
  options: {},
  check() {
    throw new TypeError("cannot read properties of undefined (reading 'day')");
  },
});

async function check(args: readonly string[], cwd: string, rules: readonly AnyRule[] = [...RULES, broken]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), cwd, isTTY: false };
  const status = await main(["check", ...args], io, { rules });
  return { status, stdout, stderr };
}

const INTERNAL_BLOCK = `main.org:1:1 error ORG012 internal
  rule ORG999 broken failed with an internal error (cannot read properties of undefined (reading 'day')); its findings are missing. This is a bug in orgspec: please report it with this spec (--debug prints the stack)
`;

describe("a rule that throws, on the command line", () => {
  it("is reported as ORG012 among every other diagnostic, and check exits 2", async () => {
    const dir = fixture("basic");
    const plain = await check(["main.org"], dir, RULES);
    expect(plain.status).toBe(1);
    const failing = await check(["main.org"], dir);
    expect(failing.status).toBe(2);
    expect(failing.stderr).toBe("");
    expect(failing.stdout.startsWith(INTERNAL_BLOCK)).toBe(true);
    // Every other diagnostic is printed as without the failing rule; only the summary counts one error more.
    const rest = failing.stdout.slice(failing.stdout.indexOf("\n\n") + 2);
    expect(rest.replace(/^\d+ errors?/m, "N errors")).toBe(plain.stdout.replace(/^\d+ errors?/m, "N errors"));
    expect(plain.stdout).toContain("error ORG101 cell-size");
    expect(plain.stdout).toContain("warning ORG007 outside-period");
    expect(failing.stdout.endsWith("2 errors, 1 warning in 1 file (2 files checked)\n")).toBe(true);
  });

  it("prints each ORG012's stack on stderr with --debug, and nothing else changes", async () => {
    const dir = fixture("basic");
    const quiet = await check(["main.org"], dir);
    const debug = await check(["main.org", "--debug"], dir);
    expect(debug.status).toBe(2);
    expect(debug.stdout).toBe(quiet.stdout);
    // The place and message, then the stack as the rule threw it, ending in the rule's own frame.
    expect(debug.stderr).toMatch(
      /^orgspec: debug: main\.org:1:1 ORG012 rule ORG999 broken failed with an internal error \(.*\nTypeError: cannot read properties of undefined \(reading 'day'\)\n {4}at .*internal-error\.test\.ts:\d+:\d+\)\n {4}at /,
    );
  });

  it("is the same with --jobs 2, in JSON too", async () => {
    const dir = fixture("basic");
    const one = await check(["main.org", "--format", "json", "--jobs", "1", "--debug"], dir);
    const two = await check(["main.org", "--format", "json", "--jobs", "2", "--debug"], dir);
    expect(two.status).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(two.stdout) as { diagnostics: { code: string }[] };
    expect(report.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["ORG012", "ORG101", "ORG007"]);
    expect(two.stderr.split("\n")[0]).toBe(one.stderr.split("\n")[0]);
  });

  it("exits 2 even when the other diagnostics would not fail the check", async () => {
    const dir = fixture("clean");
    const result = await check(["main.org"], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("error ORG012 internal");
  });
});

describe("a rule that throws, in report and agenda", () => {
  async function command(args: readonly string[], cwd: string): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), cwd, isTTY: false };
    const status = await main(args, io, { rules: [...RULES, broken] });
    return { status, stdout, stderr };
  }
  const said = "orgspec: a rule failed (ORG012, a bug in orgspec): what was written lacks its findings; `orgspec check --debug` prints the stack\n";

  it("writes the report and the agenda whole, and exits 2 as check does", async () => {
    const dir = fixture("clean");
    const report = await command(["report", "main.org", "--out", "report.html"], dir);
    expect(report.status).toBe(2);
    expect(report.stdout).toMatch(/^wrote report\.html: /);
    expect(report.stderr).toBe(said);
    const agenda = await command(["agenda", "main.org"], dir);
    expect(agenda.status).toBe(2);
    expect(agenda.stderr).toBe(said);
  });
});
