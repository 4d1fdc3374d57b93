// The package's version, written here rather than read from package.json at
// start-up: the core runs where there is no file to read (a browser's web
// worker). test/package/pack.test.ts fails when the two disagree.
export const TOOL_VERSION = "0.1.0";
