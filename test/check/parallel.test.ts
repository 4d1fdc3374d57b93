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

  it("keeps the models like checkPaths unless told not to, parsing on the workers all the same", async () => {
    const entry = join(org, manifest.entries[0]!);
    const sequential = checkPaths([entry]);
    const { result: parallel, timings } = await withTimings(() => checkPathsParallel([entry], { jobs: 2 }));
    expect(parallel.diagnostics).toEqual(sequential.diagnostics);
    expect(parallel.files).toEqual(sequential.files);
    expect(parallel.programs.map((program) => program.model.people.length)).toEqual(sequential.programs.map((program) => program.model.people.length));
    expect(timings.at(-1)).toBe("orgspec: parsed, resolved and checked 1 programs on 2 workers");
  }, 120_000);

  it("runs --jobs 1 on one thread and --jobs 2 on two workers", async () => {
    const entry = join("org", manifest.entries[1]!);
    const one = await withTimings(() => check([entry, "--format", "json", "--jobs", "1"]));
    const two = await withTimings(() => check([entry, "--format", "json", "--jobs", "2"]));
    expect(two.result).toEqual(one.result);
    expect(one.timings).toEqual(["orgspec: parsed, resolved and checked 1 programs on one thread"]);
    expect(two.timings.at(-1)).toBe("orgspec: parsed, resolved and checked 1 programs on 2 workers");
    expect(two.timings.some((line) => line.includes("quick import scan"))).toBe(false);
  }, 120_000);

  // The workers parse in the order a quick scan of `import` lines gives; where the scan is
  // wrong about the entries, the programs it missed are checked after the parse and those
  // it took for entries by mistake are set aside.
  it.each([
    ["an import after a declaration on one line", 'committee c "C" { level county } import "b.org"\n', "0 programs checked after the parse, 1 set aside"],
    ["an import line inside a block comment", '/*\nimport "b.org"\n*/\ncommittee c "C" { level county }\n', "1 programs checked after the parse, 0 set aside"],
  ])("gives the output of --jobs 1 with %s", async (_, text, putRight) => {
    const dir = join(root, `scan-${text.length}`);
    mkdirSync(dir);
    writeFileSync(join(dir, "a.org"), `period 2026-01-01 to 2026-06-30\n${text}`);
    writeFileSync(join(dir, "b.org"), 'cell b "B" { under c }\n');
    const one = await check([dir, "--format", "json", "--jobs", "1"]);
    const { result: two, timings } = await withTimings(() => check([dir, "--format", "json", "--jobs", "2"]));
    expect(two).toEqual(one);
    // The scan really was wrong, and was put right.
    expect(timings.filter((line) => line.includes("quick import scan"))).toEqual([`orgspec: the quick import scan missed an import: ${putRight}`]);
  });

  it("does not put anything right where the quick scan is right", async () => {
    const dir = join(root, "scan-right");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.org"), 'period 2026-01-01 to 2026-06-30\nimport "b.org"\ncommittee c "C" { level county }\n');
    writeFileSync(join(dir, "b.org"), 'cell b "B" { under c }\n');
    const { timings } = await withTimings(() => check([dir, "--format", "json", "--jobs", "2"]));
    expect(timings).toEqual([
      "orgspec: read and scanned 2 files",
      "orgspec: parsed 2 files on 2 workers, 1 of 1 programs checked",
      "orgspec: parsed, resolved and checked 1 programs on 2 workers",
    ]);
  });

  it("resolves the configuration once, from the first path, as checkPaths does", async () => {
    // a/ turns cell-size off; b/ has no configuration of its own: both are checked with a's.
    const dir = join(root, "configs");
    for (const name of ["a", "b"]) {
      mkdirSync(join(dir, name), { recursive: true });
      writeFileSync(join(dir, name, "main.org"), `period 2026-01-01 to 2026-06-30\ncommittee c${name} "C" { level county }\ncell small${name} "Small" { under c${name} }\n`);
    }
    writeFileSync(join(dir, "a", "orgspec.config.json"), JSON.stringify({ rules: { "cell-size": "off" } }));
    const paths = [join(dir, "a"), join(dir, "b")];
    const sequential = checkPaths(paths);
    expect(sequential.diagnostics.some((diagnostic) => diagnostic.code === "ORG101")).toBe(false);
    for (const keepModels of [true, false]) {
      const parallel = await checkPathsParallel(paths, { jobs: 2, keepModels });
      expect(parallel.diagnostics).toEqual(sequential.diagnostics);
    }
  });

  it("reads a step count beyond 32 bits as --jobs 1 does", async () => {
    // The wire form once kept 32 bits of it: every 4294967297 days came back as every day.
    const dir = join(root, "huge-step");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "a.org"),
      'period 2026-01-01 to 2026-06-30\ncommittee c "C" { level county }\nevery 4294967297 days from 2026-01-01 to 2026-06-30 committee-meeting c\n',
    );
    const one = await check([dir, "--format", "json", "--jobs", "1"]);
    const two = await check([dir, "--format", "json", "--jobs", "2"]);
    expect(two).toEqual(one);
  });

  it("parses a file larger than the text a worker is given at a time", async () => {
    // A worker is sent files until about 4 million characters are in flight, and always at least one.
    const dir = join(root, "large-file");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.org"), 'import "b.org"\nperiod 2026-01-01 to 2026-06-30\ncommittee c "C" { level county }\n');
    writeFileSync(join(dir, "b.org"), `// ${"x".repeat(5_000_000)}\ncell k "K" under nowhere { }\n`);
    const one = await check([dir, "--format", "json", "--jobs", "1"]);
    const two = await check([dir, "--format", "json", "--jobs", "2"]);
    expect(JSON.parse(one.stdout).diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toContain("ORG101");
    expect(two).toEqual(one);
  });

  it("checks a program of 60,000 files with --jobs 2 as with --jobs 1", async () => {
    // Whether the next program's files were all in was asked of every file again after each file
    // parsed: this program took 70 s (the test's time limit is 30), now 4.
    const dir = join(root, "many-files");
    mkdirSync(dir);
    const count = 60_000;
    let entry = 'period 2026-01-01 to 2026-06-30\ncommittee c "C" { level county }\n';
    for (let i = 0; i < count; i++) {
      entry += `import "e${i}.org"\n`;
      writeFileSync(join(dir, `e${i}.org`), i === count - 1 ? 'cell last "Last" { under nowhere }\n' : "");
    }
    writeFileSync(join(dir, "main.org"), entry);
    const one = await check([join(dir, "main.org"), "--format", "json", "--jobs", "1"]);
    const two = await check([join(dir, "main.org"), "--format", "json", "--jobs", "2"]);
    expect(JSON.parse(one.stdout).summary.files).toBe(count + 1);
    expect(JSON.parse(one.stdout).diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toContain("ORG101");
    expect(two).toEqual(one);
  });

  it("rejects a --jobs that is not a whole number of at least 1", async () => {
    const result = await check(["org", "--jobs", "0"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('orgspec: --jobs takes a whole number of at least 1, not "0"\n');
  });
});
