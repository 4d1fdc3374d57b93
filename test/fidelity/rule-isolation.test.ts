// A rule that throws does not abort the check: its failure is one ORG012
// naming it, and every other rule's diagnostics still appear.
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import { defineRule, type AnyRule } from "../../src/rules/rule.js";
import { checkSpec, reported } from "../helpers.js";

const broken: AnyRule = defineRule({
  ...RULES[0]!,
  code: "ORG999",
  name: "broken",
  options: {},
  check({ model, report }) {
    const unit = model.units[0]!;
    // A partial finding, then the failure: the partial finding must not survive.
    report({ file: unit.file, span: unit.decl.id.span, message: "half a finding", subject: `unit:${unit.id}`, evidence: [] });
    throw new TypeError("cannot read properties of undefined (reading 'day')");
  },
});

const SPEC = `import "committees.org"
cell tiny "Tiny Cell" {
  under sinuiju
  critique weekly
  member a "A" joined 2010-01-01
}
`;

describe("a rule that throws", () => {
  it("becomes one ORG012 naming the rule, with its stack kept for --debug, and the other rules still report", () => {
    const all = checkSpec(SPEC);
    const withBroken = checkSpec(SPEC, { rules: [...RULES.slice(0, 3), broken, ...RULES.slice(3)] });
    expect(reported(withBroken, "ORG012")).toEqual([
      "1:1-1:1 rule ORG999 broken failed with an internal error (cannot read properties of undefined (reading 'day')); its findings are missing. " +
        "This is a bug in orgspec: please report it with this spec (--debug prints the stack)",
    ]);
    const internal = withBroken.diagnostics.find((diagnostic) => diagnostic.code === "ORG012")!;
    expect(internal.severity).toBe("error");
    expect(internal.detail).toMatch(/^TypeError: cannot read properties of undefined \(reading 'day'\)\n\s+at /);
    expect(withBroken.diagnostics.some((diagnostic) => diagnostic.message === "half a finding")).toBe(false);
    // Every other rule's diagnostics, unchanged.
    expect(withBroken.diagnostics.filter((diagnostic) => diagnostic.code !== "ORG012")).toEqual(all.diagnostics);
    expect(all.codes()).toEqual(["ORG009", "ORG101", "ORG110"]);
  });
});
