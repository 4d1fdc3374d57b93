// Builds the playground into dist/playground/: index.html, workers.js,
// main.js and main.css, nothing else, opening from file:// or any static host.
//  - workers.js, the page's first script: the language server
//    (lsp/browser/server.ts: the same handlers as `orgspec lsp`) bundled for
//    the browser, its text inlined and started as a worker from a Blob
//    (browsers refuse workers from file://) before main.js is evaluated;
//  - Monaco's editor core and contributions without its bundled languages,
//    its own LSP client (monaco-lsp-client) and its editor worker (inlined too);
//  - the examples, and the report page's scripts for the report panel.
// Run by `npm run playground` after `npm run build` (it reads dist/).
// `node playground/build.mjs --meta` also writes esbuild's metafiles.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist/playground");
const MONACO = join(ROOT, "node_modules/monaco-editor/esm/vs/editor");

/** The bundle options every part shares: a browser, and no Node module anywhere (esbuild fails on one). */
export const BROWSER = {
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  // The formatter's prettier without its Node entry.
  alias: { prettier: "prettier/standalone" },
  // package-root.ts reads its layout from import.meta.url, which a classic script lacks.
  define: { "import.meta.url": JSON.stringify("file:///orgspec/dist/src/check/codes.js") },
  metafile: true,
};

/** The worker's bundle: the language server and the playground's views. */
export async function buildWorker(reportScripts) {
  const result = await build({
    ...BROWSER,
    entryPoints: [join(ROOT, "lsp/browser/server.ts")],
    write: false,
    outfile: "worker.js",
    define: { ...BROWSER.define, ORGSPEC_REPORT_SCRIPTS: JSON.stringify(reportScripts ?? null) },
  });
  return { code: result.outputFiles[0].text, metafile: result.metafile };
}

/** Monaco's editor.main.js without the languages it bundles (TypeScript, CSS, HTML, JSON and 80 Monarch grammars). */
function monacoCore() {
  const main = readFileSync(join(MONACO, "editor.main.js"), "utf8");
  return main
    .split("\n")
    .filter((line) => !/languages\/|__src_languages_/.test(line))
    .join("\n");
}

const virtual = (modules) => ({
  name: "orgspec-virtual",
  setup(context) {
    context.onResolve({ filter: /^orgspec:/ }, (args) => ({ path: args.path, namespace: "orgspec" }));
    context.onLoad({ filter: /.*/, namespace: "orgspec" }, (args) => modules[args.path]());
  },
});

function examples() {
  const dir = join(ROOT, "examples");
  const files = {};
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".org")).sort()) files[name] = readFileSync(join(dir, name), "utf8");
  return files;
}

export async function buildPlayground({ meta = false } = {}) {
  const { reportScripts } = await import(pathToFileURL(join(ROOT, "dist/src/report/html.js")).href);
  const worker = await buildWorker(reportScripts());
  // Monaco's own worker (word suggestions, links, diffs), also started from a Blob.
  const editorWorker = await build({ ...BROWSER, entryPoints: [join(MONACO, "editor.worker.js")], write: false, outfile: "editor.worker.js" });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const page = await build({
    ...BROWSER,
    entryPoints: { workers: join(ROOT, "playground/workers.ts"), main: join(ROOT, "playground/main.ts") },
    outdir: OUT,
    loader: { ".ttf": "dataurl" },
    plugins: [
      virtual({
        "orgspec:monaco": () => ({ contents: monacoCore(), resolveDir: MONACO, loader: "js" }),
        "orgspec:worker": () => ({ contents: `export default ${JSON.stringify(worker.code)};`, loader: "js" }),
        "orgspec:editor-worker": () => ({ contents: `export default ${JSON.stringify(editorWorker.outputFiles[0].text)};`, loader: "js" }),
        "orgspec:examples": () => ({ contents: `export default ${JSON.stringify(examples())};`, loader: "js" }),
      }),
    ],
  });
  writeFileSync(join(OUT, "index.html"), readFileSync(join(ROOT, "playground/index.html"), "utf8"));
  if (meta) writeFileSync(join(OUT, "meta.json"), JSON.stringify({ page: page.metafile, worker: worker.metafile }));
  return { out: OUT };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPlayground({ meta: process.argv.includes("--meta") });
  const sizes = readdirSync(OUT).map((file) => `${file} ${Math.round(readFileSync(join(OUT, file)).length / 1024)} KiB`);
  console.log(`orgspec: playground in ${OUT}: ${sizes.join(", ")}`);
}
