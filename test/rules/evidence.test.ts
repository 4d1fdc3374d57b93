// Every rule's finding carries its evidence (the records read, with where they
// are, and the values computed, ending with the bylaw) and a subject that,
// with the code, is its fingerprint. One diagnostic per rule, from the rule's
// own failing example, is held to its exact chain (the snapshot file beside
// this test), and every chain is checked for its shape.
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import { checkSpec } from "../helpers.js";

describe.each(RULES.map((rule) => [rule.code, rule] as const))("%s evidence", (code, rule) => {
  const result = checkSpec(`import "committees.org"\n${rule.docs.failing}`);
  const findings = result.diagnostics.filter((diagnostic) => diagnostic.code === code);

  it("has a subject, a fingerprint, and evidence that ends with the bylaw", () => {
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.subject).toMatch(/^(unit|person|application):[a-z_0-9]+/);
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{14}$/);
      const steps = finding.evidence ?? [];
      expect(steps.at(-1)).toEqual({ kind: "bylaw", text: `${rule.citation.section}: "${rule.citation.quote}"` });
      expect(steps.length).toBeGreaterThan(1);
      for (const step of steps.filter((candidate) => candidate.kind === "read")) {
        expect(result.model.files.some((file) => file.path === step.location?.file)).toBe(true);
      }
    }
  });

  it("gives the exact chain of its first finding", () => {
    const [first] = findings;
    const chain = (first?.evidence ?? []).map((step) => {
      const where = step.location ? `${result.at({ ...first!, file: step.location.file, span: step.location.span })} ` : "";
      return `${step.kind}: ${where}${step.text}`;
    });
    expect([`subject: ${first?.subject}`, ...chain]).toMatchSnapshot();
  });
});

describe("fingerprints", () => {
  const base = `import "committees.org"
period 2026-01-01 to 2026-03-31
cell tiny "Tiny Cell" {
  under sinuiju
  critique weekly
}
on 2026-01-12 meeting tiny
`;
  const ids = (text: string) => checkSpec(text).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.fingerprint}`);

  it("survive reformatting and moving statements", () => {
    const moved = `import "committees.org"

on 2026-01-12   meeting tiny

cell tiny "Tiny Cell" { under sinuiju
    critique weekly }
period 2026-01-01 to 2026-03-31
`;
    expect(ids(moved).sort()).toEqual(ids(base).sort());
  });

  it("tell a fixed-and-replaced finding of the same code from the old one (its subject differs)", () => {
    // February's missing meeting is held; March's goes missing instead: ORG201 twice, both before and after, but not the same findings.
    const before = checkSpec(`${base}on 2026-03-12 meeting tiny\n`).diagnostics.filter((d) => d.code === "ORG201");
    const after = checkSpec(`${base}on 2026-02-12 meeting tiny\n`).diagnostics.filter((d) => d.code === "ORG201");
    expect(before.map((d) => d.subject)).toEqual(["unit:tiny/meeting/month:2026-02"]);
    expect(after.map((d) => d.subject)).toEqual(["unit:tiny/meeting/month:2026-03"]);
    expect(before[0]!.fingerprint).not.toBe(after[0]!.fingerprint);
  });
});
