// Loads a program: the entry file and everything it imports, transitively.
// Imports resolve relative to the importing file; a file that cannot be read
// or an import cycle is an ORG006 diagnostic, never an exception. Files are
// known by their real path, so a file reached by two paths (a symbolic link)
// is one file.
import { dirname, isAbsolute, relative, resolve } from "../util/paths.js";
import type { FileAst, ImportDecl } from "../ast/types.js";
import { LANGUAGE_CODES, languageDiagnostic } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { SourceFile } from "./source-file.js";
import { parseText } from "../syntax/parse.js";
import { LineIndex } from "../util/text.js";
import type { FileHost, Undecodable } from "./host.js";

export type { DirectoryEntry, FileHost, ReadResult, StatResult, Undecodable } from "./host.js";

/** Parsed files by path, shared between the programs of one run so each file is parsed once. */
export class FileCache {
  private readonly files = new Map<string, SourceFile | { error: string }>();
  private readonly realPaths = new Map<string, string>();
  /** Files known to be valid UTF-8 (`null`) or not. */
  private readonly encodings = new Map<string, Undecodable | null>();

  /** `host`: where texts come from (`diskHost` in Node). */
  constructor(readonly host: FileHost) {}

  get(path: string): SourceFile | { error: string } {
    let cached = this.files.get(path);
    if (!cached) {
      const read = this.host.readFile(path);
      if ("error" in read) cached = read;
      else {
        cached = sourceFile(path, read.text);
        this.encodings.set(path, read.undecodable ?? null);
      }
      this.files.set(path, cached);
    }
    return cached;
  }

  /** The path by which the file is known: its real path when the host has one. */
  canonical(path: string): string {
    if (!this.host.realpath) return path;
    let real = this.realPaths.get(path);
    if (real === undefined) {
      real = this.host.realpath(path);
      this.realPaths.set(path, real);
    }
    return real;
  }

  /** Where a file is not valid UTF-8, or `null`. */
  undecodable(file: SourceFile): Undecodable | null {
    let known = this.encodings.get(file.path);
    if (known === undefined) {
      // Parsed elsewhere (a worker) from text with replacements? Only the host's bytes can say.
      known = null;
      if (file.text.includes("\uFFFD")) {
        const read = this.host.readFile(file.path);
        known = "error" in read ? null : (read.undecodable ?? null);
      }
      this.encodings.set(file.path, known);
    }
    return known;
  }

  /** Whether the file has been read (or failed to read) already. */
  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Stores a file parsed elsewhere (a worker thread: src/check/parallel.ts). */
  set(path: string, file: SourceFile | { error: string }): void {
    this.files.set(path, file);
  }

  /** Forgets every path's real path (what a path names changed: the language server opened or closed a document). */
  forgetRealPaths(): void {
    this.realPaths.clear();
  }

  /** Forgets a file so the next `get` reads it again (the editor changed it). */
  invalidate(path: string): void {
    this.files.delete(path);
    this.encodings.delete(path);
    this.realPaths.delete(path);
  }
}

export function sourceFile(path: string, text: string): SourceFile {
  const parsed = parseText(path, text);
  return { path, text, lines: new LineIndex(text), ast: parsed.ast, syntaxDiagnostics: parsed.diagnostics };
}

export interface LoadedProgram {
  readonly entry: string;
  /** Imports before importers; the entry last. */
  readonly files: SourceFile[];
  /** ORG006 diagnostics (and ORG001 for an entry that is not UTF-8). */
  readonly diagnostics: Diagnostic[];
  /** Each import statement's target path (resolved), for the language server. */
  readonly importTargets: Map<ImportDecl, string>;
}

/**
 * Import targets already resolved, by importer and path. The language server
 * loads the open programs again on each edit; resolving each import with
 * pathe took a third of loading a 200-file program (4 of 12 ms).
 */
const TARGETS = new Map<string, string>();
const MAX_TARGETS = 100_000;

/** The absolute path an import names, relative to the importing file. */
export function importTarget(importer: string, decl: ImportDecl): string {
  // A relative importer resolves against the working directory, which may change: not kept.
  if (!isAbsolute(importer)) return resolve(dirname(importer), decl.path.value);
  const key = `${importer}\u0000${decl.path.value}`;
  let target = TARGETS.get(key);
  if (target === undefined) {
    if (TARGETS.size >= MAX_TARGETS) TARGETS.clear();
    target = resolve(dirname(importer), decl.path.value);
    TARGETS.set(key, target);
  }
  return target;
}

