// A Workspace over files in a temporary folder, without a connection: what
// the handler tests drive.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { expect } from "vitest";
import { diskHost, parseDay } from "../../src/index.js";
import { Workspace, type WorkspaceOptions } from "../../lsp/workspace.js";
import { uriToPath } from "../../lsp/positions.js";

export interface Published {
  readonly uri: string;
  readonly diagnostics: LspDiagnostic[];
  readonly version: number | undefined;
}

export interface TestWorkspace {
  readonly workspace: Workspace;
  readonly root: string;
  readonly published: Published[];
  uri(name: string): string;
  /** Writes a file to disk (not opened). */
  write(name: string, text: string): void;
  open(name: string, text: string): string;
  /** The last diagnostics published for a file. */
  last(name: string): LspDiagnostic[] | undefined;
  dispose(): void;
}

export function testWorkspace(files: Record<string, string> = {}, options: Pick<WorkspaceOptions, "sliceMs" | "log"> = {}): TestWorkspace {
  const root = mkdtempSync(join(tmpdir(), "orgspec-lsp-"));
  const published: Published[] = [];
  const workspace = new Workspace({
    disk: diskHost,
    publish: (uri, diagnostics, version) => published.push({ uri, diagnostics, version }),
    debounceMs: 0,
    today: () => parseDay("2026-07-01")!,
    ...options,
  });
  const uri = (name: string) => pathToFileURL(join(root, name)).href;
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return {
    workspace,
    root,
    published,
    uri,
    write,
    open(name, text) {
      write(name, text);
      workspace.open(uri(name), text, 1);
      workspace.flush();
      return uri(name);
    },
    last(name) {
      return published.filter((entry) => entry.uri === uri(name)).at(-1)?.diagnostics;
    },
    dispose() {
      workspace.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Replaces the first `from` in the document with `to`, as an editor's change, and checks. */
export function replaceFirst(workspace: TestWorkspace, uri: string, version: number, from: string, to: string) {
  const text = workspace.workspace.document(uriToPath(uri))!.getText();
  const at = text.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split("\n");
  const start = { line: before.length - 1, character: before.at(-1)!.length };
  const endLines = (text.slice(0, at) + from).split("\n");
  const end = { line: endLines.length - 1, character: endLines.at(-1)!.length };
  workspace.workspace.change(uri, [{ range: { start, end }, text: to }], version);
  return workspace.workspace.checkedProgram(uriToPath(uri))!;
}
