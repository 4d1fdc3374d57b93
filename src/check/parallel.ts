// `orgspec check --jobs N`: files are lexed, parsed and built into ASTs in
// worker threads (src/check/worker.ts), then every program is resolved and
// checked on the main thread exactly as `checkPaths` does. The result is the
// same as with one job.
//
// Workers send each AST in a compact form (ast-codec.ts: a string table and
// an Int32Array whose buffer is transferred), about an eighth of the time of
// a structured clone to take in; the main thread decodes a file when a
// program first needs it. With `keepModels: false` (the command line) the
// programs are checked one after the other and each one's files and model
// are let go once no later program needs them, so memory holds one program
// at a time rather than the whole tree (docs/performance.md).
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { findEntries, namedPaths, orgFilesOf } from "../program/entries.js";
import { diskHost, FileCache, importTarget, loadProgram, type FileHost } from "../program/load.js";
import { checkPaths, checkProgram, ProgramMerger, type CheckOptions, type PathsResult, type ProgramResult } from "./check.js";
import { checkOverlapped } from "./stream.js";
import { ImportsOnly, leanResult, timing, ParsedFiles, workerUrl, WORKER_YOUNG_GENERATION_MB, type Parsed, type ParseReply, type ParseRequest } from "./parsed-files.js";
export type { ParseReply, ParseRequest } from "./parsed-files.js";

export interface ParallelOptions extends CheckOptions {
  /**
   * Worker threads that parse; 1 parses on the main thread (plain `checkPaths`).
   * Default: the number of cores, or 1 for under 16 MB of specs.
   */
  readonly jobs?: number;
  /**
   * `false`: check the programs one at a time and keep of each only its
   * diagnostics and the text and line index of the files they name (the
   * models in the result are empty but for those `files`, which have an
   * empty AST). The diagnostics, `files` and `waived` are the same. Default `true`.
   */
  readonly keepModels?: boolean;
}

/** The default `--jobs`: the cores Node may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** `checkPaths` with the files parsed by `jobs` worker threads. */
export async function checkPathsParallel(paths: readonly string[], options: ParallelOptions = {}): Promise<PathsResult> {
  const host = options.host ?? diskHost;
  const jobs = options.jobs ?? (specBytes(paths, host) < SMALL_BYTES ? 1 : defaultJobs());
  if (jobs <= 1) return checkPaths(paths, options);
  if (options.keepModels === false && !options.cache) {
    const started = performance.now();
    const result = await checkOverlapped(initialFiles(paths, host), paths, options, jobs, host);
    timing(result ? "parsed, resolved and checked, overlapped" : "the quick import scan missed an import: checking again", started);
    if (result) return result;
  }
  const parsed = new Map<string, Parsed>();
  const started = performance.now();
  await parseInWorkers(initialFiles(paths, host), parsed, jobs, host, options.cache);
  timing(`parsed ${parsed.size} files on ${jobs} workers`, started);
  const files = new ParsedFiles(parsed, host);
  if (options.keepModels !== false) {
    // Every file into the cache; then exactly `checkPaths`.
    const cache = options.cache ?? new FileCache(host);
    for (const path of [...parsed.keys()]) cache.set(path, files.get(path));
    return checkPaths(paths, { ...options, cache });
  }

  const importsOnly = new ImportsOnly(files);
  const discovery = findEntries(paths, importsOnly);
  const programFiles = discovery.entries.map((entry) => loadProgram(resolve(entry), importsOnly).files.map((file) => file.path));
  const users = new Map<string, number>();
  for (const list of programFiles) for (const path of list) users.set(path, (users.get(path) ?? 0) + 1);
  const merger = new ProgramMerger();
  const programs: ProgramResult[] = [];
  discovery.entries.forEach((entry, index) => {
    const result = checkProgram(entry, { ...options, cache: files });
    merger.add(result);
    programs.push(leanResult(result));
    for (const path of programFiles[index]!) {
      const left = users.get(path)! - 1;
      users.set(path, left);
      if (left === 0) files.release(path);
    }
  });
  timing(`resolved and checked ${programs.length} programs`, started);
  return merger.result(programs, discovery);
}

