// A parse worker for `orgspec check --jobs N` (src/check/parallel.ts): reads
// (or is sent) a file's text, parses it as `parseText` does on the main
// thread, and returns the AST in its compact wire form (ast-codec.ts) with
// the file's syntax diagnostics and import statements.
import { parentPort } from "node:worker_threads";
import { diskHost } from "../program/load.js";
import { parseText } from "../syntax/parse.js";
import { encodeAst } from "./ast-codec.js";
import type { ParseReply, ParseRequest } from "./parsed-files.js";

const port = parentPort;
if (!port) throw new Error("orgspec: worker.js runs as a worker thread only");

port.on("message", (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const read = request.text !== undefined ? { text: request.text } : diskHost.readFile(request.path);
    if ("error" in read) {
      reply = { id: request.id, path: request.path, error: read.error };
    } else {
      const parsed = parseText(request.path, read.text);
      const imports = parsed.ast.statements.filter((statement) => statement.type === "import");
      const encoded = encodeAst(parsed.ast);
      // The text goes back only when it was read here (the main thread has it otherwise).
      reply = { id: request.id, path: request.path, text: request.text === undefined ? read.text : undefined, encoded, imports, diagnostics: parsed.diagnostics };
      port.postMessage(reply, [encoded.buffer as ArrayBuffer]);
      return;
    }
  } catch (error) {
    reply = { id: request.id, path: request.path, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
