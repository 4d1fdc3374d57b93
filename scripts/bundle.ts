// Bundles the command line, its parse worker and the language server into
// dist/bundle/ (run by `npm run build`, so by `prepare` on `npm install`).
//
// Why: unbundled, `orgspec check` resolved and compiled hundreds of ES
// modules (chevrotain's lodash-es alone is most of them) before doing any
// work; one file per command is read and compiled once, and V8 compiles each
// function only when it first runs (docs/performance.md, *Cold start*).
//
// - One build with code splitting: what `check`, `fmt`, `report` and `lsp`
//   load only for themselves (prettier's plugin, the HTML report, the server)
//   is in chunks of its own, loaded by their commands' `import()`.
// - The worker is an entry of the same build, named worker.js beside the
//   chunks, which is where src/check/parsed-files.ts looks for it.
// - prettier stays an installed dependency (ESM, loaded by `fmt` and the
//   server's formatting): bundling it would copy 8 MB for no start-up gain.
// - dist/bundle/meta.json is esbuild's metafile: which sources each output
//   holds (test/cli/startup-modules.test.ts reads it).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = `${ROOT}dist/bundle`;

/** The entries and the name of each output in dist/bundle/. */
const BUNDLE_ENTRIES = {
  cli: "src/cli/main.ts",
  worker: "src/check/worker.ts",
  server: "lsp/main.ts",
} as const;

async function bundle(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES)),
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Chunks beside the entries: `new URL("./worker.js", import.meta.url)` in any chunk finds the worker.
    chunkNames: "chunk-[hash]",
    external: ["prettier"],
    // CommonJS dependencies (vscode-languageserver, commander) call `require`, which an ES module lacks.
    banner: { js: 'import { createRequire as __orgspecCreateRequire } from "node:module"; const require = __orgspecCreateRequire(import.meta.url);' },
    sourcemap: "linked",
    legalComments: "none",
    minify: true,
    keepNames: true,
    metafile: true,
    logLevel: "warning",
  });
  writeFileSync(`${OUT}/meta.json`, JSON.stringify(result.metafile));
}

await bundle();
