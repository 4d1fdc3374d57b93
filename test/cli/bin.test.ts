// The installed command end to end: `node bin/orgspec.js` on the compiled
// dist/ (build first: `npx tsc -p .`, as `npm test` does).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, fixture } from "../fixtures/support.js";

afterAll(cleanUp);

const BIN = fileURLToPath(new URL("../../bin/orgspec.js", import.meta.url));
const COMPILED = fileURLToPath(new URL("../../dist/src/cli/main.js", import.meta.url));

function orgspec(args: readonly string[], cwd: string) {
  const env = { ...process.env };
  delete env["FORCE_COLOR"];
  delete env["NO_COLOR"];
  return spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8" });
}

describe("bin/orgspec.js", () => {
  it("is built", () => {
    expect(existsSync(COMPILED), "dist/ is missing: run `npx tsc -p .` before the tests").toBe(true);
  });

  it("checks a spec, prints the report on stdout and exits 1 for an error", () => {
    const dir = fixture("basic");
    const child = orgspec(["check", "main.org"], dir);
    expect(child.stderr).toBe("");
    expect(child.stdout).toBe(`main.org:4:6 error ORG101 cell-size
  Sawmill Cell has 4 members and candidates; a party cell needs 5 to 30
  4 | cell tiny "Sawmill Cell" {
    |      ^^^^
  bylaw: Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"

main.org:12:1 warning ORG007 outside-period
  this event on 2026-07-01 is after the period's end (2026-06-30)
  12 | on 2026-07-01 meeting tiny
     | ^^^^^^^^^^^^^^^^^^^^^^^^^^

1 error, 1 warning in 1 file (2 files checked)
`);
    expect(child.status).toBe(1);
  });

  it("exits 0 for a clean spec and 2 for a missing path", () => {
    const dir = fixture("clean");
    const clean = orgspec(["check", "."], dir);
    expect([clean.status, clean.stdout, clean.stderr]).toEqual([0, "0 errors, 0 warnings (2 files checked)\n", ""]);
    const missing = orgspec(["check", "nope.org"], dir);
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([2, "", "orgspec: cannot read nope.org: no such file or directory\n"]);
  });

  it("writes JSON that parses", () => {
    const child = orgspec(["check", "main.org", "--format", "json"], fixture("basic"));
    expect(child.status).toBe(1);
    const report = JSON.parse(child.stdout) as { summary: unknown };
    expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 0, files: 2, waived: 0, baselined: 0 });
  });
});
