import type { Residence } from "../../model/types.js";
import { computed, read, readUnit } from "../evidence.js";
import { defineRule } from "../rule.js";
import { listWords } from "../shared/cadence.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { countPhrase } from "../shared/structure-units.js";
import { unitLabel, unitsOfKind } from "../shared/units.js";

const residenceLabel = (residence: Residence) => residence.title ?? residence.id;

export const residentialCover = defineRule({
  code: "ORG107",
  name: "residential-cover",
  severity: "error",
  category: "structure",
  summary:
    "A residential cell covering several residential units: every unit but one (the host) has fewer than 5 members and candidates at it.",
  citation: {
    section: "Party Cells",
    quote:
      "According to the WPK bylaws, if a residential unit has less than five party members or candidate members then it may attach itself to a party cell of another residential unit, or two residential units with few than five party members or candidate members can form one party cell “taking into account the nature of their activities and geographical propinquity.”",
  },
  options: {
    lessThan: {
      type: "integer",
      default: 5,
      description: "A residential unit that attaches to another's cell has fewer members and candidates than this.",
    },
  },
  docs: {
    description:
      "A cell whose `covers` line names several residential units joins units too small for a cell of their own: " +
      "a unit with fewer than `lessThan` (5) members and candidates attaches to the cell of another (the host), or two such units form one cell. " +
      "So at most one covered residence may have `lessThan` or more members and candidates placed `at` it in the cell's roster.\n\n" +
      "Counts the roster entries `at` each covered residence (entries without `at`, or at a residence that did not resolve, count for none) " +
      "and reports the `covers` line when two or more covered residences reach `lessThan`, naming each with its count.",
    failing: `residence block12 "Namsan-dong People's Unit 12"
residence block13 "Namsan-dong People's Unit 13"

cell namsan "Namsan-dong Residential Cell" {
  under sinuiju
  setting residential
  covers block12, block13
${exampleRoster("n", 6, { at: "block12" })}
${exampleRoster("n", 5, { from: 7, at: "block13" })}
}`,
    passing: `residence block20 "Tonghung-dong People's Unit 20"
residence block21 "Tonghung-dong People's Unit 21"

cell tonghung "Tonghung-dong Residential Cell" {
  under sinuiju
  setting residential
  covers block20, block21
${exampleRoster("t", 7, { at: "block20" })}
${exampleRoster("t", 3, { from: 8, at: "block21" })}
}`,
  },
  check({ model, options, report }) {
    for (const unit of unitsOfKind(model, ["cell"])) {
      const covers = unit.covers;
      if (!covers || covers.residences.length < 2) continue;
      const counts = new Map<Residence, number>(covers.residences.map((residence) => [residence, 0]));
      for (const membership of unit.roster) {
        const residence = membership.residence;
        if (residence && counts.has(residence)) counts.set(residence, counts.get(residence)! + 1);
      }
      const large = [...counts].filter(([, count]) => count >= options.lessThan);
      if (large.length < 2) continue;
      const named = large.map(([residence, count]) => `${residenceLabel(residence)} (${countPhrase(count)} at it)`);
      report({
        file: unit.file,
        span: covers.property.span,
        message:
          `${unitLabel(unit)} covers ${listWords(named)}; only one covered residential unit, the host, may have ${options.lessThan} or more, ` +
          `the others attach because they have fewer than ${options.lessThan}`,
        subject: `unit:${unit.id}/covers:${large.map(([residence]) => residence.id).join(",")}`,
        evidence: [
          readUnit(unit),
          read(`covers ${covers.residences.map((residence) => residence.id).join(", ")}`, unit.file, covers.property.span),
          ...[...counts].map(([residence, count]) => computed(`${count} of its roster at ${residence.id}`)),
          computed(`${large.length} covered residential units have ${options.lessThan} or more; only the host may`),
        ],
      });
    }
  },
});
