// The baseline (ratchet): today's findings recorded by fingerprint; later
// checks fail only on new ones, report the ones that no longer occur, and a
// fixed-and-replaced finding of the same code in the same file is new
// (eslint#21226: a per-file count would let the two cancel out).
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { applyBaseline, baselineOf, BaselineError, parseBaseline, pruneBaseline, serializeBaseline } from "../../src/check/baseline.js";
import { checkSpec } from "../helpers.js";

const spec = (meetings: string[]) => `import "committees.org"
period 2026-01-01 to 2026-04-30
cell tiny "Tiny Cell" {
  under sinuiju
  critique weekly
}
${meetings.map((day) => `on ${day} meeting tiny`).join("\n")}
`;
const relative = (file: string) => file.replace(/^.*\//, "");

describe("a baseline", () => {
  const today = checkSpec(spec(["2026-01-12", "2026-02-12", "2026-04-12"])).diagnostics;
  const baseline = baselineOf(today, relative);

  it("records each finding once, sorted, one a line, and reads back as written", () => {
    const text = serializeBaseline(baseline);
    expect(text.split("\n").filter((line) => line.startsWith('    {"id"')).length).toBe(today.length);
    expect(text).toContain('"code":"ORG201","file":"main.org","subject":"unit:tiny/meeting/month:2026-03","reason":""');
    expect(parseBaseline(text)).toEqual({ version: 1, findings: [...baseline.findings].sort((a, b) => (a.file + a.code + a.subject < b.file + b.code + b.subject ? -1 : 1)) });
    expect(serializeBaseline(parseBaseline(text))).toBe(text);
  });

  it("suppresses what it holds and passes nothing new", () => {
    const result = applyBaseline(today, baseline);
    expect(result.fresh).toEqual([]);
    expect(result.baselined.map(({ diagnostic }) => diagnostic.code).sort()).toEqual(today.map((d) => d.code).sort());
    expect(result.gone).toEqual([]);
  });

  it("treats a fixed-and-replaced finding of the same code in the same file as new, and the fixed one as gone", () => {
    // March's meeting is held now, April's is missing: still one ORG201 in main.org, but another one.
    const later = checkSpec(spec(["2026-01-12", "2026-02-12", "2026-03-12"])).diagnostics;
    expect(later.filter((d) => d.code === "ORG201").map((d) => d.subject)).toEqual(["unit:tiny/meeting/month:2026-04"]);
    const result = applyBaseline(later, baseline);
    expect(result.fresh.map((d) => `${d.code} ${d.subject}`)).toEqual(["ORG201 unit:tiny/meeting/month:2026-04"]);
    expect(result.gone.map((entry) => `${entry.code} ${entry.subject}`)).toEqual(["ORG201 unit:tiny/meeting/month:2026-03"]);
    const pruned = pruneBaseline(baseline, result.gone);
    expect(pruned.findings).toHaveLength(baseline.findings.length - 1);
  });

  it("keeps the reasons an earlier baseline gave when written again", () => {
    const reasoned = { ...baseline, findings: baseline.findings.map((entry) => ({ ...entry, reason: `accepted: ${entry.code}` })) };
    expect(baselineOf(today, relative, reasoned).findings.every((entry) => entry.reason === `accepted: ${entry.code}`)).toBe(true);
  });

  it("is refused, with the reason, when it is not a baseline", () => {
    expect(() => parseBaseline("{")).toThrow(BaselineError);
    expect(() => parseBaseline('{"version":2,"findings":[]}')).toThrow("not an orgspec baseline (version 1 with a \"findings\" list)");
    expect(() => parseBaseline('{"version":1,"findings":[{"id":1}]}')).toThrow("finding 1 needs string fields id, code, file, subject and reason");
  });
});

describe("the baseline file", () => {
  it("validates against schema/orgspec-baseline.schema.json", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schema/orgspec-baseline.schema.json", import.meta.url), "utf8")) as object;
    const validate = new Ajv({ strict: true }).compile(schema);
    const text = serializeBaseline(baselineOf(checkSpec(spec(["2026-01-12"])).diagnostics, relative));
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ version: 1, findings: [{ id: "x", code: "ORG201", file: "a", subject: "s", reason: "" }] })).toBe(false);
  });
});

describe("a language diagnostic in the baseline", () => {
  it("is recorded with its message as the subject, since it has no subject in the model", () => {
    const diagnostics = checkSpec('import "committees.org"\ncell tiny "Tiny Cell" { under nowhere }\n', { rules: [] }).diagnostics;
    const entry = baselineOf(diagnostics, relative).findings.find((finding) => finding.code === "ORG002")!;
    expect(entry.subject).toBe("message:no unit or person named `nowhere`");
  });
});
