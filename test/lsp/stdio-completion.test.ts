// Completion over stdio, applied as a client applies it: accepting an item
// gives exactly the text the user expects (issue 10, item 7).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type CompletionList,
  type Position,
} from "vscode-languageserver-protocol/node";
import { startClient, type Client } from "./client.js";
import { accept } from "./edits.js";
import { after, COMMITTEES, MILL, positionAt } from "./fixtures.js";

let dir: string;
let client: Client;
let version = 1;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "orgspec-lsp-completion-"));
  writeFileSync(join(dir, "committees.org"), COMMITTEES);
  client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: uri("main.org"), languageId: "orgspec", version, text: "" },
  });
});

afterAll(async () => {
  expect(await client.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

/** Replaces main.org's text, waits for its check, asks for completion at `position`, and accepts the item labelled `label`. */
async function acceptAt(text: string, position: Position, label: string): Promise<string> {
  version++;
  const since = client.published.length;
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uri("main.org"), version },
    contentChanges: [{ text }],
  });
  // Names come from the last check: wait for this version's.
  const expected = version;
  await client.diagnostics(uri("main.org"), since, (params) => params.version === expected);
  const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri("main.org") }, position })) as CompletionList;
  const item = list.items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no ${label} among ${list.items.map((candidate) => candidate.label).join(", ")}`);
  return accept(text, item);
}

describe("completion over stdio", () => {
  it("completes `import \"comm` to exactly `import \"committees.org\"`", async () => {
    const text = 'import "comm';
    expect(await acceptAt(text, positionAt(text, text.length), "committees.org")).toBe('import "committees.org"');
  });

  it("does not double the closing quote of `import \"comm|\"`", async () => {
    const text = 'import "comm"';
    expect(await acceptAt(text, positionAt(text, text.length - 1), "committees.org")).toBe('import "committees.org"');
  });

  it("replaces the typed prefix of a name and of a keyword", async () => {
    const name = MILL.replace("secretary kim_chol", "secretary kim_c");
    expect(await acceptAt(name, after(name, "secretary kim_c"), "kim_chol")).toBe(MILL);
    const verb = MILL + "on 2026-04-01 committee me\n";
    expect(await acceptAt(verb, after(verb, "committee me"), "meeting")).toBe(MILL + "on 2026-04-01 committee meeting\n");
  });
});
