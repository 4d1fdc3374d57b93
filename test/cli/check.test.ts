// `orgspec check`: exit statuses, usage errors, the text reporter's exact
// output, colour, --max-warnings and --as-of.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ANSI_ESCAPE, cleanUp, fixture, run, tempDir, writeConfig } from "../fixtures/support.js";

beforeEach(() => {
  // Colour must follow the flags and the TTY only, whatever the test runner's environment.
  vi.stubEnv("NO_COLOR", undefined);
  vi.stubEnv("FORCE_COLOR", undefined);
  return () => vi.unstubAllEnvs();
});
afterAll(cleanUp);

const BASIC_TEXT = `main.org:4:6 error ORG101 cell-size
  Sawmill Cell has 4 members and candidates; a party cell needs 5 to 30
  4 | cell tiny "Sawmill Cell" {
    |      ^^^^
  bylaw: Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"

main.org:12:1 warning ORG007 outside-period
  this event on 2026-07-01 is after the period's end (2026-06-30)
  12 | on 2026-07-01 meeting tiny
     | ^^^^^^^^^^^^^^^^^^^^^^^^^^

1 error, 1 warning in 1 file (2 files checked)
`;

describe("exit status", () => {
  it("is 0 with no diagnostics, and the summary says so", async () => {
    const dir = fixture("clean");
    const result = await run(["check", "main.org"], { cwd: dir });
    expect(result).toEqual({ status: 0, stdout: "0 errors, 0 warnings (2 files checked)\n", stderr: "" });
  });

  it("is 1 with an error", async () => {
    const result = await run(["check", "main.org"], { cwd: fixture("basic") });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
  });

  it("is 0 with warnings only, and 1 when they are more than --max-warnings", async () => {
    const dir = fixture("warn");
    const summary = "0 errors, 2 warnings in 1 file (2 files checked)\n";
    const plain = await run(["check", "main.org"], { cwd: dir });
    expect(plain.status).toBe(0);
    expect(plain.stdout.endsWith(summary)).toBe(true);
    expect((await run(["check", "main.org", "--max-warnings", "2"], { cwd: dir })).status).toBe(0);
    expect((await run(["check", "main.org", "--max-warnings", "1"], { cwd: dir })).status).toBe(1);
    expect((await run(["check", "--max-warnings=0", "main.org"], { cwd: dir })).status).toBe(1);
  });

  it("counts infos neither as errors nor as warnings", async () => {
    const dir = tempDir();
    writeConfig(dir);
    writeFileSync(join(dir, "empty.org"), "// no period, nothing else\n");
    const result = await run(["check", "empty.org", "--max-warnings", "0"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "empty.org:1:1 info ORG009 no-period",
        "  no `period` in this program: meeting, critique and report cadences were not evaluated",
        "  1 | // no period, nothing else",
        "    | ^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "",
        "0 errors, 0 warnings, 1 info in 1 file (1 file checked)",
        "",
      ].join("\n"),
    );
  });
});

