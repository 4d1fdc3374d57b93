// The SARIF reporter: valid against the official SARIF 2.1.0 schema, every
// catalogue entry as a rule, results pointing at their rule and location.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE, docsUrl } from "../../src/check/codes.js";
import { ruleHelpMarkdown } from "../../src/check/rule-help.js";
import { TOOL_VERSION } from "../../src/reporters/version.js";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion };
  message?: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: Record<string, unknown>;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

let validate: ReturnType<Ajv["compile"]>;
beforeAll(() => {
  // The shipped schema declares draft-04, which Ajv 8 does not bundle. It uses
  // nothing whose meaning changed since (no boolean exclusiveMinimum, only local
  // `#/definitions` refs), so it is compiled as draft-07 with `id` as `$id`.
  const { $schema, id, ...rest } = SARIF_SCHEMA as { $schema: string; id: string };
  expect($schema).toBe("http://json-schema.org/draft-04/schema#");
  expect(JSON.stringify(rest)).not.toContain("exclusiveM");
  // Its `language` pattern has a stray `]` that only a non-Unicode RegExp accepts.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  validate = ajv.compile({ $schema: "http://json-schema.org/draft-07/schema#", $id: id, ...rest });
});

async function sarif(name: string, args: readonly string[] = ["main.org"], config: Record<string, unknown> = {}) {
  const cwd = fixture(name, config);
  const result = await run(["check", "--format", "sarif", ...args], { cwd });
  expect(result.stderr).toBe("");
  const log = JSON.parse(result.stdout) as SarifLog;
  return { cwd, status: result.status, log };
}

function expectValid(log: unknown) {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe("--format sarif", () => {
  it("validates against the SARIF 2.1.0 schema", async () => {
    for (const name of ["basic", "clean", "duplicate", "discovery", "waivers"]) {
      const { log } = await sarif(name, ["."]);
      expectValid(log);
    }
  });

  it("the schema check is not vacuous", async () => {
    const { log } = await sarif("basic");
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[]; version: string };
    broken.runs[0]!.results[0]!.level = "fatal";
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
  });

  it("has one run whose driver describes orgspec and every catalogue entry", async () => {
    const { log } = await sarif("basic");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect([driver.name, driver.version, driver.semanticVersion]).toEqual(["orgspec", TOOL_VERSION, TOOL_VERSION]);
    expect(driver.rules.map((rule) => rule.id)).toEqual(CATALOGUE.map((entry) => entry.code));
    for (const [index, entry] of CATALOGUE.entries()) {
      const rule = driver.rules[index]!;
      expect(rule).toMatchObject({
        id: entry.code,
        name: entry.name,
        shortDescription: { text: entry.summary },
        fullDescription: { text: entry.docs.description },
        help: { text: ruleHelpMarkdown(entry), markdown: ruleHelpMarkdown(entry) },
        helpUri: docsUrl(entry),
        defaultConfiguration: { level: { error: "error", warning: "warning", info: "note" }[entry.severity] },
      });
      expect(rule.properties["category"]).toBe(entry.category);
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules\\.md#${entry.code.toLowerCase()}-${entry.name}$`));
      expect(() => new URL(rule.helpUri)).not.toThrow();
    }
    const cellSize = driver.rules.find((rule) => rule.id === "ORG101")!;
    expect(cellSize.properties["citation"]).toEqual({
      section: "Party Cells",
      quote: "The party cell consists of between five (5) and 30 party members and candidate party members",
    });
    expect(cellSize.help.markdown).toContain("- `min` (default 5): Fewest members and candidates a cell may have.");
  });

  it("has results with their rule, level, message and a location relative to the working directory", async () => {
    const { cwd, status, log } = await sarif("basic");
    expect(status).toBe(1);
    const run0 = log.runs[0]!;
    expect(run0.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: pathToFileURL(cwd + "/").href } });
    expect(run0.results).toEqual([
      {
        ruleId: "ORG101",
        ruleIndex: CATALOGUE.findIndex((entry) => entry.code === "ORG101"),
        level: "error",
        message: { text: "Sawmill Cell has 4 members and candidates; a party cell needs 5 to 30" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "main.org", uriBaseId: "%SRCROOT%" },
              region: { startLine: 4, startColumn: 6, endLine: 4, endColumn: 10 },
            },
          },
        ],
        partialFingerprints: { "orgspecFingerprint/v1": "1d317e5e4fcdd6", primaryLocationLineHash: "1d317e5e4fcdd6" },
        codeFlows: [
          {
            message: { text: "the records read and the values computed, ending with the bylaw" },
            threadFlows: [
              {
                locations: [
                  {
                    location: {
                      physicalLocation: {
                        artifactLocation: { uri: "main.org", uriBaseId: "%SRCROOT%" },
                        region: { startLine: 4, startColumn: 6, endLine: 4, endColumn: 10 },
                      },
                      message: { text: 'cell tiny "Sawmill Cell" (a party cell, size 4)' },
                    },
                    kinds: ["read"],
                    executionOrder: 1,
                  },
                  {
                    location: { message: { text: "4 distinct members and candidates in its own roster (no unit is under it)" } },
                    kinds: ["computed"],
                    executionOrder: 2,
                  },
                  {
                    location: { message: { text: 'Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"' } },
                    kinds: ["bylaw"],
                    executionOrder: 3,
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        ruleId: "ORG007",
        ruleIndex: CATALOGUE.findIndex((entry) => entry.code === "ORG007"),
        level: "warning",
        message: { text: "this event on 2026-07-01 is after the period's end (2026-06-30)" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "main.org", uriBaseId: "%SRCROOT%" },
              region: { startLine: 12, startColumn: 1, endLine: 12, endColumn: 27 },
            },
          },
        ],
        partialFingerprints: { "orgspecFingerprint/v1": "03edc21f6551f0", primaryLocationLineHash: "03edc21f6551f0" },
      },
    ]);
    for (const result of run0.results) expect(run0.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it("maps info to note, and a configured severity to the result's level", async () => {
    const { log } = await sarif("discovery", ["."], { "cell-size": "warning" });
    const results = log.runs[0]!.results;
    expect(results.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri} ${result.ruleId} ${result.level}`)).toEqual([
      "a.org ORG009 note",
      "b.org ORG009 note",
      "committees.org ORG101 warning",
    ]);
    for (const result of results) expect(log.runs[0]!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it("carries related locations", async () => {
    const { log } = await sarif("duplicate");
    const [first, second] = log.runs[0]!.results;
    expect(first!.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: "committees.org", uriBaseId: "%SRCROOT%" },
          region: { startLine: 10, startColumn: 11, endLine: 10, endColumn: 15 },
        },
        message: { text: "`uiju` first declared here" },
      },
    ]);
    expect(second!.relatedLocations![0]!.physicalLocation.region).toEqual({ startLine: 11, startColumn: 10, endLine: 11, endColumn: 11 });
  });

  it("writes URIs relative to the working directory, percent-encoded", async () => {
    const cwd = fixture("nested");
    const result = await run(["check", "--format", "sarif", "specs/deep/main.org"], { cwd });
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(log.runs[0]!.results.map((entry) => entry.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(["specs/deep/main.org"]);
    expectValid(log);
    // A space, `#` and `?` in a name are encoded, `/` between segments is not (the copy imports ../committees.org too).
    mkdirSync(join(cwd, "specs", "old drafts"));
    copyFileSync(join(cwd, "specs", "deep", "main.org"), join(cwd, "specs", "old drafts", "cell #4?.org"));
    const odd = JSON.parse((await run(["check", "--format", "sarif", "specs/old drafts"], { cwd })).stdout) as SarifLog;
    const uri = odd.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri).toBe("specs/old%20drafts/cell%20%234%3F.org");
    expect(decodeURIComponent(new URL(uri, pathToFileURL(cwd + "/")).pathname)).toBe(join(cwd, "specs", "old drafts", "cell #4?.org"));
    expectValid(odd);
  });
});

