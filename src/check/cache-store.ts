// The result cache's entries on disk (result-cache.ts): one JSON file per
// program and one binary file per parsed file text, in a folder (`--cache-location`, default node_modules/.cache/orgspec),
// each written to a temporary file in the same folder and renamed over the
// old one, so that a reader — another run, in parallel — sees the old entry
// or the new, never half of one. A folder the store makes (or finds empty)
// gets a CACHEDIR.TAG naming orgspec; only a folder with that tag is ever
// swept, so pointing `--cache-location` at some other folder never empties it.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CacheStore, SweepOutcome } from "./result-cache.js";

/** The default `--cache-location`, relative to the working directory (where ESLint, Babel and others keep theirs). */
export const DEFAULT_CACHE_LOCATION = "node_modules/.cache/orgspec";

/** The folder's marker: a cache directory tag (https://bford.info/cachedir/, which backup tools skip) that says it is orgspec's. */
export const MARKER_NAME = "CACHEDIR.TAG";
const MARKER = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by orgspec (orgspec check --cache).\n";
const MARKER_LINE = MARKER.split("\n")[1]!;

/** A temporary file older than this was left by a run that died (a live write renames its file within milliseconds). */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

export function diskCacheStore(directory: string): CacheStore {
  let made = false;
  const read = <T>(name: string, load: (path: string) => T): T | undefined => {
    try {
      return load(join(directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  };
  const write = (name: string, content: string | Uint8Array) => {
    if (!made) makeFolder(directory);
    made = true;
    const temporary = join(directory, `.${name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      writeFileSync(temporary, content);
      renameSync(temporary, join(directory, name));
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  };
  return {
    read: (name) => read(name, (path) => readFileSync(path, "utf8")),
    write,
    readBytes: (name) => read(name, (path) => readFileSync(path)),
    writeBytes: write,
    hash: (content) => createHash("sha256").update(content).digest("hex"),
    describe: (name) => join(directory, name),
    sweep: (keep) => sweepFolder(directory, keep),
  };
}

/** The folder, made if need be; tagged as orgspec's when the store made it or found it empty. */
function makeFolder(directory: string): void {
  const created = mkdirSync(directory, { recursive: true });
  if (created === undefined && readdirSync(directory).length > 0) return;
  writeFileSync(join(directory, MARKER_NAME), MARKER);
}

function isOurs(directory: string): boolean {
  try {
    return readFileSync(join(directory, MARKER_NAME), "utf8").split("\n").includes(MARKER_LINE);
  } catch {
    return false;
  }
}

/** Removes each entry `keep` refuses, and temporary files runs that died left; never a folder, never outside `directory`. */
function sweepFolder(directory: string, keep: (name: string) => boolean): SweepOutcome {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch (error) {
    // No folder: nothing was ever kept.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { removed: 0, bytes: 0 };
    return { refused: `cannot list ${directory}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isOurs(directory)) {
    return { refused: `${directory} has no ${MARKER_NAME} written by orgspec, so it may not be orgspec's cache folder: nothing in it is removed (delete it, or give --cache-location a new folder, to have old entries pruned)` };
  }
  const now = Date.now();
  let removed = 0;
  let bytes = 0;
  for (const name of names) {
    if (name === MARKER_NAME) continue;
    const path = join(directory, name);
    const temporary = name.startsWith(".") && name.endsWith(".tmp");
    if (!temporary && keep(name)) continue;
    try {
      const info = statSync(path);
      if (!info.isFile() || (temporary && now - info.mtimeMs < STALE_TEMPORARY_MS)) continue;
      rmSync(path, { force: true });
      removed++;
      bytes += info.size;
    } catch {
      // Gone already (another run swept it): nothing to do.
    }
  }
  return { removed, bytes };
}
