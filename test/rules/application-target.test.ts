import { describe, expect, it } from "vitest";
import { applicationTarget } from "../../src/rules/membership/application-target.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program with events from line 14. */
const spec = (events: string[]) => `import "committees.org"\n${membershipExample([], events)}\n`;
/** The range of a one-line statement. */
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;

describe("ORG301 application-target", () => {
  it("reports an application to a committee, on the application", () => {
    const event = `on 2026-05-05 application ri_gyong "Ri Gyong" to sinuiju { recommended by kim_a, ri_b }`;
    const result = checkSpec(spec([event]));
    expect(reported(result, "ORG301")).toEqual([
      `${range(14, event)} Ri Gyong applied on 2026-05-05 to Sinuiju City Party Committee, a party committee; an application is submitted to a party cell`,
    ]);
    expect(result.diagnostics.find((d) => d.code === "ORG301")?.severity).toBe("error");
  });

  it("names the kind of unit applied to", () => {
    const primary = `primary works "Works Primary Party Organization" {\n  under sinuiju\n}`;
    const event = `on 2026-05-05 application ri_gyong "Ri Gyong" to works { recommended by kim_a, ri_b }`;
    expect(reported(checkSpec(spec([primary, event])), "ORG301")).toEqual([
      `${range(17, event)} Ri Gyong applied on 2026-05-05 to Works Primary Party Organization, a primary party organization; an application is submitted to a party cell`,
    ]);
  });

  it("accepts an application to a cell", () => {
    expect(reported(checkSpec(spec([`on 2026-05-05 application ri_gyong "Ri Gyong" to acad { recommended by kim_a, ri_b }`])), "ORG301")).toEqual([]);
  });

  it("stays silent when the unit does not resolve (ORG002 says it)", () => {
    const result = checkSpec(spec([`on 2026-05-05 application ri_gyong "Ri Gyong" to akad { recommended by kim_a, ri_b }`]));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG301")).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${applicationTarget.docs.failing}`), "ORG301")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${applicationTarget.docs.passing}`), "ORG301")).toEqual([]);
  });
});
