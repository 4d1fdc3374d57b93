// The quick import scan of the parallel check (parallel.ts): the main thread
// reads every file and finds its imports from its `import "..."` lines,
// without parsing, which gives the entries and each program's files before
// any worker has parsed a thing. The scan can be wrong (an import after a
// declaration on the same line, an `import` line in a block comment); the
// entries are found again from the parsed imports once all files are in.
import type { ImportDecl } from "../ast/types.js";
import type { SourceFile } from "../program/source-file.js";
import { FileCache, importsOf, importTarget, type FileHost } from "../program/load.js";
import { LineIndex } from "../util/text.js";

const IMPORT_LINE = /^[ \t]*import[ \t]+"((?:[^"\\\r\n]|\\.)*)"/gm;
const EMPTY_LINES = new LineIndex("");

/** A file's import statements, or why it could not be read. */
export type KnownImports = readonly ImportDecl[] | { readonly error: string };

/**
 * Files with their import statements only, for finding entries and programs'
 * files. A file not in `known` is asked of `unknown`, or else has no imports.
 */
export class ImportGraph extends FileCache {
  constructor(
    private readonly known: ReadonlyMap<string, KnownImports>,
    host: FileHost,
    private readonly unknown?: (path: string) => SourceFile | { error: string },
  ) {
    super(host);
  }

  override get(path: string): SourceFile | { error: string } {
    const imports = this.known.get(path);
    if (imports === undefined && this.unknown) return this.unknown(path);
    if (imports !== undefined && "error" in imports) return { error: imports.error };
    return { path, text: "", lines: EMPTY_LINES, ast: { statements: [...(imports ?? [])], comments: [] }, syntaxDiagnostics: [] };
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

export interface Scan {
  /** The texts read, by real path, in the order read. */
  readonly texts: Map<string, string>;
  /** Every file seen: its scanned imports (exact for those `base` had), or why it could not be read. */
  readonly imports: Map<string, KnownImports>;
}

/**
 * Reads `files` and everything their `import` lines name, through `host`;
 * files `base` already holds are not read again (their imports are exact).
 */
export function readAndScan(files: readonly string[], host: FileHost, base?: FileCache): Scan {
  const texts = new Map<string, string>();
  const imports = new Map<string, KnownImports>();
  // Files are known by real path, as programs will ask for them.
  const canonical = (path: string) => host.realpath?.(path) ?? path;
  const pending = [...files].reverse();
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (imports.has(path)) continue;
    let found: KnownImports;
    if (base?.has(path)) {
      const file = base.get(path);
      found = "error" in file ? file : importsOf(file.ast);
    } else {
      const read = host.readFile(path);
      if ("error" in read) found = { error: read.error };
      else {
        texts.set(path, read.text);
        found = scanImports(read.text);
      }
    }
    imports.set(path, found);
    if (!("error" in found)) for (const decl of [...found].reverse()) pending.push(canonical(importTarget(path, decl)));
  }
  return { texts, imports };
}
