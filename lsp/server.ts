// The language server's connection wiring: capabilities, and each protocol
// message handed to its handler (lsp/dispatch.ts) with the shared Workspace.
// One bad message affects only itself; a client that goes away (its end of
// the pipe closes) ends the server quietly with exit 0.
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
import { protocolHandlers, workspaceRoots } from "./dispatch.js";
import type { Log } from "./guard.js";
import { LEGEND } from "./handlers/semantic-tokens.js";
import { Workspace } from "./workspace.js";

export interface ServerOptions {
  readonly debounceMs?: number;
  readonly today?: () => Day;
}

/** How long the server goes on after its input ends, to answer the messages it has already read. */
const INPUT_END_GRACE_MS = 100;

/** The errors of writing to a pipe whose reader is gone. */
const BROKEN_PIPE = new Set(["EPIPE", "ECONNRESET", "EOF", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);

/** Logs to the client (`window/logMessage`); once the client is gone there is no one to tell, and nothing is thrown. */
function clientLog(connection: Connection): Log {
  return (message) => {
    try {
      void connection.console.error(message);
    } catch {
      // the connection is closed
    }
  };
}

/**
 * Serves one client over stdin/stdout until it sends `exit` (exit code 0
 * after `shutdown`, else 1, as the protocol says) or goes away: when stdin
 * ends or stdout breaks the process exits with 0, without a word.
 */
export function startStdioServer(options: ServerOptions = {}): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  let leaving = false;
  const toClient = clientLog(connection);
  // Once the client is gone nothing is logged (the library would report each failed send on stderr).
  const log: Log = (message) => {
    if (!leaving) toClient(message);
  };
  process.on("uncaughtException", (error) => log(`orgspec: uncaught: ${error.stack ?? String(error)}`));
  process.on("unhandledRejection", (error) => log(`orgspec: unhandled rejection: ${String(error)}`));
  const workspace = serve(connection, options, log);
  const leave = () => {
    workspace.dispose();
    // Let what is already written reach the pipe (if it still can), then go.
    process.stdout.write("", () => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  // Input ended: the messages already read are still answered (they are handled on the next turns
  // of the event loop), then the server exits.
  const inputEnded = () => {
    if (leaving) return;
    leaving = true;
    setTimeout(leave, INPUT_END_GRACE_MS);
  };
  // Output broke: no one is listening any more.
  const outputBroke = () => {
    if (leaving) return;
    leaving = true;
    leave();
  };
  reader.onClose(inputEnded);
  // A file or /dev/null as stdin ends without closing.
  process.stdin.once("end", inputEnded);
  writer.onClose(outputBroke);
  writer.onError(([error]) => {
    // A broken pipe is a goodbye; a message that cannot be written otherwise (it does not encode) is a bug to report.
    const code = (error as NodeJS.ErrnoException).code;
    if ((code !== undefined && BROKEN_PIPE.has(code)) || process.stdout.destroyed || !process.stdout.writable) outputBroke();
    else log(`orgspec: cannot send a message: ${error.stack ?? String(error)}`);
  });
  return connection;
}

export function serve(connection: Connection, options: ServerOptions = {}, log: Log = clientLog(connection)): Workspace {
  const debounce = Number(process.env["ORGSPEC_LSP_DEBOUNCE_MS"]);
  const workspace = new Workspace({
    publish: (uri, diagnostics, version) => {
      try {
        connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, diagnostics, version }).catch(() => undefined);
      } catch {
        // the connection is closed: the client is gone
      }
    },
    log,
    debounceMs: options.debounceMs ?? (Number.isFinite(debounce) && debounce >= 0 ? debounce : 150),
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
  connection.onShutdown(() => workspace.dispose());

  connection.listen();
  return workspace;
}
