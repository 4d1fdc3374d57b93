// docs/cli.md and docs/configuration.md stay true to the CLI: every flag is
// documented, and the JSON and configuration examples are valid.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { parseConfig } from "../../src/config/config.js";

const read = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8");
const CLI = read("cli.md");
const CONFIGURATION = read("configuration.md");
/** Every Markdown page of docs/, and the README. */
const PAGES: [string, string][] = [
  ...readdirSync(new URL("../../docs/", import.meta.url))
    .filter((name) => name.endsWith(".md"))
    .map((name): [string, string] => [`docs/${name}`, read(name)]),
  ["README.md", readFileSync(new URL("../../README.md", import.meta.url), "utf8")],
];

const jsonBlocks = (markdown: string) => [...markdown.matchAll(/```jsonc?\n([\s\S]*?)```/g)].map((match) => match[1]!);

/**
 * The configuration examples of a page: JSON blocks with `rules` that are
 * not a JSON report (which has `rules` too, beside `diagnostics`).
 */
function configExamples(markdown: string): Record<string, unknown>[] {
  return jsonBlocks(markdown)
    .map((text) => JSON.parse(text) as Record<string, unknown>)
    .filter((block) => "rules" in block && !("diagnostics" in block));
}

/** The loader's verdict on each example of a page: `null` when it loads, else the message. */
const verdicts = (markdown: string) =>
  configExamples(markdown).map((config) => {
    try {
      parseConfig(config, "example");
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  });

describe("docs/cli.md", () => {
  const program = buildProgram({ stdout: () => {}, stderr: () => {}, cwd: "/", isTTY: false }, () => {});

  it("documents check, baseline, rules and explain, and every flag of check and baseline", () => {
    for (const name of ["check", "baseline", "rules", "explain"]) {
      expect(program.commands.some((command) => command.name() === name)).toBe(true);
      expect(CLI).toContain(`## \`orgspec ${name}\``);
    }
    const check = program.commands.find((command) => command.name() === "check")!;
    for (const option of check.options) expect(CLI, option.flags).toContain(option.flags.replace(/ <.*>$/, ""));
    const baseline = program.commands.find((command) => command.name() === "baseline")!;
    expect(baseline.commands.map((command) => command.name())).toEqual(["write", "prune"]);
    for (const command of baseline.commands) for (const option of command.options) expect(CLI, option.flags).toContain(option.flags.replace(/ <.*>$/, ""));
  });

  it("documents every exit status", () => {
    for (const status of ["`0`", "`1`", "`2`"]) expect(CLI).toContain(`| ${status} |`);
  });

  it("has JSON examples that parse, the report one with every documented top-level field", () => {
    const blocks = jsonBlocks(CLI).map((text) => JSON.parse(text) as Record<string, unknown>);
    const report = blocks.find((block) => "diagnostics" in block)!;
    expect(Object.keys(report)).toEqual(["version", "tool", "summary", "diagnostics", "suppressed", "rules"]);
    expect(Object.keys(report["summary"] as object)).toEqual(["errors", "warnings", "infos", "files", "waived", "baselined"]);
  });

  it("has configuration examples, on every page, that the loader accepts: a misspelt rule fails", () => {
    expect(configExamples(CLI).length + configExamples(CONFIGURATION).length).toBeGreaterThanOrEqual(2);
    for (const [page, markdown] of PAGES) expect(verdicts(markdown), page).toEqual(verdicts(markdown).map(() => null));
  });

  it("would fail on an example that misspells a rule (the mistake it exists to catch)", () => {
    const page = '```json\n{ "rules": { "cel-size": "off", "ORG206": "warning" } }\n```\n';
    expect(verdicts(page)).toEqual(['example: unknown rule "cel-size" in "rules": did you mean "cell-size"? (see `orgspec rules` for the list)']);
  });

  it("has the anchors other pages link to", () => {
    for (const heading of ["## Configuration", "## Waivers", "## Exit status", "### JSON output", "### SARIF output"]) {
      expect(CLI).toContain(`\n${heading}\n`);
    }
    expect(CONFIGURATION).toContain("(cli.md#configuration)");
  });
});
