// Drives the real language server over stdio, as an editor would: spawns
// `node bin/orgspec.js lsp --stdio` (built code) and talks to it through
// vscode-languageserver-protocol.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The command that starts the server; ORGSPEC_LSP_SERVER may name another script (for debugging). */
export function serverCommand(): string[] {
  const script = process.env["ORGSPEC_LSP_SERVER"];
  return script ? [script, "--stdio"] : ["bin/orgspec.js", "lsp", "--stdio"];
}

export interface Client {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly initialized: InitializeResult;
  /** Everything the server published, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** The messages of every `window/logMessage`, in order. */
  readonly logs: string[];
  /** Resolves with the exit code when the server process exits. */
  readonly exited: Promise<number | null>;
  /** Resolves with the first publication for `uri` after the `since`th one (count of `published`) that passes `test`. */
  diagnostics(uri: string, since: number, test?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stderr(): string;
  stop(): Promise<number | null>;
}

export const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ["markdown", "plaintext"] },
    completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
    rename: { prepareSupport: true },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
  },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true },
};

export async function startClient(
  rootUri: string | null,
  env: Record<string, string> = {},
  command: string[] = serverCommand(),
  capabilities: ClientCapabilities = CAPABILITIES,
): Promise<Client> {
  const child = spawn(process.execPath, command, { cwd: REPO, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const listeners = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const listener of [...listeners]) listener();
  });
  connection.onRequest("client/registerCapability", () => null);
  const logs: string[] = [];
  connection.onNotification(LogMessageNotification.type, (params) => void logs.push(params.message));
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const initialized = await Promise.race([
    connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      capabilities,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: "specs" }] : null,
    }),
    exited.then((code) => {
      throw new Error(`the server (${command.join(" ")}) exited with ${code} before answering initialize:\n${stderr}`);
    }),
  ]);
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    process: child,
    initialized,
    published,
    logs,
    exited,
    diagnostics(uri, since, test = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = published.slice(since).find((params) => params.uri === uri && test(params));
          if (!found) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr:\n${stderr}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    stderr: () => stderr,
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
