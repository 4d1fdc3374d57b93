// `orgspec check --cache`: each program's result kept between runs, for CI
// and pre-commit hooks that check the same records again and again. An
// entry is valid while everything its result depends on is unchanged: the
// content of every file the program read (and the error of every import it
// could not), the rulebook, the as-of day, today (waivers expire) and the
// tool's version. Written against a `CacheStore` (the disk's is in
// cache-store.ts); see docs/performance.md, *Result cache*.
import type { Day, ImportDecl } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Model } from "../model/types.js";
import { importTarget, type FileHost } from "../program/load.js";
import type { SourceFile } from "../program/source-file.js";
import { LineIndex } from "../util/text.js";
import type { ProgramResult } from "./check.js";
import type { Rulebook } from "./run-rules.js";

/** Where entries are kept. */
export interface CacheStore {
  /** An entry's text; `undefined` when there is none. */
  read(name: string): string | undefined;
  /** Writes an entry whole or not at all: a reader never sees half of one. Throws when it cannot. */
  write(name: string, text: string): void;
  /** A hash of a text's content (hex), the same for the same text on every run. */
  hash(text: string): string;
  /** The entry as a user would find it (a path), for notes. */
  describe(name: string): string;
}

/** What every program's result depends on besides its files. */
export interface CacheContext {
  readonly toolVersion: string;
  readonly rulebook: Rulebook;
  /** `--as-of`, or `null`: each program's period end. */
  readonly asOf: Day | null;
  readonly today: Day;
}

/** A program's result from the cache, and what the check needs of its files. */
export interface CachedProgram {
  /** Lean, as `leanResult` makes it: the diagnostics and the files they name. */
  readonly result: ProgramResult;
  /** The program's files, as the model listed them. */
  readonly files: string[];
  /** Each file's import statements, as parsed (the entries are found from them). */
  readonly imports: ReadonlyMap<string, ImportDecl[]>;
}

/** A file the program read (its content hash) or an import it could not (why). */
type StoredInput = { readonly path: string; readonly hash: string } | { readonly path: string; readonly error: string };

const FORMAT = "orgspec-result-cache";
const FORMAT_VERSION = 1;

interface Entry {
  readonly format: typeof FORMAT;
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly context: string;
  readonly entry: string;
  readonly inputs: StoredInput[];
  readonly files: string[];
  readonly imports: Record<string, ImportDecl[]>;
  readonly diagnostics: Diagnostic[];
  readonly waived: Diagnostic[];
  readonly modelDiagnostics: readonly Diagnostic[];
  readonly period: Model["period"];
  /** The files the diagnostics name, with their syntax diagnostics (the lean result's files). */
  readonly named: { readonly path: string; readonly syntaxDiagnostics: readonly Diagnostic[] }[];
}

/** A file's text now, or why it cannot be read. */
export type CurrentText = (path: string) => string | { readonly error: string };

export class ResultCache {
  private readonly context: string;
  /** Entries read, written, ignored: for `--stats` and the tests. */
  readonly counts = { hits: 0, misses: 0, written: 0, ignored: 0 };

  constructor(
    private readonly store: CacheStore,
    context: CacheContext,
    private readonly note: (message: string) => void,
  ) {
    const rulebook = [...context.rulebook].sort(([a], [b]) => a.localeCompare(b));
    this.context = store.hash(JSON.stringify([FORMAT_VERSION, context.toolVersion, rulebook, context.asOf, context.today]));
  }

  private nameOf(entry: string): string {
    return `${this.store.hash(entry)}.json`;
  }

  /** The program of `entry` as last checked, if nothing it depends on has changed since. */
  lookup(entry: string, current: CurrentText): CachedProgram | undefined {
    const name = this.nameOf(entry);
    const stored = this.readEntry(name);
    if (!stored || stored.context !== this.context || stored.entry !== entry || !this.unchanged(stored.inputs, current)) {
      this.counts.misses++;
      return undefined;
    }
    const texts = new Map<string, string>();
    for (const input of stored.inputs) {
      const text = current(input.path);
      if (typeof text === "string") texts.set(input.path, text);
    }
    const files: SourceFile[] = stored.named.map(({ path, syntaxDiagnostics }) => {
      const text = texts.get(path) ?? "";
      return { path, text, lines: new LineIndex(text), ast: { statements: [], comments: [] }, syntaxDiagnostics };
    });
    const model: Model = {
      entry,
      files,
      period: stored.period,
      units: [],
      symbols: new Map(),
      people: [],
      residences: [],
      events: [],
      series: [],
      references: [],
      diagnostics: stored.modelDiagnostics,
    };
    this.counts.hits++;
    return {
      result: { model, diagnostics: stored.diagnostics, waived: stored.waived },
      files: stored.files,
      imports: new Map(Object.entries(stored.imports)),
    };
  }

