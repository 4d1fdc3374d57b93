// A catalogue entry's help, rendered once for every place that shows it:
// `orgspec explain`, SARIF `help`, docs/rules.md and the editor's hover.
import type { OptionSpec } from "../rules/rule.js";
import { durationLabel } from "../util/dates.js";
import type { CatalogueEntry } from "./codes.js";

/** An option's default as a configuration file writes it: `5`, or `"3 months"` for a duration. */
export function configValue(spec: OptionSpec): number | string {
  if (spec.type === "integer") return spec.default;
  return durationLabel(spec.default.count, spec.default.unit);
}

/** A rule's full help in Markdown: description, citation, options, examples. */
export function ruleHelpMarkdown(entry: CatalogueEntry): string {
  const parts = [entry.docs.description];
  if (entry.citation) parts.push(`**Bylaw** (${entry.citation.section}): "${entry.citation.quote}"`);
  const options = Object.entries(entry.options);
  if (options.length > 0) {
    parts.push("**Options**\n\n" + options.map(([name, spec]) => `- \`${name}\` (default ${JSON.stringify(configValue(spec))}): ${spec.description}`).join("\n"));
  }
  if ("failing" in entry.docs) {
    parts.push("**Reported**\n\n```org\n" + entry.docs.failing + "\n```");
    parts.push("**Not reported**\n\n```org\n" + entry.docs.passing + "\n```");
  }
  return parts.join("\n\n");
}
