// `orgspec check --jobs N`: files are lexed, parsed and built into ASTs on N
// worker threads (one pool: parsed-files.ts), and every program is resolved
// and checked on the main thread exactly as `checkPaths` does. The result is
// that of `checkPaths`; `--jobs 1` is `checkPaths` itself.
//
// One path, in three steps (docs/performance.md):
// 1. The main thread reads every file and scans its `import "..."` lines
//    (import-scan.ts): the entries and each program's files, before parsing.
// 2. The workers parse the files in program order and send each AST in a
//    compact form (ast-codec.ts: an Int32Array whose buffer is transferred).
//    Each program is checked as soon as its files are in, while the workers
//    parse on, a file being decoded when a program first needs it. With
//    `keepModels: false` (the command line) a program's result keeps only
//    what the reporters read, and its files are let go once no later
//    program needs them, so memory holds about one program at a time.
// 3. When all files are in, the entries are found again from the parsed
//    imports. Where the scan was wrong, the programs it missed are checked
//    now and those it wrongly took for entries are set aside; a program is
//    always loaded from the parsed files, so its result is right whatever
//    the scan said. The programs are merged in the order of the real entries.
//
// With a result cache (`--cache`, result-cache.ts), a program whose files
// are all unchanged is taken from the cache after step 1 and its files are
// not parsed (unless a program that changed needs them), and after the run
// the entries it did not use are pruned; with `--stats`
// (stats.ts) every stage is timed. Either takes this path with `--jobs 1`
// too, parsing on the main thread in the same order.
import { availableParallelism } from "node:os";
import type { ImportDecl } from "../ast/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import { resolveProgram } from "../model/resolve.js";
import { findEntries, namedPaths, orgFilesOf } from "../program/entries.js";
import { diskHost } from "../program/disk-host.js";
import { importsOf, loadProgram, type FileHost } from "../program/load.js";
import { parseText } from "../syntax/parse.js";
import { resolve } from "../util/paths.js";
import { RULES } from "../rules/index.js";
import { checkModel, checkPaths, ProgramMerger, resolveRulebook, todayDay, type CheckOptions, type PathsOptions, type PathsResult, type ProgramResult } from "./check.js";
import { ImportGraph, readAndScan, type KnownImports } from "./import-scan.js";
import { encodeAst } from "./ast-codec.js";
import { leanResult, parseInWorkers, ParsedFiles, timing, type Parsed } from "./parsed-files.js";
import { TOOL_VERSION } from "../reporters/version.js";
import { ResultCache, type CacheStore, type CachedProgram } from "./result-cache.js";
import type { CheckStats } from "./stats.js";
export type { ParseReply, ParseRequest } from "./parsed-files.js";

export interface ParallelOptions extends PathsOptions {
  /**
   * Worker threads that parse; 1 parses on the main thread (plain `checkPaths`).
   * Default: the number of cores, or 1 for under 16 MB of specs.
   */
  readonly jobs?: number;
  /** Where programs' results are kept between runs (`--cache`), and where to say that an entry was ignored. */
  readonly resultCache?: { readonly store: CacheStore; readonly note: (message: string) => void };
  /** Collects the time of each stage and rule (`--stats`). */
  readonly stats?: CheckStats;
}

/** The default `--jobs`: the cores Node may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** `checkPaths` with the files parsed by `jobs` worker threads. The configuration is resolved once, for all paths. */
export async function checkPathsParallel(paths: readonly string[], options: ParallelOptions = {}): Promise<PathsResult> {
  const host = options.host ?? options.cache?.host ?? diskHost;
  const checking = { ...options, rulebook: resolveRulebook(options, paths) };
  const files = initialFiles(paths, host);
  const jobs = options.jobs ?? (specBytes(files, host) < SMALL_BYTES ? 1 : defaultJobs());
  const started = performance.now();
  if (jobs <= 1 && !options.resultCache && !options.stats) {
    const result = checkPaths(paths, checking);
    timing(`parsed, resolved and checked ${result.programs.length} programs on one thread`, started);
    return result;
  }
  const resultCache = options.resultCache
    ? new ResultCache(options.resultCache.store, { toolVersion: TOOL_VERSION, rulebook: checking.rulebook, asOf: options.asOf ?? null, today: options.today ?? todayDay() }, options.resultCache.note)
    : undefined;
  return checkInWorkers(paths, files, checking, jobs, host, options.keepModels !== false, { resultCache, stats: options.stats });
}

