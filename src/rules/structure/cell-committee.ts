import { defineRule } from "../rule.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { computed, readUnit } from "../evidence.js";
import { reportRolesOutside, sizeEvidence, sizeFact } from "../shared/structure-units.js";
import { isCityOrCounty, unitLabel, unitsOfKind } from "../shared/units.js";

export const cellCommittee = defineRule({
  code: "ORG111",
  name: "cell-committee",
  severity: "error",
  category: "structure",
  summary:
    "A cell directly under a city or county committee with more than 20 members and candidates has a Party Cell Committee, and its secretary and deputy are members of it.",
  citation: {
    section: "Party Cells",
    quote:
      "If a party cell under a city (municipal) or county party committee has more than 20 members, then the party cell elects a Party Cell Committee and this committee elects a secretary and deputy secretary.",
  },
  options: {
    moreThan: {
      type: "integer",
      default: 20,
      description: "A cell under a city or county committee with more members and candidates than this elects a Party Cell Committee.",
    },
  },
  docs: {
    description:
      "Applies to a `cell` whose `under` is a city or county committee and which has more than `moreThan` (20) distinct members and candidates. " +
      "Such a cell elects a Party Cell Committee, written as a `committee { members ... }` block in the cell, and that committee elects the secretary and deputy, " +
      "so both must be among its members.\n\n" +
      "A cell with no committee is reported on its identifier in the header; a secretary or deputy missing from the committee on that role's line " +
      "(a missing or unresolved role is ORG110's or the resolver's to report).",
    failing: `cell depot "Sinuiju Bus Depot Cell" {
  under sinuiju
  setting workplace
  secretary d1
  deputy d2
${exampleRoster("d", 21)}
}`,
    passing: `cell depot "Sinuiju Bus Depot Cell" {
  under sinuiju
  setting workplace
  secretary d1
  deputy d2
  committee { members d1, d2, d3 }
${exampleRoster("d", 21)}
}`,
  },
  check({ model, options, report }) {
    for (const unit of unitsOfKind(model, ["cell"])) {
      if (!isCityOrCounty(unit.parent) || unit.size <= options.moreThan) continue;
      if (!unit.committee) {
        report({
          file: unit.file,
          span: unit.decl.id.span,
          message:
            `${sizeFact(unit)} and is directly under ${unitLabel(unit.parent!)}, but has no Party Cell Committee (\`committee { }\`); ` +
            `a cell under a city or county committee with more than ${options.moreThan} elects one`,
          subject: `unit:${unit.id}/committee`,
          evidence: [...sizeEvidence(unit), readUnit(unit.parent!), computed(`directly under ${unit.parent!.id}, ${unit.size} is more than ${options.moreThan}, and its body has no \`committee { }\``)],
        });
        continue;
      }
      reportRolesOutside(unit, unit.committee, "Party Cell Committee", report);
    }
  },
});
