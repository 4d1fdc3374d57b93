// The VS Code client for the web (vscode.dev, github.dev): starts the orgspec
// language server in a web worker (dist/browser/server.js, built from
// lsp/browser/server.ts: the same handlers as `orgspec lsp`) for `orgspec`
// documents of any scheme. A worker has no disk: the server sees the
// documents that are open (an import of a file that is not open is ORG006).
import { Uri, type ExtensionContext } from "vscode";
import { LanguageClient, type LanguageClientOptions } from "vscode-languageclient/browser";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const server = Uri.joinPath(context.extensionUri, "dist", "browser", "server.js");
  const clientOptions: LanguageClientOptions = { documentSelector: [{ language: "orgspec" }] };
  client = new LanguageClient("orgspec", "orgspec", new Worker(server.toString(true)), clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
