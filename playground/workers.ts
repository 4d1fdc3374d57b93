// The page's workers, started first (main.ts imports this module before
// Monaco), so that the language server's script is parsed and running while
// the editor's code is still being evaluated. Both start from Blobs: a page
// opened from file:// may not load a worker from a file.
import EDITOR_WORKER_SOURCE from "orgspec:editor-worker";
import WORKER_SOURCE from "orgspec:worker";

const blobUrl = (source: string) => URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
const workerUrl = blobUrl(WORKER_SOURCE);
const editorWorkerUrl = blobUrl(EDITOR_WORKER_SOURCE);

/** The language server (lsp/browser/server.ts). */
export const languageServer = new Worker(workerUrl, { name: "orgspec-lsp" });
let views: Worker | null = null;
/**
 * The same script as the report's and the agenda's worker, started when the
 * first view is asked for: at start-up it would compete with the language
 * server for the cores, delaying the first diagnostics.
 */
export function viewsWorker(): Worker {
  views ??= new Worker(workerUrl, { name: "orgspec-views" });
  return views;
}

// Monaco's own worker (word suggestions, links, diffs).
(self as { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker: () => new Worker(editorWorkerUrl, { name: "monaco-editor" }),
};
