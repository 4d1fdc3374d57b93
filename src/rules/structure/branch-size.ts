import { defineRule } from "../rule.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { reportNotMoreThan } from "../shared/structure-units.js";

export const branchSize = defineRule({
  code: "ORG103",
  name: "branch-size",
  severity: "error",
  category: "structure",
  summary: "A branch party organization has more than 31 members and candidates.",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote:
      "Branch party organizations (a sectional party organization) are established at workplaces and production sites (“functional units”) with more than 31 party members and candidate party members.",
  },
  options: {
    moreThan: {
      type: "integer",
      default: 31,
      description: "A branch party organization needs more members and candidates than this.",
    },
  },
  docs: {
    description:
      "Counts the distinct members and candidates of a `branch` over its own roster and the rosters of every unit under it, " +
      "and reports a branch party organization that has `moreThan` (31) or fewer.\n\n" +
      "A unit of exactly 31 fits no form in the bylaws (cells have 5 to 30, branches more than 31); the message says so.\n\n" +
      "Reported on the unit's identifier in its header.",
    failing: `primary steel "Steel Complex Primary Party Organization" {
  under sinuiju
  setting workplace
}
branch wire "Wire Workshop Branch" {
  under steel
  setting workplace
${exampleRoster("w", 12)}
}`,
    passing: `primary steel "Steel Complex Primary Party Organization" {
  under sinuiju
  setting workplace
}
branch wire "Wire Workshop Branch" {
  under steel
  setting workplace
${exampleRoster("w", 32)}
}`,
  },
  check({ model, options, report }) {
    reportNotMoreThan(model, "branch", options.moreThan, report);
  },
});
