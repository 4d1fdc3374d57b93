// The parse workers' wire form of an AST (src/check/ast-codec.ts) and the
// pipeline's keyword-map lexer: both must give exactly what the plain path
// gives, on every spec of the repository and on damaged copies of them
// (syntax errors exercise the recovery's incomplete statements).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spec as randomSpec } from "../format/arbitraries.js";
import { decodeAst, encodeAst, WIRE_KINDS } from "../../src/check/ast-codec.js";
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

  it("keeps a step count of any size exactly", () => {
    // Beyond 32 bits, and beyond a double (Infinity): ORG011 judges them, so they must arrive as written.
    const text = `committee c "C" { level county }\nevery 4294967297 days from 2026-01-01 to 2026-02-01 meeting c\nevery ${"9".repeat(400)} weeks from 2026-01-01 to 2026-02-01 meeting c\n`;
    const ast = parseText("/spec.org", text).ast;
    const decoded = decodeAst(encodeAst(ast), text);
    expect(decoded).toEqual(ast);
    expect(decoded.statements.map((statement) => (statement.type === "series" ? statement.interval?.count : null))).toEqual([null, 4294967297, Infinity]);
  });
});

/** Every node kind the AST declares (`readonly type: "..."` in src/ast/types.ts), so that a new kind cannot go unexercised. */
function declaredNodeKinds(): string[] {
  const source = readFileSync(join(root, "src/ast/types.ts"), "utf8");
  return [...source.matchAll(/readonly type: ((?:"[a-z-]+"(?: \| )?)+);/g)].flatMap((match) => [...match[1]!.matchAll(/"([a-z-]+)"/g)].map((kind) => kind[1]!)).sort();
}

/** The `type` of every node in a tree. */
function nodeKinds(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) nodeKinds(item, found);
  else if (value !== null && typeof value === "object") {
    const type = (value as { type?: unknown }).type;
    if (typeof type === "string") found.add(type);
    for (const child of Object.values(value)) nodeKinds(child, found);
  }
  return found;
}

describe("the AST wire form on random specs", () => {
  it("round-trips every node kind the AST declares, each field in place", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(randomSpec, (text) => {
        const ast = parseText("/spec.org", text).ast;
        nodeKinds(ast.statements, seen);
        expect(JSON.stringify(decodeAst(encodeAst(ast), text))).toBe(JSON.stringify(ast));
      }),
      { numRuns: 400, seed: 20261202 },
    );
    // The generator reached every kind, `transfer` and `person` included: a swapped field of any of them would fail above.
    expect([...seen].sort()).toEqual(declaredNodeKinds());
    // And the codec's tables hold exactly those kinds (the compiler holds each kind's fields to the AST types).
    expect([...WIRE_KINDS.statements, ...WIRE_KINDS.items, ...WIRE_KINDS.bodies].sort()).toEqual(declaredNodeKinds());
  });
});
