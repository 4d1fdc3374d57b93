// VS Code for the web: the extension's `browser` entry and its web-worker
// server are bundled for the browser (no Node module), and the worker serves
// the protocol in Chromium as `orgspec lsp` does: initialize, then a document
// of a virtual file system's scheme gets the checker's diagnostics and hover.
// The Chromium part skips, saying why, where /usr/bin/chromium is absent.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { chromiumAbsent, HAVE_CHROMIUM, launchChromium } from "../fixtures/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUp, tempDir } from "../fixtures/support.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SKIPPED = chromiumAbsent("the web worker server in a browser");

interface Metafile {
  inputs: Record<string, unknown>;
}

let out = "";
let metafiles: { client: Metafile; server: Metafile };
let browser: Browser | null = null;

beforeAll(async () => {
  out = tempDir();
  const { buildBrowserExtension } = (await import(new URL("../../lsp/vscode/scripts/browser-build.mjs", import.meta.url).href)) as {
    buildBrowserExtension(dir: string): Promise<typeof metafiles>;
  };
  metafiles = await buildBrowserExtension(out);
  if (HAVE_CHROMIUM) browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  cleanUp();
});

describe("the VS Code extension for the web", () => {
  it("declares a browser entry, and bundles its client with vscode-languageclient's browser build", () => {
    const manifest = JSON.parse(readFileSync(join(REPO, "lsp/vscode/package.json"), "utf8")) as { browser: string; main: string };
    expect(manifest.browser).toBe("./dist/browser/extension.js");
    const inputs = Object.keys(metafiles.client.inputs);
    expect(inputs.some((input) => input.includes("vscode-languageclient/lib/browser/main.js"))).toBe(true);
    expect(inputs.filter((input) => input.includes("vscode-languageclient/lib/node/"))).toEqual([]);
    expect(Object.keys(metafiles.server.inputs)).toContain("lsp/serve.ts");
  });

  it("its worker answers initialize and publishes the checker's diagnostics for a vscode-vfs document", async (context) => {
    if (!HAVE_CHROMIUM) return context.skip(SKIPPED);
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.setContent("<!doctype html><title>worker</title>");
    const source = readFileSync(join(out, "server.js"), "utf8");
    const result = await page.evaluate(async (script) => {
      const worker = new Worker(URL.createObjectURL(new Blob([script], { type: "text/javascript" })));
      const waiting = new Map<number | string, (message: unknown) => void>();
      const notifications: { method: string; params: unknown }[] = [];
      worker.onmessage = (event: MessageEvent<{ id?: number; method?: string; params?: unknown }>) => {
        const message = event.data;
        if (message.id !== undefined && message.method === undefined) waiting.get(message.id)?.(message);
        else if (message.method) notifications.push({ method: message.method, params: message.params });
      };
      let next = 1;
      const request = (method: string, params: unknown) =>
        new Promise<unknown>((resolve) => {
          const id = next++;
          waiting.set(id, resolve);
          worker.postMessage({ jsonrpc: "2.0", id, method, params });
        });
      const notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: "2.0", method, params });
      const initialized = (await request("initialize", { processId: null, rootUri: null, capabilities: {} })) as { result: { capabilities: Record<string, unknown>; serverInfo: { name: string } } };
      notify("initialized", {});
      const uri = "vscode-vfs://github/orgspec/example/main.org";
      notify("textDocument/didOpen", { textDocument: { uri, languageId: "orgspec", version: 1, text: "perod 2026-01-01 to 2026-06-30\n" } });
      const deadline = Date.now() + 30_000;
      while (!notifications.some((n) => n.method === "textDocument/publishDiagnostics") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const published = notifications.find((n) => n.method === "textDocument/publishDiagnostics")?.params as { uri: string; diagnostics: { code: string; message: string }[] } | undefined;
      const hover = (await request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 1 } })) as { result: unknown; error?: unknown };
      // Import completion offers the other open documents of the folder (a worker has no disk to list).
      const folder = "vscode-vfs://github/orgspec/example/";
      notify("textDocument/didOpen", { textDocument: { uri: `${folder}committees.org`, languageId: "orgspec", version: 1, text: "" } });
      notify("textDocument/didOpen", { textDocument: { uri: `${folder}sub/units.org`, languageId: "orgspec", version: 1, text: "" } });
      notify("textDocument/didOpen", { textDocument: { uri: `${folder}entry.org`, languageId: "orgspec", version: 1, text: 'import "' } });
      const completion = (await request("textDocument/completion", { textDocument: { uri: `${folder}entry.org` }, position: { line: 0, character: 8 } })) as {
        result: { items: { label: string }[] } | null;
      };
      worker.terminate();
      return {
        server: initialized.result.serverInfo.name,
        hoverProvider: initialized.result.capabilities["hoverProvider"],
        published,
        hoverError: hover.error ?? null,
        imports: completion.result?.items.map((item) => item.label) ?? [],
      };
    }, source);
    expect(result.server).toBe("orgspec");
    expect(result.hoverProvider).toBe(true);
    expect(result.published?.uri).toBe("vscode-vfs://github/orgspec/example/main.org");
    expect(result.published?.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([
      ["ORG001", "expected the end of the file but found `perod` (did you mean `period`?)"],
      ["ORG009", "no `period` in this program: meeting, critique and report cadences were not evaluated"],
    ]);
    expect(result.hoverError).toBeNull();
    expect(result.imports).toEqual(["committees.org", "main.org", "sub/units.org"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
