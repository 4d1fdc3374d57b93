// The built server over stdio against bad messages and vanishing clients
// (issue 16, item 9; issue 10, item 9): one bad message affects only itself,
// and a client that goes away ends the server quietly with exit 0.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  HoverRequest,
  ResponseError,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { REPO, serverCommand, startClient, type Client } from "./client.js";
import { COMMITTEES, inside, MILL } from "./fixtures.js";

let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "orgspec-lsp-robust-"));
  writeFileSync(join(dir, "committees.org"), COMMITTEES);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the exit code, or rejects when the server is still running after `ms`. */
function exitWithin(client: Client, ms: number): Promise<number | null> {
  return Promise.race([
    client.exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the server did not exit within ${ms} ms`)), ms)),
  ]);
}

/** The error a request is answered with, or null when it is answered with a result. */
async function errorOf(request: Promise<unknown>): Promise<ResponseError<unknown> | null> {
  try {
    await request;
    return null;
  } catch (error) {
    if (error instanceof ResponseError) return error;
    throw error;
  }
}

describe("bad messages affect only themselves", () => {
  let client: Client;

  beforeAll(async () => {
    client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
  });

  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    expect(client.stderr()).toBe("");
  });

  it("ignores a didOpen with non-string text and keeps publishing for the other documents", async () => {
    const since = client.published.length;
    const bad = (name: string) => ({ textDocument: { uri: uri(name), languageId: "orgspec", version: 1, text: "cell x {}" } });
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { ...bad("number.org").textDocument, text: 42 } });
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { ...bad("null.org").textDocument, text: null } });
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { ...bad("version.org").textDocument, version: "1" } });
    await client.connection.sendNotification("textDocument/didOpen", {});
    await client.connection.sendNotification("textDocument/didOpen", null);
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: uri("main.org"), version: 9 }, contentChanges: [{ text: 7 }] });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri("main.org"), languageId: "orgspec", version: 1, text: MILL.replace("under textile", "under textil") },
    });
    const main = await client.diagnostics(uri("main.org"), since, () => true, 5000);
    expect(main.version).toBe(1);
    expect(main.diagnostics.map((diagnostic) => diagnostic.code)).toContain("ORG002");
    // The bad documents were never opened: nothing is published for them.
    expect(client.published.slice(since).map((params) => params.uri.split("/").at(-1))).not.toContain("number.org");
    expect(client.logs.filter((message) => message.includes("didOpen: ignored"))).toHaveLength(5);
    expect(client.logs.filter((message) => message.includes("didChange: ignored: contentChanges"))).toHaveLength(1);
    // Later edits are checked as usual.
    const fixedAt = client.published.length;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri("main.org"), version: 2 }, contentChanges: [{ text: MILL }] });
    const fixed = await client.diagnostics(uri("main.org"), fixedAt, (params) => params.version === 2, 5000);
    expect(fixed.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain("ORG002");
  });

  it("answers malformed hover, completion and definition params with InvalidParams, and keeps serving", async () => {
    const good = { uri: uri("main.org") };
    const malformed: unknown[] = [
      {},
      { position: { line: 0, character: 0 } },
      { textDocument: {}, position: { line: 0, character: 0 } },
      { textDocument: { uri: 42 }, position: { line: 0, character: 0 } },
      { textDocument: null, position: { line: 0, character: 0 } },
      { textDocument: good },
      { textDocument: good, position: null },
      { textDocument: good, position: { line: -1, character: 0 } },
      { textDocument: good, position: { line: 0, character: -5 } },
      { textDocument: good, position: { line: 0.5, character: 0 } },
      { textDocument: good, position: { line: "3", character: 0 } },
      { textDocument: good, position: { line: 1e12, character: 0 } },
    ];
    for (const method of [HoverRequest.method, CompletionRequest.method, DefinitionRequest.method]) {
      for (const params of malformed) {
        const error = await errorOf(client.connection.sendRequest(method, params));
        expect(error?.code, `${method} ${JSON.stringify(params)}`).toBe(ErrorCodes.InvalidParams);
        expect(error?.message).toMatch(new RegExp(`^orgspec: ${method.split("/")[1]}: `));
      }
      // Params the library itself cannot read are answered with an error too.
      expect(await errorOf(client.connection.sendRequest(method, null))).toBeInstanceOf(ResponseError);
    }
  });

  it("answers well-formed params about unknown files and positions out of range with no result", async () => {
    for (const unknown of ["not a uri", "file://elsewhere/x.org", "file:///no/such/dir/x.org", "", "untitled:Untitled-9", "file:///%zz"]) {
      const params = { textDocument: { uri: unknown }, position: { line: 3, character: 4 } };
      expect(await client.connection.sendRequest(HoverRequest.type, params)).toBeNull();
      expect(await client.connection.sendRequest(DefinitionRequest.type, params)).toBeNull();
      expect(await client.connection.sendRequest(CompletionRequest.type, params)).toEqual({ isIncomplete: false, items: [] });
    }
    const far = { textDocument: { uri: uri("main.org") }, position: { line: 100_000, character: 100_000 } };
    expect(await client.connection.sendRequest(HoverRequest.type, far)).toBeNull();
    expect(await client.connection.sendRequest(DefinitionRequest.type, far)).toBeNull();
    const keywords = (await client.connection.sendRequest(CompletionRequest.type, far)) as { items: { label: string }[] };
    expect(keywords.items.map((item) => item.label)).toContain("period");
    // And the good requests still work.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(MILL, "meeting mill3", 0, 9) });
    expect((hover!.contents as MarkupContent).value).toContain("Textile Mill Cell No. 3");
    expect(client.logs.filter((message) => message.includes("failed:"))).toEqual([]);
  });

  it("survives a message whose body is not JSON", async () => {
    client.process.stdin.write("Content-Length: 9\r\n\r\n{not json");
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("main.org") }, position: inside(MILL, "meeting mill3", 0, 9) });
    expect((hover!.contents as MarkupContent).value).toContain("Textile Mill Cell No. 3");
  });
});

describe("a client that goes away", () => {
  const huge = "member x \"y\" joined 2020-01-01 )\n".repeat(20_000);

  async function openHuge(client: Client): Promise<void> {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("huge.org"), languageId: "orgspec", version: 1, text: huge } });
    // A request that needs the check: the server is checking when the client leaves.
    void client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri("huge.org") }, position: { line: 0, character: 3 } }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it("exits 0 when its input closes, without shutdown or exit", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    client.process.stdin.end();
    expect(await exitWithin(client, 10_000)).toBe(0);
    expect(client.stderr()).toBe("");
    client.connection.dispose();
  });

  it("answers the messages it has read before its input ended, then exits 0", async () => {
    const child = spawn(process.execPath, serverCommand(), { cwd: REPO, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: "2.0", ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    child.stdin.end(
      frame({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }) +
        frame({ method: "initialized", params: {} }) +
        frame({ id: 2, method: "textDocument/hover", params: { textDocument: { uri: uri("none.org") }, position: { line: 0, character: 0 } } }) +
        frame({ id: 3, method: "textDocument/hover", params: { textDocument: {} } }),
    );
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    const answers = stdout.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map((body) => JSON.parse(body) as { id?: number; result?: unknown; error?: { code: number } });
    expect(answers.filter((answer) => answer.id !== undefined).map((answer) => [answer.id, answer.error?.code ?? (answer.id === 1 ? "initialized" : answer.result)])).toEqual([
      [1, "initialized"],
      [2, null],
      [3, ErrorCodes.InvalidParams],
    ]);
  });

  it("exits 0 without a stack trace when stdin closes mid-check", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    await openHuge(client);
    client.process.stdin.end();
    expect(await exitWithin(client, 20_000)).toBe(0);
    expect(client.stderr()).toBe("");
    client.connection.dispose();
  });

  it("exits 0 without a stack trace when the client dies mid-check (both pipes break)", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    await openHuge(client);
    client.process.stdout.destroy();
    client.process.stdin.destroy();
    expect(await exitWithin(client, 20_000)).toBe(0);
    expect(client.stderr()).toBe("");
    client.connection.dispose();
  });

  it("exits 0 when only its output breaks", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    client.process.stdout.destroy();
    // Diagnostics to publish: the write fails.
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("main.org"), languageId: "orgspec", version: 1, text: MILL } });
    expect(await exitWithin(client, 10_000)).toBe(0);
    expect(client.stderr()).toBe("");
    client.connection.dispose();
  });
});
