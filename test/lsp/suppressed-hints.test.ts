// Waived and baselined findings in the editor: hints (shown, never hidden)
// whose message says what suppresses them and why.
import { DiagnosticSeverity } from "vscode-languageserver";
import { describe, expect, it } from "vitest";
import { toLspSuppressedDiagnostic } from "../../lsp/handlers/diagnostics.js";
import { pathToUri } from "../../lsp/positions.js";
import { checkSpec } from "../helpers.js";

const SPEC = `import "committees.org"
cell tiny "Tiny Cell" { // orgspec-waive ORG101 until 2026-12-31 -- merging in the autumn
  under sinuiju
  critique weekly
  secretary a
  deputy b
  member a "A" joined 2010-01-01
  member b "B" joined 2010-01-01
}
`;

describe("a suppressed finding in the editor", () => {
  const result = checkSpec(SPEC);
  const fileOf = (path: string) => result.model.files.find((file) => file.path === path);
  const waived = result.waived.find((diagnostic) => diagnostic.code === "ORG101")!;

  it("is a hint naming the waiver, its expiry and reason, with the waiver among its related places", () => {
    const hint = toLspSuppressedDiagnostic(waived, { by: "waiver" }, fileOf)!;
    expect(hint.severity).toBe(DiagnosticSeverity.Hint);
    expect(hint.code).toBe("ORG101");
    expect(hint.message).toBe("Tiny Cell has 2 members and candidates; a party cell needs 5 to 30 (waived until 2026-12-31: merging in the autumn)");
    expect(hint.range).toEqual({ start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
    expect(hint.relatedInformation![0]).toEqual({
      location: { uri: pathToUri(waived.file), range: { start: { line: 1, character: 24 }, end: { line: 1, character: 89 } } },
      message: "the waiver",
    });
  });

  it("is a hint naming the baseline's reason when the baseline holds it", () => {
    const hint = toLspSuppressedDiagnostic({ ...waived, waivedBy: undefined }, { by: "baseline", file: "/specs/orgspec-baseline.json", reason: "records lost" }, fileOf)!;
    expect(hint.severity).toBe(DiagnosticSeverity.Hint);
    expect(hint.message).toBe("Tiny Cell has 2 members and candidates; a party cell needs 5 to 30 (baselined: records lost)");
    expect(hint.relatedInformation?.some((related) => related.message === "the waiver")).toBe(false);
  });
});