/** Under this many bytes of specs, starting workers costs more than they save: one thread when `jobs` is not given. */
const SMALL_BYTES = 16_000_000;

/** The size of `files`, counting up to `SMALL_BYTES`. */
function specBytes(files: readonly string[], host: FileHost): number {
  let bytes = 0;
  for (const path of files) {
    // What cannot be stat'ed is reported by the discovery.
    const info = (host.stat ?? diskHost.stat!)(path);
    if (!("error" in info)) bytes += info.size;
    if (bytes >= SMALL_BYTES) break;
  }
  return bytes;
}

/** The `.org` files the paths name or hold (imports are found as files are read). */
function initialFiles(paths: readonly string[], host: FileHost): string[] {
  // A missing path is reported by the discovery.
  return orgFilesOf(namedPaths(paths, process.cwd(), host));
}

async function checkInWorkers(
  paths: readonly string[],
  initial: readonly string[],
  options: CheckOptions,
  jobs: number,
  host: FileHost,
  keep: boolean,
  { resultCache, stats }: { resultCache: ResultCache | undefined; stats: CheckStats | undefined },
): Promise<PathsResult> {
  // 1. Read and scan.
  const started = performance.now();
  const timed = <T>(stage: Parameters<CheckStats["time"]>[0], work: () => T): T => (stats ? stats.time(stage, work) : work());
  const scan = timed("read", () => readAndScan(initial, host, options.cache));
  const scanGraph = new ImportGraph(scan.imports, host);
  const discovery = findEntries(paths, scanGraph);
  const programFiles = discovery.entries.map((entry) => loadProgram(entry, scanGraph).files.map((file) => file.path));
  timing(`read and scanned ${scan.texts.size} files`, started);

  // The programs whose files are all as they were when the cache kept their results.
  const cached = new Map<string, CachedProgram>();
  if (resultCache) {
    const current = (path: string) => {
      const text = scan.texts.get(path);
      if (text !== undefined) return text;
      const known = scan.imports.get(path);
      if (known && "error" in known) return known;
      const read = host.readFile(path);
      return "error" in read ? read : read.text;
    };
    timed("cache", () => {
      for (const entry of discovery.entries) {
        const hit = resultCache.lookup(entry, current);
        if (hit) cached.set(entry, hit);
      }
    });
    timing(`${cached.size} of ${discovery.entries.length} programs from the result cache`, started);
  }

  // 2. Parse in program order (but for the cached programs' files); check each program as soon as its files are in.
  const fromCache = new Set([...cached.values()].flatMap((hit) => hit.files));
  const queued = new Set<string>();
  const queue: { path: string; text: string }[] = [];
  const needed = programFiles.filter((_, at) => !cached.has(discovery.entries[at]!)).flat();
  // Files the parse cache holds (unchanged files of a changed program) are not parsed again.
  const fromParseCache = new Map<string, Parsed>();
  for (const path of [...needed, ...[...scan.texts.keys()].filter((path) => !fromCache.has(path))]) {
    const text = scan.texts.get(path);
    if (text === undefined || queued.has(path) || fromParseCache.has(path)) continue;
    const kept = resultCache && timed("cache", () => resultCache.lookupParsed(text));
    if (kept) {
      fromParseCache.set(path, { text, ...kept, parseMs: 0 });
      continue;
    }
    queued.add(path);
    queue.push({ path, text });
  }
  scan.texts.clear();
  const users = new Map<string, number>();
  for (const list of programFiles) for (const path of list) users.set(path, (users.get(path) ?? 0) + 1);
  const files = new ParsedFiles(host, options.cache);
  const parsedImports = new Map<string, KnownImports>([...scan.imports].filter(([, known]) => "error" in known));
  for (const hit of cached.values()) for (const [path, imports] of hit.imports) parsedImports.set(path, imports);
  for (const [path, parsed] of fromParseCache) {
    files.add(path, parsed);
    parsedImports.set(path, parsed.imports);
  }
  const results = new Map<string, { result: ProgramResult; files: string[] }>();
  const rules = stats ? stats.timedRules(options.rules ?? RULES) : options.rules;
  const check = (entry: string, scanned: readonly string[]) => {
    const hit = cached.get(entry);
    const result = hit?.result ?? checkStaged(entry, { ...options, cache: files, ...(rules ? { rules } : {}) }, timed);
    const checked = hit?.files ?? result.model.files.map((file) => file.path);
    if (stats) {
      stats.programs++;
      if (hit) stats.cachedPrograms++;
    }
    if (resultCache && !hit) timed("cache", () => resultCache.save(entry, result, host, LANGUAGE_CODES.internal.code));
    if (!keep) {
      for (const path of scanned) {
        const left = users.get(path)! - 1;
        users.set(path, left);
        if (left === 0) files.release(path);
      }
      // A file the scan did not see: no later program is known to need it.
      for (const path of checked) if (!users.has(path)) files.release(path);
    }
    results.set(entry, { result: keep || hit ? result : leanResult(result), files: checked });
  };
  let next = 0;
  // How many of the next program's files are known to be in: a file once in stays in, so each is
  // asked about once, not again after every file parsed (a program of 20,000 files took 4 s of that).
  let inUpTo = 0;
  const checkReady = () => {
    while (next < programFiles.length) {
      const list = programFiles[next]!;
      while (inUpTo < list.length && !queued.has(list[inUpTo]!)) inUpTo++;
      if (inUpTo < list.length) return;
      check(discovery.entries[next]!, list);
      next++;
      inUpTo = 0;
    }
  };
  let parsedCount = 0;
  const parsedOne = (path: string, imports: readonly ImportDecl[]) => {
    parsedCount++;
    queued.delete(path);
    parsedImports.set(path, imports);
    checkReady();
  };
  let workers = 0;
  if (jobs > 1) {
    workers = await parseInWorkers(queue, jobs, (path, parsed) => {
      stats?.add("parse", parsed.parseMs);
      if (resultCache) timed("cache", () => resultCache.saveParsed(parsed.text, parsed));
      files.add(path, parsed);
      parsedOne(path, parsed.imports);
    });
  } else {
    // `--jobs 1` with a cache or stats: the same order and checks, parsed here.
    checkReady();
    for (const { path, text } of queue) {
      const parsed = timed("parse", () => parseText(path, text));
      if (resultCache) timed("cache", () => resultCache.saveParsed(text, { encoded: encodeAst(parsed.ast), imports: importsOf(parsed.ast), diagnostics: parsed.diagnostics }));
      files.addParsed(path, text, parsed);
      parsedOne(path, importsOf(parsed.ast));
    }
  }
  checkReady();
  timing(`parsed ${parsedCount} files on ${workers > 0 ? `${workers} workers` : "this thread"}, ${next} of ${programFiles.length} programs checked`, started);

  // 3. The entries from the parsed imports; what the scan got wrong is put right.
  const exact = findEntries(paths, new ImportGraph(parsedImports, host, (path) => files.get(path)));
  const missed = exact.entries.filter((entry) => !results.has(entry));
  for (const entry of missed) check(entry, []);
  const setAside = discovery.entries.filter((entry) => !exact.entries.includes(entry)).length;
  if (missed.length > 0 || setAside > 0) {
    timing(`the quick import scan missed an import: ${missed.length} programs checked after the parse, ${setAside} set aside`, started);
  }
  const merger = new ProgramMerger();
  const programs: ProgramResult[] = [];
  const checkedFiles = new Set<string>();
  for (const entry of exact.entries) {
    const { result, files: programFiles } = results.get(entry)!;
    merger.add(result);
    programs.push(result);
    for (const path of programFiles) checkedFiles.add(path);
  }
  timing(`parsed, resolved and checked ${programs.length} programs on ${workers > 0 ? `${workers} workers` : "one thread"}`, started);
  if (stats) stats.files = checkedFiles.size;
  if (resultCache) {
    timed("cache", () => resultCache.prune());
    timing(`${resultCache.counts.pruned} result cache entries this run did not use removed`, started);
  }
  // The files checked from the programs' own lists: a lean result names only the files its diagnostics are in.
  return { ...merger.result(programs, exact), files: [...checkedFiles].sort() };
}

/** `checkProgram` (the rulebook already resolved), stage by stage for `--stats`. */
function checkStaged(entry: string, options: CheckOptions & { cache: ParsedFiles }, timed: <T>(stage: "load" | "resolve" | "waivers", work: () => T) => T): ProgramResult {
  const loaded = timed("load", () => loadProgram(resolve(entry), options.cache));
  const model = timed("resolve", () => resolveProgram(loaded));
  return timed("waivers", () => checkModel(model, options));
}

