// Which files of a command line are entries. A file named is an entry; in a
// directory, the entries are the `.org` files that no other file there
// imports (a shared committees file is checked as part of its importers).
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { importTarget, type FileCache } from "./load.js";

export interface EntryDiscovery {
  readonly entries: string[];
  /** Paths that do not exist or cannot be read: a usage error for the CLI. */
  readonly missing: string[];
}

/** Every `.org` file under a directory, sorted, skipping `node_modules` and dot-directories. */
export function orgFilesUnder(directory: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith(".org")) found.push(path);
    }
  };
  walk(directory);
  return found;
}

/** What a command-line path names: a file, a directory with its `.org` files, or nothing readable. */
export type NamedPath =
  | { readonly kind: "file"; readonly given: string; readonly path: string }
  | { readonly kind: "directory"; readonly given: string; readonly path: string; readonly files: string[] }
  | { readonly kind: "missing"; readonly given: string; readonly path: string };

export function namedPaths(paths: readonly string[], cwd = process.cwd()): NamedPath[] {
  return paths.map((given): NamedPath => {
    const path = resolve(cwd, given);
    try {
      return statSync(path).isDirectory() ? { kind: "directory", given, path, files: orgFilesUnder(path) } : { kind: "file", given, path };
    } catch {
      return { kind: "missing", given, path };
    }
  });
}

/** The `.org` files the paths name or hold, once each, in order. */
export function orgFilesOf(named: readonly NamedPath[]): string[] {
  return [...new Set(named.flatMap((item) => (item.kind === "file" ? [item.path] : item.kind === "directory" ? item.files : [])))];
}

export function findEntries(paths: readonly string[], cache: FileCache): EntryDiscovery {
  const entries: string[] = [];
  const missing: string[] = [];
  for (const named of namedPaths(paths)) {
    if (named.kind === "missing") {
      missing.push(named.given);
      continue;
    }
    if (named.kind === "file") {
      entries.push(named.path);
      continue;
    }
    const files = named.files;
    const imported = new Set<string>();
    for (const file of files) {
      const loaded = cache.get(file);
      if ("error" in loaded) continue;
      for (const statement of loaded.ast.statements) {
        if (statement.type === "import") imported.add(importTarget(file, statement));
      }
    }
    const dirEntries = files.filter((file) => !imported.has(file));
    // Files that only import each other in a cycle have no entry: check them too.
    const reached = importClosure(dirEntries, cache);
    for (const file of files) {
      if (reached.has(file)) continue;
      dirEntries.push(file);
      for (const path of importClosure([file], cache)) reached.add(path);
    }
    entries.push(...dirEntries);
  }
  return { entries: [...new Set(entries)], missing };
}

function importClosure(starts: readonly string[], cache: FileCache): Set<string> {
  const reached = new Set<string>();
  const pending = [...starts];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const loaded = cache.get(file);
    if ("error" in loaded) continue;
    for (const statement of loaded.ast.statements) {
      if (statement.type === "import") pending.push(importTarget(file, statement));
    }
  }
  return reached;
}
