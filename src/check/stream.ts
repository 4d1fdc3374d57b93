// The command line's parallel check (`keepModels: false`): parsing and
// checking overlap. The main thread first reads every file and finds its
// imports by a quick scan of `import "..."` lines, which gives the entries and
// each program's files; workers then parse the files in program order, and
// each program is resolved and checked on the main thread as soon as its
// files are in, while the workers parse on, and let go once no later program
// needs its files. When all files are parsed, the entries are found again
// from the parsed imports: if the quick scan found other entries (an import
// it could not see), the caller starts over without overlap, so the result
// is always exactly that of `checkPaths`. A program whose files the scan got
// wrong is still right: a file not parsed yet is parsed on the main thread.
import { dirname, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { ImportDecl } from "../ast/types.js";
import type { SourceFile } from "../model/types.js";
import { findEntries } from "../program/entries.js";
import { FileCache, loadProgram, type FileHost } from "../program/load.js";
import { LineIndex } from "../util/text.js";
import { checkProgram, ProgramMerger, type CheckOptions, type PathsResult, type ProgramResult } from "./check.js";
import { leanResult, ParsedFiles, timing, workerUrl, WORKER_YOUNG_GENERATION_MB, type Parsed, type ParseReply, type ParseRequest } from "./parsed-files.js";

const IMPORT_LINE = /^[ \t]*import[ \t]+"((?:[^"\\\r\n]|\\.)*)"/gm;
const EMPTY_LINES = new LineIndex("");

/** Files with import statements only (from the scan, or from the parse), for finding entries and programs' files. */
class ImportGraph extends FileCache {
  constructor(
    private readonly imports: ReadonlyMap<string, readonly ImportDecl[]>,
    private readonly unreadable: ReadonlyMap<string, string>,
  ) {
    super();
  }

  override get(path: string): SourceFile | { error: string } {
    const error = this.unreadable.get(path);
    if (error !== undefined) return { error };
    return { path, text: "", lines: EMPTY_LINES, ast: { statements: [...(this.imports.get(path) ?? [])], comments: [] }, syntaxDiagnostics: [] };
  }
}

function scanImports(text: string): ImportDecl[] {
  const found: ImportDecl[] = [];
  for (const match of text.matchAll(IMPORT_LINE)) {
    const raw = `"${match[1]!}"`;
    const span = { start: 0, end: 0 };
    found.push({ type: "import", path: { value: match[1]!.replace(/\\(.)/g, "$1"), raw, span }, span });
  }
  return found;
}

/** `null` when the quick scan found other entries than the parse: check again without overlap. */
export async function checkOverlapped(files: readonly string[], paths: readonly string[], options: CheckOptions, jobs: number, host: FileHost): Promise<PathsResult | null> {
  // 1. Read every file and scan its imports.
  const started = performance.now();
  const texts = new Map<string, string>();
  const scanned = new Map<string, ImportDecl[]>();
  const unreadable = new Map<string, string>();
  const pending = [...files];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (texts.has(path) || unreadable.has(path)) continue;
    const read = host.readFile(path);
    if ("error" in read) {
      unreadable.set(path, read.error);
      continue;
    }
    texts.set(path, read.text);
    const imports = scanImports(read.text);
    scanned.set(path, imports);
    for (const decl of imports) pending.push(resolve(dirname(path), decl.path.value));
  }
  const scan = new ImportGraph(scanned, unreadable);
  const discovery = findEntries(paths, scan);
  const programFiles = discovery.entries.map((entry) => loadProgram(resolve(entry), scan).files.map((file) => file.path));
  timing(`read and scanned ${texts.size} files`, started);

  // 2. Parse in program order; check each program as soon as its files are in.
  const order: string[] = [];
  const ordered = new Set<string>();
  for (const path of [...programFiles.flat(), ...texts.keys()]) {
    if (ordered.has(path) || !texts.has(path)) continue;
    ordered.add(path);
    order.push(path);
  }
  const users = new Map<string, number>();
  for (const list of programFiles) for (const path of list) users.set(path, (users.get(path) ?? 0) + 1);
  const parsed = new Map<string, Parsed>();
  for (const [path, error] of unreadable) parsed.set(path, { error });
  const parsedImports = new Map<string, ImportDecl[]>();
  const cache = new ParsedFiles(parsed, host);
  const merger = new ProgramMerger();
  const programs: ProgramResult[] = [];
  let next = 0;
  const checkReady = () => {
    while (next < programFiles.length && programFiles[next]!.every((path) => parsed.has(path) || !texts.has(path))) {
      const result = checkProgram(discovery.entries[next]!, { ...options, cache });
      merger.add(result);
      programs.push(leanResult(result));
      for (const path of programFiles[next]!) {
        const left = users.get(path)! - 1;
        users.set(path, left);
        if (left === 0) {
          cache.release(path);
          texts.delete(path);
        }
      }
      next++;
    }
  };

  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, order.length)) }, () => new Worker(workerUrl(), { resourceLimits }));
  // Enough requests in flight that the workers parse on while the main thread checks a program.
  const inFlight = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  let sent = 0;
  let received = 0;
  try {
    await new Promise<void>((done, fail) => {
      const pump = () => {
        for (const worker of workers) {
          while (inFlight.get(worker)! < 12 && sent < order.length) {
            const path = order[sent]!;
            worker.postMessage({ id: sent++, path, text: texts.get(path)! } satisfies ParseRequest);
            inFlight.set(worker, inFlight.get(worker)! + 1);
          }
        }
      };
      const receive = (worker: Worker, reply: ParseReply) => {
        inFlight.set(worker, inFlight.get(worker)! - 1);
        received++;
        if ("crash" in reply) return fail(new Error(`parsing ${reply.path} failed in a worker: ${reply.crash}`));
        if ("error" in reply) parsed.set(reply.path, { error: reply.error });
        else {
          parsed.set(reply.path, { text: texts.get(reply.path)!, encoded: reply.encoded, imports: reply.imports, diagnostics: reply.diagnostics });
          parsedImports.set(reply.path, reply.imports);
        }
        pump();
        try {
          checkReady();
        } catch (error) {
          return fail(error);
        }
        if (received === order.length) {
          timing(`parsed ${received} files on ${workers.length} workers, ${next} of ${programFiles.length} programs checked`, started);
          done();
        }
      };
      for (const worker of workers) {
        worker.on("message", (reply: ParseReply) => receive(worker, reply));
        worker.on("error", fail);
        worker.on("exit", (code) => fail(new Error(`a parse worker stopped (exit code ${code})`)));
      }
      pump();
      if (order.length === 0) done();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  checkReady();

  // 3. The entries from the parsed imports must be those the scan found.
  const exact = findEntries(paths, new ImportGraph(parsedImports, unreadable));
  if (next !== programFiles.length || exact.entries.join("\0") !== discovery.entries.join("\0")) return null;
  return merger.result(programs, exact);
}
