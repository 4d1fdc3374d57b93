// Entry point of the bundled server (lsp/vscode/dist/server.js): the same
// server `orgspec lsp` runs, without the CLI around it.
import { startStdioServer } from "./server.js";

startStdioServer();
