// Which files of a command line are entries. A file named is an entry; in a
// directory, the entries are the `.org` files that no other file there
// imports (a shared committees file is checked as part of its importers).
// Nothing passes unread: every path that cannot be read is a problem, named
// with the reason. Symbolic links are followed; files are known by their
// real path, and a link back to a directory above is a loop, reported once.
import { join, resolve } from "../util/paths.js";
import { importTarget, type DirectoryEntry, type FileCache, type FileHost, type StatResult } from "./load.js";
import { pushAll } from "../util/arrays.js";

/** A path that could not be read, or a symbolic link loop that was not followed. */
export interface PathProblem {
  /** The path: as found in a directory, or resolved from the command line. */
  readonly path: string;
  /** The command-line argument, when the path is one. */
  readonly given?: string;
  /** Why, in words: `permission denied`. */
  readonly reason: string;
  /** For a loop (not an error): the real path of the directory it leads back to. */
  readonly loopsTo?: string;
}

export interface EntryDiscovery {
  readonly entries: string[];
  /** Paths that do not exist or cannot be read (and loops): an I/O error for the CLI. */
  readonly problems: PathProblem[];
}

/** What a path is; a host without `stat` (texts in memory) has files only: the ones it can read. */
function stat(host: FileHost, path: string): StatResult {
  if (host.stat) return host.stat(path);
  const read = host.readFile(path);
  return "error" in read ? { error: read.error } : { kind: "file", size: read.text.length };
}
const realpath = (host: FileHost, path: string): string => (host.realpath ? host.realpath(path) : path);
const readDirectory = (host: FileHost, path: string) => (host.readDirectory ? host.readDirectory(path) : { error: "not a directory" });

/**
 * Every `.org` file under a directory, by real path, once each, in name
 * order; skipping `node_modules` and dot-directories. Links are followed;
 * what cannot be read goes to `problems`.
 */
export function orgFilesUnder(directory: string, host: FileHost, problems: PathProblem[] = []): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const root = realpath(host, directory);
  const walked = new Set<string>([root]);
  // `dir` as the user would find it (for messages), `real` its real path: below
  // it, only what a link leads to needs resolving.
  const walk = (dir: string, real: string, ancestors: readonly string[]) => {
    const listed = readDirectory(host, real);
    if ("error" in listed) {
      problems.push({ path: dir, reason: listed.error });
      return;
    }
    const entries = [...listed.entries].sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      let kind: DirectoryEntry["kind"] = entry.kind;
      let target = join(real, entry.name);
      if (kind === "symlink") {
        const info = stat(host, target);
        if ("error" in info) {
          // A dangling link is reported when its name says it was a spec; a loop always.
          if (entry.name.endsWith(".org") || info.code === "ELOOP") problems.push({ path, reason: info.error });
          continue;
        }
        kind = info.kind;
        target = realpath(host, target);
      }
      if (kind === "directory") {
        if (ancestors.includes(target)) problems.push({ path, reason: "a symbolic link loop", loopsTo: target });
        else if (!walked.has(target)) {
          walked.add(target);
          walk(path, target, [...ancestors, target]);
        }
      } else if (entry.name.endsWith(".org") && !seen.has(target)) {
        // A FIFO or device named .org is listed too: reading it says what it is.
        seen.add(target);
        found.push(target);
      }
    }
  };
  walk(directory, root, [root]);
  return found;
}

/** What a command-line path names: a file, a directory with its `.org` files, or nothing readable. */
export type NamedPath =
  | { readonly kind: "file"; readonly given: string; readonly path: string }
  | { readonly kind: "directory"; readonly given: string; readonly path: string; readonly files: string[]; readonly problems: PathProblem[] }
  | { readonly kind: "missing"; readonly given: string; readonly path: string; readonly reason: string };

export function namedPaths(paths: readonly string[], cwd: string, host: FileHost): NamedPath[] {
  return paths.map((given): NamedPath => {
    const absolute = resolve(cwd, given);
    const info = stat(host, absolute);
    if ("error" in info) return { kind: "missing", given, path: absolute, reason: info.error };
    const path = realpath(host, absolute);
    if (info.kind !== "directory") return { kind: "file", given, path };
    const problems: PathProblem[] = [];
    // Walked from the path as given, so that problems are named as the user knows them.
    const files = orgFilesUnder(absolute, host, problems);
    return { kind: "directory", given, path, files, problems };
  });
}

/** The `.org` files the paths name or hold, once each, in order. */
export function orgFilesOf(named: readonly NamedPath[]): string[] {
  return [...new Set(named.flatMap((item) => (item.kind === "file" ? [item.path] : item.kind === "directory" ? item.files : [])))];
}

/** The problems of named paths: the missing ones and those found walking directories. */
export function namedPathProblems(named: readonly NamedPath[]): PathProblem[] {
  return named.flatMap((item): PathProblem[] =>
    item.kind === "missing" ? [{ path: item.path, given: item.given, reason: item.reason }] : item.kind === "directory" ? item.problems : [],
  );
}

export function findEntries(paths: readonly string[], cache: FileCache, cwd: string = process.cwd()): EntryDiscovery {
  const entries: string[] = [];
  const named = namedPaths(paths, cwd, cache.host);
  const problems = namedPathProblems(named);
  const unreadable = new Set<string>();
  const readable = (path: string, given?: string): boolean => {
    const loaded = cache.get(path);
    if (!("error" in loaded)) return true;
    if (!unreadable.has(path)) {
      unreadable.add(path);
      problems.push(given === undefined ? { path, reason: loaded.error } : { path, given, reason: loaded.error });
    }
    return false;
  };
  for (const item of named) {
    if (item.kind === "missing") continue;
    if (item.kind === "file") {
      if (readable(item.path, item.given)) entries.push(item.path);
      continue;
    }
    const files = item.files.filter((file) => readable(file));
    const imported = new Set<string>();
    for (const file of files) {
      const loaded = cache.get(file);
      if ("error" in loaded) continue;
      for (const statement of loaded.ast.statements) {
        if (statement.type === "import") imported.add(cache.canonical(importTarget(file, statement)));
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
    pushAll(entries, dirEntries);
  }
  return { entries: [...new Set(entries)], problems };
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
      if (statement.type === "import") pending.push(cache.canonical(importTarget(file, statement)));
    }
  }
  return reached;
}
