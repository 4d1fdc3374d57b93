import { readEntry } from "../evidence.js";
import { defineRule } from "../rule.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { personLabel, unitLabel } from "../shared/units.js";

export const singleMembership = defineRule({
  code: "ORG114",
  name: "single-membership",
  severity: "error",
  category: "structure",
  summary: "A person is in the roster of one unit only.",
  citation: {
    section: "Party Cells",
    quote: "Meetings of Party Life Critique are determined by the party cell of which they are members.",
  },
  options: {},
  docs: {
    description:
      "A member or candidate belongs to one basic party organization: \"the party cell of which they are members\". " +
      "The rosters state membership as of the end of the period, so one person listed in the rosters of two units " +
      "(two cells, or a cell and the primary organization above it) is an error; a move between units is recorded with `transfer`.\n\n" +
      "Reported on every roster entry after the person's first in program order, with the first entry as a related location. " +
      "The same ID twice in one roster is a duplicate declaration (ORG003), not this rule.",
    failing: `cell bricks "Uiju Brickworks Cell" {
  under uiju
${exampleRoster("b", 5)}
}
cell station "Uiju Railway Station Cell" {
  under uiju
${exampleRoster("r", 5)}
  member b1 "B 1" joined 2010-01-01
}`,
    passing: `cell bricks "Uiju Brickworks Cell" {
  under uiju
${exampleRoster("b", 5)}
}
cell station "Uiju Railway Station Cell" {
  under uiju
${exampleRoster("r", 5)}
}`,
  },
  check({ model, report }) {
    for (const person of model.people) {
      const memberships = person.memberships;
      const first = memberships[0];
      if (!first) continue;
      for (let at = 1; at < memberships.length; at++) {
        const other = memberships[at]!;
        report({
          file: other.file,
          span: other.entry.span,
          message: `${personLabel(person)} is already in the roster of ${unitLabel(first.unit)}; a person is in the roster of one unit only`,
          related: [{ file: first.file, span: first.entry.span, message: `${personLabel(person)} in the roster of ${unitLabel(first.unit)}` }],
          subject: `person:${person.id}/roster:${other.unit.id}`,
          evidence: [readEntry(first, `${person.id} in the roster of ${first.unit.id}`), readEntry(other, `${person.id} in the roster of ${other.unit.id}`)],
        });
      }
    }
  },
});