describe("--format sarif with a baseline and waivers", () => {
  it("carries baselined findings as external suppressions and waived ones as inSource, with the reason and expiry; valid SARIF", async () => {
    const cwd = fixture("meetings", { "cell-meeting": "error" });
    const main = join(cwd, "main.org");
    // March's missing meeting baselined (with a reason); the new cell's meetings waived; its size new.
    writeFileSync(
      join(cwd, "orgspec-baseline.json"),
      '{\n  "version": 1,\n  "findings": [\n    {"id":"00000000000001","code":"ORG201","file":"main.org","subject":"unit:mill3/meeting/month:2025-12","reason":""},\n    {"id":"1f30e813bb069c","code":"ORG201","file":"main.org","subject":"unit:mill3/meeting/month:2026-03","reason":"minutes in the archive"}\n  ]\n}\n',
    );
    const text = readFileSync(main, "utf8").replace("on 2026-04-12 meeting mill3\n", "");
    writeFileSync(main, `${text}cell tiny "Tiny Cell" { // orgspec-waive ORG201 until 2026-12-31 -- founded in April\n  under uiju\n  member f "F" joined 2010-01-01\n}\n`);
    const result = await run(["check", "--format", "sarif", "main.org"], { cwd });
    expect(result.stderr).toBe("");
    const log = JSON.parse(result.stdout) as SarifLog;
    expectValid(log);
    const results = log.runs[0]!.results as (SarifResult & { baselineState?: string; suppressions?: object[]; partialFingerprints?: Record<string, string> })[];
    const waiver = {
      kind: "inSource",
      status: "accepted",
      justification: "founded in April",
      location: { physicalLocation: { artifactLocation: { uri: "main.org", uriBaseId: "%SRCROOT%" }, region: { startLine: 19, startColumn: 25, endLine: 19, endColumn: 85 } } },
      properties: { until: "2026-12-31" },
    };
    expect(results.map((entry) => [entry.ruleId, entry.baselineState, entry.message.text, entry.suppressions ?? []])).toEqual([
      ["ORG201", "new", "Mill No. 3 Cell held no meeting in 2026-04; a party cell meets at least once a month", []],
      ["ORG101", "new", "Tiny Cell has 1 member or candidate; a party cell needs 5 to 30", []],
      [
        "ORG201",
        "unchanged",
        "Mill No. 3 Cell held no meeting in 2026-03; a party cell meets at least once a month",
        [{ kind: "external", status: "accepted", justification: "minutes in the archive", properties: { baseline: "orgspec-baseline.json" } }],
      ],
      ...["01", "02", "03", "04"].map((month) => ["ORG201", "new", `Tiny Cell held no meeting in 2026-${month}; a party cell meets at least once a month`, [waiver]]),
    ]);
    expect(results[2]!.partialFingerprints).toEqual({ "orgspecFingerprint/v1": "1f30e813bb069c", primaryLocationLineHash: "1f30e813bb069c" });
    // The entry that no longer occurs is a notification, not a result.
    expect((log.runs[0] as { invocations?: unknown }).invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: "note",
            message: { text: "baselined ORG201 unit:mill3/meeting/month:2025-12 in main.org no longer occurs; `orgspec baseline prune` removes it" },
            descriptor: { id: "baseline-entry-gone" },
          },
        ],
      },
    ]);
  });
});
