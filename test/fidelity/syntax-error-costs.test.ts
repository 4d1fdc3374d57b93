// A syntax error never hides violations silently: the cadence rules stay
// silent on a unit whose event did not parse (one cause, one diagnostic), and
// the ORG001 says what that cost, in every output: JSON `related`, SARIF
// `relatedLocations`, and the language server's `relatedInformation`.
import { describe, expect, it } from "vitest";
import { toLspDiagnostic } from "../../lsp/handlers/diagnostics.js";
import { renderJson } from "../../src/reporters/json.js";
import { SourceLookup } from "../../src/reporters/locate.js";
import { renderSarif } from "../../src/reporters/sarif.js";
import { checkSpec, VIRTUAL_ROOT } from "../helpers.js";

const SPEC = `import "committees.org"
period 2026-01-01 to 2026-03-31
cell tiny "Tiny Cell" {
  under sinuiju
  critique weekly
}
on 2026-01-12 meeting tiny
on 2026-03-01 meting tiny
`;

const NOTE = "the meeting, Party Life Critique and report cadences of Tiny Cell (ORG201, ORG206, ORG401) were not checked because this line did not parse";

describe("what a syntax error cost", () => {
  const result = checkSpec(SPEC);
  const syntax = result.diagnostics.find((diagnostic) => diagnostic.code === "ORG001")!;

  it("is one related note per affected unit, at the unit's identifier, and no cadence diagnostic", () => {
    expect(result.codes().filter((code) => code !== "ORG101" && code !== "ORG110")).toEqual(["ORG001"]);
    expect(syntax.related.map((note) => `${result.at({ ...syntax, span: note.span })} ${note.message}`)).toEqual([`3:6-3:10 ${NOTE}`]);
  });

  it("is in the JSON report's related list", () => {
    const json = JSON.parse(renderJson(result.diagnostics, new SourceLookup([result]), { cwd: VIRTUAL_ROOT, checkedFiles: 2, waived: 0 })) as {
      diagnostics: { code: string; related: { file: string; range: { start: { line: number; column: number } }; message: string }[] }[];
    };
    const related = json.diagnostics.find((diagnostic) => diagnostic.code === "ORG001")!.related;
    expect(related.map((note) => `${note.file}:${note.range.start.line}:${note.range.start.column} ${note.message}`)).toEqual([`main.org:3:6 ${NOTE}`]);
  });

  it("is in SARIF's relatedLocations", () => {
    const sarif = JSON.parse(renderSarif(result.diagnostics, new SourceLookup([result]), { cwd: VIRTUAL_ROOT })) as {
      runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { region: { startLine: number } }; message: { text: string } }[] }[] }[];
    };
    const found = sarif.runs[0]!.results.find((entry) => entry.ruleId === "ORG001")!;
    expect(found.relatedLocations?.map((location) => `${location.physicalLocation.region.startLine} ${location.message.text}`)).toEqual([`3 ${NOTE}`]);
  });

  it("is in the language server's relatedInformation", () => {
    const fileOf = (path: string) => result.model.files.find((file) => file.path === path);
    const lsp = toLspDiagnostic(syntax, fileOf)!;
    expect(lsp.relatedInformation?.map((info) => `${info.location.range.start.line}:${info.location.range.start.character} ${info.message}`)).toEqual([
      `2:5 ${NOTE}`,
    ]);
  });
});

describe("a finding's evidence in the editor", () => {
  it("is related information, one entry per step, records at their place and the rest at the finding", () => {
    const result = checkSpec(`import "committees.org"
period 2026-01-01 to 2026-03-31
cell tiny "Tiny Cell" {
  under sinuiju
  critique weekly
}
on 2026-01-12 meeting tiny
on 2026-03-12 meeting tiny
`);
    const finding = result.diagnostics.find((diagnostic) => diagnostic.code === "ORG201")!;
    const fileOf = (path: string) => result.model.files.find((file) => file.path === path);
    const lsp = toLspDiagnostic(finding, fileOf)!;
    expect(lsp.relatedInformation?.map((info) => `${info.location.range.start.line}:${info.location.range.start.character} ${info.message}`)).toEqual([
      '2:5 evidence 1: cell tiny "Tiny Cell" (a party cell, size 0)',
      "2:5 evidence 2: window 2026-01-01 to 2026-03-31 (the period)",
      "2:5 evidence 3: 2026-02 lies wholly in the window and holds 0 meetings; at least 1 required",
      '2:5 evidence 4: Party Cells: "Party cell meetings are held at least once a month and are led by a party cell secretary and a deputy (vice) secretary."',
    ]);
  });
});
