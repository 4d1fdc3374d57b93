// The result cache's entries on disk (result-cache.ts): one JSON file per
// program in a folder (`--cache-location`, default node_modules/.cache/orgspec),
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
  return {
    read(name) {
      try {
        return readFileSync(join(directory, name), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    write(name, text) {
      if (!made) mkdirSync(directory, { recursive: true });
      made = true;
      const temporary = join(directory, `.${name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      try {
        writeFileSync(temporary, text);
        renameSync(temporary, join(directory, name));
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
    },
    hash: (text) => createHash("sha256").update(text).digest("hex"),
    describe: (name) => join(directory, name),
  };
}
