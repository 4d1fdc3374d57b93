// The language server in a web worker (the playground, VS Code for the web):
// the same wiring and handlers as `orgspec lsp` (lsp/serve.ts) over
// postMessage. There is no disk: the server's files are the documents the
// editor has open, listed as folders for import completion. Started with the name `orgspec-views`, the same script is instead
// the playground's second worker, which answers {id, files, root} with the
// HTML report and the agenda of those files (views.ts), so that neither
// waits for the other.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from "vscode-languageserver/browser";
import { todayDay } from "../../src/core.js";
import type { FileHost } from "../../src/program/host.js";
import { MemoryHost } from "../../src/program/memory-host.js";
import type { ReportScripts } from "../../src/report/page.js";
import { serve } from "../serve.js";
import type { Workspace } from "../workspace.js";
import { playgroundViews } from "./views.js";

/** The report page's scripts, put in by the bundler (playground/build.mjs) from the installed package. */
declare const ORGSPEC_REPORT_SCRIPTS: ReportScripts | null;

export const VIEWS_WORKER_NAME = "orgspec-views";

interface ViewsRequest {
  readonly id: number;
  /** Absolute path → text. */
  readonly files: Record<string, string>;
  /** The folder holding them (entries are found there as `orgspec check <root>` finds them). */
  readonly root: string;
}

const isViewsRequest = (data: unknown): data is ViewsRequest =>
  typeof data === "object" &&
  data !== null &&
  typeof (data as ViewsRequest).id === "number" &&
  typeof (data as ViewsRequest).root === "string" &&
  typeof (data as ViewsRequest).files === "object" &&
  (data as ViewsRequest).files !== null &&
  Object.values((data as ViewsRequest).files).every((text) => typeof text === "string");

const worker = globalThis as unknown as Worker & { readonly name: string };

/**
 * A setImmediate for a web worker: a task of its own through a
 * MessageChannel. `setTimeout(callback, 0)` would do, but browsers hold a
 * timeout nested five deep for 4 ms, and a check's slices chain two a turn
 * (an edit of a 20,021-line program waited about 30 ms on them).
 */
function messageChannelImmediate(): (callback: () => void) => void {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (callback) => {
    waiting.push(callback);
    channel.port2.postMessage(null);
  };
}

if (worker.name === VIEWS_WORKER_NAME) {
  worker.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (!isViewsRequest(event.data)) return;
    const { id, files, root } = event.data;
    try {
      if (!ORGSPEC_REPORT_SCRIPTS) throw new Error("built without the report's scripts");
      worker.postMessage({ id, views: playgroundViews(files, root, todayDay(), ORGSPEC_REPORT_SCRIPTS) });
    } catch (error) {
      worker.postMessage({ id, error: String(error instanceof Error ? (error.stack ?? error.message) : error) });
    }
  });
} else {
  // vscode-jsonrpc brings its own timers for the browser; the Workspace asks for setImmediate, which browsers lack.
  const scope = globalThis as { setImmediate?: (callback: () => void) => unknown };
  scope.setImmediate ??= messageChannelImmediate();
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  let workspace: Workspace | null = null;
  // The open documents' folders, as a host lists them (the texts themselves the Workspace reads first).
  const folders = () => new MemoryHost(Object.fromEntries((workspace?.openPaths() ?? []).map((path) => [path, ""])));
  const openDocuments: FileHost = {
    readFile: () => ({ error: "not open in the editor (a web worker reads no disk)" }),
    stat: (path) => folders().stat(path),
    readDirectory: (path) => folders().readDirectory(path),
  };
  workspace = serve(connection, { disk: openDocuments });
}
