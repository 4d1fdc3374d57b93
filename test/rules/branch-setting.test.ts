import { describe, expect, it } from "vitest";
import { branchSetting } from "../../src/rules/structure/branch-setting.js";
import { checkSpec, reported } from "../helpers.js";

/** A primary, then a branch on line 6 (its ID at 6:8-6:9) with `properties` from line 8. */
function branch(properties: string): string {
  return `import "committees.org"
primary p "Test Primary" {
  under sinuiju
  setting workplace
}
branch b "Test Branch" {
  under p
${properties}
}
`;
}

const NEED = "a branch party organization is established at a workplace or production site (`setting workplace`)";

describe("ORG104 branch-setting", () => {
  it("reports a branch set in government, on the setting line", () => {
    const result = checkSpec(branch("  setting government"));
    expect(reported(result, "ORG104")).toEqual([`8:3-8:21 Test Branch has \`setting government\`; ${NEED}`]);
    expect(result.diagnostics.find((d) => d.code === "ORG104")?.severity).toBe("error");
  });

  it("reports a branch with no setting on its identifier", () => {
    expect(reported(checkSpec(branch("")), "ORG104")).toEqual([`6:8-6:9 Test Branch has no \`setting\`; ${NEED}`]);
  });

  it("accepts a workplace", () => {
    expect(reported(checkSpec(branch("  setting workplace")), "ORG104")).toEqual([]);
  });

  it("stays silent about a setting word the language does not know (ORG001)", () => {
    const result = checkSpec(branch("  setting factory"));
    expect(result.codes()).toContain("ORG001");
    expect(reported(result, "ORG104")).toEqual([]);
  });

  it("leaves cells and primaries alone", () => {
    const spec = `import "committees.org"
primary p "Test Primary" {
  under sinuiju
  setting government
}
cell c "Test Cell" {
  under uiju
  setting residential
}
`;
    expect(reported(checkSpec(spec), "ORG104")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${branchSetting.docs.failing}`), "ORG104")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${branchSetting.docs.passing}`), "ORG104")).toEqual([]);
  });
});
