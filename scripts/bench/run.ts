// The benchmark runner: `npm run bench [-- --size S|M|L|XL] [--runs N] [--jobs N] [--seed N] [--no-cli] [--no-cache] [--no-startup] [--startup-only]`.
// (`--size` takes a list too: S,M,L. The npm script runs it with Node's
// default flags; `node --max-semi-space-size=128 dist/scripts/bench/run.js`
// gives the in-process stages the young generation the CLI's parse workers get.)
//
// For each size: generates the program (or reuses it, in a temporary folder),
// times the pipeline in process stage by stage on one thread, times JSON.parse
// over the same records as JSON, and times the real command line
// (`orgspec check --format json --jobs N`) end to end in a child process,
// with its peak resident memory, then with the result cache (`--cache`:
// empty, unchanged, one county file changed). Medians over the runs are printed as a table
// and written to bench/out/<size>.json. See docs/performance.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { diskHost } from "../../src/program/disk-host.js";
import { orgFilesUnder } from "../../src/program/entries.js";
import { defaultJobs } from "../../src/check/parallel.js";
import { defaultOutDir, DEFAULT_SEED, generate, SIZES, type Manifest, type SizeName } from "./generate.js";
import { runStages, STAGES, timeJsonParse, type Stage } from "./stages.js";
import { benchStartup, startupTable } from "./startup.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface CliRun {
  readonly wallMs: number;
  /** User + system time of the whole process, its workers included. */
  readonly cpuMs: number;
  readonly peakRssMb: number;
  /** SHA-256 of what it printed on stdout. */
  readonly outputSha256: string;
  readonly exitCode: number | null;
}

