// `orgspec check FILE --assume STATEMENT`: what-if, from the command line.
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);


/** The what-if fixture (a candidate's probation ended with no decision) with the membership, meeting and critique rules on. */
const specDir = () => fixture("what-if", { "probation-decision": "error", "cell-meeting": "error", critique: "error", leadership: "error" });

const GONE = [
  "would go away (1):",
  "  main.org:12:3 error ORG305 probation-decision",
  "    Han Mi's probation began 2025-03-01 (the roster's candidate since; no approve is recorded); no admit, extend or expel by 2026-03-01, one year later",
];

describe("--assume", () => {
  it("prints what would go away and what would appear, marked assumed, and exits as the assumed check would", async () => {
    const cwd = specDir();
    const result = await run(["check", "main.org", "--assume", "on 2026-02-27 extend han_mi by acad", "--assume", "on 2026-07-05 meeting acad"], { cwd });
    expect(result).toEqual({
      status: 0,
      stderr: "",
      stdout: [
        "assumed, not in the records:",
        "  1. on 2026-02-27 extend han_mi by acad",
        "  2. on 2026-07-05 meeting acad",
        "",
        ...GONE,
        "",
        "would appear (1):",
        "  assumed statement 2:1 warning ORG007 outside-period (assumed)",
        "    this event on 2026-07-05 is after the period's end (2026-06-30)",
        "",
        "with the assumptions: 0 errors, 1 warning in 1 file (2 files checked)",
        "",
      ].join("\n"),
    });
    // The records are as they were: the plain check still fails on ORG305.
    expect((await run(["check", "main.org"], { cwd })).status).toBe(1);
  });

  it("writes JSON with the findings gone and appeared, the assumed ones marked", async () => {
    const cwd = specDir();
    const result = await run(["check", "main.org", "--format", "json", "--assume", "on 2026-07-05 meeting acad"], { cwd });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { assumed: string[]; gone: object[]; appeared: { code: string; assumed: boolean; assumption: number | null }[] };
    expect(report.assumed).toEqual(["on 2026-07-05 meeting acad"]);
    expect(report.gone).toEqual([]);
    expect(report.appeared.map(({ code, assumed, assumption }) => ({ code, assumed, assumption }))).toEqual([{ code: "ORG007", assumed: true, assumption: 1 }]);
  });

  it("refuses an assumption that does not parse, a directory, and the other formats (exit 2)", async () => {
    const cwd = specDir();
    const bad = await run(["check", "main.org", "--assume", "on 2026-03-01 admitt han_mi by acad"], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^orgspec: --assume "on 2026-03-01 admitt han_mi by acad" does not parse: .*admitt/);
    expect(await run(["check", ".", "--assume", "on 2026-07-05 meeting acad"], { cwd })).toEqual({
      status: 2,
      stdout: "",
      stderr: "orgspec: --assume checks one entry file: name it (orgspec check main.org --assume '...')\n",
    });
    expect((await run(["check", "main.org", "--format", "sarif", "--assume", "on 2026-07-05 meeting acad"], { cwd })).stderr).toBe("orgspec: --assume writes text or json, not sarif\n");
  });
});
