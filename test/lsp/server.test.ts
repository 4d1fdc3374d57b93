// End to end: the built server over stdio, driven like an editor drives it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { startClient, type Client } from "./client.js";
import { after, COMMITTEES, ENTRY, FACTORY, inside, positionAt } from "./fixtures.js";

let dir: string;
let client: Client;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "orgspec-lsp-e2e-"));
  writeFileSync(join(dir, "committees.org"), COMMITTEES);
  writeFileSync(join(dir, "factory.org"), FACTORY);
  writeFileSync(join(dir, "main.org"), ENTRY);
  client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "50" });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

async function labels(name: string, position: { line: number; character: number }): Promise<string[]> {
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(name) }, position })) as CompletionList;
  return [...result.items].sort((a: CompletionItem, b: CompletionItem) => (a.sortText ?? "").localeCompare(b.sortText ?? "")).map((item) => item.label);
}

describe("orgspec lsp over stdio", () => {
  it("initializes with the features it serves", () => {
    const capabilities = client.initialized.capabilities;
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
    expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toContain("keyword");
    expect(capabilities.textDocumentSync).toMatchObject({ change: 2 });
  });

  it("publishes diagnostics for the open entry and for the files it imports", async () => {
    const since = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri("main.org"), languageId: "orgspec", version: 1, text: ENTRY },
    });
    const main = await client.diagnostics(uri("main.org"), since);
    expect(main.version).toBe(1);
    expect(codes(main.diagnostics)).toEqual([]);
    const factory = await client.diagnostics(uri("factory.org"), since);
    const unresolved = factory.diagnostics.find((diagnostic) => diagnostic.code === "ORG002")!;
    expect(unresolved.message).toContain("ryu_mansk");
    expect(unresolved.range.start).toEqual(inside(FACTORY, "ryu_mansk", 0, 0));
    expect(unresolved.codeDescription?.href).toContain("#org002-unresolved");
  });

  it("re-checks on an incremental edit", async () => {
    const since = client.published.length;
    // `under sinuiju` -> `under sinuij`: one character deleted.
    const start = after(ENTRY, "under sinuij");
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri("main.org"), version: 2 },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 1 } }, text: "" }],
    });
    const broken = await client.diagnostics(uri("main.org"), since, (params) => params.version === 2);
    const unresolved = broken.diagnostics.find((diagnostic) => diagnostic.code === "ORG002")!;
    expect(unresolved.message).toContain("did you mean `sinuiju`");
    const fixAt = client.published.length;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri("main.org"), version: 3 },
      contentChanges: [{ range: { start, end: start }, text: "u" }],
    });
    const fixed = await client.diagnostics(uri("main.org"), fixAt, (params) => params.version === 3);
    expect(codes(fixed.diagnostics)).toEqual([]);
  });

  it("answers hover, definition and references", async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(ENTRY, "secretary kim_chol", 0, 12) });
    const text = (hover!.contents as MarkupContent).value;
    expect(text).toContain("Kim Chol");
    expect(text).toContain("in the party for 14 years 1 month as of the period's end (2026-06-30)");
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(ENTRY, "to sinuiju", 0, 4) });
    expect(definition).toEqual([{ uri: uri("committees.org"), range: { start: inside(COMMITTEES, 'sinuiju "', 0, 0), end: inside(COMMITTEES, 'sinuiju "', 0, 7) } }]);
    const references = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri("main.org") },
      position: inside(ENTRY, "north_pyongan"),
      context: { includeDeclaration: true },
    });
    const files = references!.map((location) => location.uri.split("/").at(-1)).sort();
    expect(files).toEqual(["committees.org", "committees.org", "committees.org", "factory.org", "main.org"]);
  });

  it("renames across files", async () => {
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(ENTRY, "under sinuiju", 0, 7) });
    expect(prepared).toMatchObject({ placeholder: "sinuiju" });
    await expect(client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(ENTRY, "under sinuiju", 0, 1) })).rejects.toThrow(/keyword/);
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(ENTRY, "under sinuiju", 0, 7), newName: "sinuiju_city" });
    const changes = edit!.changes!;
    expect(Object.keys(changes).sort()).toEqual([uri("committees.org"), uri("factory.org"), uri("main.org")].sort());
    expect(changes[uri("factory.org")]!.map((change) => change.range.start)).toEqual([inside(FACTORY, "under sinuiju", 0, 6), inside(FACTORY, "to sinuiju", 0, 3)]);
    expect(changes[uri("main.org")]!.every((change) => change.newText === "sinuiju_city")).toBe(true);
  });

  it("picks up changes on disk to a file that is not open", async () => {
    const since = client.published.length;
    writeFileSync(join(dir, "committees.org"), COMMITTEES.replace('committee sinuiju "', 'committee sinuiju_city "'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri("committees.org"), type: FileChangeType.Changed }] });
    const broken = await client.diagnostics(uri("main.org"), since, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === "ORG002"));
    expect(broken.diagnostics.find((diagnostic) => diagnostic.code === "ORG002")!.message).toContain("`sinuiju`");
    const restoredAt = client.published.length;
    writeFileSync(join(dir, "committees.org"), COMMITTEES);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri("committees.org"), type: FileChangeType.Changed }] });
    const restored = await client.diagnostics(uri("main.org"), restoredAt);
    expect(codes(restored.diagnostics)).toEqual([]);
  });

  it("completes keywords, units and people where they fit", async () => {
    const since = client.published.length;
    const text = ENTRY + "\n\non 2026-04-06 \n\ncell dye \"Dye Shop Cell\" {\n  under \n  secretary \n  \n  member o_gum \"O Gum\" joined 2019-05-01\n}\n";
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri("main.org"), version: 4 },
      contentChanges: [{ text }],
    });
    await client.diagnostics(uri("main.org"), since, (params) => params.version === 4);
    expect(await labels("main.org", positionAt(text, text.length - 1))).toEqual(expect.arrayContaining(["cell", "on", "every", "import"]));
    expect(await labels("main.org", after(text, "on 2026-04-06 "))).toEqual(expect.arrayContaining(["meeting", "critique", "application", "approve"]));
    expect(await labels("main.org", after(text, "  under ", 1))).toEqual(["sinuiju", "uiju"]);
    expect((await labels("main.org", after(text, "  secretary ", 1)))[0]).toBe("o_gum");
    const body = await labels("main.org", after(text, "  secretary \n  "));
    expect(body).toEqual(expect.arrayContaining(["deputy", "member", "critique"]));
    expect(body).not.toContain("period");
  });

  it("offers quick fixes with their edits", async () => {
    const since = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri("factory.org"), languageId: "orgspec", version: 1, text: FACTORY },
    });
    const factory = await client.diagnostics(uri("factory.org"), since);
    const unresolved = factory.diagnostics.find((diagnostic) => diagnostic.code === "ORG002")!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri("factory.org") },
      range: unresolved.range,
      context: { diagnostics: [unresolved] },
    });
    const titles = actions!.map((action) => action.title);
    expect(titles[0]).toBe("Replace with `ryu_mansik`");
    expect(titles.at(-1)).toMatch(/^Waive ORG002 on this line until \d{4}-\d{2}-\d{2}$/);
    const first = actions![0]!;
    expect("edit" in first && first.edit?.changes?.[uri("factory.org")]).toEqual([{ range: unresolved.range, newText: "ryu_mansik" }]);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("factory.org") } });
  });

  it("lists document symbols and formats", async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri("main.org") } });
    expect(symbols!.map((symbol) => symbol.name)).toEqual(expect.arrayContaining(["mill3", "dye", "2026-03-09 meeting mill3"]));
    const messy = 'import "committees.org"\ncell   loom "Loom Cell"{under sinuiju\n      critique    weekly}\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("messy.org"), languageId: "orgspec", version: 1, text: messy } });
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri("messy.org") }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits![0]!.newText).toContain('cell loom "Loom Cell" {\n  under sinuiju\n  critique weekly\n}\n');
    // A file with syntax errors is left as it is.
    const broken = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri("main.org") }, options: { tabSize: 2, insertSpaces: true } });
    expect(broken).toEqual([]);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("messy.org") } });
  });

  it("keeps serving after garbage, a huge document and a bad request", async () => {
    const since = client.published.length;
    const garbage = "cell {{{ \"unterminated\n}}} on on on 2026-13-45 \u0000\u0001 /* never closed\n".repeat(20);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("garbage.org"), languageId: "orgspec", version: 1, text: garbage } });
    const published = await client.diagnostics(uri("garbage.org"), since);
    expect(codes(published.diagnostics)).toContain("ORG001");
    // 20,000 lines, one syntax error on each: at most 1,000 diagnostics are published, and a note.
    const huge = "member x \"y\" joined 2020-01-01 )\n".repeat(20_000);
    const hugeAt = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("huge.org"), languageId: "orgspec", version: 1, text: huge } });
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("huge.org") }, position: { line: 0, character: 3 } });
    const hugeDiagnostics = (await client.diagnostics(uri("huge.org"), hugeAt)).diagnostics;
    expect(hugeDiagnostics).toHaveLength(1001);
    expect(hugeDiagnostics.at(-1)!.message).toMatch(/^\d+ more diagnostics in this file are not shown$/);
    for (const position of [{ line: 0, character: 0 }, { line: 3, character: 7 }, { line: 999, character: 999 }]) {
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri("garbage.org") }, position });
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("garbage.org") }, position });
    }
    await expect(client.connection.sendRequest("textDocument/hover", { nonsense: true })).rejects.toThrow();
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: "untitled:Untitled-1" }, position: { line: 0, character: 0 } });
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(ENTRY, "meeting mill3", 0, 9) });
    expect((hover!.contents as MarkupContent).value).toContain("Textile Mill Cell No. 3");
  });

  it("shuts down and exits cleanly", async () => {
    expect(await client.stop()).toBe(0);
  });
});
