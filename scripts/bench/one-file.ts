// One large file parsed whole and in pieces (src/syntax/parse.ts, PIECE_SIZE),
// each in a fresh process, in turns: CPU time, peak resident memory and the
// heap left after the parse. The file is the generated M's specs that parse
// without an error, joined into one (about 9 MB), so that no piece falls back
// to the whole parse. `node dist/scripts/bench/one-file.js [--runs N] [--seed N]`
// (generate M first: `npm run bench -- --size M`, or generate.js).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { diskHost } from "../../src/program/disk-host.js";
import { orgFilesUnder } from "../../src/program/entries.js";
import { parseText, PIECE_SIZE } from "../../src/syntax/parse.js";
import { defaultOutDir, DEFAULT_SEED } from "./generate.js";

interface OneParse {
  /** `null` for the whole parse (JSON has no Infinity). */
  readonly pieceSize: number | null;
  readonly statements: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly heapMb: number;
}

function child(path: string, pieceSize: number): void {
  const text = readFileSync(path, "utf8");
  const before = process.cpuUsage();
  const parsed = parseText(path, text, pieceSize);
  const used = process.cpuUsage(before);
  const result: OneParse = {
    pieceSize: Number.isFinite(pieceSize) ? pieceSize : null,
    statements: parsed.ast.statements.length,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb: process.memoryUsage().heapUsed / 1e6,
  };
  console.log(JSON.stringify(result));
}

function main(argv: readonly string[]): void {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dir = join(defaultOutDir("M", Number(flag("--seed") ?? DEFAULT_SEED)), "org");
  if (!existsSync(dir)) throw new Error(`no generated M in ${dir}: run \`npm run bench -- --size M\` first`);
  const joined = join(dir, "..", "one-file.org");
  const parts = orgFilesUnder(dir, diskHost)
    .map((path) => readFileSync(path, "utf8"))
    .filter((text) => parseText("/part.org", text).diagnostics.length === 0);
  writeFileSync(joined, parts.join("\n"));
  const runs = Number(flag("--runs") ?? 5);
  const results: OneParse[] = [];
  for (let run = 0; run < runs; run++) {
    for (const size of [Number.POSITIVE_INFINITY, PIECE_SIZE]) {
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", joined, String(size)], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(out.stderr);
      results.push(JSON.parse(out.stdout) as OneParse);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  console.log(`one file of ${(readFileSync(joined).length / 1e6).toFixed(1)} MB, ${results[0]!.statements} statements, medians of ${runs} runs in turns:`);
  for (const size of [Number.POSITIVE_INFINITY, PIECE_SIZE]) {
    const of = results.filter((result) => (result.pieceSize ?? Number.POSITIVE_INFINITY) === size);
    const label = Number.isFinite(size) ? `pieces of ${size}` : "whole";
    console.log(`${label.padEnd(16)} CPU ${median(of.map((r) => r.cpuMs)).toFixed(0)} ms, peak RSS ${median(of.map((r) => r.peakRssMb)).toFixed(0)} MB, heap after ${median(of.map((r) => r.heapMb)).toFixed(0)} MB`);
  }
}

if (process.argv[2] === "--child") child(process.argv[3]!, Number(process.argv[4]));
else main(process.argv.slice(2));
