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
import { importsOf, importTarget, type FileHost } from "../program/load.js";
import type { SourceFile } from "../program/source-file.js";
import { LineIndex } from "../util/text.js";
import type { EncodedAst } from "./ast-codec.js";
import { leanModel, type ProgramResult } from "./check-model.js";
import type { Rulebook } from "./run-rules.js";

/** Where entries are kept. */
export interface CacheStore {
  /** An entry's text; `undefined` when there is none. */
  read(name: string): string | undefined;
  /** Writes an entry whole or not at all: a reader never sees half of one. Throws when it cannot. */
  write(name: string, text: string): void;
  /** `read` and `write` for bytes (a file's parsed form). */
  readBytes(name: string): Uint8Array | undefined;
  writeBytes(name: string, bytes: Uint8Array): void;
  /** A hash of a content (hex), the same for the same content on every run. */
  hash(content: string | Uint8Array): string;
  /** The entry as a user would find it (a path), for notes. */
  describe(name: string): string;
  /**
   * Removes every entry `keep` says no to. A store that cannot tell the
   * place is its own (the disk's: a folder without its marker) removes
   * nothing and says why.
   */
  sweep(keep: (name: string) => boolean): SweepOutcome;
}

/** What a sweep removed, or why it removed nothing. */
export type SweepOutcome = { readonly removed: number; readonly bytes: number } | { readonly refused: string };

/** The names this cache gives its entries: anything else in the store is not its to remove. */
const ENTRY_NAME = /^(?:[0-9a-f]{64}\.json|ast-[0-9a-f]{64}\.bin)$/;

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
  readonly imports: ReadonlyMap<string, readonly ImportDecl[]>;
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
  readonly imports: Record<string, readonly ImportDecl[]>;
  readonly diagnostics: Diagnostic[];
  readonly waived: Diagnostic[];
  readonly modelDiagnostics: readonly Diagnostic[];
  readonly period: Model["period"];
  /** The files the diagnostics name, with their syntax diagnostics (the lean result's files). */
  readonly named: { readonly path: string; readonly syntaxDiagnostics: readonly Diagnostic[] }[];
}

/** A file as parsed, in the workers' wire form (ast-codec.ts): what the parse cache keeps. */
export interface ParsedForm {
  readonly encoded: EncodedAst;
  readonly imports: readonly ImportDecl[];
  readonly diagnostics: Diagnostic[];
}

/** The parse cache's files: a magic number, the JSON part's length, the JSON part, padding to 4, the wire form. */
const PARSED_MAGIC = 0x3150534f; // "OSP1"

/** A file's text now, or why it cannot be read. */
export type CurrentText = (path: string) => string | { readonly error: string };

export class ResultCache {
  private readonly context: string;
  private readonly parseContext: string;
  /** Entries read, written, ignored, pruned: for `--stats` and the tests. */
  readonly counts = { hits: 0, misses: 0, written: 0, ignored: 0, pruned: 0 };
  /** The entries this run used (looked up, whether there or not, or written): what `prune` keeps. */
  private readonly live = new Set<string>();

  constructor(
    private readonly store: CacheStore,
    context: CacheContext,
    private readonly note: (message: string) => void,
  ) {
    const rulebook = [...context.rulebook].sort(([a], [b]) => a.localeCompare(b));
    this.context = store.hash(JSON.stringify([FORMAT_VERSION, context.toolVersion, rulebook, context.asOf, context.today]));
    // A file's parse depends on its text and the tool alone.
    this.parseContext = `${FORMAT_VERSION}\0${context.toolVersion}\0`;
  }

  /** Named from the text's hash, so that a program's entry (which holds its files' hashes) names its files' parse entries. */
  private parsedName(textHash: string): string {
    return `ast-${this.store.hash(this.parseContext + textHash)}.bin`;
  }

