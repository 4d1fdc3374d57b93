// Bundles the command line, its parse worker and the language server into
// dist/bundle/ (run by `npm run build`, so by `prepare` on `npm install`).
//
// Why: unbundled, `orgspec check` resolved and compiled hundreds of ES
// modules (chevrotain's lodash-es alone is most of them) before doing any
// work; one file per command is read and compiled once, and V8 compiles each
// function only when it first runs (docs/performance.md, *Cold start*).
//
// - The CLI with code splitting: what `fmt`, `report` and `lsp` load only
//   for themselves (prettier's plugin, the HTML report, the server) is in
//   chunks of their own, loaded by their commands' `import()`.
// - The worker and the server each in one file: their start reads nothing
//   else. worker.js is beside the CLI's chunks, where
//   src/check/parsed-files.ts looks for it.
// - prettier stays an installed dependency (ESM, loaded by `fmt` and the
//   server's formatting): bundling it would copy 8 MB for no start-up gain.
// - dist/bundle/meta.json is esbuild's metafile: which sources each output
//   holds (test/cli/startup-modules.test.ts reads it).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Metafile } from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = `${ROOT}dist/bundle`;

/** What every bundle shares. */
const COMMON = {
  absWorkingDir: ROOT,
  outdir: OUT,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["prettier"],
  // CommonJS dependencies (vscode-languageserver, commander) call `require`, which an ES module lacks.
  banner: { js: 'import { createRequire as __orgspecCreateRequire } from "node:module"; const require = __orgspecCreateRequire(import.meta.url);' },
  // Less to read and compile at every start; names kept for stack traces and `constructor.name`.
  minify: true,
  keepNames: true,
  sourcemap: "linked",
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
} satisfies BuildOptions;

async function bundle(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const builds = await Promise.all([
    // The command line, split where a command loads its own modules (`import()`): a start loads cli.js and the chunks it imports.
    build({ ...COMMON, entryPoints: { cli: "src/cli/main.ts" }, splitting: true, chunkNames: "chunk-[hash]" }),
    // One file each: a worker or a server start reads no chunk. worker.js sits beside the CLI's chunks, where parsed-files.ts looks.
    build({ ...COMMON, entryPoints: { worker: "src/check/worker.ts" } }),
    build({ ...COMMON, entryPoints: { server: "lsp/main.ts" } }),
  ]);
  const outputs = Object.assign({}, ...builds.map((result) => result.metafile.outputs)) as Metafile["outputs"];
  const inputs = Object.assign({}, ...builds.map((result) => result.metafile.inputs)) as Metafile["inputs"];
  writeFileSync(`${OUT}/meta.json`, JSON.stringify({ inputs, outputs } satisfies Metafile));
}

await bundle();
