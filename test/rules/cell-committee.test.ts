import { describe, expect, it } from "vitest";
import { exampleRoster } from "../../src/rules/shared/structure-examples.js";
import { cellCommittee } from "../../src/rules/structure/cell-committee.js";
import { checkSpec, reported } from "../helpers.js";

/** A cell on line 2 (its ID at 2:6-2:11) under `under`, secretary d1 (line 4), deputy d2 (line 5), `committee` on line 6, `count` members. */
function cell(count: number, committee = "", under = "sinuiju", rest = ""): string {
  return `import "committees.org"
${rest}cell depot "Bus Depot Cell" {
  under ${under}
  secretary d1
  deputy d2
${committee}
${exampleRoster("d", count)}
}
`;
}

const NO_COMMITTEE = (count: number, committee = "Sinuiju City Party Committee") =>
  `2:6-2:11 Bus Depot Cell has ${count} members and candidates and is directly under ${committee}, but has no Party Cell Committee (\`committee { }\`); a cell under a city or county committee with more than 20 elects one`;

describe("ORG111 cell-committee", () => {
  it("accepts a cell of 20 without a committee", () => {
    expect(reported(checkSpec(cell(20)), "ORG111")).toEqual([]);
  });

  it("reports a cell of 21 under a city committee without one, on its identifier", () => {
    const result = checkSpec(cell(21));
    expect(reported(result, "ORG111")).toEqual([NO_COMMITTEE(21)]);
    expect(result.diagnostics.find((d) => d.code === "ORG111")?.severity).toBe("error");
  });

  it("applies under a county committee too", () => {
    expect(reported(checkSpec(cell(21, "", "uiju")), "ORG111")).toEqual([NO_COMMITTEE(21, "Uiju County Party Committee")]);
  });

  it("accepts a committee with the secretary and deputy among its members", () => {
    expect(reported(checkSpec(cell(21, "  committee { members d1, d2, d3 }")), "ORG111")).toEqual([]);
  });

  it("reports a deputy missing from the committee, on the deputy line, pointing to the committee", () => {
    const result = checkSpec(cell(21, "  committee { members d1, d3 }"));
    expect(reported(result, "ORG111")).toEqual([
      "5:3-5:12 D 2, the deputy, is not a member of the Party Cell Committee of Bus Depot Cell; the committee elects the secretary and deputy from among its members",
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG111")!;
    expect(diagnostic.related.map((related) => `${result.at({ ...diagnostic, span: related.span })} ${related.message}`)).toEqual([
      "6:3-6:31 the Party Cell Committee of Bus Depot Cell",
    ]);
  });

  it("reports both roles missing from the committee, each on its line", () => {
    expect(reported(checkSpec(cell(25, "  committee { members d3 }")), "ORG111").map((line) => line.slice(0, 8))).toEqual([
      "4:3-4:15",
      "5:3-5:12",
    ]);
  });

  it("leaves a cell under a primary alone", () => {
    const primary = `primary p "Test Primary" {\n  under sinuiju\n}\n`;
    expect(reported(checkSpec(cell(25, "", "p", primary)), "ORG111")).toEqual([]);
  });

  it("stays silent when the cell's parent does not resolve", () => {
    expect(reported(checkSpec(cell(25, "", "sinuju")), "ORG111")).toEqual([]);
  });

  it("takes moreThan from the rulebook", () => {
    const rulebook = new Map([["ORG111", { severity: "error" as const, options: { moreThan: 25 } }]]);
    expect(reported(checkSpec(cell(25), { rulebook }), "ORG111")).toEqual([]);
    expect(reported(checkSpec(cell(26), { rulebook }), "ORG111")).toHaveLength(1);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${cellCommittee.docs.failing}`), "ORG111")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${cellCommittee.docs.passing}`), "ORG111")).toEqual([]);
  });
});
