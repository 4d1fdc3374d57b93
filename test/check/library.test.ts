// The library is a first-class entry point: `checkPaths` and `checkProgram`
// apply `orgspec.config.json` as the command line does, and their
// diagnostics carry lines and columns as well as offsets.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPaths, checkProgram, ConfigError } from "../../src/index.js";
import { COMMITTEES } from "../helpers.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "orgspec-library-"));
  mkdirSync(join(dir, "specs"));
  writeFileSync(join(dir, "specs", "committees.org"), COMMITTEES);
  writeFileSync(join(dir, "specs", "tiny.org"), 'import "committees.org"\ncell tiny "Tiny Cell" {\n  under sinuiju\n  critique weekly\n}\n');
  writeFileSync(join(dir, "orgspec.config.json"), JSON.stringify({ rules: { "cell-size": "off", ORG110: "warning" } }));
  writeFileSync(join(dir, "strict.json"), JSON.stringify({ rules: { ORG110: "info" } }));
  writeFileSync(join(dir, "broken.json"), "{ rules: ");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (diagnostics: readonly { code: string; severity: string }[]) => diagnostics.map((d) => `${d.code} ${d.severity}`);

describe("the library", () => {
  it("finds orgspec.config.json walking up, as `orgspec check` does", () => {
    expect(summary(checkPaths([join(dir, "specs")]).diagnostics)).toEqual(["ORG009 info", "ORG110 warning"]);
    expect(summary(checkProgram(join(dir, "specs", "tiny.org")).diagnostics)).toEqual(["ORG009 info", "ORG110 warning"]);
  });

  it("takes a configuration file, a rulebook, or none", () => {
    expect(summary(checkPaths([join(dir, "specs")], { config: join(dir, "strict.json") }).diagnostics)).toEqual(["ORG009 info", "ORG101 error", "ORG110 info"]);
    expect(summary(checkPaths([join(dir, "specs")], { config: "none" }).diagnostics)).toEqual(["ORG009 info", "ORG101 error", "ORG110 error"]);
    const rulebook = new Map([["ORG101", { severity: "warning" as const, options: {} }]]);
    expect(summary(checkPaths([join(dir, "specs")], { config: rulebook }).diagnostics)).toEqual(["ORG009 info", "ORG101 warning", "ORG110 error"]);
  });

  it("throws a ConfigError naming the file for a configuration that is not valid", () => {
    expect(() => checkPaths([join(dir, "specs")], { config: join(dir, "broken.json") })).toThrow(ConfigError);
    expect(() => checkPaths([join(dir, "specs")], { config: join(dir, "broken.json") })).toThrow(/broken\.json/);
  });

  it("gives every diagnostic and related location a line and column range", () => {
    const [info, leadership] = checkProgram(join(dir, "specs", "tiny.org")).diagnostics;
    expect(info!.range).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 24 } });
    expect(leadership!.range).toEqual({ start: { line: 2, column: 6 }, end: { line: 2, column: 10 } });
  });
});

describe("the README's library example", () => {
  it("runs as written from the package (built by npm test) and prints the examples' diagnostics", () => {
    const root = new URL("../../", import.meta.url);
    const readme = readFileSync(new URL("README.md", root), "utf8");
    const example = /## Library[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", example], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const lines = run.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^\/.+\.org:\d+:\d+ (error|warning|info) ORG\d{3} /);
    expect(run.status).toBe(1);
  });
});
