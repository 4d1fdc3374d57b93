// The TextMate grammar (grammar/orgspec.tmLanguage.json) against its fixture,
// with vscode-tmgrammar-test run as a child process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(REPO, "node_modules/vscode-tmgrammar-test/dist/unit.js");
const GRAMMAR = join(REPO, "grammar/orgspec.tmLanguage.json");

function run(fixture: string) {
  return spawnSync(process.execPath, [CLI, "--compact", "-g", GRAMMAR, fixture], { cwd: REPO, encoding: "utf8" });
}

describe("TextMate grammar", () => {
  it("is valid JSON for source.orgspec", () => {
    const grammar = JSON.parse(readFileSync(GRAMMAR, "utf8")) as { scopeName: string };
    expect(grammar.scopeName).toBe("source.orgspec");
    expect(createRequire(import.meta.url).resolve("vscode-tmgrammar-test/package.json")).toContain("vscode-tmgrammar-test");
  });

  it("scopes the fixture as its assertions say", () => {
    const result = run("test/tmgrammar/orgspec.org");
    expect(result.stdout + result.stderr).toContain("run successfuly");
    expect(result.status).toBe(0);
  });

  it("fails on a wrong assertion (the harness is live)", () => {
    const dir = mkdtempSync(join(tmpdir(), "orgspec-tm-"));
    try {
      const fixture = join(dir, "wrong.org");
      writeFileSync(fixture, '// SYNTAX TEST "source.orgspec"\ncell mill3 {\n// <---- string.quoted.double.orgspec\n}\n');
      const result = run(fixture);
      expect(result.status).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(/missing required scopes/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
