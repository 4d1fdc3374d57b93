// The modules playground/build.mjs makes up for the page's bundle.
declare module "orgspec:monaco" {
  export * from "monaco-editor/esm/vs/editor/editor.api.js";
  export * as lsp from "monaco-editor/esm/external/monaco-lsp-client/out/index.js";
}
declare module "orgspec:worker" {
  /** The worker's script (lsp/browser/server.ts, bundled). */
  const source: string;
  export default source;
}
declare module "orgspec:examples" {
  /** examples/*.org by file name. */
  const files: Record<string, string>;
  export default files;
}
declare module "orgspec:editor-worker" {
  /** Monaco's editor worker, bundled. */
  const source: string;
  export default source;
}
