// The rules reference, the config schema and the grammar diagrams are
// generated from the code; this fails when a committed copy is stale.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED } from "../../scripts/generated-docs.js";
import { CATALOGUE } from "../../src/index.js";

const root = new URL("../../", import.meta.url);

describe("generated files", () => {
  for (const file of GENERATED) {
    it(`${file.path} is up to date (run \`npm run docs\`)`, () => {
      const committed = readFileSync(new URL(file.path, root), "utf8");
      expect(committed === file.render(), `${file.path} is stale: run \`npm run docs\``).toBe(true);
    });
  }

  it("documents every code of the catalogue, each once", () => {
    const doc = readFileSync(new URL("docs/rules.md", root), "utf8");
    for (const entry of CATALOGUE) expect(doc.split(`### ${entry.code} ${entry.name}`).length - 1).toBe(1);
  });

  const rulesMd = new URL("../shared/bylaws/RULES.md", root);
  const catalogueText = (() => {
    try {
      return readFileSync(rulesMd, "utf8");
    } catch {
      return null;
    }
  })();

  if (catalogueText === null) {
    console.warn(`generated files: ${rulesMd.pathname} is not beside this clone; the check against RULES.md was skipped`);
  }
  it.skipIf(catalogueText === null)("registers every code of RULES.md once, with its name and severity", () => {
    const rows = [...catalogueText!.matchAll(/^\| (ORG\d{3}) \| ([a-z-]+) \| (error|warning|info) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(rows.length).toBe(38);
    const ours = CATALOGUE.map((entry) => `${entry.code} ${entry.name} ${entry.severity}`);
    for (const row of rows) expect(ours).toContain(row);
  });
});
