// orgspec.config.json: discovery, --config, severities, options, errors that
// name the key, and the JSON Schema.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, configSchema, findConfigFile, loadConfigFile, parseConfig, parseDuration } from "../../src/config/config.js";
import { RULES } from "../../src/rules/index.js";
import { diskHost } from "../../src/program/disk-host.js";
import { FIXTURES, cleanUp, fixture, isolatingRules, run, tempDir, writeConfig } from "../fixtures/support.js";

afterAll(cleanUp);

const ORG101_AT_4_6 = "main.org:4:6";

describe("discovery", () => {
  it("finds the nearest orgspec.config.json walking up from a directory", () => {
    const dir = fixture("nested");
    expect(findConfigFile(join(dir, "specs", "deep"), diskHost)).toBe(join(dir, "orgspec.config.json"));
    writeConfig(join(dir, "specs"));
    expect(findConfigFile(join(dir, "specs", "deep"), diskHost)).toBe(join(dir, "specs", "orgspec.config.json"));
    expect(findConfigFile(dir, diskHost)).toBe(join(dir, "orgspec.config.json"));
  });

  it("starts from the first spec's directory, not the working directory", async () => {
    const dir = fixture("nested", { "cell-size": "warning" });
    const elsewhere = tempDir();
    const result = await run(["check", join(dir, "specs", "deep", "main.org")], { cwd: elsewhere });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(" warning ORG101 cell-size\n");
  });

  it("starts from a directory named on the command line", async () => {
    const dir = fixture("nested", { "cell-size": "off" });
    const result = await run(["check", "specs/deep"], { cwd: dir });
    expect(result).toEqual({ status: 0, stdout: "0 errors, 0 warnings (2 files checked)\n", stderr: "" });
  });

  it("uses the nearest file only: a nearer one replaces, and does not merge with, one further up", async () => {
    const dir = fixture("nested", { "cell-size": "off" });
    // The nearer file turns everything back on but configures cell-size as info.
    writeFileSync(join(dir, "specs", "orgspec.config.json"), JSON.stringify({ rules: isolatingRules({ "cell-size": "info" }) }));
    const result = await run(["check", "specs/deep/main.org"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("specs/deep/main.org:4:6 info ORG101 cell-size\n");
  });

  it("--config names the file, relative to the working directory, and no other is looked for", async () => {
    const dir = fixture("basic");
    writeConfig(dir, { "cell-size": ["error", { min: 4 }] }, "strict.json");
    const result = await run(["check", "main.org", "--config", "strict.json"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("ORG101");
    // -c is its short form.
    expect((await run(["check", "-c", "strict.json", "main.org"], { cwd: dir })).status).toBe(0);
    // The discovered file, had it been used, says error with the default min 5.
    expect((await run(["check", "main.org"], { cwd: dir })).status).toBe(1);
  });

  it("without any file, the catalogue's defaults apply", async () => {
    const dir = fixture("basic", false);
    expect(findConfigFile(dir, diskHost)).toBeNull();
    const result = await run(["check", "main.org"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${ORG101_AT_4_6} error ORG101 cell-size\n`);
  });
});

describe("severities", () => {
  const check = async (setting: unknown, extraArgs: string[] = []) => {
    const dir = fixture("basic", { "cell-size": setting });
    return run(["check", "main.org", ...extraArgs], { cwd: dir });
  };

  it("off: the rule does not run", async () => {
    const result = await check("off");
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("ORG101");
    expect(result.stdout.endsWith("0 errors, 1 warning in 1 file (2 files checked)\n")).toBe(true);
  });

  it("info: reported as info, exit 0", async () => {
    const result = await check("info", ["--max-warnings", "1"]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(`${ORG101_AT_4_6} info ORG101 cell-size`);
    expect(result.stdout.endsWith("0 errors, 1 warning, 1 info in 1 file (2 files checked)\n")).toBe(true);
  });

  it("warning: reported as a warning, exit 0 unless more than --max-warnings", async () => {
    const result = await check("warning");
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(`${ORG101_AT_4_6} warning ORG101 cell-size`);
    expect(result.stdout.endsWith("0 errors, 2 warnings in 1 file (2 files checked)\n")).toBe(true);
    expect((await check("warning", ["--max-warnings", "1"])).status).toBe(1);
  });

  it("error: reported as an error, exit 1", async () => {
    const result = await check(["error"]);
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe(`${ORG101_AT_4_6} error ORG101 cell-size`);
  });

  it("a rule may be named by its code", async () => {
    const dir = fixture("basic");
    writeFileSync(join(dir, "orgspec.config.json"), JSON.stringify({ rules: { ...isolatingRules(), "cell-size": undefined, ORG101: "warning" } }));
    const result = await run(["check", "main.org"], { cwd: dir });
    expect(result.stdout.split("\n")[0]).toBe(`${ORG101_AT_4_6} warning ORG101 cell-size`);
  });
});

describe("options", () => {
  it("change a rule's threshold, and the message states it", async () => {
    const lenient = fixture("basic", { "cell-size": ["error", { min: 4 }] });
    expect((await run(["check", "main.org"], { cwd: lenient })).status).toBe(0);
    const strict = fixture("clean", { "cell-size": ["error", { min: 6, max: 12 }] });
    const result = await run(["check", "main.org"], { cwd: strict });
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      "main.org:4:6 error ORG101 cell-size",
      "  Brickworks Cell has 5 members and candidates; a party cell needs 6 to 12",
    ]);
  });

  it("left out take their defaults", () => {
    const rulebook = parseConfig({ rules: { "cell-size": ["warning", { max: 12 }] } });
    expect(rulebook.get("ORG101")).toEqual({ severity: "warning", options: { max: 12 } });
    expect(parseConfig({ rules: { "cell-size": ["error"] } }).get("ORG101")).toEqual({ severity: "error", options: {} });
    expect(parseConfig({}).size).toBe(0);
    expect(parseConfig({ $schema: "./node_modules/orgspec/schema/orgspec.config.schema.json", rules: {} }).size).toBe(0);
  });

  it("durations are written as text", () => {
    expect(parseDuration("3 months")).toEqual({ count: 3, unit: "month" });
    expect(parseDuration("1 year")).toEqual({ count: 1, unit: "year" });
    expect(parseDuration("7 days")).toEqual({ count: 7, unit: "day" });
    expect(parseDuration(" 2 weeks ")).toEqual({ count: 2, unit: "week" });
    expect(parseDuration("0 months")).toBeNull();
    expect(parseDuration("3 fortnights")).toBeNull();
    expect(parseDuration("three months")).toBeNull();
  });

  const durationRule = RULES.find((rule) => Object.values(rule.options).some((spec) => spec.type === "duration"));
  it.runIf(durationRule !== undefined)("a duration option takes text such as \"2 months\", and nothing else", () => {
    const rule = durationRule!;
    const [name] = Object.entries(rule.options).find(([, spec]) => spec.type === "duration")!;
    expect(parseConfig({ rules: { [rule.name]: ["error", { [name]: "2 months" }] } }).get(rule.code)).toEqual({
      severity: "error",
      options: { [name]: { count: 2, unit: "month" } },
    });
    expect(() => parseConfig({ rules: { [rule.name]: ["error", { [name]: 2 }] } }, "c.json")).toThrow(
      `c.json: rules.${rule.name}[1].${name} must be a duration such as "3 months" or "7 days", not 2`,
    );
  });
});

describe("errors name the key", () => {
  const messageOf = (json: unknown): string => {
    try {
      parseConfig(json, "orgspec.config.json");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    }
    throw new Error("no ConfigError");
  };

  it("an unknown rule", () => {
    expect(messageOf({ rules: { "no-such-rule": "error" } })).toBe(
      'orgspec.config.json: unknown rule "no-such-rule" in "rules" (see `orgspec rules` for the list)',
    );
  });

  it("an unknown rule close to a rule's name or code: did you mean", () => {
    expect(messageOf({ rules: { "cel-size": "error" } })).toBe(
      'orgspec.config.json: unknown rule "cel-size" in "rules": did you mean "cell-size"? (see `orgspec rules` for the list)',
    );
    expect(messageOf({ rules: { "cell-meetings": "off" } })).toContain('unknown rule "cell-meetings" in "rules": did you mean "cell-meeting"?');
    expect(messageOf({ rules: { ORG1O1: "off" } })).toContain('did you mean "ORG101"?');
  });

  it("an unknown option close to one the rule takes: did you mean", () => {
    expect(messageOf({ rules: { "cell-size": ["error", { mim: 5 }] } })).toBe(
      'orgspec.config.json: unknown option "mim" for cell-size at rules.cell-size[1]: did you mean "min"? (options: min, max)',
    );
  });

  it("a language code, which cannot be configured", () => {
    expect(messageOf({ rules: { "outside-period": "off" } })).toBe(
      'orgspec.config.json: "outside-period" in "rules" is ORG007, a language code: only bylaw rules (ORG1xx-ORG4xx) can be configured',
    );
    expect(messageOf({ rules: { ORG009: "off" } })).toContain('"ORG009" in "rules" is ORG009, a language code');
  });

  it("an unknown option", () => {
    expect(messageOf({ rules: { "cell-size": ["error", { minimum: 3 }] } })).toBe(
      'orgspec.config.json: unknown option "minimum" for cell-size at rules.cell-size[1] (options: min, max)',
    );
  });

  it("an option of the wrong type", () => {
    expect(messageOf({ rules: { "cell-size": ["error", { min: "five" }] } })).toBe(
      'orgspec.config.json: rules.cell-size[1].min must be a whole number, not "five"',
    );
    expect(messageOf({ rules: { "cell-size": ["error", { max: 2.5 }] } })).toBe("orgspec.config.json: rules.cell-size[1].max must be a whole number, not 2.5");
    expect(messageOf({ rules: { "cell-size": ["error", { max: -1 }] } })).toBe("orgspec.config.json: rules.cell-size[1].max must be a whole number, not -1");
    expect(messageOf({ rules: { "cell-size": ["error", [5]] } })).toBe("orgspec.config.json: rules.cell-size[1] must be an object of options");
  });

  it("a bad severity", () => {
    expect(messageOf({ rules: { "cell-size": "fatal" } })).toBe(
      'orgspec.config.json: rules.cell-size must be one of "off", "info", "warning", "error", not "fatal"',
    );
    expect(messageOf({ rules: { "cell-size": ["Error", { min: 3 }] } })).toBe(
      'orgspec.config.json: rules.cell-size[0] must be one of "off", "info", "warning", "error", not "Error"',
    );
    expect(messageOf({ rules: { "cell-size": 2 } })).toBe(
      'orgspec.config.json: rules.cell-size must be a severity ("off", "info", "warning", "error") or [severity, { options }]',
    );
    expect(messageOf({ rules: { "cell-size": [] } })).toContain("rules.cell-size must be a severity");
  });

  it("the shape of the file", () => {
    expect(messageOf([])).toBe("orgspec.config.json: the configuration must be a JSON object");
    expect(messageOf({ rule: {} })).toBe('orgspec.config.json: unknown key "rule" (expected "rules", "baseline" or "$schema")');
    expect(messageOf({ rules: ["cell-size"] })).toBe('orgspec.config.json: "rules" must be an object mapping rule names or codes to settings');
    expect(messageOf({ rules: { "cell-size": "off", ORG101: "error" } })).toBe(
      'orgspec.config.json: rule "ORG101" is configured twice (by name and by code)',
    );
  });

  it("bad JSON", () => {
    expect(() => loadConfigFile(join(FIXTURES, "bad-config", "bad-json.json"), diskHost)).toThrow(
      new RegExp(`^${join(FIXTURES, "bad-config", "bad-json.json").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON: `),
    );
  });

  it.each([
    ["unknown-rule.json", 'unknown rule "no-such-rule" in "rules" (see `orgspec rules` for the list)'],
    ["unknown-option.json", 'unknown option "minimum" for cell-size at rules.cell-size[1] (options: min, max)'],
    ["wrong-type.json", 'rules.cell-size[1].min must be a whole number, not "five"'],
    ["bad-severity.json", 'rules.cell-size must be one of "off", "info", "warning", "error", not "fatal"'],
    ["unknown-key.json", 'unknown key "rule" (expected "rules", "baseline" or "$schema")'],
  ])("the CLI exits 2 for %s with `orgspec: <file>: <message>` and no stack trace", async (name, message) => {
    const dir = fixture("basic");
    const result = await run(["check", "main.org", "--config", join(FIXTURES, "bad-config", name)], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    // The file as path.relative gives it from the working directory.
    expect(result.stderr).toBe(`orgspec: ${relative(dir, join(FIXTURES, "bad-config", name))}: ${message}\n`);
  });

  it("the CLI reports bad JSON with the file relative to the working directory", async () => {
    const dir = fixture("basic");
    mkdirSync(join(dir, "conf"));
    writeFileSync(join(dir, "conf", "broken.json"), readFileSync(join(FIXTURES, "bad-config", "bad-json.json")));
    const result = await run(["check", "main.org", "--config", "conf/broken.json"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^orgspec: conf\/broken\.json: not valid JSON: [^\n]+\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a discovered file is reported relative to the working directory too", async () => {
    const dir = fixture("nested");
    writeFileSync(join(dir, "orgspec.config.json"), '{ "rules": { "cell-size": "fatal" } }\n');
    const result = await run(["check", "main.org"], { cwd: join(dir, "specs", "deep") });
    expect(result).toEqual({
      status: 2,
      stdout: "",
      stderr: 'orgspec: ../../orgspec.config.json: rules.cell-size must be one of "off", "info", "warning", "error", not "fatal"\n',
    });
  });
});


describe("the JSON Schema (schema/orgspec.config.schema.json)", () => {
  const checkedIn = JSON.parse(readFileSync(new URL("../../schema/orgspec.config.schema.json", import.meta.url), "utf8")) as object;
  const compile = (schema: object) => new Ajv2020({ strict: false, allErrors: true }).compile(schema);

  const valid = [
    {},
    { $schema: "./node_modules/orgspec/schema/orgspec.config.schema.json" },
    { rules: {} },
    { rules: { "cell-size": "warning" } },
    { rules: { ORG101: "off" } },
    { rules: { "cell-size": ["error"] } },
    { rules: { "cell-size": ["error", { min: 3, max: 40 }] } },
    { baseline: "orgspec-baseline.json", rules: {} },
  ];
  const invalid = [
    { rule: {} },
    { rules: { "no-such-rule": "error" } },
    { rules: { "cell-size": "fatal" } },
    { rules: { "cell-size": ["error", { minimum: 3 }] } },
    { rules: { "cell-size": ["error", { min: "five" }] } },
    { rules: { "cell-size": ["error", { min: -1 }] } },
    { rules: { "cell-size": ["error", {}, "extra"] } },
    { rules: { "cell-size": [] } },
    { rules: { "outside-period": "off" } },
    { baseline: "" },
    { baseline: 3 },
  ];

  for (const [label, schema] of [
    ["checked in", checkedIn],
    ["derived from the rules", configSchema()],
  ] as const) {
    it(`${label}: accepts what the loader accepts`, () => {
      const validate = compile(schema);
      for (const config of valid) {
        expect(validate(config), JSON.stringify(config) + " " + JSON.stringify(validate.errors)).toBe(true);
        expect(() => parseConfig(config)).not.toThrow();
      }
    });

    it(`${label}: rejects what the loader rejects`, () => {
      const validate = compile(schema);
      for (const config of invalid) {
        expect(validate(config), JSON.stringify(config)).toBe(false);
        expect(() => parseConfig(config)).toThrow(ConfigError);
      }
    });
  }

  it("lists every rule by name and by code, with its options and defaults", () => {
    const schema = configSchema() as { properties: { rules: { properties: Record<string, { oneOf: [unknown, { prefixItems: [unknown, { properties: object }] }] }> } } };
    const rules = schema.properties.rules.properties;
    expect(Object.keys(rules).sort()).toEqual(RULES.flatMap((rule) => [rule.name, rule.code]).sort());
    expect(rules["cell-size"]!.oneOf[1].prefixItems[1].properties).toEqual({
      min: { type: "integer", minimum: 0, default: 5, description: "Fewest members and candidates a cell may have." },
      max: { type: "integer", minimum: 0, default: 30, description: "Most members and candidates a cell may have." },
    });
  });

  it("duration options take a positive count and a unit", () => {
    const pattern = new RegExp(durationPattern());
    expect(["3 months", "1 year", "7 days", "2 weeks", "12months"].every((text) => pattern.test(text))).toBe(true);
    expect(["0 months", "3 fortnights", "three months", "3"].some((text) => pattern.test(text))).toBe(false);
  });
});

/** The `pattern` every duration option of the derived schema uses (the loader's). */
function durationPattern(): string {
  const text = JSON.stringify(configSchema());
  const match = /"pattern":("(?:[^"\\]|\\.)*")/.exec(text);
  // No duration option among the rules yet: the loader's pattern is the same one parseDuration uses.
  return match ? (JSON.parse(match[1]!) as string) : "^\\s*([1-9]\\d*)\\s*(day|week|month|year)s?\\s*$";
}
