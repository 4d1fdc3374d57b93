// `checkPaths` with `keepModels: false` (what `orgspec check` runs with
// `--jobs 1`): each program's model is let go once its diagnostics are
// merged, and every report is byte for byte the one made from the whole
// models. The fixtures: several entries sharing files, a waiver in a shared
// file, a duplicate across files (a related location in another file), and
// a syntax error in an imported file.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPaths, checkProgram, type PathsResult } from "../../src/check/check.js";
import { suppressedBy } from "../../src/cli/baseline-file.js";
import { renderJson } from "../../src/reporters/json.js";
import { SourceLookup } from "../../src/reporters/locate.js";
import { waivedOf } from "../../src/reporters/outcome.js";
import { renderSarif } from "../../src/reporters/sarif.js";
import { renderText } from "../../src/reporters/text.js";
import { FIXTURES, run } from "../fixtures/support.js";

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "orgspec-lean-"));
  for (const name of ["shared-waiver", "duplicate", "discovery"]) cpSync(join(FIXTURES, name), join(root, name), { recursive: true });
  mkdirSync(join(root, "broken"));
  writeFileSync(join(root, "broken", "units.org"), 'committee c "C" { level county }\ncell x "X" { under c\n');
  writeFileSync(join(root, "broken", "main.org"), 'import "units.org"\nperiod 2026-01-01 to 2026-06-30\ncell y "Y" { under c }\n');
  writeFileSync(join(root, "broken", "other.org"), 'import "units.org"\ncell z "Z" { under nowhere }\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = { config: "none", today: 20_600 } as const;

/** What `orgspec check` prints for a result (no baseline), in each format. */
function reports(result: PathsResult): Record<string, string> {
  const lookup = new SourceLookup(result.programs);
  const { reported, suppressed } = suppressedBy(null, result, waivedOf(result));
  const report = { cwd: root, checkedFiles: result.files.length, waived: result.waived, suppressed };
  return { json: renderJson(reported, lookup, report), sarif: renderSarif(reported, lookup, report), text: renderText(reported, lookup, { ...report, color: false }) };
}

describe("checkPaths without the models", () => {
  it("prints every report byte for byte as with the models, and keeps none of them", () => {
    const full = checkPaths([root], options);
    const lean = checkPaths([root], { ...options, keepModels: false });
    expect(full.discovery.entries.length).toBeGreaterThanOrEqual(6);
    const codes = new Set(full.diagnostics.map((diagnostic) => diagnostic.code));
    // A syntax error, a finding with a related location in another file, a waived one: what the lookup must still place.
    expect(full.diagnostics.some((diagnostic) => diagnostic.related.some((related) => related.file !== diagnostic.file))).toBe(true);
    expect(full.waived).toBeGreaterThan(0);
    expect(codes.size).toBeGreaterThan(3);
    expect(reports(lean)).toEqual(reports(full));
    expect({ ...lean, programs: [] }).toEqual({ ...full, programs: [] });
    expect(full.programs.every((program) => program.model.units.length > 0)).toBe(true);
    expect(lean.programs.every((program) => program.model.units.length === 0 && program.model.symbols.size === 0)).toBe(true);
    expect(lean.programs.flatMap((program) => program.model.files).every((file) => file.ast.statements.length === 0)).toBe(true);
  });

  it("is what orgspec check prints with --jobs 1", async () => {
    const cli = await run(["check", ".", "--format", "json", "--jobs", "1"], { cwd: root });
    expect(cli.stderr).toBe("");
    // The CLI's today is the real date: compare on a check whose waivers do not expire.
    expect(cli.stdout).toBe(reports(checkPaths([root], { config: "none" })).json);
  });

  it("leaves checkProgram's model whole", () => {
    const program = checkProgram(join(root, "shared-waiver", "a.org"), options);
    expect(program.model.units.length).toBeGreaterThan(0);
    expect(program.model.files.every((file) => file.ast.statements.length > 0)).toBe(true);
  });
});
