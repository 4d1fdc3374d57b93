/**
 * The orgspec package's root folder, from where this module is: compiled it
 * is dist/src/util/ (three levels down), run from the sources (tests) it is
 * src/util/ (two). Worked out from the URL alone, without reading a file, so
 * that it holds in a browser too; a bundle that moves the module sets
 * `import.meta.url` to where the module would be (lsp/vscode/scripts/package.mjs).
 */
export function findPackageRoot(moduleUrl: string): URL {
  return new URL(/\/dist\/src\/[^/]+\/[^/]+$/.test(new URL(moduleUrl).pathname) ? "../../../" : "../../", moduleUrl);
}

export const PACKAGE_ROOT: URL = findPackageRoot(import.meta.url);
