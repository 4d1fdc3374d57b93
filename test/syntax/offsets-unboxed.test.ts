// Every offset the parse hands on is a small integer, never a boxed double.
// Chevrotain starts each CST node's offsets at NaN, so they are held as
// doubles; copied as they were into the AST, they turned the one object
// shape every `{ start, end }` shares into one of two boxed numbers, so every
// span of the process cost three objects instead of one (63,419 spans of the
// 20,021-line program, all boxed), and the language server's tokens, sharing
// the same fate, were migrated one by one on the first edit (60 ms).
// Whether a number is boxed is only visible to V8's natives syntax, so the
// probe runs in a child process with `--allow-natives-syntax`, against the
// build (as `npm test` makes it).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

const PROBE = `
const api = await import(${JSON.stringify(join(REPO, "dist/src/index.js"))});
const isSmi = new Function("x", "return %IsSmi(x)");
// Error recovery first: it makes tokens with NaN offsets, the way to box them.
const broken = api.parseText("/broken.org", 'cell c "C" {\\n  under \\n  members { a b \\n}\\n/* x */ meeting c on 2026-13-45 {\\n');
const result = api.checkProgram(${JSON.stringify(join(REPO, "examples/sinuiju.org"))}, { cache: new api.FileCache(api.diskHost) });
const tokens = api.tokenize(result.model.files[0].text);
let offsets = 0;
let boxed = 0;
const seen = new Set();
const stack = [broken, result.model, result.diagnostics, tokens];
while (stack.length > 0) {
  const value = stack.pop();
  if (value === null || typeof value !== "object" || seen.has(value) || ArrayBuffer.isView(value)) continue;
  seen.add(value);
  if (value instanceof Map || value instanceof Set) { for (const item of value.values()) stack.push(item); continue; }
  if (typeof value.start === "number" && typeof value.end === "number") {
    offsets += 2;
    if (!isSmi(value.start)) boxed++;
    if (!isSmi(value.end)) boxed++;
  }
  for (const key in value) stack.push(value[key]);
}
console.log(JSON.stringify({ offsets, boxed, syntaxErrors: broken.diagnostics.length }));
`;

describe("offsets", () => {
  it("are small integers in the AST, the model, the diagnostics and the tokens, after error recovery too", () => {
    const child = spawnSync(process.execPath, ["--allow-natives-syntax", "--input-type=module", "-e", PROBE], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    const found = JSON.parse(child.stdout) as { offsets: number; boxed: number; syntaxErrors: number };
    expect(found.syntaxErrors).toBeGreaterThan(0);
    expect(found.offsets).toBeGreaterThan(1000);
    expect(found.boxed).toBe(0);
  });
});
