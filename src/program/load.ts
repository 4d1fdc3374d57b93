// Loads a program: the entry file and everything it imports, transitively.
// Imports resolve relative to the importing file; a file that cannot be read
// or an import cycle is an ORG006 diagnostic, never an exception.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { ImportDecl } from "../ast/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { SourceFile } from "../model/types.js";
import { parseText } from "../syntax/parse.js";
import { LineIndex } from "../util/text.js";

/** Where file texts come from: the disk, or an editor's open documents over it. */
export interface FileHost {
  /** The file's text, or an error message when it cannot be read. */
  readFile(path: string): { text: string } | { error: string };
}

export const diskHost: FileHost = {
  readFile(path) {
    try {
      return { text: readFileSync(path, "utf8") };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((error as Error).message);
      return { error: reason };
    }
  },
};

/** Parsed files by path, shared between the programs of one run so each file is parsed once. */
export class FileCache {
  private readonly files = new Map<string, SourceFile | { error: string }>();

  constructor(private readonly host: FileHost = diskHost) {}

  get(path: string): SourceFile | { error: string } {
    let cached = this.files.get(path);
    if (!cached) {
      const read = this.host.readFile(path);
      cached = "error" in read ? read : sourceFile(path, read.text);
      this.files.set(path, cached);
    }
    return cached;
  }

  /** Whether the file has been read (or failed to read) already. */
  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Stores a file parsed elsewhere (a worker thread: src/check/parallel.ts). */
  set(path: string, file: SourceFile | { error: string }): void {
    this.files.set(path, file);
  }

  /** Forgets a file so the next `get` reads it again (the editor changed it). */
  invalidate(path: string): void {
    this.files.delete(path);
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
  /** ORG006 diagnostics. */
  readonly diagnostics: Diagnostic[];
  /** Each import statement's target path (resolved), for the language server. */
  readonly importTargets: Map<ImportDecl, string>;
}

/** The absolute path an import names, relative to the importing file. */
export function importTarget(importer: string, decl: ImportDecl): string {
  return resolve(dirname(importer), decl.path.value);
}

function importDiagnostic(file: string, decl: ImportDecl, message: string): Diagnostic {
  const entry = LANGUAGE_CODES.import;
  return { code: entry.code, name: entry.name, severity: entry.severity, message, file, span: decl.span, related: [] };
}

export function loadProgram(entryPath: string, cache: FileCache): LoadedProgram {
  const entry = resolve(entryPath);
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const importTargets = new Map<ImportDecl, string>();
  const done = new Set<string>();
  const stack: string[] = [];

  const visit = (path: string): void => {
    const loaded = cache.get(path);
    if ("error" in loaded) return;
    stack.push(path);
    for (const statement of loaded.ast.statements) {
      if (statement.type !== "import") continue;
      const target = importTarget(path, statement);
      importTargets.set(statement, target);
      const onStack = stack.indexOf(target);
      if (onStack >= 0) {
        const cycle = [...stack.slice(onStack), target].map((file) => relative(dirname(entry), file) || file);
        diagnostics.push(importDiagnostic(path, statement, `import cycle: ${cycle.join(" → ")}`));
        continue;
      }
      if (done.has(target)) continue;
      const imported = cache.get(target);
      if ("error" in imported) {
        diagnostics.push(importDiagnostic(path, statement, `cannot import "${statement.path.value}": ${imported.error}`));
        continue;
      }
      visit(target);
    }
    stack.pop();
    done.add(path);
    files.push(loaded);
  };

  visit(entry);
  return { entry, files, diagnostics, importTargets };
}
