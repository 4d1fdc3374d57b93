// The VS Code client: starts the bundled orgspec language server
// (dist/server.js, built from lsp/main.ts) over stdio for `orgspec` documents.
import * as path from "node:path";
import { workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "orgspec" },
      { scheme: "untitled", language: "orgspec" },
    ],
    synchronize: {
      // Files changed on disk (not through the editor): imports and the config.
      fileEvents: workspace.createFileSystemWatcher("**/{*.org,orgspec.config.json,orgspec-baseline.json}"),
    },
  };
  client = new LanguageClient("orgspec", "orgspec", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
