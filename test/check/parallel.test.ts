// `orgspec check --jobs N` parses in worker threads and checks on the main
// thread; its output must be exactly that of `--jobs 1`. The program is the
// benchmark generator's M size (about 100,000 members in 170 files over three
// county programs, with violations of every kind the generator sprinkles in),
// written to a temporary folder. The workers run from dist/ (`npm test` builds first).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate, SIZES, type Manifest } from "../../scripts/bench/generate.js";
import { checkPaths } from "../../src/check/check.js";
import { checkPathsParallel } from "../../src/check/parallel.js";
import { main } from "../../src/cli/main.js";

let root: string;
let org: string;
let manifest: Manifest;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "orgspec-parallel-"));
  manifest = generate("M", SIZES.M, { out: root });
  org = join(root, "org");
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function check(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(["check", ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: root, isTTY: false });
  return { status, stdout, stderr };
}

/** Runs `body` with ORGSPEC_TIMING set, and the timing lines it wrote to stderr (their figures cut off). */
async function withTimings<T>(body: () => Promise<T>): Promise<{ result: T; timings: string[] }> {
  const timings: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    timings.push(String(chunk).replace(/ after [\d.]+ s \(heap \d+ MB\)\n$/, ""));
    return true;
  });
  process.env["ORGSPEC_TIMING"] = "1";
  try {
    return { result: await body(), timings };
  } finally {
    delete process.env["ORGSPEC_TIMING"];
    spy.mockRestore();
  }
}

describe("parallel checking", () => {
  it("gives the JSON output of --jobs 1 with --jobs 2 on a generated M-size program", async () => {
    const one = await check(["org", "--format", "json", "--jobs", "1"]);
    const two = await check(["org", "--format", "json", "--jobs", "2"]);
    expect(two.stderr).toBe("");
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout) as { summary: { files: number }; diagnostics: { code: string }[] };
    // The generator's violations are all there: the check did real work.
    expect(report.summary.files).toBeGreaterThan(100);
    expect(new Set(report.diagnostics.map((diagnostic) => diagnostic.code)).size).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it("gives the text output of --jobs 1 with --jobs 3 on one county's entry file", async () => {
    const entry = join("org", manifest.entries[0]!);
    const one = await check([entry, "--jobs", "1"]);
    const three = await check([entry, "--jobs", "3"]);
    expect(three).toEqual(one);
  }, 120_000);

  it("keeps the models like checkPaths unless told not to", async () => {
    const entry = join(org, manifest.entries[0]!);
    const sequential = checkPaths([entry]);
    const parallel = await checkPathsParallel([entry], { jobs: 2 });
    expect(parallel.diagnostics).toEqual(sequential.diagnostics);
    expect(parallel.files).toEqual(sequential.files);
    expect(parallel.programs.map((program) => program.model.people.length)).toEqual(sequential.programs.map((program) => program.model.people.length));
  }, 120_000);

  // The command line overlaps parsing and checking using a quick scan of `import` lines;
  // where the scan is wrong about the entries, it checks again without overlap.
  it.each([
    ["an import after a declaration on one line", 'committee c "C" { level county } import "b.org"\n'],
    ["an import line inside a block comment", '/*\nimport "b.org"\n*/\ncommittee c "C" { level county }\n'],
  ])("gives the output of --jobs 1 with %s", async (_, text) => {
    const dir = join(root, `scan-${text.length}`);
    mkdirSync(dir);
    writeFileSync(join(dir, "a.org"), `period 2026-01-01 to 2026-06-30\n${text}`);
    writeFileSync(join(dir, "b.org"), 'cell b "B" { under c }\n');
    const one = await check([dir, "--format", "json", "--jobs", "1"]);
    const { result: two, timings } = await withTimings(() => check([dir, "--format", "json", "--jobs", "2"]));
    expect(two).toEqual(one);
    // The fallback really ran: the overlapped check gave up and the plain parallel path answered.
    expect(timings.filter((line) => line.includes("checking again"))).toEqual(["orgspec: the quick import scan missed an import: checking again"]);
  });

  it("does not fall back where the quick scan is right", async () => {
    const dir = join(root, "scan-right");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.org"), 'period 2026-01-01 to 2026-06-30\nimport "b.org"\ncommittee c "C" { level county }\n');
    writeFileSync(join(dir, "b.org"), 'cell b "B" { under c }\n');
    const { timings } = await withTimings(() => check([dir, "--format", "json", "--jobs", "2"]));
    expect(timings.filter((line) => line.includes("overlapped"))).toEqual(["orgspec: parsed, resolved and checked, overlapped"]);
  });

  it("rejects a --jobs that is not a whole number of at least 1", async () => {
    const result = await check(["org", "--jobs", "0"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('orgspec: --jobs takes a whole number of at least 1, not "0"\n');
  });
});
