// docs/cli.md and docs/configuration.md stay true to the CLI: every flag is
// documented, and the JSON and configuration examples are valid.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { parseConfig } from "../../src/config/config.js";
import { RULES_BY_CODE, RULES_BY_NAME } from "../../src/rules/index.js";

const read = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8");
const CLI = read("cli.md");
const CONFIGURATION = read("configuration.md");

const jsonBlocks = (markdown: string) => [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe("docs/cli.md", () => {
  const program = buildProgram({ stdout: () => {}, stderr: () => {}, cwd: "/", isTTY: false }, () => {});

  it("documents check, rules and explain, and every flag of check", () => {
    for (const name of ["check", "rules", "explain"]) {
      expect(program.commands.some((command) => command.name() === name)).toBe(true);
      expect(CLI).toContain(`## \`orgspec ${name}\``);
    }
    const check = program.commands.find((command) => command.name() === "check")!;
    for (const option of check.options) expect(CLI, option.flags).toContain(option.flags.replace(/ <.*>$/, ""));
  });

  it("documents every exit status", () => {
    for (const status of ["`0`", "`1`", "`2`"]) expect(CLI).toContain(`| ${status} |`);
  });

  it("has JSON examples that parse, the report one with every documented top-level field", () => {
    const blocks = jsonBlocks(CLI).map((text) => JSON.parse(text) as Record<string, unknown>);
    const report = blocks.find((block) => "diagnostics" in block)!;
    expect(Object.keys(report)).toEqual(["version", "tool", "summary", "diagnostics", "rules"]);
    expect(Object.keys(report["summary"] as object)).toEqual(["errors", "warnings", "infos", "files", "waived"]);
  });

  it("has configuration examples the loader accepts (once every rule they name exists)", () => {
    const configs = [...jsonBlocks(CLI), ...jsonBlocks(CONFIGURATION)]
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .filter((block) => "rules" in block && !("diagnostics" in block));
    expect(configs.length).toBeGreaterThanOrEqual(2);
    for (const config of configs) {
      const names = Object.keys(config["rules"] as object);
      if (!names.every((name) => RULES_BY_NAME.has(name) || RULES_BY_CODE.has(name))) continue;
      expect(() => parseConfig(config)).not.toThrow();
    }
  });

  it("has the anchors other pages link to", () => {
    for (const heading of ["## Configuration", "## Waivers", "## Exit status", "### JSON output", "### SARIF output"]) {
      expect(CLI).toContain(`\n${heading}\n`);
    }
    expect(CONFIGURATION).toContain("(cli.md#configuration)");
  });
});
