// The package.json that `npm pack`/`npm publish` ship has no `prepare`
// script: a git checkout builds on `npm install` (prepare), a published
// package is already built and must not try. npm packs package.json as it is
// on disk, so `prepack` strips the script (keeping the file byte for byte
// otherwise) and `postpack` puts the original back.
//   node scripts/package/manifest.mjs strip|restore   (in the package folder)
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const MANIFEST = "package.json";
const BACKUP = ".package.json.prepack";

const command = process.argv[2];
if (command === "strip") {
  if (existsSync(BACKUP)) throw new Error(`${BACKUP} exists: an earlier pack did not finish; run \`node scripts/package/manifest.mjs restore\` first`);
  const text = readFileSync(MANIFEST, "utf8");
  const manifest = JSON.parse(text);
  writeFileSync(BACKUP, text);
  if (manifest.scripts) delete manifest.scripts.prepare;
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (command === "restore") {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
} else {
  console.error("usage: node scripts/package/manifest.mjs strip|restore");
  process.exitCode = 2;
}
