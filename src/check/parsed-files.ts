// What the parse workers send (src/check/worker.ts) and how the main thread
// keeps it: files as workers parsed them, decoded into SourceFiles when a
// program first needs them and let go when no later program does; and a
// program's result reduced to what the reporters read.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FileAst, ImportDecl } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Model, SourceFile } from "../model/types.js";
import { FileCache, type FileHost } from "../program/load.js";
import { LineIndex } from "../util/text.js";
import { PACKAGE_ROOT } from "../util/package-root.js";
import type { EncodedAst } from "./ast-codec.js";
import { decodeAst } from "./ast-decode.js";
import type { ProgramResult } from "./check.js";

export interface ParseRequest {
  readonly id: number;
  readonly path: string;
  /** The text, when the main thread read it (a custom host); else the worker reads the file. */
  readonly text?: string;
}

export type ParseReply =
  | {
      readonly id: number;
      readonly path: string;
      readonly text: string | undefined;
      readonly encoded: EncodedAst;
      readonly imports: ImportDecl[];
      readonly diagnostics: Diagnostic[];
    }
  | { readonly id: number; readonly path: string; readonly error: string }
  | { readonly id: number; readonly path: string; readonly crash: string };

/**
 * The worker script: `worker.js` beside this module in the compiled package;
 * when this module runs from the TypeScript sources (tests), the compiled one in dist/.
 */
export function workerUrl(): URL {
  const beside = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("dist/src/check/worker.js", PACKAGE_ROOT);
}

/** A file as a worker parsed it, before it is decoded. */
export type Parsed = { readonly text: string; readonly encoded: EncodedAst; readonly imports: ImportDecl[]; readonly diagnostics: Diagnostic[] } | { readonly error: string };

const EMPTY_LINES = new LineIndex("");

/** The workers' young generation (MB): three times the semi-space. */
export const WORKER_YOUNG_GENERATION_MB = 384;

/** Files from the workers' results: decoded on first use, let go with `release`. */
export class ParsedFiles extends FileCache {
  private readonly decoded = new Map<string, SourceFile | { error: string }>();

  constructor(
    private readonly parsed: Map<string, Parsed>,
    host: FileHost,
  ) {
    super(host);
  }

  override get(path: string): SourceFile | { error: string } {
    const known = this.decoded.get(path);
    if (known) return known;
    const parsed = this.parsed.get(path);
    if (!parsed) return super.get(path);
    const file = "error" in parsed ? parsed : { path, text: parsed.text, lines: new LineIndex(parsed.text), ast: decodeAst(parsed.encoded, parsed.text), syntaxDiagnostics: parsed.diagnostics };
    this.decoded.set(path, file);
    return file;
  }

  /** The file with its imports alone, for finding entries and programs' files without decoding. */
  imports(path: string): SourceFile | { error: string } {
    const parsed = this.parsed.get(path);
    if (!parsed) return this.get(path);
    if ("error" in parsed) return parsed;
    return { path, text: parsed.text, lines: EMPTY_LINES, ast: { statements: parsed.imports, comments: [] }, syntaxDiagnostics: [] };
  }

  release(path: string): void {
    this.decoded.delete(path);
    this.parsed.delete(path);
    this.invalidate(path);
  }
}

/** The files with their imports alone: what finding entries and each program's files reads. */
export class ImportsOnly extends FileCache {
  constructor(private readonly parsedFiles: ParsedFiles) {
    super();
  }

  override get(path: string): SourceFile | { error: string } {
    return this.parsedFiles.imports(path);
  }
}

const EMPTY_AST: FileAst = { statements: [], comments: [] };

/** A program's result reduced to what reporters read: its diagnostics and the files they name. */
export function leanResult(result: ProgramResult): ProgramResult {
  const named = new Set<string>();
  for (const diagnostic of [...result.diagnostics, ...result.waived]) {
    named.add(diagnostic.file);
    for (const related of diagnostic.related) named.add(related.file);
  }
  const files: SourceFile[] = result.model.files
    .filter((file) => named.has(file.path))
    .map((file) => ({ path: file.path, text: file.text, lines: file.lines, ast: EMPTY_AST, syntaxDiagnostics: file.syntaxDiagnostics }));
  const model: Model = {
    entry: result.model.entry,
    files,
    period: result.model.period,
    units: [],
    symbols: new Map(),
    people: [],
    residences: [],
    events: [],
    series: [],
    references: [],
    diagnostics: result.model.diagnostics,
  };
  return { model, diagnostics: result.diagnostics, waived: result.waived };
}


/** With ORGSPEC_TIMING set, how long the phases took (stderr): for the benchmark and docs/performance.md. */
export function timing(what: string, since: number): void {
  if (process.env["ORGSPEC_TIMING"]) process.stderr.write(`orgspec: ${what} after ${((performance.now() - since) / 1000).toFixed(2)} s (heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)\n`);
}
