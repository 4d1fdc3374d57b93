// Builds the playground into dist/playground/: index.html, workers.js,
// main.js and main.css, nothing else, opening from file:// or any static host.
//  - workers.js, the page's first script: the language server
//    (lsp/browser/server.ts: the same handlers as `orgspec lsp`) bundled for
//    the browser, its text inlined and started as a worker from a Blob
//    (browsers refuse workers from file://) before main.js is evaluated;
//  - Monaco's editor core and the features the page uses (no languages),
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

/**
 * The editor features the playground uses, from Monaco's editor.main.js: the
 * editor's commands, the features the language server answers (hover,
 * completion, definition and references, rename, formatting, semantic
 * highlighting, code lenses, quick fixes, folding, highlights, links, inlay
 * hints) and plain editing (find, comments, brackets, lines, clipboard, the
 * context menu). Not the rest: inline completions, colours, the diff editor,
 * sticky scroll, the command palette and a dozen smaller ones, about a third
 * of Monaco's code, which the page would parse for nothing.
 */
const MONACO_FEATURES = [
  "browser/coreCommands.js",
  "browser/widget/codeEditor/codeEditorWidget.js",
  "contrib/hover/browser/hoverContribution.js",
  "contrib/suggest/browser/suggestController.js",
  "contrib/snippet/browser/snippetController2.js",
  "contrib/gotoSymbol/browser/goToCommands.js",
  "contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js",
  "standalone/browser/referenceSearch/standaloneReferenceSearch.js",
  "contrib/rename/browser/rename.js",
  "contrib/format/browser/formatActions.js",
  "contrib/semanticTokens/browser/documentSemanticTokens.js",
  "contrib/semanticTokens/browser/viewportSemanticTokens.js",
  "contrib/codelens/browser/codelensController.js",
  "contrib/codeAction/browser/codeActionContributions.js",
  "contrib/gotoError/browser/gotoError.js",
  "contrib/folding/browser/folding.js",
  "contrib/wordHighlighter/browser/wordHighlighter.js",
  "contrib/links/browser/links.js",
  "contrib/inlayHints/browser/inlayHintsContribution.js",
  "contrib/documentSymbols/browser/documentSymbols.js",
  "contrib/find/browser/findController.js",
  "contrib/comment/browser/comment.js",
  "contrib/bracketMatching/browser/bracketMatching.js",
  "contrib/indentation/browser/indentation.js",
  "contrib/linesOperations/browser/linesOperations.js",
  "contrib/multicursor/browser/multicursor.js",
  "contrib/wordOperations/browser/wordOperations.js",
  "contrib/cursorUndo/browser/cursorUndo.js",
  "contrib/smartSelect/browser/smartSelect.js",
  "contrib/clipboard/browser/clipboard.js",
  "contrib/contextmenu/browser/contextmenu.js",
  "contrib/tokenization/browser/tokenization.js",
  "common/standaloneStrings.js",
  "../base/browser/ui/codicons/codicon/codicon.css",
  "../base/browser/ui/codicons/codicon/codicon-modifiers.css",
];

/** Monaco's API, its LSP client and the features above (and no languages: editor.main bundles 80). */
const monacoPlayground = () =>
  [
    ...MONACO_FEATURES.map((feature) => `import "./${feature}";`),
    'export * from "./editor.api.js";',
    'export * as lsp from "../../external/monaco-lsp-client/out/index.js";',
  ].join("\n");

/** Monaco's LSP client imports every editor feature for its side effects; the page imports those it uses itself. */
const lspClientAlone = {
  name: "orgspec-lsp-client-alone",
  setup(context) {
    context.onLoad({ filter: /monaco-lsp-client[\\/]out[\\/]index\.js$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8")
        .split("\n")
        .filter((line) => !/^import '[^']+';$/.test(line))
        .join("\n"),
      loader: "js",
    }));
  },
};

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
      lspClientAlone,
      virtual({
        "orgspec:monaco": () => ({ contents: monacoPlayground(), resolveDir: MONACO, loader: "js" }),
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
