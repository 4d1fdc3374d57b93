// Issue 16.7: symbolic links. Directory walks follow them; a file is known
// by its real path, so a file reached by two paths is one file (no false
// ORG003); a link loop is reported once and does not hang.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPaths } from "../../src/check/check.js";
import { diskHost } from "../../src/program/disk-host.js";
import { orgFilesUnder, type PathProblem } from "../../src/program/entries.js";
import { cleanUp, fixture, isolatingRulebook, run } from "../fixtures/support.js";

afterAll(cleanUp);

describe("symbolic links", () => {
  it("a linked .org file in a folder is checked, under its real path", async () => {
    const dir = fixture("basic");
    mkdirSync(join(dir, "specs"));
    symlinkSync("../main.org", join(dir, "specs", "linked.org"));
    symlinkSync("../committees.org", join(dir, "specs", "committees.org"));
    const result = await run(["check", "specs"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("main.org:4:6 error ORG101 cell-size");
    expect(result.stdout.endsWith("1 error, 1 warning in 1 file (2 files checked)\n")).toBe(true);
    expect(result.status).toBe(1);
  });

  it("a linked folder is walked", () => {
    const dir = fixture("basic");
    mkdirSync(join(dir, "specs"));
    symlinkSync("..", join(dir, "specs", "up"));
    const problems: PathProblem[] = [];
    // `specs/up` leads back to the folder above specs: its files are found, and specs itself is a loop.
    expect(orgFilesUnder(join(dir, "specs"), diskHost, problems)).toEqual([join(dir, "committees.org"), join(dir, "main.org")]);
    expect(problems).toEqual([{ path: join(dir, "specs", "up", "specs"), reason: "a symbolic link loop", loopsTo: join(dir, "specs") }]);
  });

  it("importing a file through an alias is importing the file once: no false ORG003", () => {
    const dir = fixture("basic");
    symlinkSync(".", join(dir, "alias"));
    writeFileSync(join(dir, "both.org"), 'import "committees.org"\nimport "alias/committees.org"\nimport "./alias/alias/committees.org"\nperiod 2026-01-01 to 2026-06-30\n');
    const result = checkPaths([join(dir, "both.org")], { rulebook: isolatingRulebook() });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toEqual([join(dir, "both.org"), join(dir, "committees.org")]);
  });

  it("a file named twice, by its path and through a link, is one entry", () => {
    const dir = fixture("basic");
    symlinkSync("main.org", join(dir, "again.org"));
    const result = checkPaths([join(dir, "main.org"), join(dir, "again.org"), dir], { rulebook: isolatingRulebook() });
    expect(result.discovery.entries).toEqual([join(dir, "main.org")]);
  });

  it("a loop is reported once, as a warning, and does not hang; a link to itself is an error", async () => {
    const dir = fixture("basic");
    mkdirSync(join(dir, "a"));
    symlinkSync("..", join(dir, "a", "loop"));
    symlinkSync(".", join(dir, "here"));
    symlinkSync("self.org", join(dir, "self.org"));
    const result = await run(["check", "."], { cwd: dir });
    expect(result.stderr).toBe(
      [
        "orgspec: warning: a/loop is a symbolic link loop (it leads back to .); not followed",
        "orgspec: warning: here is a symbolic link loop (it leads back to .); not followed",
        "orgspec: cannot read self.org: too many levels of symbolic links",
        "",
      ].join("\n"),
    );
    expect(result.stdout.endsWith("1 error, 1 warning in 1 file (2 files checked)\n")).toBe(true);
    expect(result.status).toBe(2);
  });

  it("a loop alone does not fail the check", async () => {
    const dir = fixture("clean");
    symlinkSync(".", join(dir, "here"));
    const result = await run(["check", "."], { cwd: dir });
    expect(result).toEqual({
      status: 0,
      stdout: "0 errors, 0 warnings (2 files checked)\n",
      stderr: "orgspec: warning: here is a symbolic link loop (it leads back to .); not followed\n",
    });
  });

  it("fmt --write through a link rewrites the real file and keeps the link", async () => {
    const dir = fixture("clean", false);
    writeFileSync(join(dir, "real.org"), "period   2026-01-01 to 2026-06-30\n");
    symlinkSync("real.org", join(dir, "link.org"));
    const result = await run(["fmt", "--write", "link.org"], { cwd: dir });
    expect(result).toEqual({ status: 0, stdout: "formatted real.org\n", stderr: "" });
    const { lstatSync, readFileSync } = await import("node:fs");
    expect(lstatSync(join(dir, "link.org")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.org"), "utf8")).toBe("period 2026-01-01 to 2026-06-30\n");
  });
});
