// What the language server's worker is told and asked, adapted to two
// habits of Monaco's LSP client (monaco-lsp-client), the messages otherwise
// unchanged:
//  - it announces pull diagnostics, and pulls a file's only 500 ms after the
//    file opens or changes. Told of no pull, the server pushes each file's
//    diagnostics as soon as they are checked (lsp/serve.ts), so `initialize`
//    reaches it without that capability;
//  - it asks for code actions with the markers turned back into diagnostics
//    of a range, a message and a severity only, without the code, source and
//    data (the rule's fixes) the quick fixes are made from. Each is given
//    back as the server published it (the same range and message).
import type { CodeActionParams, Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver-protocol";

interface Message {
  readonly method?: string;
  readonly params?: unknown;
}

const isMessage = (data: unknown): data is Message => typeof data === "object" && data !== null;

interface InitializeParams {
  readonly capabilities?: { readonly textDocument?: Record<string, unknown> };
}

const sameRange = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line === b.range.start.line &&
  a.range.start.character === b.range.start.character &&
  a.range.end.line === b.range.end.line &&
  a.range.end.character === b.range.end.character;

export function adaptedToMonaco(worker: Worker): Worker {
  const published = new Map<string, Diagnostic[]>();
  worker.addEventListener("message", (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isMessage(message) || message.method !== "textDocument/publishDiagnostics") return;
    const params = message.params as PublishDiagnosticsParams;
    published.set(params.uri, params.diagnostics);
  });
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message: unknown) => {
    if (!isMessage(message)) return post(message);
    if (message.method === "initialize") {
      const params = message.params as InitializeParams;
      const { diagnostic: _pull, ...textDocument } = params.capabilities?.textDocument ?? {};
      return post({ ...message, params: { ...params, capabilities: { ...params.capabilities, textDocument } } });
    }
    if (message.method === "textDocument/codeAction") {
      const params = message.params as CodeActionParams;
      const known = published.get(params.textDocument.uri) ?? [];
      const diagnostics = params.context.diagnostics.map((asked) => known.find((full) => sameRange(full, asked) && full.message === asked.message) ?? asked);
      return post({ ...message, params: { ...params, context: { ...params.context, diagnostics } } });
    }
    post(message);
  };
  return worker;
}
