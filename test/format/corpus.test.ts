// Idempotence and token preservation over every .org file of examples/ and
// of ../shared/conformance (each skipped with a message when absent). Files
// with a syntax error must be refused with their file:line:column instead.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assertCommentsKept, assertWellFormed, format, syntaxErrorCount, tokenTexts } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

function orgFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? orgFiles(path) : entry.endsWith(".org") ? [path] : [];
    })
    .sort();
}

const corpora = [
  { name: "examples", dir: resolve(root, "examples") },
  { name: "shared conformance", dir: resolve(root, "../shared/conformance") },
];

for (const corpus of corpora) {
  const files = orgFiles(corpus.dir);
  if (files.length === 0) console.info(`formatter corpus tests: no .org files in ${corpus.dir}; skipped`);

  describe.skipIf(files.length === 0)(`formatting ${corpus.name}`, () => {
    it.each(files.map((file) => [relative(root, file), file]))("%s", async (_name, file) => {
      const text = readFileSync(file, "utf8");
      if (syntaxErrorCount(text) > 0) {
        await expect(format(text)).rejects.toThrow(/test\.org:\d+:\d+: syntax error/);
        return;
      }
      const once = await format(text);
      expect(await format(once)).toBe(once);
      expect(tokenTexts(once)).toEqual(tokenTexts(text));
      assertCommentsKept(text, once);
      assertWellFormed(once);
      // Narrow and wide widths only move line breaks.
      for (const width of [40, 120]) {
        const other = await format(text, width);
        expect(await format(other, width)).toBe(other);
        expect(tokenTexts(other)).toEqual(tokenTexts(text));
        assertCommentsKept(text, other);
      }
    });
  });
}
