// Builds the VS Code extension and packs it into a .vsix, offline:
//  - dist/extension.js: the client (src/extension.ts) with vscode-languageclient bundled in;
//  - dist/server.js: the language server (lsp/main.ts) with orgspec, chevrotain,
//    vscode-languageserver and prettier (standalone) bundled in;
//  - dist/browser/extension.js and dist/browser/server.js: the same for VS Code
//    for the web (vscode.dev), the server in a web worker;
//  - syntaxes/, schema/, docs/: the TextMate grammar, the config JSON Schema
//    and the rules reference, copied from the repository.
// Run from the repository root with `npm run package:vscode`.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { buildBrowserExtension } from "./browser-build.mjs";

const extension = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repo = resolve(extension, "../..");
const manifest = JSON.parse(readFileSync(join(extension, "package.json"), "utf8"));

for (const folder of ["dist", "syntaxes", "schema", "docs"]) rmSync(join(extension, folder), { recursive: true, force: true });

const common = { bundle: true, platform: "node", format: "cjs", target: "node18", logLevel: "warning", legalComments: "none" };

await build({
  ...common,
  entryPoints: [join(extension, "src/extension.ts")],
  outfile: join(extension, "dist/extension.js"),
  external: ["vscode"],
});

// The server's modules find docs/rules.md and package.json relative to
// `import.meta.url` as laid out in dist/src/...; give the bundle the same
// layout below dist/ so both resolve inside the extension.
await build({
  ...common,
  entryPoints: [join(repo, "lsp/main.ts")],
  outfile: join(extension, "dist/server.js"),
  alias: { prettier: "prettier/standalone" },
  define: { "import.meta.url": "__orgspecModuleUrl" },
  banner: {
    js: 'const __orgspecModuleUrl = require("node:url").pathToFileURL(require("node:path").join(__dirname, "src", "check", "codes.js")).href;',
  },
});

// VS Code for the web: the browser client and the server as a web worker.
await buildBrowserExtension(join(extension, "dist/browser"));

const copy = (from, to) => {
  mkdirSync(dirname(join(extension, to)), { recursive: true });
  copyFileSync(join(repo, from), join(extension, to));
};
copy("grammar/orgspec.tmLanguage.json", "syntaxes/orgspec.tmLanguage.json");
copy("schema/orgspec.config.schema.json", "schema/orgspec.config.schema.json");
copy("docs/rules.md", "docs/rules.md");

const vsix = join(extension, `${manifest.name}-${manifest.version}.vsix`);
const vsce = join(repo, "node_modules/@vscode/vsce/vsce");
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--no-update-package-json", "--out", vsix], {
  cwd: extension,
  stdio: "inherit",
});
console.log(`orgspec: packed ${vsix} (${Math.round(statSync(vsix).size / 1024)} KiB)`);
