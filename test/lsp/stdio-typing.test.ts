// Typing into the built server over stdio, one keystroke at a time (issue
// 16, item 1): typing an absurd series used to kill the server. Every
// keystroke is a didChange, as an editor sends it, with a completion request
// after each, and the server must keep answering: the last version's
// diagnostics arrive (ORG011 for the step) and it exits 0 at the end.
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
} from "vscode-languageserver-protocol/node";
import { startClient } from "./client.js";
import { COMMITTEES, MILL, positionAt } from "./fixtures.js";

const LINE = "every 1000000 years from 2026-01-01 to 2026-01-01 meeting c";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "orgspec-lsp-typing-"));
  writeFileSync(join(dir, "committees.org"), COMMITTEES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("typing an absurd series character by character", () => {
  for (const debounce of ["0", "150"]) {
    it(`keeps the server answering (debounce ${debounce} ms) and ends with ORG011 for the last version`, async () => {
      const client = await startClient(pathToFileURL(dir).href, { ORGSPEC_LSP_DEBOUNCE_MS: debounce });
      const uri = pathToFileURL(join(dir, `typed-${debounce}.org`)).href;
      let text = MILL;
      let version = 1;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "orgspec", version, text } });
      const answered: Promise<unknown>[] = [];
      for (const char of LINE) {
        const at = positionAt(text, text.length);
        text += char;
        version++;
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: at, end: at }, text: char }],
        });
        answered.push(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, text.length) }));
      }
      const last = version;
      const published = await client.diagnostics(uri, 0, (params) => params.version === last, 20_000);
      const codes = published.diagnostics.map((diagnostic) => diagnostic.code);
      expect(codes).toContain("ORG011");
      const step = published.diagnostics.find((diagnostic) => diagnostic.code === "ORG011")!;
      expect(step.range.start.line).toBe(positionAt(text, text.length).line);
      // Every completion request was answered; the last one, after `meeting c`, with the units.
      const lists = (await Promise.all(answered)) as (CompletionList | null)[];
      expect(lists).toHaveLength(LINE.length);
      expect(lists.at(-1)!.items.map((item) => item.label)).toContain("mill3");
      expect(await client.stop()).toBe(0);
      expect(client.stderr()).toBe("");
    }, 60_000);
  }
});
