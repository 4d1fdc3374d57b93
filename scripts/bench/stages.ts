// One in-process run of the whole pipeline on one thread, timed stage by
// stage: syntax (lexing, parsing and building the AST, `parseText`, which
// does them a piece at a time in a large file, so they are timed together),
// resolve, check (rules and waivers), report (the JSON reporter). The stages
// are the ones `checkPaths` runs, called one at a time.
import { readFileSync } from "node:fs";
import { checkModel, mergePrograms, type ProgramResult } from "../../src/check/check.js";
import { resolveProgram } from "../../src/model/resolve.js";
import { diskHost } from "../../src/program/disk-host.js";
import { findEntries, orgFilesUnder } from "../../src/program/entries.js";
import { FileCache, loadProgram } from "../../src/program/load.js";
import { renderJson } from "../../src/reporters/json.js";
import { SourceLookup } from "../../src/reporters/locate.js";
import { parseText } from "../../src/syntax/parse.js";
import { LineIndex } from "../../src/util/text.js";

export const STAGES = ["syntax", "resolve", "check", "report"] as const;
export type Stage = (typeof STAGES)[number];

export interface StageRun {
  /** Milliseconds per stage (wall). */
  readonly ms: Record<Stage, number>;
  /** CPU milliseconds per stage (user + system, of every thread: the collector's helpers too), fairer than wall time on a shared machine. */
  readonly cpuMs: Record<Stage, number>;
  /** Milliseconds reading the files (not part of any stage). */
  readonly readMs: number;
  readonly bytes: number;
  readonly files: number;
  readonly diagnostics: number;
  /** Heap in use after the run, before the results are dropped (MB). */
  readonly heapMb: number;
}

const now = () => performance.now();
const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Runs the pipeline over every `.org` file under `root` (entries as `orgspec check root` finds them). */
export function runStages(root: string, today: number): StageRun {
  const ms: Record<Stage, number> = { syntax: 0, resolve: 0, check: 0, report: 0 };
  const cpuMs: Record<Stage, number> = { syntax: 0, resolve: 0, check: 0, report: 0 };
  let c = 0;
  const cache = new FileCache(diskHost);
  let readMs = 0;
  let bytes = 0;
  const paths = orgFilesUnder(root, diskHost);
  for (const path of paths) {
    let t = now();
    const text = readFileSync(path, "utf8");
    readMs += now() - t;
    bytes += Buffer.byteLength(text);
    t = now();
    c = cpuNow();
    const file = parseText(path, text);
    // The file as `sourceFile` makes it: the line index is part of building it.
    cache.set(path, { path, text, lines: new LineIndex(text), ast: file.ast, syntaxDiagnostics: file.diagnostics });
    ms.syntax += now() - t;
    cpuMs.syntax += cpuNow() - c;
  }

  let t = now();
  c = cpuNow();
  const discovery = findEntries([root], cache);
  const models = discovery.entries.map((entry) => resolveProgram(loadProgram(entry, cache)));
  ms.resolve += now() - t;
  cpuMs.resolve += cpuNow() - c;

  t = now();
  c = cpuNow();
  const programs: ProgramResult[] = models.map((model) => checkModel(model, { today }));
  const result = mergePrograms(programs, discovery);
  ms.check += now() - t;
  cpuMs.check += cpuNow() - c;

  t = now();
  c = cpuNow();
  const lookup = new SourceLookup(result.programs);
  const json = renderJson(result.diagnostics, lookup, { cwd: root, checkedFiles: result.files.length, waived: result.waived });
  ms.report += now() - t;
  cpuMs.report += cpuNow() - c;

  const heapMb = process.memoryUsage().heapUsed / 1e6;
  return { ms, cpuMs, readMs, bytes, files: paths.length, diagnostics: result.diagnostics.length + (json.length > 0 ? 0 : 0), heapMb };
}

/** Milliseconds (wall and CPU) JSON.parse takes over every `.json` file under `root` (reading excluded). */
export function timeJsonParse(files: readonly string[]): { ms: number; cpuMs: number; bytes: number } {
  let ms = 0;
  let cpuMs = 0;
  let bytes = 0;
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    bytes += Buffer.byteLength(text);
    const t = now();
    const c = cpuNow();
    JSON.parse(text);
    cpuMs += cpuNow() - c;
    ms += now() - t;
  }
  return { ms, cpuMs, bytes };
}
