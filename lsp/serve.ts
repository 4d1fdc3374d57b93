// The language server's wiring, whatever carries its messages: capabilities,
// and each protocol message handed to its handler (lsp/dispatch.ts) with the
// shared Workspace. `orgspec lsp` runs it over stdio (lsp/server.ts), the
// playground and VS Code for the web in a web worker (lsp/browser/).
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import type { Day, FileHost } from "./api.js";
import { protocolHandlers, workspaceRoots } from "./dispatch.js";
import { warmUpCompletion } from "./context.js";
import { guardNotification, type Log } from "./guard.js";
import { LEGEND } from "./handlers/semantic-tokens.js";
import { DEFAULT_DEBOUNCE_MS, Workspace } from "./workspace.js";

export interface ServerOptions {
  readonly debounceMs?: number;
  readonly today?: () => Day;
  /** Where files that are not open are read from: the disk in Node, the playground's files in a browser. */
  readonly disk: FileHost;
}

/** Logs to the client (`window/logMessage`); once the client is gone there is no one to tell, and nothing is thrown. */
export function clientLog(connection: Connection): Log {
  return (message) => {
    try {
      void connection.console.error(message);
    } catch {
      // the connection is closed
    }
  };
}

export function serve(connection: Connection, options: ServerOptions, log: Log = clientLog(connection)): Workspace {
  const workspace = new Workspace({
    disk: options.disk,
    publish: (uri, diagnostics, version) => {
      try {
        connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, diagnostics, version }).catch(() => undefined);
      } catch {
        // the connection is closed: the client is gone
      }
    },
    log,
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    ...(options.today ? { today: options.today } : {}),
  });
  let roots: string[] = [];
  let watchDynamically = false;
  const { notifications, requests } = protocolHandlers(workspace, log, () => roots);

  connection.onInitialize((params): InitializeResult => {
    roots = workspaceRoots(params);
    watchDynamically = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    // Pull diagnostics when the client can ask for them (textDocument/diagnostic), push otherwise.
    const pull = params.capabilities?.textDocument?.diagnostic !== undefined;
    if (pull) {
      const refresh = params.capabilities?.workspace?.diagnostics?.refreshSupport === true;
      workspace.usePullDiagnostics(refresh ? () => void connection.languages.diagnostics.refresh().catch(() => undefined) : undefined);
    }
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
        semanticTokensProvider: { legend: LEGEND, full: { delta: true } },
        ...(pull ? { diagnosticProvider: { identifier: "orgspec", interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        completionProvider: { triggerCharacters: [" ", '"', ","] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: "orgspec" },
    };
  });
  connection.onInitialized(() => {
    // Once the messages already read are handled: the first completion then answers at once.
    setImmediate(() => guardNotification(log, "warm-up", warmUpCompletion)(undefined));
    if (!watchDynamically) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.org" }, { globPattern: "**/orgspec.config.json" }, { globPattern: "**/orgspec-baseline.json" }] })
      .catch((error: unknown) => log(`orgspec: cannot watch files: ${String(error)}`));
  });

  connection.onDidOpenTextDocument(notifications.didOpen);
  connection.onDidChangeTextDocument(notifications.didChange);
  connection.onDidCloseTextDocument(notifications.didClose);
  connection.onDidChangeWatchedFiles(notifications.didChangeWatchedFiles);

  connection.onHover(requests.hover);
  connection.onDefinition(requests.definition);
  connection.onReferences(requests.references);
  connection.onPrepareRename(requests.prepareRename);
  connection.onRenameRequest(requests.rename);
  connection.onDocumentSymbol(requests.documentSymbol);
  connection.onWorkspaceSymbol(requests.workspaceSymbol);
  connection.onFoldingRanges(requests.foldingRange);
  connection.languages.semanticTokens.on(requests.semanticTokens);
  connection.languages.semanticTokens.onDelta(requests.semanticTokensDelta);
  connection.languages.diagnostics.on(requests.documentDiagnostic);
  connection.languages.diagnostics.onWorkspace(requests.workspaceDiagnostic);
  connection.onCompletion(requests.completion);
  connection.onCodeAction(requests.codeAction);
  connection.onDocumentFormatting(requests.formatting);
  connection.onDocumentRangeFormatting(requests.rangeFormatting);
  connection.onDocumentLinks(requests.documentLink);
  connection.languages.inlayHint.on(requests.inlayHint);
  connection.onCodeLens(requests.codeLens);
  connection.onShutdown(() => workspace.dispose());

  connection.listen();
  return workspace;
}
