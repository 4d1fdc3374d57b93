// `orgspec.config.json`: per-rule severities and options. Found by walking up
// from the spec (or named with `--config`). Every mistake is an error naming
// the key; nothing unknown is ignored. Without a file, the embedded default
// rulebook is the catalogue as written.
import { dirname, join, resolve } from "../util/paths.js";
import type { DurationUnit } from "../ast/types.js";
import type { Rulebook, RuleSetting, RuleSeverity } from "../check/run-rules.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import { undecodableByte, type FileHost } from "../program/load.js";
import { closestNames, LineIndex } from "../util/text.js";
import { RULES, RULES_BY_CODE, RULES_BY_NAME } from "../rules/index.js";
import type { AnyRule, Duration, OptionSpec } from "../rules/rule.js";
import { configValue } from "../check/rule-help.js";

export const CONFIG_FILE_NAME = "orgspec.config.json";
const SEVERITIES: readonly RuleSeverity[] = ["off", "info", "warning", "error"];
const TOP_LEVEL_KEYS: readonly string[] = ["rules", "baseline", "$schema"];

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    /** The problem without the file name (`rules.cell-size[1].min must be ...`). */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export interface LoadedConfig {
  /** The file it came from, or `null` for the embedded defaults. */
  readonly file: string | null;
  readonly rulebook: Rulebook;
  /** The `baseline` key: the baseline file, absolute (relative to the configuration's folder in the file), or `null`. */
  readonly baseline: string | null;
}

/** Whether the host has something at a path (what `stat` says, else whether it reads). */
function exists(host: FileHost, path: string): boolean {
  return host.stat ? !("error" in host.stat(path)) : !("error" in host.readFile(path));
}