describe("usage and I/O errors exit 2 with a message on stderr and no stack trace", () => {
  const expectUsage = (result: { status: number; stdout: string; stderr: string }, stderr: string) => {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  it("an unknown flag", async () => {
    expectUsage(await run(["check", "--bogus", "main.org"], { cwd: fixture("basic") }), "error: unknown option '--bogus'\n");
  });

  it("an unknown command, and no command at all", async () => {
    const dir = fixture("basic");
    expectUsage(await run(["bogus"], { cwd: dir }), "error: unknown command 'bogus'\n");
    const none = await run([], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Usage: orgspec [options] [command]");
  });

  it("check without paths", async () => {
    expectUsage(await run(["check"], { cwd: fixture("basic") }), "error: missing required argument 'paths'\n");
  });

  it("an unknown --format", async () => {
    expectUsage(
      await run(["check", "main.org", "--format", "xml"], { cwd: fixture("basic") }),
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github.\n",
    );
  });

  it("a missing path, named as given, one line each; the rest is still checked and reported", async () => {
    const dir = fixture("basic");
    expectUsage(await run(["check", "nope.org"], { cwd: dir }), "orgspec: cannot read nope.org: no such file or directory\n");
    expect(await run(["check", "main.org", "nope.org", "gone/"], { cwd: dir })).toEqual({
      status: 2,
      stdout: BASIC_TEXT,
      stderr: "orgspec: cannot read nope.org: no such file or directory\norgspec: cannot read gone/: no such file or directory\n",
    });
  });

  it("a directory with no .org files", async () => {
    const dir = tempDir();
    expectUsage(await run(["check", "."], { cwd: dir }), "orgspec: no .org files found in .\n");
  });

  it("an invalid --as-of", async () => {
    const dir = fixture("basic");
    expectUsage(
      await run(["check", "main.org", "--as-of", "2026-02-30"], { cwd: dir }),
      'orgspec: --as-of takes a calendar date (YYYY-MM-DD), not "2026-02-30"\n',
    );
    expectUsage(await run(["check", "main.org", "--as-of", "tomorrow"], { cwd: dir }), 'orgspec: --as-of takes a calendar date (YYYY-MM-DD), not "tomorrow"\n');
  });

  it("an invalid --max-warnings", async () => {
    const dir = fixture("basic");
    expectUsage(await run(["check", "main.org", "--max-warnings", "some"], { cwd: dir }), 'orgspec: --max-warnings takes a whole number, not "some"\n');
    expectUsage(await run(["check", "main.org", "--max-warnings", "-1"], { cwd: dir }), 'orgspec: --max-warnings takes a whole number, not "-1"\n');
    expectUsage(await run(["check", "main.org", "--max-warnings", "1.5"], { cwd: dir }), 'orgspec: --max-warnings takes a whole number, not "1.5"\n');
  });

  it("a bad configuration file: the file relative to the working directory and the key", async () => {
    const dir = fixture("basic", { "cell-size": ["error", { min: "five" }] });
    expectUsage(
      await run(["check", "main.org"], { cwd: dir }),
      'orgspec: orgspec.config.json: rules.cell-size[1].min must be a whole number, not "five"\n',
    );
  });

  it("a --config that does not exist", async () => {
    expectUsage(
      await run(["check", "main.org", "--config", "missing.json"], { cwd: fixture("basic") }),
      "orgspec: missing.json: cannot read the configuration: no such file or directory\n",
    );
  });
});

describe("text output", () => {
  it("has a code frame with the span underlined and the summary line", async () => {
    const result = await run(["check", "main.org"], { cwd: fixture("basic") });
    expect(result.stdout).toBe(BASIC_TEXT);
  });

  it("names files relative to the working directory", async () => {
    const dir = fixture("basic");
    const result = await run(["check", join(dir, "main.org")], { cwd: join(dir, "..") });
    const name = dir.split(/[\\/]/).pop();
    expect(result.stdout.split("\n")[0]).toBe(`${name}/main.org:4:6 error ORG101 cell-size`);
  });

  it("is the default format, the same as --format text", async () => {
    const dir = fixture("basic");
    expect((await run(["check", "--format", "text", "main.org"], { cwd: dir })).stdout).toBe(BASIC_TEXT);
    expect((await run(["check", "-f", "text", "main.org"], { cwd: dir })).stdout).toBe(BASIC_TEXT);
  });

  it("has no ANSI escapes when not a TTY, nor with --no-color on a TTY", async () => {
    const dir = fixture("basic");
    const piped = await run(["check", "main.org"], { cwd: dir, isTTY: false });
    expect(piped.stdout).not.toMatch(ANSI_ESCAPE);
    const noColor = await run(["check", "main.org", "--no-color"], { cwd: dir, isTTY: true });
    expect(noColor.stdout).toBe(BASIC_TEXT);
  });

  it("honours NO_COLOR on a TTY", async () => {
    vi.stubEnv("NO_COLOR", "1");
    const result = await run(["check", "main.org"], { cwd: fixture("basic"), isTTY: true });
    expect(result.stdout).toBe(BASIC_TEXT);
  });

  it("is coloured with --color, and on a TTY", async () => {
    const dir = fixture("basic");
    const forced = await run(["check", "main.org", "--color"], { cwd: dir, isTTY: false });
    const lines = forced.stdout.split("\n");
    expect(lines[0]).toBe("\u001b[1mmain.org:4:6\u001b[0m \u001b[31merror\u001b[0m \u001b[90mORG101 cell-size\u001b[0m");
    expect(lines[3]).toBe("  \u001b[90m  | \u001b[0m     \u001b[31m^^^^\u001b[0m");
    expect(lines[6]).toBe("\u001b[1mmain.org:12:1\u001b[0m \u001b[33mwarning\u001b[0m \u001b[90mORG007 outside-period\u001b[0m");
    // Without the escapes it is the plain report.
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, "")).toBe(BASIC_TEXT);
    const tty = await run(["check", "main.org"], { cwd: dir, isTTY: true });
    expect(tty.stdout).toBe(forced.stdout);
  });

  it("underlines a span with a tab before it under the same columns", async () => {
    const dir = fixture("basic");
    writeFileSync(
      join(dir, "tabbed.org"),
      ['import "committees.org"', "cell\ttiny \"T\" {", "  under uiju", '  member a "A" joined 2010-01-01', "}", ""].join("\n"),
    );
    const result = await run(["check", "tabbed.org"], { cwd: dir });
    expect(result.stdout).toContain("tabbed.org:2:6 error ORG101 cell-size\n  T has 1 member or candidate");
    expect(result.stdout).toContain("  2 | cell\ttiny \"T\" {\n    |     \t^^^^\n");
  });
});

describe("--as-of", () => {
  it("is accepted as a calendar date", async () => {
    const result = await run(["check", "main.org", "--as-of", "2026-03-31"], { cwd: fixture("basic") });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(BASIC_TEXT);
  });
});
