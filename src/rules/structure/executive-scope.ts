import { computed, read, readUnit } from "../evidence.js";
import { defineRule } from "../rule.js";
import { listWords } from "../shared/cadence.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { KIND_NAMES, personLabel, unitLabel } from "../shared/units.js";

export const executiveScope = defineRule({
  code: "ORG113",
  name: "executive-scope",
  severity: "error",
  category: "structure",
  summary: "Only a primary or sub-primary organization has an executive committee, and its members are members of its committee.",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote:
      "Primary party organization committees and sub-primary party organization committees, particularly those with higher membership numbers, can also elect a separate executive committee.",
  },
  options: {},
  docs: {
    description:
      "The committee of a primary or sub-primary party organization may elect an executive committee (`executive { members ... }`) from among its own members.\n\n" +
      "- An `executive` block in any other unit (a cell, a branch, a team, a party committee) is reported on the block.\n" +
      "- In a `primary` or `subprimary`, executive members who are not members of the unit's `committee` are reported on the block, naming each of them. " +
      "When the unit has no committee at all, that is ORG112's to report and this rule stays silent.",
    failing: `cell grain "Uiju Grain Store Cell" {
  under uiju
  setting workplace
  secretary g1
  deputy g2
  executive { members g1, g2 }
${exampleRoster("g", 8)}
}`,
    passing: `cell grain "Uiju Grain Store Cell" {
  under uiju
  setting workplace
  secretary g1
  deputy g2
${exampleRoster("g", 8)}
}`,
  },
  check({ model, report }) {
    for (const unit of model.units) {
      const executive = unit.executive;
      if (!executive) continue;
      const file = unit.file;
      const span = executive.block.span;
      if (unit.unitKind !== "primary" && unit.unitKind !== "subprimary") {
        report({
          file,
          span,
          message: `${unitLabel(unit)} is a ${KIND_NAMES[unit.unitKind]} and has an executive committee; only a primary or sub-primary party organization elects one`,
          subject: `unit:${unit.id}/executive`,
          evidence: [readUnit(unit), read("executive { }", file, span)],
        });
        continue;
      }
      const committee = unit.committee;
      if (!committee) continue;
      const onCommittee = new Set(committee.members);
      const outside = [...new Set(executive.members)].filter((person) => !onCommittee.has(person));
      if (outside.length === 0) continue;
      const names = listWords(outside.map(personLabel));
      report({
        file,
        span,
        message: `${names} ${outside.length === 1 ? "is" : "are"} on the executive committee of ${unitLabel(unit)} but not on its committee; the committee elects the executive committee from among its members`,
        related: [{ file, span: committee.block.span, message: `the committee of ${unitLabel(unit)}` }],
        subject: `unit:${unit.id}/executive/outside:${outside.map((person) => person.id).join(",")}`,
        evidence: [
          readUnit(unit),
          read(`committee members: ${committee.members.map((member) => member.id).join(", ") || "none"}`, file, committee.block.span),
          read(`executive members: ${executive.members.map((member) => member.id).join(", ")}`, file, span),
          computed(`${outside.map((person) => person.id).join(", ")} not on the committee`),
        ],
      });
    }
  },
});
