import { computed, read, readUnit } from "../evidence.js";
import { defineRule } from "../rule.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { kindPhrase } from "../shared/structure-units.js";
import { unitLabel, unitsOfKind } from "../shared/units.js";

export const teamApproval = defineRule({
  code: "ORG106",
  name: "team-approval",
  severity: "error",
  category: "structure",
  summary: "A party team is approved by the Central Committee (`approved DATE by X`, X a committee of level central).",
  citation: {
    section: "Special and Temporary Basic Party Organizations",
    quote:
      "If there is a residential or work unit (such as those for DPRK citizens living or working abroad) with less than five party members and a party cell cannot be formed or if party members have relocated, then party members and candidate party members can form a “party team” or some other temporary party organization with the approval of the WPK Central Committee.",
  },
  options: {},
  docs: {
    description:
      "A `team` records its approval with `approved DATE by X`, and X must be a committee of `level central`.\n\n" +
      "A team with no `approved` line is reported on its identifier in the header; an approval by any other unit (a provincial committee, say) on the `approved` line. " +
      "When X does not resolve (ORG002, ORG005) or is a committee without a `level`, the rule stays silent.",
    failing: `team beijing "Trade Mission Party Team, Beijing" {
  under central
  setting abroad
  approved 2024-10-01 by north_pyongan
${exampleRoster("b", 3)}
}`,
    passing: `team beijing "Trade Mission Party Team, Beijing" {
  under central
  setting abroad
  approved 2024-10-01 by central
${exampleRoster("b", 3)}
}`,
  },
  check({ model, report }) {
    for (const unit of unitsOfKind(model, ["team"])) {
      const approved = unit.approved;
      if (!approved) {
        report({
          file: unit.file,
          span: unit.decl.id.span,
          message: `${unitLabel(unit)} records no approval; a party team is formed with the approval of the Central Committee (\`approved DATE by\` a committee of level central)`,
          subject: `unit:${unit.id}/approved`,
          evidence: [readUnit(unit), computed("its body has no `approved DATE by` line")],
        });
        continue;
      }
      const by = approved.by;
      if (!by || (by.unitKind === "committee" && (by.level === "central" || by.level === null))) continue;
      report({
        file: unit.file,
        span: approved.property.span,
        message: `${unitLabel(unit)} was approved by ${unitLabel(by)}, ${kindPhrase(by)}; a party team is formed with the approval of the Central Committee`,
        subject: `unit:${unit.id}/approved:${by.id}`,
        evidence: [readUnit(unit), read(`approved by ${by.id}`, unit.file, approved.property.span), readUnit(by), computed(`${by.id} is ${kindPhrase(by)}, not the Central Committee`)],
      });
    }
  },
});
