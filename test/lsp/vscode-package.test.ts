// `npm run package:vscode`: the extension is bundled and packed offline, and
// the bundled server (what VS Code runs) serves like `orgspec lsp`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DidOpenTextDocumentNotification, DocumentFormattingRequest, HoverRequest, type MarkupContent } from "vscode-languageserver-protocol/node";
import { formatText } from "../../src/format/index.js";
import { REPO, startClient } from "./client.js";
import { COMMITTEES, ENTRY, FACTORY, inside } from "./fixtures.js";

const EXTENSION = join(REPO, "lsp/vscode");

interface Manifest {
  name: string;
  version: string;
  main: string;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    jsonValidation: { fileMatch: string; url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(EXTENSION, "package.json"), "utf8")) as Manifest;
const vsix = join(EXTENSION, `${manifest.name}-${manifest.version}.vsix`);

beforeAll(() => {
  execFileSync(process.execPath, [join(EXTENSION, "scripts/package.mjs")], { cwd: REPO, stdio: "pipe" });
}, 120_000);

describe("the VS Code extension", () => {
  it("is packed with its client, server, grammar, schema and docs", () => {
    expect(existsSync(vsix)).toBe(true);
    // A .vsix is a zip: its central directory names every entry in plain text.
    const names = readFileSync(vsix).toString("latin1");
    for (const entry of ["extension/package.json", "extension/dist/extension.js", "extension/dist/server.js", "extension/syntaxes/orgspec.tmLanguage.json", "extension/schema/orgspec.config.schema.json", "extension/language-configuration.json", "extension/docs/rules.md"]) {
      expect(names).toContain(entry);
    }
    expect(names).not.toContain("extension/src/");
    const contributes = manifest.contributes;
    expect(contributes.languages[0]).toMatchObject({ id: "orgspec", extensions: [".org"] });
    expect(contributes.grammars[0]).toMatchObject({ language: "orgspec", scopeName: "source.orgspec" });
    expect(contributes.jsonValidation).toEqual([{ fileMatch: "orgspec.config.json", url: "./schema/orgspec.config.schema.json" }]);
    for (const path of [manifest.main, contributes.languages[0]!.configuration, contributes.grammars[0]!.path, contributes.jsonValidation[0]!.url]) {
      expect(existsSync(join(EXTENSION, path))).toBe(true);
    }
    expect(readFileSync(join(EXTENSION, "syntaxes/orgspec.tmLanguage.json"), "utf8")).toBe(readFileSync(join(REPO, "grammar/orgspec.tmLanguage.json"), "utf8"));
  });

  describe("its bundled server", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "orgspec-vsix-"));
      writeFileSync(join(dir, "committees.org"), COMMITTEES);
      writeFileSync(join(dir, "factory.org"), FACTORY);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("checks, links the docs inside the extension, explains waived rules and formats", async () => {
      const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" }, [join(EXTENSION, "dist/server.js"), "--stdio"]);
      const uri = pathToFileURL(join(dir, "main.org")).href;
      const text = ENTRY.replace("cell mill3", "// orgspec-waive ORG101 -- merged in July\ncell mill3");
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "orgspec", version: 1, text } });
      const factory = await client.diagnostics(pathToFileURL(join(dir, "factory.org")).href, 0);
      const href = factory.diagnostics.find((diagnostic) => diagnostic.code === "ORG002")!.codeDescription!.href;
      expect(existsSync(fileURLToPath(href.replace(/#.*$/, "")))).toBe(true);
      expect(href.startsWith(pathToFileURL(EXTENSION).href)).toBe(true);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: inside(text, "ORG101", 0, 2) });
      expect((hover!.contents as MarkupContent).value).toContain("ORG101 cell-size");
      const messy = "cell   loom \"Loom Cell\"{under sinuiju}\n";
      const messyUri = pathToFileURL(join(dir, "messy.org")).href;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: messyUri, languageId: "orgspec", version: 1, text: messy } });
      const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: messyUri }, options: { tabSize: 2, insertSpaces: true } });
      expect(edits![0]!.newText).toBe(await formatText(messy));
      expect(edits![0]!.newText).not.toBe(messy);
      expect(await client.stop()).toBe(0);
    });
  });
});
