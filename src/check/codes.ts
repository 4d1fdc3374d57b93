// The catalogue: every code the checker reports, language codes and bylaw
// rules alike, with its metadata. Reporters, `orgspec rules`, `explain`, SARIF
// and the docs generator read this one list.
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { Citation, Severity } from "../diagnostics/types.js";
import { RULES } from "../rules/index.js";
import { PACKAGE_ROOT } from "../util/package-root.js";
import type { OptionSpecs, RuleCategory, RuleDocs } from "../rules/rule.js";

export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly category: RuleCategory | "language";
  readonly summary: string;
  readonly citation: Citation | null;
  readonly options: OptionSpecs;
  readonly docs: RuleDocs | { readonly description: string };
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...Object.values(LANGUAGE_CODES).map(
    (entry): CatalogueEntry => ({
      code: entry.code,
      name: entry.name,
      severity: entry.severity,
      category: "language",
      summary: entry.summary,
      citation: null,
      options: {},
      docs: { description: entry.docs },
    }),
  ),
  ...RULES.map(
    (rule): CatalogueEntry => ({
      code: rule.code,
      name: rule.name,
      severity: rule.severity,
      category: rule.category,
      summary: rule.summary,
      citation: rule.citation,
      options: rule.options,
      docs: rule.docs,
    }),
  ),
];

const BY_KEY = new Map<string, CatalogueEntry>();
for (const entry of CATALOGUE) {
  BY_KEY.set(entry.code, entry);
  BY_KEY.set(entry.name, entry);
}

/** A catalogue entry by code (`ORG101`, any case) or name (`cell-size`). */
export function catalogueEntry(codeOrName: string): CatalogueEntry | undefined {
  return BY_KEY.get(codeOrName) ?? BY_KEY.get(codeOrName.toUpperCase());
}

export function knownCode(codeOrName: string): boolean {
  return catalogueEntry(codeOrName) !== undefined;
}

/** The installed rules reference (docs/rules.md, generated from the rule files). */
const RULES_DOC = new URL("docs/rules.md", PACKAGE_ROOT);

/** Where a rule's documentation lives, for SARIF `helpUri` and LSP `codeDescription`. */
export function docsUrl(entry: CatalogueEntry): string {
  return `${RULES_DOC.href}#${entry.code.toLowerCase()}-${entry.name}`;
}
