// Runs every entry file of ../shared/conformance and compares, line by line,
// the codes reported with the `// expect: CODE, CODE` comments. Every
// expectation must be met and no line may get another code. Entries listed in
// test/conformance-disagreements.json are reported, not silently skipped.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const conformanceDir = resolve(root, "../shared/conformance");
const present = existsSync(conformanceDir);
if (!present) console.warn(`conformance: ${conformanceDir} is not beside this clone; the conformance suite was skipped`);

interface Disagreement {
  file: string;
  line: number;
  code: string;
  reason: string;
}
const disagreements: Disagreement[] = JSON.parse(readFileSync(join(root, "test/conformance-disagreements.json"), "utf8"));

/** `file:line` → sorted codes, from the `// expect:` comments of every file of the program. */
function expectations(files: readonly { path: string; text: string }[]): Map<string, string[]> {
  const expected = new Map<string, string[]>();
  for (const file of files) {
    file.text.split(/\r?\n/).forEach((line, index) => {
      const match = /\/\/\s*expect:\s*([A-Z0-9, ]+)/.exec(line);
      if (!match) return;
      const codes = match[1]!.split(",").map((code) => code.trim()).filter(Boolean);
      expected.set(`${relative(conformanceDir, file.path)}:${index + 1}`, codes.sort());
    });
  }
  return expected;
}

describe.skipIf(!present)("conformance (../shared/conformance)", () => {
  const entries = present ? readdirSync(conformanceDir).filter((name) => name.endsWith(".org")).sort() : [];
  for (const entry of entries) {
    it(entry, () => {
      const result = checkProgram(join(conformanceDir, entry), { today: 0 });
      const expected = expectations(result.model.files);
      const actual = new Map<string, string[]>();
      for (const diagnostic of result.diagnostics) {
        const file = result.model.files.find((candidate) => candidate.path === diagnostic.file)!;
        const key = `${relative(conformanceDir, diagnostic.file)}:${file.lines.position(diagnostic.span.start).line}`;
        actual.set(key, [...(actual.get(key) ?? []), diagnostic.code].sort());
      }
      for (const disagreement of disagreements.filter((item) => item.file === entry || item.file.startsWith(entry))) {
        console.warn(`conformance disagreement ${disagreement.file}:${disagreement.line} ${disagreement.code}: ${disagreement.reason}`);
        const key = `${disagreement.file}:${disagreement.line}`;
        expected.set(key, (expected.get(key) ?? []).filter((code) => code !== disagreement.code));
        if (expected.get(key)!.length === 0) expected.delete(key);
      }
      const describeAll = (map: Map<string, string[]>) =>
        [...map].filter(([, codes]) => codes.length > 0).map(([key, codes]) => `${key} ${[...new Set(codes)].join(", ")}`).sort();
      const details = result.diagnostics.map((d) => `${relative(conformanceDir, d.file)}@${result.model.files.find((f) => f.path === d.file)!.lines.position(d.span.start).line} ${d.code} ${d.message}`);
      expect({ lines: describeAll(actual) }, details.join("\n")).toEqual({ lines: describeAll(expected) });
    });
  }
});

describe.runIf(!present)("conformance (../shared/conformance)", () => {
  it.skip("skipped: ../shared/conformance is not beside this clone", () => {});
});
