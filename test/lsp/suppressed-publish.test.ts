// The workspace publishes waived and baselined findings as hints beside the
// new ones, with the baseline `orgspec check` would apply: the nearest
// orgspec-baseline.json above the entry, or the configuration's `baseline`.
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity } from "vscode-languageserver";
import { afterEach, describe, expect, it } from "vitest";
import { baselineOf, checkProgram, serializeBaseline } from "../../src/index.js";
import { COMMITTEES } from "../helpers.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

const cell = (id: string, waiver = "") => `cell ${id} "${id} Cell" {${waiver}
  under sinuiju
  critique weekly
  secretary ${id}_a
  deputy ${id}_b
  member ${id}_a "A" joined 2010-01-01
  member ${id}_b "B" joined 2010-01-01
}
`;

const MAIN = `import "committees.org"
${cell("old")}${cell("new")}${cell("kept", " // orgspec-waive ORG101 until 2026-12-31 -- merging in the autumn")}`;

/** The baseline `orgspec baseline write` would record at `at` for a program, accepting only the findings whose message names `accepted`. */
function baselineAccepting(root: string, at: string, accepted: string): string {
  const result = checkProgram(join(root, "main.org"));
  const chosen = result.diagnostics.filter((diagnostic) => diagnostic.message.includes(accepted));
  const baseline = baselineOf(chosen, (file) => relative(dirname(join(root, at)), file));
  return serializeBaseline({ ...baseline, findings: baseline.findings.map((entry) => ({ ...entry, reason: "records of 2019 lost" })) });
}

/** A finding's severity and message, one line each, in the order published. */
function shown(workspace: TestWorkspace): string[] {
  return (workspace.last("main.org") ?? []).filter((diagnostic) => diagnostic.code === "ORG101").map((diagnostic) => `${diagnostic.severity}: ${diagnostic.message}`);
}

describe("suppressed findings in the editor", () => {
  let workspace: TestWorkspace | undefined;
  afterEach(() => workspace?.dispose());

  it("are hints saying what suppresses them, after the new findings", () => {
    workspace = testWorkspace({ "committees.org": COMMITTEES, "main.org": MAIN });
    workspace.write("orgspec-baseline.json", baselineAccepting(workspace.root, "orgspec-baseline.json", "old Cell"));
    workspace.open("main.org", MAIN);
    expect(shown(workspace)).toEqual([
      `${DiagnosticSeverity.Error}: new Cell has 2 members and candidates; a party cell needs 5 to 30`,
      `${DiagnosticSeverity.Hint}: old Cell has 2 members and candidates; a party cell needs 5 to 30 (baselined: records of 2019 lost)`,
      `${DiagnosticSeverity.Hint}: kept Cell has 2 members and candidates; a party cell needs 5 to 30 (waived until 2026-12-31: merging in the autumn)`,
    ]);
  });

  it("follow the baseline file when it changes on disk", () => {
    workspace = testWorkspace({ "committees.org": COMMITTEES, "main.org": MAIN });
    workspace.open("main.org", MAIN);
    expect(shown(workspace).filter((line) => line.startsWith(`${DiagnosticSeverity.Error}:`))).toHaveLength(2);
    workspace.write("orgspec-baseline.json", baselineAccepting(workspace.root, "orgspec-baseline.json", "new Cell"));
    workspace.workspace.filesChanged([pathToFileURL(join(workspace.root, "orgspec-baseline.json")).href]);
    workspace.workspace.flush();
    expect(shown(workspace)[0]).toBe(`${DiagnosticSeverity.Error}: old Cell has 2 members and candidates; a party cell needs 5 to 30`);
    expect(shown(workspace)[1]).toBe(`${DiagnosticSeverity.Hint}: new Cell has 2 members and candidates; a party cell needs 5 to 30 (baselined: records of 2019 lost)`);
  });

  it("use the baseline the configuration names", () => {
    workspace = testWorkspace({ "committees.org": COMMITTEES, "main.org": MAIN, "orgspec.config.json": `{ "baseline": "ci/accepted.json" }` });
    workspace.write("ci/accepted.json", baselineAccepting(workspace.root, "ci/accepted.json", "new Cell"));
    workspace.write("orgspec-baseline.json", baselineAccepting(workspace.root, "orgspec-baseline.json", "old Cell"));
    workspace.open("main.org", MAIN);
    expect(shown(workspace).slice(0, 2)).toEqual([
      `${DiagnosticSeverity.Error}: old Cell has 2 members and candidates; a party cell needs 5 to 30`,
      `${DiagnosticSeverity.Hint}: new Cell has 2 members and candidates; a party cell needs 5 to 30 (baselined: records of 2019 lost)`,
    ]);
  });

  it("ignore a baseline that is not one: every finding is new", () => {
    workspace = testWorkspace({ "committees.org": COMMITTEES, "main.org": MAIN, "orgspec-baseline.json": "{ not json" });
    workspace.open("main.org", MAIN);
    expect(shown(workspace).map((line) => line.slice(0, 2))).toEqual([`${DiagnosticSeverity.Error}:`, `${DiagnosticSeverity.Error}:`, `${DiagnosticSeverity.Hint}:`]);
  });
});