/** Under this many bytes of specs, starting workers costs more than they save: one thread when `jobs` is not given. */
const SMALL_BYTES = 16_000_000;

/** The size of the `.org` files the paths name or hold, counting up to `SMALL_BYTES`. */
function specBytes(paths: readonly string[], host: FileHost): number {
  let bytes = 0;
  for (const path of initialFiles(paths, host)) {
    // What cannot be stat'ed is reported by the discovery.
    const info = (host.stat ?? diskHost.stat!)(path);
    if (!("error" in info)) bytes += info.size;
    if (bytes >= SMALL_BYTES) break;
  }
  return bytes;
}

/** The `.org` files the paths name or hold (imports are found as files are parsed). */
function initialFiles(paths: readonly string[], host: FileHost): string[] {
  // A missing path is reported by the discovery that follows.
  return orgFilesOf(namedPaths(paths, process.cwd(), host));
}

/**
 * Parses `files` and everything they import on `jobs` workers into `parsed`.
 * Files already in `cache` are not parsed again.
 */
export async function parseInWorkers(files: readonly string[], parsed: Map<string, Parsed>, jobs: number, host: FileHost, cache?: FileCache): Promise<void> {
  const queue: string[] = [];
  const queued = new Set<string>();
  const enqueue = (path: string) => {
    if (queued.has(path) || cache?.has(path)) return;
    queued.add(path);
    queue.push(path);
  };
  files.forEach(enqueue);
  if (queue.length === 0) return;

  // A young generation that holds one file's tokens and CST, so they die young
  // instead of being copied into the old generation (about twice as fast to parse: docs/performance.md).
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  const workers = Array.from({ length: Math.min(jobs, queue.length) }, () => new Worker(workerUrl(), { resourceLimits }));
  // Two requests in flight per worker: it parses the next file while the main thread takes in the last.
  const inFlight = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  const sentTexts = new Map<number, string>();
  let nextId = 0;
  let outstanding = 0;
  try {
    await new Promise<void>((done, fail) => {
      const send = (worker: Worker, path: string) => {
        let text: string | undefined;
        if (host !== diskHost) {
          const read = host.readFile(path);
          if ("error" in read) {
            parsed.set(path, read);
            return;
          }
          text = read.text;
        }
        inFlight.set(worker, inFlight.get(worker)! + 1);
        outstanding++;
        const id = nextId++;
        if (text !== undefined) sentTexts.set(id, text);
        worker.postMessage({ id, path, text } satisfies ParseRequest);
      };
      const pump = () => {
        for (const worker of workers) {
          while (inFlight.get(worker)! < 2 && queue.length > 0) send(worker, queue.shift()!);
        }
        if (queue.length === 0 && outstanding === 0) done();
      };
      const receive = (worker: Worker, reply: ParseReply) => {
        inFlight.set(worker, inFlight.get(worker)! - 1);
        outstanding--;
        if ("crash" in reply) {
          fail(new Error(`parsing ${reply.path} failed in a worker: ${reply.crash}`));
          return;
        }
        if ("error" in reply) {
          parsed.set(reply.path, { error: reply.error });
        } else {
          const text = reply.text ?? sentTexts.get(reply.id)!;
          sentTexts.delete(reply.id);
          parsed.set(reply.path, { text, encoded: reply.encoded, imports: reply.imports, diagnostics: reply.diagnostics });
          // By real path, as the programs will ask for them.
          for (const statement of reply.imports) enqueue(host.realpath?.(importTarget(reply.path, statement)) ?? importTarget(reply.path, statement));
        }
        pump();
      };
      for (const worker of workers) {
        worker.on("message", (reply: ParseReply) => receive(worker, reply));
        worker.on("error", fail);
        worker.on("exit", (code) => fail(new Error(`a parse worker stopped (exit code ${code})`)));
      }
      pump();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
