// The language server's connection wiring: capabilities, and each protocol
// message handed to a handler in lsp/handlers/ with the shared Workspace. A
// handler that throws is logged and answered with an error; the server keeps
// serving.
import { fileURLToPath } from "node:url";
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import type { Day } from "./api.js";
import { guardAsyncRequest, guardNotification, guardRequest } from "./guard.js";
import { codeActions } from "./handlers/code-actions.js";
import { completion } from "./handlers/completion.js";
import { formatDocument, formatRange } from "./handlers/formatting.js";
import { hover } from "./handlers/hover.js";
import { definition, prepareRename, references, rename } from "./handlers/navigation.js";
import { LEGEND, semanticTokens } from "./handlers/semantic-tokens.js";
import { documentSymbols, foldingRanges, workspaceSymbols } from "./handlers/symbols.js";
import { Workspace } from "./workspace.js";

export interface ServerOptions {
  readonly debounceMs?: number;
  readonly today?: () => Day;
}

/** Serves one client over stdin/stdout until it sends `exit`. */
export function startStdioServer(options: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  process.on("uncaughtException", (error) => connection.console.error(`orgspec: uncaught: ${error.stack ?? String(error)}`));
  process.on("unhandledRejection", (error) => connection.console.error(`orgspec: unhandled rejection: ${String(error)}`));
  serve(connection, options);
  return connection;
}

export function serve(connection: Connection, options: ServerOptions = {}): Workspace {
  const log = (message: string) => connection.console.error(message);
  const debounce = Number(process.env["ORGSPEC_LSP_DEBOUNCE_MS"]);
  const workspace = new Workspace({
    publish: (uri, diagnostics, version) => void connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, diagnostics, version }),
    log,
    debounceMs: options.debounceMs ?? (Number.isFinite(debounce) && debounce >= 0 ? debounce : 150),
    ...(options.today ? { today: options.today } : {}),
  });
  let roots: string[] = [];
  let watchDynamically = false;

  const guard = <P, R>(name: string, handler: (params: P) => R) => guardRequest(log, name, handler);
  const guardAsync = <P, R>(name: string, handler: (params: P) => Promise<R>) => guardAsyncRequest(log, name, handler);
  const notify = <P>(name: string, handler: (params: P) => void) => guardNotification(log, name, handler);

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.flatMap((uri) => {
      try {
        return [fileURLToPath(uri)];
      } catch {
        return [];
      }
    });
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: true },
        completionProvider: { triggerCharacters: [" ", '"', ","] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: "orgspec" },
    };
  });
  connection.onInitialized(() => {
    if (!watchDynamically) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.org" }, { globPattern: "**/orgspec.config.json" }] })
      .catch((error: unknown) => log(`orgspec: cannot watch files: ${String(error)}`));
  });

  connection.onDidOpenTextDocument(notify("didOpen", (params) => workspace.open(params.textDocument.uri, params.textDocument.text, params.textDocument.version, params.textDocument.languageId)));
  connection.onDidChangeTextDocument(notify("didChange", (params) => workspace.change(params.textDocument.uri, params.contentChanges, params.textDocument.version)));
  connection.onDidCloseTextDocument(notify("didClose", (params) => workspace.close(params.textDocument.uri)));
  connection.onDidChangeWatchedFiles(notify("didChangeWatchedFiles", (params) => workspace.filesChanged(params.changes.map((change) => change.uri))));

  connection.onHover(guard("hover", (params) => hover(workspace, params)));
  connection.onDefinition(guard("definition", (params) => definition(workspace, params)));
  connection.onReferences(guard("references", (params) => references(workspace, params)));
  connection.onPrepareRename(guard("prepareRename", (params) => prepareRename(workspace, params)));
  connection.onRenameRequest(guard("rename", (params) => rename(workspace, params)));
  connection.onDocumentSymbol(guard("documentSymbol", (params) => documentSymbols(workspace, params)));
  connection.onWorkspaceSymbol(guard("workspaceSymbol", (params) => workspaceSymbols(workspace, params, roots)));
  connection.onFoldingRanges(guard("foldingRange", (params) => foldingRanges(workspace, params)));
  connection.languages.semanticTokens.on(guard("semanticTokens", (params) => semanticTokens(workspace, params)));
  connection.onCompletion(guard("completion", (params) => completion(workspace, params)));
  connection.onCodeAction(guard("codeAction", (params) => codeActions(workspace, params)));
  connection.onDocumentFormatting(guardAsync("formatting", (params) => formatDocument(workspace, params, log)));
  connection.onDocumentRangeFormatting(guardAsync("rangeFormatting", (params) => formatRange(workspace, params, log)));
  connection.onShutdown(() => workspace.dispose());

  connection.listen();
  return workspace;
}
