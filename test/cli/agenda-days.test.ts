// `orgspec agenda --days N` looks at most MAX_AGENDA_DAYS ahead (src/agenda/agenda.ts):
// beyond it is a usage error (exit 2, the limit in the message), not a RangeError.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_AGENDA_DAYS } from "../../src/agenda/agenda.js";
import { run } from "../fixtures/support.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

describe("agenda --days", () => {
  it("takes up to MAX_AGENDA_DAYS", async () => {
    expect(MAX_AGENDA_DAYS).toBe(36_525);
    const result = await run(["agenda", "examples", "--days", String(MAX_AGENDA_DAYS), "--format", "json"], { cwd: REPO });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { days: number }).days).toBe(MAX_AGENDA_DAYS);
  });

  it.each([String(MAX_AGENDA_DAYS + 1), "99999999999999999999"])("rejects %s days, naming the limit", async (days) => {
    expect(await run(["agenda", "examples", "--days", days], { cwd: REPO })).toEqual({
      status: 2,
      stdout: "",
      stderr: `orgspec: --days takes at most 36525 days (about a hundred years), not ${days}\n`,
    });
  });

  it("says so before reading any spec", async () => {
    const result = await run(["agenda", "no-such-dir", "--days", "40000"], { cwd: REPO });
    expect(result.stderr).toBe("orgspec: --days takes at most 36525 days (about a hundred years), not 40000\n");
  });
});