  /**
   * A file's parsed form, kept when a program that read it was last checked:
   * a changed program's unchanged files are not parsed again. The entry is
   * named by a hash of the tool's version and the text, and holds a hash of
   * its own bytes; one that does not check out is ignored with a note.
   */
  lookupParsed(text: string): ParsedForm | undefined {
    const name = this.parsedName(this.store.hash(text));
    this.live.add(name);
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.store.readBytes(name);
    } catch (error) {
      this.ignore(name, error instanceof Error ? error.message : String(error));
      return undefined;
    }
    if (bytes === undefined) return undefined;
    const parsed = this.decodeParsed(bytes);
    if (!parsed) this.ignore(name, "not an orgspec parse cache entry of this format, or damaged");
    return parsed;
  }

  saveParsed(text: string, parsed: ParsedForm): void {
    const header = new TextEncoder().encode(JSON.stringify({ imports: parsed.imports, diagnostics: parsed.diagnostics, payload: this.store.hash(new Uint8Array(parsed.encoded.buffer, parsed.encoded.byteOffset, parsed.encoded.byteLength)) }));
    const payloadAt = 8 + Math.ceil(header.length / 4) * 4;
    const bytes = new Uint8Array(payloadAt + parsed.encoded.byteLength);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, PARSED_MAGIC, true);
    view.setUint32(4, header.length, true);
    bytes.set(header, 8);
    bytes.set(new Uint8Array(parsed.encoded.buffer, parsed.encoded.byteOffset, parsed.encoded.byteLength), payloadAt);
    const name = this.parsedName(this.store.hash(text));
    this.live.add(name);
    try {
      this.store.writeBytes(name, bytes);
    } catch (error) {
      this.note(`cannot write the parse cache entry ${this.store.describe(name)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private decodeParsed(bytes: Uint8Array): ParsedForm | undefined {
    if (bytes.length < 8) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== PARSED_MAGIC) return undefined;
    const headerLength = view.getUint32(4, true);
    const payloadAt = 8 + Math.ceil(headerLength / 4) * 4;
    if (payloadAt > bytes.length || (bytes.length - payloadAt) % 4 !== 0) return undefined;
    let header: unknown;
    try {
      header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
    } catch {
      return undefined;
    }
    if (typeof header !== "object" || header === null) return undefined;
    const { imports, diagnostics, payload } = header as Record<string, unknown>;
    if (!Array.isArray(imports) || !Array.isArray(diagnostics) || typeof payload !== "string") return undefined;
    // A copy, aligned and of its own: the wire form is read as 32-bit words.
    const payloadBytes = new Uint8Array(bytes.length - payloadAt);
    payloadBytes.set(bytes.subarray(payloadAt));
    const encoded = new Int32Array(payloadBytes.buffer);
    if (this.store.hash(new Uint8Array(encoded.buffer)) !== payload) return undefined;
    return { encoded, imports: imports as ImportDecl[], diagnostics: diagnostics as Diagnostic[] };
  }

  private nameOf(entry: string): string {
    return `${this.store.hash(entry)}.json`;
  }

  /** The program of `entry` as last checked, if nothing it depends on has changed since. */
  lookup(entry: string, current: CurrentText): CachedProgram | undefined {
    const name = this.nameOf(entry);
    // Kept whether it is used or replaced: the entry of a program this run checks.
    this.live.add(name);
    const stored = this.readEntry(name);
    if (!stored || stored.context !== this.context || stored.entry !== entry || !this.unchanged(stored.inputs, current)) {
      this.counts.misses++;
      return undefined;
    }
    const texts = new Map<string, string>();
    for (const input of stored.inputs) {
      const text = current(input.path);
      if (typeof text === "string") texts.set(input.path, text);
      // The files of a program taken from the cache are not parsed: their parse entries are live all the same.
      if ("hash" in input) this.live.add(this.parsedName(input.hash));
    }
    const files: SourceFile[] = stored.named.map(({ path, syntaxDiagnostics }) => {
      const text = texts.get(path) ?? "";
      return { path, text, lines: new LineIndex(text), ast: { statements: [], comments: [] }, syntaxDiagnostics };
    });
    const model = leanModel({ entry, period: stored.period, diagnostics: stored.modelDiagnostics }, files);
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
    const imports: Record<string, readonly ImportDecl[]> = {};
    const canonical = (path: string) => host.realpath?.(path) ?? path;
    for (const file of model.files) {
      const decls = importsOf(file.ast);
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
    this.live.add(name);
    try {
      this.store.write(name, JSON.stringify(stored));
      this.counts.written++;
    } catch (error) {
      this.note(`cannot write the result cache entry ${this.store.describe(name)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * After a run: removes the entries it did not use — those of files and
   * programs that changed, were renamed or deleted, or of another context
   * (rulebook, as-of day, version). What is left is what the next run over
   * the same paths reads. See docs/performance.md, *Pruning*.
   */
  prune(): void {
    let outcome: SweepOutcome;
    try {
      outcome = this.store.sweep((name) => this.live.has(name) || !ENTRY_NAME.test(name));
    } catch (error) {
      this.note(`cannot prune the result cache: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if ("refused" in outcome) this.note(`not pruning the result cache: ${outcome.refused}`);
    else this.counts.pruned += outcome.removed;
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
    this.note(`ignoring the result cache entry ${this.store.describe(name)}: ${why}; ${name.startsWith("ast-") ? "the file is parsed afresh" : "the program is checked afresh"}`);
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
