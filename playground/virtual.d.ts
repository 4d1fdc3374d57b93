// The modules playground/build.mjs makes up for the page's bundle.
declare module "orgspec:monaco" {
  // Monaco's API (editor.api) with the editor features the page uses, and its LSP client as `lsp`.
  export * from "monaco-editor";
}
declare module "orgspec:worker" {
  /** The worker's script (lsp/browser/server.ts, bundled). */
  const source: string;
  export default source;
}
declare module "orgspec:editor-worker" {
  /** Monaco's editor worker, bundled. */
  const source: string;
  export default source;
}
declare module "orgspec:examples" {
  /** examples/*.org by file name. */
  const files: Record<string, string>;
  export default files;
}
