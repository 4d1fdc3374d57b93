// The parse workers' wire form of an AST (src/check/ast-codec.ts) and the
// pipeline's keyword-map lexer: both must give exactly what the plain path
// gives, on every spec of the repository and on damaged copies of them
// (syntax errors exercise the recovery's incomplete statements).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeAst } from "../../src/check/ast-codec.js";
import { decodeAst } from "../../src/check/ast-decode.js";
import { parseText } from "../../src/syntax/parse.js";

const root = new URL("../../", import.meta.url).pathname;

function specs(): { name: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith(".org")) files.push(path);
    }
  };
  walk(join(root, "examples"));
  walk(join(root, "test/fixtures"));
  const texts = files.map((file) => ({ name: file.slice(root.length), text: readFileSync(file, "utf8") }));
  // Damaged copies: a cut, a stray brace and event, an escaped quote.
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const damaged = texts.flatMap(({ name, text }) =>
    Array.from({ length: 4 }, (_, i) => {
      const at = Math.floor(next() * text.length);
      const cut = i % 2 === 0 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8)) : text.slice(0, at) + ' } on 2026-02-30 x "a \\" b" { ' + text.slice(at);
      return { name: `${name} (damaged ${i})`, text: cut };
    }),
  );
  return [...texts, ...damaged];
}

describe("the AST wire form", () => {
  it("decodes to the AST it encodes, keys in the same order", () => {
    for (const { name, text } of specs()) {
      const ast = parseText("/spec.org", text).ast;
      expect(JSON.stringify(decodeAst(encodeAst(ast), text)), name).toBe(JSON.stringify(ast));
    }
  });
});