const IMPORTS = new WeakMap<FileAst, ImportDecl[]>();

/** A file's import statements, found once per parse of it (a program is loaded again on each edit, its files mostly the same). */
export function importsOf(ast: FileAst): readonly ImportDecl[] {
  let imports = IMPORTS.get(ast);
  if (!imports) {
    imports = ast.statements.filter((statement): statement is ImportDecl => statement.type === "import");
    IMPORTS.set(ast, imports);
  }
  return imports;
}

function importDiagnostic(file: string, decl: ImportDecl, message: string): Diagnostic {
  const entry = LANGUAGE_CODES.import;
  return { code: entry.code, name: entry.name, severity: entry.severity, message, file, span: decl.span, related: [] };
}

/** `byte 0xC7 at offset 45` */
export function undecodableByte(problem: Undecodable): string {
  return `byte 0x${problem.byte.toString(16).toUpperCase().padStart(2, "0")} at offset ${problem.byteOffset}`;
}

/**
 * A file that is not UTF-8 as a program holds it: its import statements
 * only (they are ASCII, and what they name is still checked), none of its
 * other text, which would be a guess.
 */
function importsOnly(file: SourceFile): SourceFile {
  const ast: FileAst = { statements: file.ast.statements.filter((statement) => statement.type === "import"), comments: [] };
  return { ...file, ast, syntaxDiagnostics: [] };
}

export function loadProgram(entryPath: string, cache: FileCache): LoadedProgram {
  const entry = cache.canonical(resolve(entryPath));
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const importTargets = new Map<ImportDecl, string>();
  const done = new Set<string>();
  // Depth first, imports before importers, with a stack of its own rather than recursion: an import chain
  // thousands of files deep overflowed the call stack. `onStack`: each path on it, at its place.
  const stack: { readonly path: string; readonly imports: readonly ImportDecl[]; readonly file: SourceFile; next: number }[] = [];
  const onStack = new Map<string, number>();
  const enter = (path: string, file: SourceFile): void => {
    onStack.set(path, stack.length);
    stack.push({ path, imports: importsOf(file.ast), file, next: 0 });
  };
  const visit = (path: string, file: SourceFile): void => {
    enter(path, file);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next === top.imports.length) {
        stack.pop();
        onStack.delete(top.path);
        done.add(top.path);
        files.push(top.file);
        continue;
      }
      const statement = top.imports[top.next++]!;
      const importer = top.path;
      const target = cache.canonical(importTarget(importer, statement));
      importTargets.set(statement, target);
      const at = onStack.get(target);
      if (at !== undefined) {
        const cycle = [...stack.slice(at).map((frame) => frame.path), target].map((file) => relative(dirname(entry), file) || file);
        diagnostics.push(importDiagnostic(importer, statement, `import cycle: ${cycle.join(" → ")}`));
        continue;
      }
      if (done.has(target)) continue;
      const imported = cache.get(target);
      if ("error" in imported) {
        diagnostics.push(importDiagnostic(importer, statement, `cannot import "${statement.path.value}": ${imported.error}`));
        continue;
      }
      const problem = cache.undecodable(imported);
      if (problem) {
        const position = imported.lines.position(problem.offset);
        diagnostics.push(
          importDiagnostic(
            importer,
            statement,
            `cannot import "${statement.path.value}": it is not valid UTF-8 (${undecodableByte(problem)}, line ${position.line}, column ${position.column}); convert it to UTF-8`,
          ),
        );
        enter(target, importsOnly(imported));
        continue;
      }
      enter(target, imported);
    }
  };

  const loaded = cache.get(entry);
  if (!("error" in loaded)) {
    const problem = cache.undecodable(loaded);
    if (problem) {
      // ORG001: the text itself does not read, at its first bad byte.
      const span = { start: problem.offset, end: problem.offset + 1 };
      const message = `this file is not valid UTF-8 (${undecodableByte(problem)}): convert it to UTF-8; until then only its imports are checked`;
      diagnostics.push(languageDiagnostic("syntax", entry, span, message));
      visit(entry, importsOnly(loaded));
    } else visit(entry, loaded);
  }
  return { entry, files, diagnostics, importTargets };
}
