// VS Code for the web: the extension's browser client (src/browser.ts, with
// vscode-languageclient/browser bundled in) and the language server as a web
// worker (lsp/browser/server.ts: the same handlers as `orgspec lsp`),
// bundled with the playground's browser options (no Node module anywhere).
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const extension = resolve(fileURLToPath(new URL("..", import.meta.url)));
const repo = resolve(extension, "../..");

/** Writes `extension.js` and `server.js` into `outDir`; resolves to their esbuild metafiles. */
export async function buildBrowserExtension(outDir) {
  const { BROWSER } = await import(pathToFileURL(join(repo, "playground/build.mjs")).href);
  const client = await build({ ...BROWSER, format: "cjs", entryPoints: [join(extension, "src/browser.ts")], outfile: join(outDir, "extension.js"), external: ["vscode"] });
  const server = await build({
    ...BROWSER,
    entryPoints: [join(repo, "lsp/browser/server.ts")],
    outfile: join(outDir, "server.js"),
    // No report panel in VS Code: the worker serves the protocol only.
    define: { ...BROWSER.define, ORGSPEC_REPORT_SCRIPTS: "null" },
  });
  return { client: client.metafile, server: server.metafile };
}
