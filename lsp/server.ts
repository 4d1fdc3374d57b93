// The language server over stdio (`orgspec lsp`): the shared wiring
// (lsp/serve.ts) on Node's streams, reading closed files from the disk.
// One bad message affects only itself; a client that goes away (its end of
// the pipe closes) ends the server quietly with exit 0.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from "vscode-languageserver/node";
import { diskHost } from "../src/program/disk-host.js";
import type { Log } from "./guard.js";
import { clientLog, serve, type ServerOptions } from "./serve.js";

export { serve, type ServerOptions } from "./serve.js";

/** How long the server goes on after its input ends, to answer the messages it has already read. */
const INPUT_END_GRACE_MS = 100;

/** The errors of writing to a pipe whose reader is gone. */
const BROKEN_PIPE = new Set(["EPIPE", "ECONNRESET", "EOF", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);

/**
 * Serves one client over stdin/stdout until it sends `exit` (exit code 0
 * after `shutdown`, else 1, as the protocol says) or goes away: when stdin
 * ends or stdout breaks the process exits with 0, without a word.
 */
export function startStdioServer(options: Partial<ServerOptions> = {}): Connection {
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
  const debounce = Number(process.env["ORGSPEC_LSP_DEBOUNCE_MS"]);
  const debounceMs = options.debounceMs ?? (Number.isFinite(debounce) && debounce >= 0 ? debounce : undefined);
  const workspace = serve(connection, { disk: diskHost, ...options, ...(debounceMs !== undefined ? { debounceMs } : {}) }, log);
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
