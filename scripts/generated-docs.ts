// The files generated from the code: the rules reference (from the rule
// files), the configuration's JSON Schema (from the rules' options) and the
// grammar's railroad diagrams (from the parser, with Chevrotain's own
// generator, inlined so the page works offline). A test fails when any of
// them is stale; `npm run docs` rewrites them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createSyntaxDiagramsCode } from "chevrotain";
import { getOrgParser } from "../grammar/parser.js";
import { CATALOGUE, type CatalogueEntry } from "../src/check/codes.js";
import { configSchema } from "../src/config/config.js";
import { ruleHelpMarkdown } from "../src/check/rule-help.js";

const CATEGORY_TITLES: Record<CatalogueEntry["category"], string> = {
  language: "Language (not bylaws)",
  structure: "Structure",
  meetings: "Meetings",
  membership: "Membership",
  reporting: "Reporting",
};

export function renderRulesDoc(): string {
  const lines = [
    "# Rules reference",
    "",
    "<!-- Generated from src/rules/** and src/diagnostics/language.ts by `npm run docs`; do not edit. -->",
    "",
    "Every code `orgspec check` reports. Severities are the defaults; `orgspec.config.json` can change a rule's severity and options (see [configuration](configuration.md)). `orgspec explain CODE` prints the same text.",
    "",
    "| code | name | severity | summary |",
    "| --- | --- | --- | --- |",
    ...CATALOGUE.map((entry) => `| [${entry.code}](#${anchor(entry)}) | \`${entry.name}\` | ${entry.severity} | ${entry.summary} |`),
  ];
  let category: string | null = null;
  for (const entry of CATALOGUE) {
    if (entry.category !== category) {
      category = entry.category;
      lines.push("", `## ${CATEGORY_TITLES[entry.category]}`);
    }
    lines.push("", `### ${entry.code} ${entry.name}`, "", `*${entry.severity}* — ${entry.summary}`, "", ruleHelpMarkdown(entry));
  }
  return lines.join("\n") + "\n";
}

function anchor(entry: CatalogueEntry): string {
  return `${entry.code.toLowerCase()}-${entry.name}`;
}

export function renderConfigSchema(): string {
  return JSON.stringify(configSchema(), null, 2) + "\n";
}

/** Chevrotain's diagrams page with its scripts and styles inlined. */
export function renderGrammarHtml(): string {
  const require = createRequire(import.meta.url);
  // chevrotain's `exports` hide package.json; its main entry lives in lib/src/.
  const diagramsDir = join(dirname(require.resolve("chevrotain")), "../../diagrams");
  const html = createSyntaxDiagramsCode(getOrgParser().getSerializedGastProductions(), {
    resourceBase: "RESOURCE_BASE/",
    css: "RESOURCE_BASE/diagrams.css",
  });
  return html
    .replace(/<link rel='stylesheet' href='RESOURCE_BASE\/([^']+)'>/g, (_, file: string) => `<style>\n${readFileSync(join(diagramsDir, file), "utf8")}\n</style>`)
    .replace(/<script src='RESOURCE_BASE\/([^']+)'><\/script>/g, (_, file: string) => `<script>\n${readFileSync(join(diagramsDir, file), "utf8")}\n</script>`);
}

export const GENERATED: readonly { path: string; render: () => string }[] = [
  { path: "docs/rules.md", render: renderRulesDoc },
  { path: "schema/orgspec.config.schema.json", render: renderConfigSchema },
  { path: "docs/grammar.html", render: renderGrammarHtml },
];
