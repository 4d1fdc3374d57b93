// Every protocol message the server handles, as a function of its raw params:
// the params are checked (lsp/params.ts), the handler runs guarded
// (lsp/guard.ts). One bad message affects only itself: a notification with
// malformed params is logged and ignored, a request is answered with
// InvalidParams, and a handler that throws is logged and answered with an
// InternalError. lsp/server.ts hands these to the connection; tests call them
// without one.
import type {
  CodeActionParams,
  CodeLensParams,
  DocumentLinkParams,
  InlayHintParams,
  DidChangeTextDocumentParams,
  DidChangeWatchedFilesParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DocumentFormattingParams,
  DocumentDiagnosticParams,
  DocumentRangeFormattingParams,
  SemanticTokensDeltaParams,
  WorkspaceDiagnosticParams,
} from "vscode-languageserver";
import { fileUrlToPath } from "../src/util/file-url.js";
import { guardAsyncRequest, guardNotification, guardRequest, type Log } from "./guard.js";
import { codeActions } from "./handlers/code-actions.js";
import { codeLenses, documentLinks, inlayHints } from "./handlers/editor-help.js";
import { completion } from "./handlers/completion.js";
import { formatDocument, formatRange } from "./handlers/formatting.js";
import { hover } from "./handlers/hover.js";
import { definition, prepareRename, references, rename } from "./handlers/navigation.js";
import { semanticTokens, semanticTokensDelta } from "./handlers/semantic-tokens.js";
import { documentSymbols, foldingRanges, workspaceSymbols } from "./handlers/symbols.js";
import {
  checked,
  codeActionContext,
  contentChanges,
  fileChanges,
  isObject,
  newName,
  openedDocument,
  optionalResultId,
  position,
  previousResultId,
  previousResultIds,
  problemWith,
  query,
  range,
  referenceContext,
  textDocument,
  versionedDocument,
  type Check,
} from "./params.js";
import { withUri } from "./positions.js";
import type { Workspace } from "./workspace.js";

export type Handlers = ReturnType<typeof protocolHandlers>;

export function protocolHandlers(workspace: Workspace, log: Log, roots: () => readonly string[] = () => []) {
  const notification =
    <P>(name: string, checks: readonly Check[], handler: (params: P) => void) =>
    (params: unknown): void => {
      const problem = problemWith(params, checks);
      if (problem) log(`orgspec: ${name}: ignored: ${problem}`);
      else guardNotification(log, name, handler)(params as P);
    };
  const request = <P, R>(name: string, checks: readonly Check[], handler: (params: P) => R) =>
    guardRequest(log, name, (params: unknown) => handler(checked<P>(name, params, checks)));
  const asyncRequest = <P, R>(name: string, checks: readonly Check[], handler: (params: P) => Promise<R>) =>
    guardAsyncRequest(log, name, (params: unknown) => handler(checked<P>(name, params, checks)));
  // A request on a second tab of a file (a link) whose text is the first tab's is answered as for the first, in the second's URI.
  const onDocument = <P extends { readonly textDocument: { readonly uri: string } }, R>(name: string, checks: readonly Check[], handler: (params: P) => R) =>
    request(name, checks, (params: P) => {
      const asked = params.textDocument.uri;
      const uri = workspace.answeredAs(asked);
      return uri === asked ? handler(params) : withUri(handler({ ...params, textDocument: { ...params.textDocument, uri } }), uri, asked);
    });
  const at = [textDocument, position];

  return {
    notifications: {
      didOpen: notification("didOpen", [openedDocument], ({ textDocument: document }: DidOpenTextDocumentParams) =>
        workspace.open(document.uri, document.text, document.version, document.languageId),
      ),
      didChange: notification("didChange", [versionedDocument, contentChanges], (params: DidChangeTextDocumentParams) =>
        workspace.change(params.textDocument.uri, params.contentChanges, params.textDocument.version),
      ),
      didClose: notification("didClose", [textDocument], (params: DidCloseTextDocumentParams) => workspace.close(params.textDocument.uri)),
      didChangeWatchedFiles: notification("didChangeWatchedFiles", [fileChanges], (params: DidChangeWatchedFilesParams) =>
        workspace.filesChanged(params.changes.map((change) => change.uri)),
      ),
    },
    requests: {
      hover: onDocument("hover", at, (params: Parameters<typeof hover>[1]) => hover(workspace, params)),
      definition: onDocument("definition", at, (params: Parameters<typeof definition>[1]) => definition(workspace, params)),
      references: onDocument("references", [...at, referenceContext], (params: Parameters<typeof references>[1]) => references(workspace, params)),
      prepareRename: onDocument("prepareRename", at, (params: Parameters<typeof prepareRename>[1]) => prepareRename(workspace, params)),
      rename: onDocument("rename", [...at, newName], (params: Parameters<typeof rename>[1]) => rename(workspace, params)),
      documentSymbol: onDocument("documentSymbol", [textDocument], (params: Parameters<typeof documentSymbols>[1]) => documentSymbols(workspace, params)),
      workspaceSymbol: request("workspaceSymbol", [query], (params: Parameters<typeof workspaceSymbols>[1]) => workspaceSymbols(workspace, params, roots())),
      foldingRange: onDocument("foldingRange", [textDocument], (params: Parameters<typeof foldingRanges>[1]) => foldingRanges(workspace, params)),
      semanticTokens: onDocument("semanticTokens", [textDocument], (params: Parameters<typeof semanticTokens>[1]) => semanticTokens(workspace, params)),
      semanticTokensDelta: onDocument("semanticTokensDelta", [textDocument, previousResultId], (params: SemanticTokensDeltaParams) => semanticTokensDelta(workspace, params)),
      documentDiagnostic: asyncRequest("documentDiagnostic", [textDocument, optionalResultId], (params: DocumentDiagnosticParams) =>
        workspace.documentDiagnostics(params.textDocument.uri, params.previousResultId),
      ),
      workspaceDiagnostic: asyncRequest("workspaceDiagnostic", [previousResultIds], (params: WorkspaceDiagnosticParams) => workspace.workspaceDiagnostics(params.previousResultIds)),
      documentLink: onDocument("documentLink", [textDocument], (params: DocumentLinkParams) => documentLinks(workspace, params)),
      inlayHint: onDocument("inlayHint", [textDocument, range], (params: InlayHintParams) => inlayHints(workspace, params)),
      codeLens: onDocument("codeLens", [textDocument], (params: CodeLensParams) => codeLenses(workspace, params)),
      completion: onDocument("completion", at, (params: Parameters<typeof completion>[1]) => completion(workspace, params)),
      codeAction: onDocument("codeAction", [textDocument, range, codeActionContext], (params: CodeActionParams) => codeActions(workspace, params)),
      formatting: asyncRequest("formatting", [textDocument], (params: DocumentFormattingParams) => formatDocument(workspace, params, log)),
      rangeFormatting: asyncRequest("rangeFormatting", [textDocument, range], (params: DocumentRangeFormattingParams) => formatRange(workspace, params, log)),
    },
  };
}

/** The folders of `initialize` params (`workspaceFolders`, else `rootUri`) as paths; what is not a file URI is left out. */
export function workspaceRoots(params: unknown): string[] {
  if (!isObject(params)) return [];
  const folders = params["workspaceFolders"];
  const uris = Array.isArray(folders) ? folders.map((folder: unknown) => (isObject(folder) ? folder["uri"] : undefined)) : [params["rootUri"]];
  return uris.flatMap((uri) => {
    if (typeof uri !== "string") return [];
    try {
      return [fileUrlToPath(uri)];
    } catch {
      return [];
    }
  });
}
