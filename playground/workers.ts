// The page's first script (workers.js, before main.js in index.html): it
// starts the language server's worker, so that the worker's script is parsed
// and run while the page's main script (Monaco) is still being parsed and
// evaluated. A worker starts only when the page's thread is free: from within
// main.js it waited for the whole of Monaco's evaluation. The workers start
// from Blobs, since a page opened from file:// may not load a worker from a
// file. main.js finds them in `window.orgspecWorkers`.
import EDITOR_WORKER_SOURCE from "orgspec:editor-worker";
import WORKER_SOURCE from "orgspec:worker";
import { adaptedToMonaco } from "./monaco-client.js";

export interface PageWorkers {
  /** The language server (lsp/browser/server.ts). */
  readonly languageServer: Worker;
  /**
   * The same script as the report's and the agenda's worker, started when the
   * first view is asked for: at start-up it would compete with the language
   * server for the cores, delaying the first diagnostics.
   */
  viewsWorker(): Worker;
}

declare global {
  interface Window {
    orgspecWorkers?: PageWorkers;
  }
}

const blobUrl = (source: string) => URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
const workerUrl = blobUrl(WORKER_SOURCE);
let views: Worker | null = null;
window.orgspecWorkers = {
  languageServer: adaptedToMonaco(new Worker(workerUrl, { name: "orgspec-lsp" })),
  viewsWorker: () => (views ??= new Worker(workerUrl, { name: "orgspec-views" })),
};

// Monaco's own worker (word suggestions, links), started when Monaco asks for it.
const editorWorkerUrl = blobUrl(EDITOR_WORKER_SOURCE);
(self as { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker: () => new Worker(editorWorkerUrl, { name: "monaco-editor" }),
};
