// `orgspec fmt`: exit statuses and messages of the command (the layout
// itself is tested in test/format/).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, fixture, run, tempDir } from "../fixtures/support.js";

afterAll(cleanUp);

const UNFORMATTED = "period   2026-01-01 to 2026-06-30\n";
const FORMATTED = "period 2026-01-01 to 2026-06-30\n";

describe("orgspec fmt", () => {
  it("--check, --write and plain on a folder with no .org files exit 2 as check does", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "empty"));
    const check = await run(["check", "empty"], { cwd: dir });
    expect(check).toEqual({ status: 2, stdout: "", stderr: "orgspec: no .org files found in empty\n" });
    for (const flags of [["--check"], ["--write"], []]) {
      expect(await run(["fmt", ...flags, "empty"], { cwd: dir })).toEqual(check);
    }
  });

  it("--check names the unformatted files and exits 1; --write rewrites them and exits 0", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.org"), UNFORMATTED);
    writeFileSync(join(dir, "b.org"), FORMATTED);
    expect(await run(["fmt", "--check", "."], { cwd: dir })).toEqual({
      status: 1,
      stdout: "a.org\n",
      stderr: "1 file is not formatted; run `orgspec fmt --write`\n",
    });
    expect(await run(["fmt", "--write", "."], { cwd: dir })).toEqual({ status: 0, stdout: "formatted a.org\n", stderr: "" });
    expect(readFileSync(join(dir, "a.org"), "utf8")).toBe(FORMATTED);
  });

  it("a missing path is named, the others are still formatted, and the status is 2", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.org"), UNFORMATTED);
    expect(await run(["fmt", "--write", "nope.org", "a.org"], { cwd: dir })).toEqual({
      status: 2,
      stdout: "formatted a.org\n",
      stderr: "orgspec: cannot read nope.org: no such file or directory\n",
    });
  });

  it("a write error is in words, not a code", async () => {
    const dir = fixture("clean", false);
    writeFileSync(join(dir, "a.org"), UNFORMATTED);
    const enoent = () => Object.assign(new Error("ENOENT: no such file or directory, open"), { code: "ENOENT" });
    const { nodeWriteFs } = await import("../../src/cli/files.js");
    const result = await run(["fmt", "--write", "a.org"], { cwd: dir, writeFs: { ...nodeWriteFs, renameSync: () => { throw enoent(); } } });
    expect(result).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot write a.org: no such file or directory; the file is unchanged\n" });
    expect(readFileSync(join(dir, "a.org"), "utf8")).toBe(UNFORMATTED);
  });

  it("a file that does not parse is left as it is, exit 1", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.org"), "cell {\n");
    const result = await run(["fmt", "--write", "bad.org"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^bad\.org:1:/);
    expect(readFileSync(join(dir, "bad.org"), "utf8")).toBe("cell {\n");
  });

  it("plain fmt prints the one file it is given, formatted", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.org"), UNFORMATTED);
    expect(await run(["fmt", "a.org"], { cwd: dir })).toEqual({ status: 0, stdout: FORMATTED, stderr: "" });
    mkdirSync(join(dir, "one"));
    writeFileSync(join(dir, "one", "b.org"), UNFORMATTED);
    expect(await run(["fmt", "one"], { cwd: dir })).toEqual({ status: 0, stdout: FORMATTED, stderr: "" });
  });

  it("plain fmt refuses more than one file (never an unlabelled concatenation), exit 2, nothing printed or written", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.org"), UNFORMATTED);
    writeFileSync(join(dir, "b.org"), UNFORMATTED);
    const refusal = "orgspec: fmt prints one file, and . holds 2 .org files: name one file, or rewrite them with --write, or list the unformatted ones with --check\n";
    expect(await run(["fmt", "."], { cwd: dir })).toEqual({ status: 2, stdout: "", stderr: refusal });
    expect(await run(["fmt", "a.org", "b.org"], { cwd: dir })).toEqual({
      status: 2,
      stdout: "",
      stderr: refusal.replace(". holds", "a.org, b.org holds"),
    });
    expect(readFileSync(join(dir, "a.org"), "utf8")).toBe(UNFORMATTED);
  });
});
