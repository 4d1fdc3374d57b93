// Issue 16.6: nothing passes unread. A spec or a folder that cannot be read
// is an error naming it with the reason in words, exit 2, and the rest is
// still checked. Root ignores `chmod 000`, so the faults are injected
// through the host; one test runs as an unprivileged user where it can.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkPaths } from "../../src/check/check.js";
import { nodeWriteFs, type WriteFs } from "../../src/cli/files.js";
import { FIXTURES, cleanUp, faultyHost, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

const BIN = fileURLToPath(new URL("../../bin/orgspec.js", import.meta.url));

/** basic/ plus `secret.org` (an entry) and `sub/other.org`, a copy of main.org one folder down. */
function tree(): string {
  const dir = fixture("basic");
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "secret.org"), 'import "committees.org"\nperiod 2026-01-01 to 2026-06-30\n');
  writeFileSync(join(dir, "sub", "other.org"), 'import "../committees.org"\nperiod 2026-01-01 to 2026-06-30\n');
  return dir;
}

describe("an unreadable spec or folder", () => {
  it("named on the command line: exit 2, named with the reason, not '0 files checked'", async () => {
    const dir = tree();
    const host = faultyHost({ [join(dir, "secret.org")]: "permission denied" });
    expect(await run(["check", "secret.org"], { cwd: dir, host })).toEqual({
      status: 2,
      stdout: "",
      stderr: "orgspec: cannot read secret.org: permission denied\n",
    });
  });

  it("in a folder: named, exit 2, and every other file is still checked and reported", async () => {
    const dir = tree();
    const host = faultyHost({ [join(dir, "secret.org")]: "permission denied", [join(dir, "sub")]: "permission denied" });
    const result = await run(["check", "."], { cwd: dir, host });
    expect(result.stderr).toBe("orgspec: cannot read sub: permission denied\norgspec: cannot read secret.org: permission denied\n");
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("main.org:4:6 error ORG101 cell-size");
    expect(result.stdout.endsWith("1 error, 1 warning in 1 file (2 files checked)\n")).toBe(true);
  });

  it("the discovery lists each problem with its path and reason", () => {
    const dir = tree();
    const host = faultyHost({ [join(dir, "sub")]: "permission denied" });
    const result = checkPaths([dir], { host });
    expect(result.discovery.problems).toEqual([{ path: join(dir, "sub"), reason: "permission denied" }]);
    expect(result.discovery.entries).toEqual([join(dir, "main.org"), join(dir, "secret.org")]);
  });

  it("for report and agenda too: every unreadable path is named and nothing is written", async () => {
    const dir = tree();
    const host = faultyHost({ [join(dir, "sub")]: "permission denied" });
    const report = await run(["report", ".", "--out", "r.html"], { cwd: dir, host });
    expect(report).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot read sub: permission denied\n" });
  });

  it("fmt reports a file it cannot read, formats the others, and exits 2", async () => {
    const dir = fixture("clean", false);
    writeFileSync(join(dir, "b.org"), "period   2026-01-01 to 2026-06-30\n");
    writeFileSync(join(dir, "c.org"), "period   2026-01-01 to 2026-06-30\n");
    const host = faultyHost({ [join(dir, "b.org")]: "permission denied" });
    const result = await run(["fmt", "--write", "b.org", "c.org", "nope.org"], { cwd: dir, host });
    expect(result).toEqual({
      status: 2,
      stdout: "formatted c.org\n",
      stderr: "orgspec: cannot read nope.org: no such file or directory\norgspec: cannot read b.org: permission denied\n",
    });
  });

  it("fmt --write reports a file it cannot write, goes on with the rest, and exits 2", async () => {
    const dir = fixture("clean", false);
    writeFileSync(join(dir, "b.org"), "period   2026-01-01 to 2026-06-30\n");
    writeFileSync(join(dir, "c.org"), "period   2026-01-01 to 2026-06-30\n");
    const eacces = () => Object.assign(new Error("EACCES: permission denied, open"), { code: "EACCES" });
    // The temporary file of b.org cannot be created (a folder the user may not write, say).
    const openSync: WriteFs["openSync"] = (path, flags, mode) => {
      if (path.includes(".b.org.")) throw eacces();
      return nodeWriteFs.openSync(path, flags, mode);
    };
    const result = await run(["fmt", "--write", "b.org", "c.org"], { cwd: dir, writeFs: { ...nodeWriteFs, openSync } });
    expect(result).toEqual({ status: 2, stdout: "formatted c.org\n", stderr: "orgspec: cannot write b.org: permission denied; the file is unchanged\n" });
  });
});

// A real chmod 000, seen by a user it applies to (not root).
const setpriv = spawnSync("setpriv", ["--version"]).status === 0 && process.getuid?.() === 0;
describe.skipIf(!setpriv)("as an unprivileged user (setpriv --reuid=65534)", () => {
  it("a mode-000 file and folder are named with `permission denied`, exit 2, the rest checked", () => {
    const dir = mkdtempSync(join(tmpdir(), "orgspec-unprivileged-"));
    try {
      chmodSync(dir, 0o755);
      cpSync(join(FIXTURES, "basic"), dir, { recursive: true });
      mkdirSync(join(dir, "sub"));
      writeFileSync(join(dir, "sub", "other.org"), 'import "../committees.org"\n');
      writeFileSync(join(dir, "secret.org"), 'import "committees.org"\n');
      chmodSync(join(dir, "secret.org"), 0o000);
      chmodSync(join(dir, "sub"), 0o000);
      const child = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, "check", "."], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(child.stderr).toBe("orgspec: cannot read sub: permission denied\norgspec: cannot read secret.org: permission denied\n");
      expect(child.stdout).toContain("main.org:4:6 error ORG101 cell-size");
      expect(child.status).toBe(2);
    } finally {
      chmodSync(join(dir, "sub"), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
if (!setpriv) console.log("skipped the unprivileged test: it needs root and setpriv");
