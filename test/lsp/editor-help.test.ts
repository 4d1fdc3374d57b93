// Document links on import paths, inlay hints (a unit's size after its
// header, a candidate's probation end after `since`) and code lenses (a
// unit's diagnostics count): the handlers against a Workspace, and one
// round trip over stdio with each request (issue 13, item 6).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  CodeLensRequest,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  InlayHintRequest,
  type CodeLens,
  type DocumentLink,
  type InlayHint,
} from "vscode-languageserver-protocol/node";
import { codeLenses, documentLinks, inlayHints } from "../../lsp/handlers/editor-help.js";
import { startClient } from "./client.js";
import { COMMITTEES, ENTRY, FACTORY, offsetOf, positionAt } from "./fixtures.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let current: TestWorkspace | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
});

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
/** ENTRY with a secretary nobody declared: one ORG002 inside mill3. */
const BROKEN = ENTRY.replace("secretary kim_chol", "secretary kim_cho");

function setup(text = ENTRY): { t: TestWorkspace; uri: string } {
  current = testWorkspace({ "committees.org": COMMITTEES, "factory.org": FACTORY });
  return { t: current, uri: current.open("main.org", text) };
}

function span(text: string, needle: string) {
  const start = offsetOf(text, needle);
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

describe("document links", () => {
  it("link each import's path, quotes included, to the file it names", () => {
    const { t, uri } = setup();
    expect(documentLinks(t.workspace, { textDocument: { uri } })).toEqual([
      { range: span(ENTRY, '"committees.org"'), target: t.uri("committees.org"), tooltip: "Open committees.org" },
      { range: span(ENTRY, '"factory.org"'), target: t.uri("factory.org"), tooltip: "Open factory.org" },
    ]);
  });

  it("follow the text as it is edited, before any check", () => {
    const { t, uri } = setup();
    t.workspace.change(uri, [{ range: span(ENTRY, '"factory.org"'), text: '"units/weaving.org"' }], 2);
    const links = documentLinks(t.workspace, { textDocument: { uri } });
    expect(links.map((link) => link.target)).toEqual([t.uri("committees.org"), t.uri("units/weaving.org")]);
  });
});

describe("inlay hints", () => {
  it("show a unit's size after its title and a candidate's probation end after `since`", () => {
    const { t, uri } = setup();
    const hints = inlayHints(t.workspace, { textDocument: { uri }, range: WHOLE });
    expect(hints.map((hint) => ({ position: hint.position, label: hint.label }))).toEqual([
      { position: span(ENTRY, '"Textile Mill Cell No. 3"').end, label: "size 6" },
      { position: span(ENTRY, "since 2025-11-02").end, label: "probation ends 2026-11-02" },
    ]);
    expect(hints[1]!.tooltip).toBe("ORG305 probation-decision: the cell decides by this day");
  });

  it("answer only for the lines asked", () => {
    const { t, uri } = setup();
    const line = span(ENTRY, "since 2025-11-02").start.line;
    const hints = inlayHints(t.workspace, { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 80 } } });
    expect(hints.map((hint) => hint.label)).toEqual(["probation ends 2026-11-02"]);
  });

  it("take the probation's length from the configuration", () => {
    current = testWorkspace({
      "committees.org": COMMITTEES,
      "factory.org": FACTORY,
      "orgspec.config.json": JSON.stringify({ rules: { "probation-decision": ["error", { probation: "6 months" }] } }),
    });
    const uri = current.open("main.org", ENTRY);
    const hints = inlayHints(current.workspace, { textDocument: { uri }, range: WHOLE });
    expect(hints.map((hint) => hint.label)).toContain("probation ends 2026-05-02");
  });
});

describe("code lenses", () => {
  it("count each unit's diagnostics on its ID", () => {
    const { t, uri } = setup(BROKEN);
    const lenses = codeLenses(t.workspace, { textDocument: { uri } });
    expect(lenses).toEqual([{ range: span(BROKEN, "mill3"), command: { title: "1 error", command: "workbench.actions.view.problems" } }]);
  });

  it("say when a unit has none, once the edit is checked", () => {
    const { t, uri } = setup(BROKEN);
    t.workspace.change(uri, [{ range: span(BROKEN, "kim_cho\n"), text: "kim_chol\n" }], 2);
    expect(codeLenses(t.workspace, { textDocument: { uri } }).map((lens) => lens.command?.title)).toEqual(["no problems"]);
  });
});

describe("over stdio", () => {
  it("answers documentLink, inlayHint and codeLens, and declares them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "orgspec-lsp-help-"));
    writeFileSync(join(dir, "committees.org"), COMMITTEES);
    writeFileSync(join(dir, "factory.org"), FACTORY);
    writeFileSync(join(dir, "main.org"), BROKEN);
    const uri = pathToFileURL(join(dir, "main.org")).href;
    const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: "0" });
    try {
      const capabilities = client.initialized.capabilities;
      expect({ links: capabilities.documentLinkProvider, hints: capabilities.inlayHintProvider, lenses: capabilities.codeLensProvider }).toEqual({
        links: { resolveProvider: false },
        hints: true,
        lenses: { resolveProvider: false },
      });
      const published = client.diagnostics(uri, 0);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "orgspec", version: 1, text: BROKEN } });
      await published;
      const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) as DocumentLink[];
      expect(links.map((link) => link.target)).toEqual([pathToFileURL(join(dir, "committees.org")).href, pathToFileURL(join(dir, "factory.org")).href]);
      const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE })) as InlayHint[];
      expect(hints.map((hint) => hint.label)).toEqual(["size 6", "probation ends 2026-11-02"]);
      const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
      expect(lenses.map((lens) => [lens.range.start, lens.command?.title])).toEqual([[span(BROKEN, "mill3").start, "1 error"]]);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
