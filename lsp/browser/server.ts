// The language server in a web worker (the playground, VS Code for the web):
// the same wiring and handlers as `orgspec lsp` (lsp/serve.ts) over
// postMessage. There is no disk: files not open in the editor are the ones
// the client last sent with `orgspec/files`. The playground also asks for
// its side panel (`orgspec/views`: the HTML report and the agenda).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from "vscode-languageserver/browser";
import { todayDay } from "../../src/core.js";
import { MemoryHost } from "../../src/program/memory-host.js";
import type { ReportScripts } from "../../src/report/page.js";
import { serve } from "../serve.js";
import { playgroundViews, type Views } from "./views.js";

/** The report page's scripts, put in by the bundler (playground/build.mjs) from the installed package. */
declare const ORGSPEC_REPORT_SCRIPTS: ReportScripts | undefined;

interface FilesParams {
  /** Absolute path → text. */
  readonly files: Record<string, string>;
  /** The folder holding them (entries are found there as `orgspec check <root>` finds them). */
  readonly root: string;
}

// vscode-jsonrpc brings its own timers for the browser; the Workspace asks for setImmediate, which browsers lack.
const scope = globalThis as { setImmediate?: (callback: () => void) => unknown };
scope.setImmediate ??= (callback) => setTimeout(callback, 0);

const worker = globalThis as unknown as Worker;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const disk = new MemoryHost();
let root = "/";
serve(connection, { disk });

const isFiles = (params: unknown): params is FilesParams =>
  typeof params === "object" &&
  params !== null &&
  typeof (params as FilesParams).root === "string" &&
  typeof (params as FilesParams).files === "object" &&
  (params as FilesParams).files !== null &&
  Object.values((params as FilesParams).files).every((text) => typeof text === "string");

connection.onNotification("orgspec/files", (params: unknown) => {
  if (!isFiles(params)) return;
  disk.replace(params.files);
  root = params.root;
});

connection.onRequest("orgspec/views", (): Views | null => {
  if (typeof ORGSPEC_REPORT_SCRIPTS === "undefined") return null;
  const files = Object.fromEntries(disk.paths().map((path) => [path, (disk.readFile(path) as { text: string }).text]));
  return playgroundViews(files, root, todayDay(), ORGSPEC_REPORT_SCRIPTS);
});
