// A parse worker (the pool is in src/check/parsed-files.ts): parses a file's
// text, sent by the main thread, as `parseText` does there, and returns the
// AST in its compact wire form (ast-codec.ts) with the file's syntax
// diagnostics and import statements.
import { parentPort } from "node:worker_threads";
import { importsOf } from "../program/load.js";
import { parseText } from "../syntax/parse.js";
import { encodeAst } from "./ast-codec.js";
import type { ParseReply, ParseRequest } from "./parsed-files.js";

const port = parentPort;
if (!port) throw new Error("orgspec: worker.js runs as a worker thread only");

port.on("message", (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const started = performance.now();
    const parsed = parseText(request.path, request.text);
    const parseMs = performance.now() - started;
    const imports = importsOf(parsed.ast);
    const encoded = encodeAst(parsed.ast);
    reply = { id: request.id, path: request.path, encoded, imports, diagnostics: parsed.diagnostics, parseMs };
    port.postMessage(reply, [encoded.buffer as ArrayBuffer]);
    return;
  } catch (error) {
    reply = { id: request.id, path: request.path, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
