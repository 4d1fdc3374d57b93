// Cold start: the CPU time (user + system) of whole `orgspec` processes
// against `node -e 0`, the floor any Node command pays. Run by the bench
// runner (`npm run bench`, and alone with `-- --startup-only`); see
// docs/performance.md, *Cold start*.
//
// CPU, not wall time, since the machine is shared: a child's CPU is read
// from the shell's `times` after it exits (POSIX, 10 ms ticks), and each
// command's median over the runs is reported, the commands taking turns so
// that a busy moment falls on all of them alike.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface StartupCommand {
  readonly label: string;
  readonly args: readonly string[];
}

export interface StartupResult {
  readonly label: string;
  readonly cpuMs: number;
  readonly ratioToNode: number;
}

/** The CPU time of `node ARGS` in ms, as the shell's `times` counts its children. */
export function childCpuMs(args: readonly string[], cwd: string): number {
  const quoted = [process.execPath, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(" ");
  const shell = spawnSync("/bin/sh", ["-c", `${quoted} >/dev/null 2>&1; status=$?; times; echo $status`], { cwd, encoding: "utf8" });
  // `times` prints the shell's own user/system time, then its children's (`0m0.120s 0m0.030s`); then the exit status.
  const lines = shell.stdout.trim().split("\n");
  const status = Number(lines.at(-1));
  if (status > 1) throw new Error(`${quoted} failed (exit ${status})`);
  const children = lines.at(-2) ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  if (seconds.length !== 2) throw new Error(`cannot read the CPU time of ${quoted} from \`times\`: ${shell.stdout}${shell.stderr}`);
  return (seconds[0]! + seconds[1]!) * 1000;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A one-line spec to check: what a pre-commit hook pays for a small change. */
function tinySpec(): string {
  const dir = join(tmpdir(), "orgspec-bench", "startup");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "tiny.org");
  writeFileSync(file, 'period from 2026-01-01 to 2026-12-31\n');
  return file;
}

/** Median CPU of `node -e 0` and of each orgspec command line (`bin` is bin/orgspec.js), `runs` times each, in turns. */
export function benchStartup(bin: string, runs: number): StartupResult[] {
  const tiny = tinySpec();
  const commands: StartupCommand[] = [
    { label: "node -e 0", args: ["-e", "0"] },
    { label: "orgspec --version", args: [bin, "--version"] },
    { label: "orgspec check tiny.org", args: [bin, "check", tiny] },
  ];
  const samples = commands.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) commands.forEach((command, at) => samples[at]!.push(childCpuMs(command.args, tmpdir())));
  const node = median(samples[0]!);
  return commands.map((command, at) => ({ label: command.label, cpuMs: median(samples[at]!), ratioToNode: median(samples[at]!) / node }));
}

export function startupTable(results: readonly StartupResult[]): string {
  const width = Math.max(...results.map((result) => result.label.length));
  return results.map((result) => `${result.label.padEnd(width)}  ${result.cpuMs.toFixed(0).padStart(5)} ms CPU  ${result.ratioToNode.toFixed(2)}×`).join("\n");
}

/** `node dist/scripts/bench/startup.js [--runs N] [BIN...]`: the table for each bin/orgspec.js given (default: this one), e.g. an older checkout's beside this one. */
function main(argv: readonly string[]): void {
  const at = argv.indexOf("--runs");
  const runs = at >= 0 ? Number(argv[at + 1]) : 15;
  const bins = argv.filter((_, index) => at < 0 || (index !== at && index !== at + 1));
  const list = bins.length > 0 ? bins.map((bin) => resolve(bin)) : [fileURLToPath(new URL("../../../bin/orgspec.js", import.meta.url))];
  for (const bin of list) console.log(`${bin} (${runs} runs)\n${startupTable(benchStartup(bin, runs))}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
