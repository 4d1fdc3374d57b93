// What the page exposes for the browser test (test/playground/): the editor,
// and when the first diagnostics arrived.
import type * as Monaco from "monaco-editor";

export interface PlaygroundHandle {
  readonly monaco: Omit<typeof Monaco, "default">;
  readonly editor: Monaco.editor.IStandaloneCodeEditor;
  /** `performance.now()` when the first marker appeared. */
  firstDiagnosticsAt: number | null;
  /** How many times the report and agenda were drawn. */
  viewsShown: number;
  /** Whether the report and agenda shown are those of the files as they are now (no edit since waits for them). */
  viewsCurrent: boolean;
}

declare global {
  interface Window {
    orgspecPlayground?: PlaygroundHandle;
  }
}
