// The result cache's entries on disk (result-cache.ts): one JSON file per
// program and one binary file per parsed file text, in a folder (`--cache-location`, default node_modules/.cache/orgspec),
// each written to a temporary file in the same folder and renamed over the
// old one, so that a reader — another run, in parallel — sees the old entry
// or the new, never half of one.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CacheStore } from "./result-cache.js";

/** The default `--cache-location`, relative to the working directory (where ESLint, Babel and others keep theirs). */
export const DEFAULT_CACHE_LOCATION = "node_modules/.cache/orgspec";

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
    if (!made) mkdirSync(directory, { recursive: true });
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
  };
}