/** `orgspec check DIR --format json --jobs N [args]` in a child process: wall and CPU time, peak RSS, a hash of its output. */
export function runCli(dir: string, jobs: number, args: readonly string[] = [], nodeFlags: readonly string[] = []): CliRun {
  const probe = join(ROOT, "dist/scripts/bench/cli-probe.js");
  const started = performance.now();
  const child = spawnSync(process.execPath, [...nodeFlags, probe, "check", dir, "--format", "json", "--jobs", String(jobs), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - started;
  const report = /ORGSPEC_PROBE (\{.*\})/.exec(child.stderr ?? "");
  if (!report) throw new Error(`the checked run failed: ${child.stderr}`);
  const { peakRssMb, cpuMs, outputSha256 } = JSON.parse(report[1]!) as { peakRssMb: number; cpuMs: number; outputSha256: string };
  return { wallMs, cpuMs, peakRssMb, outputSha256, exitCode: child.status };
}

/** The result cache, measured as CI meets it: `--cache` into an empty folder, again with nothing changed, again with one county file changed. */
export interface CacheRuns {
  readonly empty: CliRun;
  readonly unchanged: CliRun;
  readonly oneFileChanged: CliRun;
  /** The changed file, relative to the program's folder. */
  readonly changedFile: string;
  /** Every cached run printed what the check without the cache printed. */
  readonly identicalOutput: boolean;
}

/**
 * The file a user edits between two pushes: the largest county file (not the
 * shared committees file). A comment is appended for the third run and the
 * file is put back afterwards.
 */
function benchCache(orgDir: string, jobs: number, plain: CliRun): CacheRuns {
  const files = orgFilesUnder(orgDir, diskHost).filter((path) => relative(orgDir, path).includes("/"));
  const changed = files.reduce((largest, path) => (statSync(path).size > statSync(largest).size ? path : largest));
  const location = mkdtempSync(join(tmpdir(), "orgspec-bench-cache-"));
  const args = ["--cache", "--cache-location", location];
  const original = readFileSync(changed, "utf8");
  try {
    const empty = runCli(orgDir, jobs, args);
    const unchanged = runCli(orgDir, jobs, args);
    writeFileSync(changed, `${original}// edited by the benchmark\n`);
    const oneFileChanged = runCli(orgDir, jobs, args);
    writeFileSync(changed, original);
    // The edit is a comment: the report is the same as the plain check's.
    const identicalOutput = [empty, unchanged, oneFileChanged].every((run) => run.outputSha256 === plain.outputSha256);
    return { empty, unchanged, oneFileChanged, changedFile: relative(orgDir, changed), identicalOutput };
  } finally {
    writeFileSync(changed, original);
    rmSync(location, { recursive: true, force: true });
  }
}

export interface SizeResult {
  readonly size: string;
  readonly manifest: Manifest;
  readonly runs: number;
  readonly stagesMs: Record<Stage, number>;
  readonly pipelineMs: number;
  readonly readMs: number;
  readonly jsonParseMs: number;
  readonly ratioToJsonParse: number;
  /** The same in CPU time (user + system), which a busy machine inflates less than wall time. */
  readonly stagesCpuMs: Record<Stage, number>;
  readonly pipelineCpuMs: number;
  readonly jsonParseCpuMs: number;
  readonly cpuRatioToJsonParse: number;
  readonly mbPerSecond: Record<Stage | "pipeline", number>;
  readonly microsecondsPerMember: number;
  readonly heapMb: number;
  readonly diagnostics: number;
  readonly cli: { readonly jobs1?: CliRun; readonly jobsN?: CliRun & { readonly jobs: number }; readonly cache?: CacheRuns };
}

export function benchSize(size: SizeName, options: { runs: number; jobs: number; seed: number; cli: boolean; stages: boolean; cache: boolean }): SizeResult {
  const dir = defaultOutDir(size, options.seed);
  const manifest = generate(size, SIZES[size], { out: dir, seed: options.seed, log: (line) => console.error(line) });
  const orgDir = join(dir, "org");
  const members = manifest.stats.members + manifest.stats.candidates;
  const stageRuns: Record<Stage, number>[] = [];
  const stageCpuRuns: Record<Stage, number>[] = [];
  const reads: number[] = [];
  let heapMb = 0;
  let diagnostics = 0;
  if (options.stages) {
    // One run first that is not counted, so that the code is compiled and warm (small sizes feel it most).
    if (options.runs > 1) runStages(orgDir, Math.floor(Date.now() / 86_400_000));
    for (let run = 0; run < options.runs; run++) {
      const result = runStages(orgDir, Math.floor(Date.now() / 86_400_000));
      stageRuns.push(result.ms);
      stageCpuRuns.push(result.cpuMs);
      reads.push(result.readMs);
      heapMb = Math.max(heapMb, result.heapMb);
      diagnostics = result.diagnostics;
    }
  }
  const jsonFiles = orgFilesUnder(join(dir, "org"), diskHost).map((path) => path.replace(`${join(dir, "org")}`, join(dir, "json")).replace(/\.org$/, ".json"));
  const jsonTimes = Array.from({ length: options.runs }, () => timeJsonParse(jsonFiles));
  const jsonRuns = jsonTimes.map((run) => run.ms);
  const stagesMs = Object.fromEntries(STAGES.map((stage) => [stage, stageRuns.length ? median(stageRuns.map((run) => run[stage])) : 0])) as Record<Stage, number>;
  const pipelineMs = stageRuns.length ? median(stageRuns.map((run) => STAGES.reduce((sum, stage) => sum + run[stage], 0))) : 0;
  const jsonParseMs = median(jsonRuns);
  const pipelineCpuMs = stageCpuRuns.length ? median(stageCpuRuns.map((run) => STAGES.reduce((sum, stage) => sum + run[stage], 0))) : 0;
  const jsonParseCpuMs = median(jsonTimes.map((run) => run.cpuMs));
  const mb = manifest.orgBytes / 1e6;
  const mbPerSecond = Object.fromEntries([...STAGES, "pipeline"].map((stage) => [stage, mb / ((stage === "pipeline" ? pipelineMs : stagesMs[stage as Stage]) / 1000)])) as SizeResult["mbPerSecond"];
  const cli: { jobs1?: CliRun; jobsN?: CliRun & { jobs: number }; cache?: CacheRuns } = {};
  if (options.cli) {
    const pick = (runs: CliRun[]) => runs.sort((a, b) => a.wallMs - b.wallMs)[runs.length >> 1]!;
    const cliRuns = size === "XL" || size === "L" ? 1 : Math.min(options.runs, 5);
    if (size !== "XL") cli.jobs1 = pick(Array.from({ length: cliRuns }, () => runCli(orgDir, 1)));
    cli.jobsN = { ...pick(Array.from({ length: cliRuns }, () => runCli(orgDir, options.jobs))), jobs: options.jobs };
    if (options.cache) cli.cache = benchCache(orgDir, options.jobs, cli.jobsN);
  }
  return {
    size,
    manifest,
    runs: options.runs,
    stagesMs,
    pipelineMs,
    readMs: reads.length ? median(reads) : 0,
    jsonParseMs,
    ratioToJsonParse: pipelineMs / jsonParseMs,
    stagesCpuMs: Object.fromEntries(STAGES.map((stage) => [stage, stageCpuRuns.length ? median(stageCpuRuns.map((run) => run[stage])) : 0])) as Record<Stage, number>,
    pipelineCpuMs,
    jsonParseCpuMs,
    cpuRatioToJsonParse: pipelineCpuMs / jsonParseCpuMs,
    mbPerSecond,
    microsecondsPerMember: (pipelineMs * 1000) / members,
    heapMb,
    diagnostics,
    cli,
  };
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

export function table(results: readonly SizeResult[]): string {
  const rows: string[][] = [["", ...results.map((result) => result.size)]];
  const add = (label: string, cell: (result: SizeResult) => string) => rows.push([label, ...results.map(cell)]);
  add(".org MB / files", (r) => `${fixed(r.manifest.orgBytes / 1e6, 1)} / ${r.manifest.files}`);
  add("members+candidates", (r) => String(r.manifest.stats.members + r.manifest.stats.candidates));
  const staged = (r: SizeResult, cell: string) => (r.pipelineMs > 0 ? cell : "-");
  for (const stage of STAGES) add(`${stage} ms (MB/s)`, (r) => staged(r, `${fixed(r.stagesMs[stage])} (${fixed(r.mbPerSecond[stage], 1)})`));
  add("pipeline ms (MB/s)", (r) => staged(r, `${fixed(r.pipelineMs)} (${fixed(r.mbPerSecond.pipeline, 1)})`));
  add("µs per member", (r) => staged(r, fixed(r.microsecondsPerMember, 1)));
  add("JSON.parse ms", (r) => fixed(r.jsonParseMs, 1));
  add("ratio to JSON.parse", (r) => staged(r, `${fixed(r.ratioToJsonParse, 1)}×`));
  add("CPU ms: syntax / resolve / check", (r) => staged(r, `${fixed(r.stagesCpuMs.syntax)} / ${fixed(r.stagesCpuMs.resolve)} / ${fixed(r.stagesCpuMs.check)}`));
  add("pipeline CPU ms", (r) => staged(r, fixed(r.pipelineCpuMs)));
  add("JSON.parse CPU ms", (r) => fixed(r.jsonParseCpuMs, 1));
  add("ratio to JSON.parse, CPU", (r) => staged(r, `${fixed(r.cpuRatioToJsonParse, 1)}×`));
  add("heap after run MB", (r) => staged(r, fixed(r.heapMb)));
  add("diagnostics", (r) => staged(r, String(r.diagnostics)));
  add("CLI --jobs 1 wall s", (r) => (r.cli.jobs1 ? fixed(r.cli.jobs1.wallMs / 1000, 2) : "-"));
  add("CLI --jobs 1 peak RSS MB", (r) => (r.cli.jobs1 ? fixed(r.cli.jobs1.peakRssMb) : "-"));
  add("CLI --jobs N wall s", (r) => (r.cli.jobsN ? `${fixed(r.cli.jobsN.wallMs / 1000, 2)} (N=${r.cli.jobsN.jobs})` : "-"));
  add("CLI --jobs N peak RSS MB", (r) => (r.cli.jobsN ? fixed(r.cli.jobsN.peakRssMb) : "-"));
  add("CLI --jobs N / JSON.parse", (r) => (r.cli.jobsN ? `${fixed(r.cli.jobsN.wallMs / r.jsonParseMs, 1)}×` : "-"));
  add("CLI --jobs N CPU s", (r) => (r.cli.jobsN ? fixed(r.cli.jobsN.cpuMs / 1000, 2) : "-"));
  add("--jobs 1 output = --jobs N", (r) => (r.cli.jobs1 && r.cli.jobsN ? (r.cli.jobs1.outputSha256 === r.cli.jobsN.outputSha256 ? "yes" : "NO") : "-"));
  const cached = (pick: (cache: CacheRuns) => CliRun) => (r: SizeResult) => {
    const run = r.cli.cache && pick(r.cli.cache);
    return run ? `${fixed(run.wallMs / 1000, 2)} / ${fixed(run.cpuMs / 1000, 2)}` : "-";
  };
  add("--cache, empty: wall / CPU s", cached((cache) => cache.empty));
  add("--cache, unchanged: wall / CPU s", cached((cache) => cache.unchanged));
  add("--cache, one file changed: wall / CPU s", cached((cache) => cache.oneFileChanged));
  add("one file changed / no cache, CPU", (r) => (r.cli.cache && r.cli.jobsN ? `${fixed((100 * r.cli.cache.oneFileChanged.cpuMs) / r.cli.jobsN.cpuMs, 1)}%` : "-"));
  add("--cache output = no cache", (r) => (r.cli.cache ? (r.cli.cache.identicalOutput ? "yes" : "NO") : "-"));
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ")).join("\n");
}

function main(argv: readonly string[]): void {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const sizes = (flag("--size") ?? "S,M").toUpperCase().split(",") as SizeName[];
  for (const size of sizes) if (!SIZES[size]) throw new Error(`--size takes S, M, L or XL (or a list: S,M,L), not ${size}`);
  const jobs = Number(flag("--jobs") ?? defaultJobs());
  const seed = Number(flag("--seed") ?? DEFAULT_SEED);
  const results: SizeResult[] = [];
  const outDir = join(ROOT, "bench/out");
  mkdirSync(outDir, { recursive: true });
  if (!argv.includes("--no-startup")) {
    console.error("bench startup: 15 runs of each command...");
    const startup = benchStartup(join(ROOT, "bin/orgspec.js"), 15);
    writeFileSync(join(outDir, "startup.json"), JSON.stringify({ startup, node: process.version, date: new Date().toISOString() }, null, 2) + "\n");
    console.log(`cold start, CPU (user + system), medians of 15:\n${startupTable(startup)}`);
  }
  if (argv.includes("--startup-only")) return;
  for (const size of sizes) {
    const runs = Number(flag("--runs") ?? (size === "S" ? 25 : size === "M" ? 5 : 1));
    console.error(`bench ${size}: ${runs} run(s)...`);
    // XL does not fit one thread's in-process run (see docs/performance.md): only the command line runs it.
    const result = benchSize(size, { runs, jobs, seed, cli: !argv.includes("--no-cli"), stages: size !== "XL" || argv.includes("--stages"), cache: !argv.includes("--no-cache") });
    results.push(result);
    writeFileSync(join(outDir, `${size}.json`), JSON.stringify({ ...result, node: process.version, nodeFlags: process.execArgv, date: new Date().toISOString() }, null, 2) + "\n");
  }
  console.log(`node ${process.version} ${process.execArgv.join(" ")}; in-process stages on one thread, CLI in a child process with default flags`);
  console.log(table(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
