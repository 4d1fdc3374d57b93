import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The orgspec package's root folder: the nearest folder above this module
 * whose package.json is orgspec's, so that it works from the compiled
 * `dist/src/util` and from `src/util` (tests run the sources) alike.
 */
export function findPackageRoot(): URL {
  for (const up of ["../../", "../../../"]) {
    const root = new URL(up, import.meta.url);
    const manifest = new URL("package.json", root);
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
    if (json.name === "orgspec") return root;
  }
  throw new Error(`orgspec: cannot find the package's package.json above ${fileURLToPath(import.meta.url)}`);
}

export const PACKAGE_ROOT: URL = findPackageRoot();
