// The parse workers (src/check/worker.ts) and what the main thread keeps of
// their work: the one pool that parses files in a given order, the files as
// parsed, decoded into SourceFiles when a program first needs them and let go
// when no later program does, and a program's result reduced to what the
// reporters read.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImportDecl } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { SourceFile } from "../model/types.js";
import { FileCache, type FileHost } from "../program/load.js";
import { LineIndex } from "../util/text.js";
import { PACKAGE_ROOT } from "../util/package-root.js";
import { decodeAst, type EncodedAst } from "./ast-codec.js";
import type { ParsedFile } from "../syntax/parse.js";

export interface ParseRequest {
  readonly id: number;
  readonly path: string;
  /** The main thread reads every file (through its host, with its limits): the worker only parses. */
  readonly text: string;
}

export type ParseReply =
  | { readonly id: number; readonly path: string; readonly encoded: EncodedAst; readonly imports: readonly ImportDecl[]; readonly diagnostics: Diagnostic[]; readonly parseMs: number }
  | { readonly id: number; readonly path: string; readonly crash: string };

/** A file as a worker parsed it, before it is decoded. */
export interface Parsed {
  readonly text: string;
  readonly encoded: EncodedAst;
  readonly imports: readonly ImportDecl[];
  readonly diagnostics: Diagnostic[];
  /** The worker's time to lex, parse and build the AST (`--stats`). */
  readonly parseMs: number;
}

/**
 * The worker script: `worker.js` beside this module in the compiled package;
 * when this module runs from the TypeScript sources (tests), the compiled one in dist/.
 */
export function workerUrl(): URL {
  const beside = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("dist/src/check/worker.js", PACKAGE_ROOT);
}

/** The workers' young generation (MB): three times the semi-space. A file's tokens and CST die young (docs/performance.md). */
const WORKER_YOUNG_GENERATION_MB = 384;
/**
 * Text in flight per worker, in UTF-16 units: each file goes to the worker
 * with the least in flight, while that is under this (so a larger file is
 * sent too, alone). The main thread takes no reply while it checks a
 * program, so a worker needs about a program's worth queued not to stand
 * idle meanwhile (XL's programs are 3.7 MB; with twelve files in flight, XL
 * took 8% longer). More only lets parsed files wait longer for their check.
 */
const IN_FLIGHT_UNITS = 4_000_000;
/** What a file counts for in the window: its text, and 1,000 more, so that a great many small or empty files are not all sent at once. */
const unitsOf = (text: string) => text.length + 1_000;

/** The worker with the least text in flight (the first of equals), or -1 when every one has `limit` or more. */
export function leastLoaded(inFlight: readonly number[], limit: number): number {
  let least = -1;
  for (let i = 0; i < inFlight.length; i++) if (inFlight[i]! < limit && (least < 0 || inFlight[i]! < inFlight[least]!)) least = i;
  return least;
}

/**
 * Parses `files` in their order on `jobs` worker threads. `received` is
 * called on the main thread with each file as it comes in; what it throws
 * ends the parse. Each text is let go once its file is handed on. Resolves
 * with the number of workers used.
 */
export async function parseInWorkers(
  files: { path: string; text: string }[],
  jobs: number,
  received: (path: string, parsed: Parsed) => void,
): Promise<number> {
  if (files.length === 0) return 0;
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(workerUrl(), { resourceLimits }));
  const unitsInFlight = workers.map(() => 0);
  const texts = new Map<number, string>();
  let sent = 0;
  let done = 0;
  try {
    await new Promise<void>((finish, fail) => {
      const pump = () => {
        while (sent < files.length) {
          const at = leastLoaded(unitsInFlight, IN_FLIGHT_UNITS);
          if (at < 0) return;
          const { path, text } = files[sent]!;
          texts.set(sent, text);
          workers[at]!.postMessage({ id: sent, path, text } satisfies ParseRequest);
          // The queue lets go of the text: from here only `texts` holds it, until the reply.
          files[sent++] = { path, text: "" };
          unitsInFlight[at]! += unitsOf(text);
        }
      };
      const receive = (at: number, reply: ParseReply) => {
        done++;
        if ("crash" in reply) return fail(new Error(`parsing ${reply.path} failed in a worker: ${reply.crash}`));
        const text = texts.get(reply.id)!;
        texts.delete(reply.id);
        unitsInFlight[at]! -= unitsOf(text);
        pump();
        try {
          received(reply.path, { text, encoded: reply.encoded, imports: reply.imports, diagnostics: reply.diagnostics, parseMs: reply.parseMs });
        } catch (error) {
          return fail(error);
        }
        if (done === files.length) finish();
      };
      for (const [at, worker] of workers.entries()) {
        worker.on("message", (reply: ParseReply) => receive(at, reply));
        worker.on("error", fail);
        worker.on("exit", (code) => fail(new Error(`a parse worker stopped (exit code ${code})`)));
      }
      pump();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return workers.length;
}

/**
 * Files from the workers: decoded on first use, let go with `release`. A
 * file no worker parsed (an import the quick scan did not see, or one let go
 * and needed again) is read and parsed here, or taken from `base`, the
 * caller's cache, which also receives every file decoded.
 */
export class ParsedFiles extends FileCache {
  private readonly decoded = new Map<string, SourceFile>();
  private readonly parsed = new Map<string, Parsed>();

  constructor(
    host: FileHost,
    private readonly base?: FileCache,
  ) {
    super(host);
  }

  add(path: string, parsed: Parsed): void {
    this.parsed.set(path, parsed);
  }

  /** A file parsed on this thread (`--jobs 1` with a result cache or stats), as `get` would decode a worker's. */
  addParsed(path: string, text: string, parsed: ParsedFile): void {
    const file = { path, text, lines: new LineIndex(text), ast: parsed.ast, syntaxDiagnostics: parsed.diagnostics };
    this.decoded.set(path, file);
    this.base?.set(path, file);
  }

  /** Whether a worker's file is in and not let go. */
  parsedHas(path: string): boolean {
    return this.parsed.has(path) || this.decoded.has(path);
  }

  override get(path: string): SourceFile | { error: string } {
    const known = this.decoded.get(path);
    if (known) return known;
    const parsed = this.parsed.get(path);
    if (!parsed) return this.base ? this.base.get(path) : super.get(path);
    const file = { path, text: parsed.text, lines: new LineIndex(parsed.text), ast: decodeAst(parsed.encoded, parsed.text), syntaxDiagnostics: parsed.diagnostics };
    this.parsed.delete(path);
    this.decoded.set(path, file);
    this.base?.set(path, file);
    return file;
  }

  release(path: string): void {
    this.decoded.delete(path);
    this.parsed.delete(path);
    this.invalidate(path);
  }
}

export { leanResult } from "./check-model.js";

/** With ORGSPEC_TIMING set, how long the phases took (stderr): for the benchmark and docs/performance.md. */
export function timing(what: string, since: number): void {
  if (process.env["ORGSPEC_TIMING"]) process.stderr.write(`orgspec: ${what} after ${((performance.now() - since) / 1000).toFixed(2)} s (heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)\n`);
}