/** The nearest file called `name` in `start` or a directory above it, as the host sees them. */
export function findFileAbove(start: string, name: string, host: FileHost): string | null {
  let directory = resolve(start);
  for (;;) {
    const candidate = join(directory, name);
    if (exists(host, candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

/** The nearest `orgspec.config.json` in `start` or a directory above it, as the host sees them (in Node: `diskHost`). */
export function findConfigFile(start: string, host: FileHost): string | null {
  return findFileAbove(start, CONFIG_FILE_NAME, host);
}

/**
 * The configuration a command uses: the file `--config` names, else the
 * nearest one walking up from the first path given, else the defaults.
 */
export function loadConfigForPaths(configFlag: string | undefined, paths: readonly string[], cwd: string, host: FileHost): LoadedConfig {
  if (configFlag) return loadConfigFile(resolve(cwd, configFlag), host);
  const first = resolve(cwd, paths[0] ?? ".");
  const info = host.stat?.(first);
  const start = info === undefined || "error" in info ? cwd : info.kind === "directory" ? first : dirname(first);
  const file = findConfigFile(start, host);
  return file ? loadConfigFile(file, host) : { file: null, rulebook: new Map(), baseline: null };
}

export function loadConfigFile(file: string, host: FileHost): LoadedConfig {
  // As specs are read: a regular file only (a FIFO would block), within the size limit, strict UTF-8.
  const read = host.readFile(file);
  if ("error" in read) throw new ConfigError(file, `cannot read the configuration: ${read.error}`);
  if (read.undecodable) {
    const at = new LineIndex(read.text).position(read.undecodable.offset);
    throw new ConfigError(file, `not valid UTF-8 at line ${at.line}, column ${at.column} (${undecodableByte(read.undecodable)})`);
  }
  const text = read.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `not valid JSON: ${(error as Error).message}`);
  }
  return { file, rulebook: parseConfig(json, file), baseline: baselineKey(json, file) };
}

/** The `baseline` key of a valid configuration, resolved against the configuration's folder. */
function baselineKey(json: unknown, file: string): string | null {
  const value = isRecord(json) ? json["baseline"] : undefined;
  if (value === undefined) return null;
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(file, `"baseline" must be the path of a baseline file, such as "orgspec-baseline.json", not ${JSON.stringify(value)}`);
  return resolve(dirname(file), value);
}

/** Validates a parsed configuration object and turns it into a rulebook. */
export function parseConfig(json: unknown, file = "<config>"): Rulebook {
  if (!isRecord(json)) throw new ConfigError(file, "the configuration must be a JSON object");
  for (const key of Object.keys(json)) {
    if (!TOP_LEVEL_KEYS.includes(key)) throw new ConfigError(file, `unknown key "${key}" (expected "rules", "baseline" or "$schema")`);
  }
  baselineKey(json, file);
  const rules = json["rules"] ?? {};
  if (!isRecord(rules)) throw new ConfigError(file, `"rules" must be an object mapping rule names or codes to settings`);
  const rulebook = new Map<string, RuleSetting>();
  for (const [key, value] of Object.entries(rules)) {
    const rule = RULES_BY_NAME.get(key) ?? RULES_BY_CODE.get(key.toUpperCase());
    if (!rule) {
      const language = Object.values(LANGUAGE_CODES).find((entry) => entry.name === key || entry.code === key.toUpperCase());
      if (language) {
        throw new ConfigError(file, `"${key}" in "rules" is ${language.code}, a language code: only bylaw rules (ORG1xx-ORG4xx) can be configured`);
      }
      throw new ConfigError(file, `unknown rule "${key}" in "rules"${didYouMean(key, [...RULES_BY_NAME.keys(), ...RULES_BY_CODE.keys()])} (see \`orgspec rules\` for the list)`);
    }
    if (rulebook.has(rule.code)) throw new ConfigError(file, `rule "${key}" is configured twice (by name and by code)`);
    rulebook.set(rule.code, parseSetting(rule, key, value, file));
  }
  return rulebook;
}

function parseSetting(rule: AnyRule, key: string, value: unknown, file: string): RuleSetting {
  const where = `rules.${key}`;
  if (typeof value === "string") return { severity: parseSeverity(value, where, file), options: {} };
  if (!Array.isArray(value) || value.length < 1 || value.length > 2) {
    throw new ConfigError(file, `${where} must be a severity ("off", "info", "warning", "error") or [severity, { options }]`);
  }
  const severity = parseSeverity(value[0], `${where}[0]`, file);
  const given = value[1] ?? {};
  if (!isRecord(given)) throw new ConfigError(file, `${where}[1] must be an object of options`);
  const options: Record<string, unknown> = {};
  for (const [name, optionValue] of Object.entries(given)) {
    const spec: OptionSpec | undefined = rule.options[name];
    if (!spec) {
      const known = Object.keys(rule.options);
      throw new ConfigError(
        file,
        `unknown option "${name}" for ${rule.name} at ${where}[1]${didYouMean(name, known)}` +
          (known.length > 0 ? ` (options: ${known.join(", ")})` : " (it takes no options)"),
      );
    }
    options[name] = parseOption(spec, optionValue, `${where}[1].${name}`, file);
  }
  return { severity, options };
}

/** `: did you mean "cell-size"?` with the closest candidate, when one is close; else nothing. */
function didYouMean(name: string, candidates: readonly string[]): string {
  const [closest] = closestNames(name, candidates, 1);
  return closest === undefined ? "" : `: did you mean "${closest}"?`;
}

function parseSeverity(value: unknown, where: string, file: string): RuleSeverity {
  if (typeof value === "string" && (SEVERITIES as readonly string[]).includes(value)) return value as RuleSeverity;
  throw new ConfigError(file, `${where} must be one of "off", "info", "warning", "error", not ${JSON.stringify(value)}`);
}

// A positive count (the schema's pattern too, so that it rejects "0 months" as the loader does).
const DURATION_TEXT = /^\s*([1-9]\d*)\s*(day|week|month|year)s?\s*$/;

/** `"3 months"` to a duration, or `null`. */
export function parseDuration(text: string): Duration | null {
  const match = DURATION_TEXT.exec(text);
  if (!match) return null;
  const count = Number(match[1]);
  return count > 0 ? { count, unit: match[2] as DurationUnit } : null;
}

function parseOption(spec: OptionSpec, value: unknown, where: string, file: string): number | Duration {
  if (spec.type === "integer") {
    if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
    throw new ConfigError(file, `${where} must be a whole number, not ${JSON.stringify(value)}`);
  }
  const duration = typeof value === "string" ? parseDuration(value) : null;
  if (duration) return duration;
  throw new ConfigError(file, `${where} must be a duration such as "3 months" or "7 days", not ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON Schema of the configuration file, derived from the rules' options. */
export function configSchema(): object {
  const severity = { enum: SEVERITIES };
  const properties: Record<string, object> = {};
  for (const rule of RULES) {
    const options: Record<string, object> = {};
    for (const [name, spec] of Object.entries(rule.options)) {
      options[name] =
        spec.type === "integer"
          ? { type: "integer", minimum: 0, default: spec.default, description: spec.description }
          : {
              type: "string",
              pattern: DURATION_TEXT.source,
              default: configValue(spec),
              description: spec.description,
            };
    }
    const setting = {
      description: `${rule.code} ${rule.name}: ${rule.summary}`,
      oneOf: [
        severity,
        {
          type: "array",
          prefixItems: [severity, { type: "object", properties: options, additionalProperties: false }],
          items: false,
          minItems: 1,
        },
      ],
    };
    properties[rule.name] = setting;
    properties[rule.code] = setting;
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://orgspec.dev/schema/orgspec.config.schema.json",
    title: "orgspec configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      baseline: { type: "string", minLength: 1, description: "The baseline file (orgspec baseline write), relative to this file." },
      rules: { type: "object", additionalProperties: false, properties },
    },
  };
}
