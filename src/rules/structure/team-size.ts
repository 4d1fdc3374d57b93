import { defineRule } from "../rule.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { sizeEvidence, sizeFact } from "../shared/structure-units.js";
import { unitsOfKind } from "../shared/units.js";

export const teamSize = defineRule({
  code: "ORG105",
  name: "team-size",
  severity: "error",
  category: "structure",
  summary: "A party team exists only where fewer than 5 members and candidates cannot form a cell.",
  citation: {
    section: "Special and Temporary Basic Party Organizations",
    quote:
      "If there is a residential or work unit (such as those for DPRK citizens living or working abroad) with less than five party members and a party cell cannot be formed or if party members have relocated, then party members and candidate party members can form a “party team” or some other temporary party organization with the approval of the WPK Central Committee.",
  },
  options: {
    lessThan: {
      type: "integer",
      default: 5,
      description: "A party team has fewer members and candidates than this; with as many, they form a cell.",
    },
  },
  docs: {
    description:
      "A party team is the temporary form for members and candidates too few to form a cell. " +
      "Counts the distinct members and candidates of a `team` (its roster and the rosters of any unit under it) and reports a team of `lessThan` (5) or more: " +
      "that many can form a party cell.\n\n" +
      "Reported on the team's identifier in its header.",
    failing: `team beijing "Trade Mission Party Team, Beijing" {
  under central
  setting abroad
  approved 2024-10-01 by central
${exampleRoster("b", 6)}
}`,
    passing: `team moscow "Embassy Party Team, Moscow" {
  under central
  setting abroad
  approved 2024-09-01 by central
${exampleRoster("m", 3)}
}`,
  },
  check({ model, options, report }) {
    for (const unit of unitsOfKind(model, ["team"])) {
      if (unit.size < options.lessThan) continue;
      report({
        file: unit.file,
        span: unit.decl.id.span,
        message: `${sizeFact(unit)}; a party team is formed only where fewer than ${options.lessThan} cannot form a party cell, and ${unit.size} can`,
        subject: `unit:${unit.id}/size`,
        evidence: sizeEvidence(unit),
      });
    }
  },
});
