// Everything the language server uses from orgspec: the public API.
export * from "../src/index.js";
