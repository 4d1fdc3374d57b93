// Pull and push diagnostics over stdio (issue 13, items 3 and 4): a client
// that declares `textDocument.diagnostic` pulls them (textDocument/diagnostic,
// workspace/diagnostic) and is never pushed any; one that does not is pushed
// them. Typing fast never publishes a version older than one already
// published. semanticTokens/full/delta sends edits that rebuild the full
// answer.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  SemanticTokensDeltaRequest,
  SemanticTokensRequest,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type FullDocumentDiagnosticReport,
  type SemanticTokens,
  type SemanticTokensDelta,
} from "vscode-languageserver-protocol/node";
import { CAPABILITIES, serverCommand, startClient } from "./client.js";
import { COMMITTEES, MILL, offsetOf, positionAt } from "./fixtures.js";

let dir: string;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;
const BROKEN = MILL.replace("under sinuiju", "under nowhere");

const PULL: ClientCapabilities = {
  ...CAPABILITIES,
  textDocument: { ...CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { ...CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "orgspec-lsp-pull-"));
  writeFileSync(join(dir, "committees.org"), COMMITTEES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (name: string, text: string) => ({ textDocument: { uri: uri(name), languageId: "orgspec", version: 1, text } });

describe("diagnostics by the client's capabilities", () => {
  it("pushes them to a client that cannot pull (no diagnosticProvider)", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    expect(client.initialized.capabilities.diagnosticProvider).toBeUndefined();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, open("push.org", BROKEN));
    const published = await client.diagnostics(uri("push.org"), 0);
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toContain("ORG002");
    expect(await client.stop()).toBe(0);
  }, 30_000);

  it("answers textDocument/diagnostic and workspace/diagnostic for a client that pulls, and pushes nothing", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "150" }, serverCommand(), PULL);
    let refreshes = 0;
    client.connection.onRequest(DiagnosticRefreshRequest.type, () => void refreshes++);
    expect(client.initialized.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: true });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, open("pull.org", BROKEN));
    // Asked at once, before the debounce: answered after the check of the open text.
    const first = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri("pull.org") } })) as FullDocumentDiagnosticReport;
    expect(first.kind).toBe(DocumentDiagnosticReportKind.Full);
    expect(first.items.map((diagnostic) => diagnostic.code)).toContain("ORG002");
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri("pull.org") }, previousResultId: first.resultId! });
    expect(again).toEqual({ kind: DocumentDiagnosticReportKind.Unchanged, resultId: first.resultId });
    // Fix the name: the next pull has the new version's diagnostics.
    const at = offsetOf(BROKEN, "nowhere");
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri("pull.org"), version: 2 },
      contentChanges: [{ range: { start: positionAt(BROKEN, at), end: positionAt(BROKEN, at + "nowhere".length) }, text: "sinuiju" }],
    });
    const fixed = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: uri("pull.org") },
      previousResultId: first.resultId!,
    })) as FullDocumentDiagnosticReport;
    expect(fixed.kind).toBe(DocumentDiagnosticReportKind.Full);
    expect(fixed.items.map((diagnostic) => diagnostic.code)).not.toContain("ORG002");
    // The workspace report covers the imported file too, unchanged where the client has the last result.
    const workspace = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [{ uri: uri("pull.org"), value: fixed.resultId! }] });
    const byUri = new Map(workspace.items.map((item) => [item.uri, item]));
    expect(byUri.get(uri("pull.org"))).toMatchObject({ kind: DocumentDiagnosticReportKind.Unchanged, version: 2 });
    expect(byUri.get(uri("committees.org"))).toMatchObject({ kind: DocumentDiagnosticReportKind.Full });
    // An edit in the imported file changes the entry's diagnostics: the client is asked to pull again.
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, open("committees.org", COMMITTEES));
    const name = offsetOf(COMMITTEES, "committee sinuiju") + "committee ".length;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri("committees.org"), version: 2 },
      contentChanges: [{ range: { start: positionAt(COMMITTEES, name), end: positionAt(COMMITTEES, name + "sinuiju".length) }, text: "elsewhere" }],
    });
    const broken = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri("pull.org") } })) as FullDocumentDiagnosticReport;
    expect(broken.items.map((diagnostic) => diagnostic.code)).toContain("ORG002");
    expect(refreshes).toBeGreaterThan(0);
    expect(client.published).toEqual([]);
    expect(await client.stop()).toBe(0);
  }, 30_000);
});

describe("typing fast", () => {
  it("never publishes a version older than one already published, and ends with the last", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    // A program big enough that edits arrive while a check runs.
    const cells = Array.from({ length: 200 }, (_, c) => MILL.split("\n").slice(4).join("\n").replaceAll("mill3", `mill${c}`).replaceAll(/\b(kim_chol|ri_yong|pak_sun|jo_myong)\b/g, `$1_${c}`)).join("\n");
    let text = MILL.split("\n").slice(0, 4).join("\n") + "\n" + cells;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, open("typed.org", text));
    await client.diagnostics(uri("typed.org"), 0);
    let version = 1;
    for (let i = 0; i < 40; i++) {
      const at = positionAt(text, 2);
      text = text.slice(0, 2) + "x" + text.slice(2);
      version++;
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uri("typed.org"), version },
        contentChanges: [{ range: { start: at, end: at }, text: "x" }],
      });
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const last = version;
    await client.diagnostics(uri("typed.org"), 0, (params) => params.version === last, 20_000);
    const versions = client.published.filter((params) => params.uri === uri("typed.org")).map((params) => params.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(last);
    expect(await client.stop()).toBe(0);
  }, 60_000);
});

describe("semanticTokens/full/delta", () => {
  it("sends edits that turn the last answer into the current tokens", async () => {
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    expect(client.initialized.capabilities.semanticTokensProvider?.full).toEqual({ delta: true });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, open("tokens.org", MILL));
    const full = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri("tokens.org") } }))!;
    expect(full.resultId).toBeDefined();
    const at = positionAt(MILL, offsetOf(MILL, "cell mill3"));
    const edited = MILL.replace("cell mill3", "// note\ncell mill3");
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri("tokens.org"), version: 2 },
      contentChanges: [{ range: { start: at, end: at }, text: "// note\n" }],
    });
    const delta = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {
      textDocument: { uri: uri("tokens.org") },
      previousResultId: full.resultId!,
    })) as SemanticTokensDelta;
    expect(delta.edits).toBeDefined();
    let data = [...full.data];
    for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) data.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, open("fresh.org", edited));
    const fresh = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri("fresh.org") } })) as SemanticTokens;
    expect(data).toEqual(fresh.data);
    // An unknown previous result gets the whole answer.
    const whole = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri: uri("tokens.org") }, previousResultId: "nope" })) as SemanticTokens;
    expect(whole.data).toEqual(fresh.data);
    expect(await client.stop()).toBe(0);
  }, 30_000);
});