  /**
   * Keeps a program's result, `result` with its whole model (before it is
   * made lean). A result with an internal error (ORG012) is not kept: the
   * next run tries again. A store that cannot write is noted, never fatal.
   */
  save(entry: string, result: ProgramResult, host: FileHost, internalCode: string): void {
    if (result.diagnostics.some((diagnostic) => diagnostic.code === internalCode)) return;
    const model = result.model;
    const paths = new Set(model.files.map((file) => file.path));
    const inputs: StoredInput[] = model.files.map((file) => ({ path: file.path, hash: this.store.hash(file.text) }));
    const imports: Record<string, ImportDecl[]> = {};
    const canonical = (path: string) => host.realpath?.(path) ?? path;
    for (const file of model.files) {
      const decls = file.ast.statements.filter((statement): statement is ImportDecl => statement.type === "import");
      imports[file.path] = decls;
      for (const decl of decls) {
        const target = canonical(importTarget(file.path, decl));
        if (paths.has(target)) continue;
        // An import outside the program (missing, unreadable): the result holds as long as it stays so.
        paths.add(target);
        const read = host.readFile(target);
        inputs.push("error" in read ? { path: target, error: read.error } : { path: target, hash: this.store.hash(read.text) });
      }
    }
    const named = new Set<string>();
    for (const diagnostic of [...result.diagnostics, ...result.waived]) {
      named.add(diagnostic.file);
      for (const related of diagnostic.related) named.add(related.file);
    }
    const stored: Entry = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      context: this.context,
      entry,
      inputs,
      files: model.files.map((file) => file.path),
      imports,
      diagnostics: result.diagnostics,
      waived: result.waived,
      modelDiagnostics: model.diagnostics,
      period: model.period,
      named: model.files.filter((file) => named.has(file.path)).map((file) => ({ path: file.path, syntaxDiagnostics: file.syntaxDiagnostics })),
    };
    const name = this.nameOf(entry);
    try {
      this.store.write(name, JSON.stringify(stored));
      this.counts.written++;
    } catch (error) {
      this.note(`cannot write the result cache entry ${this.store.describe(name)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private unchanged(inputs: readonly StoredInput[], current: CurrentText): boolean {
    for (const input of inputs) {
      const now = current(input.path);
      if ("error" in input) {
        if (typeof now === "string" || now.error !== input.error) return false;
      } else if (typeof now !== "string" || this.store.hash(now) !== input.hash) return false;
    }
    return true;
  }

  /** The entry stored under `name`; a file that is not one is ignored with a note. */
  private readEntry(name: string): Entry | undefined {
    let text: string | undefined;
    try {
      text = this.store.read(name);
    } catch (error) {
      this.ignore(name, error instanceof Error ? error.message : String(error));
      return undefined;
    }
    if (text === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.ignore(name, "not valid JSON (a write cut short, or a damaged file)");
      return undefined;
    }
    if (!isEntry(value)) {
      this.ignore(name, "not an orgspec result cache entry of this format");
      return undefined;
    }
    return value;
  }

  private ignore(name: string, why: string): void {
    this.counts.ignored++;
    this.note(`ignoring the result cache entry ${this.store.describe(name)}: ${why}; the program is checked afresh`);
  }
}

/** The shape of an entry, checked as far as a damaged or foreign file could get wrong. */
function isEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  const list = (key: string) => Array.isArray(entry[key]);
  return (
    entry["format"] === FORMAT &&
    entry["formatVersion"] === FORMAT_VERSION &&
    typeof entry["context"] === "string" &&
    typeof entry["entry"] === "string" &&
    list("inputs") &&
    (entry["inputs"] as unknown[]).every(isInput) &&
    list("files") &&
    list("diagnostics") &&
    list("waived") &&
    list("modelDiagnostics") &&
    list("named") &&
    typeof entry["imports"] === "object" &&
    entry["imports"] !== null
  );
}

function isInput(value: unknown): value is StoredInput {
  if (typeof value !== "object" || value === null) return false;
  const input = value as Record<string, unknown>;
  return typeof input["path"] === "string" && (typeof input["hash"] === "string" || typeof input["error"] === "string");
}
