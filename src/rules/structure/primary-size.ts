import { defineRule } from "../rule.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { reportNotMoreThan } from "../shared/structure-units.js";

export const primarySize = defineRule({
  code: "ORG102",
  name: "primary-size",
  severity: "error",
  category: "structure",
  summary: "A primary party organization has more than 31 members and candidates.",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote: "The primary party organization consists of more than 31 party members and candidate party members.",
  },
  options: {
    moreThan: {
      type: "integer",
      default: 31,
      description: "A primary party organization needs more members and candidates than this.",
    },
  },
  docs: {
    description:
      "Counts the distinct members and candidates of a `primary` over its own roster and the rosters of every unit under it " +
      "(its cells, branches and sub-primary organizations), and reports a primary party organization that has `moreThan` (31) or fewer.\n\n" +
      "The text gives cells 5 to 30 and primary organizations *more than* 31, so a unit of exactly 31 fits no form in the bylaws; " +
      "the message says so rather than just \"too few\".\n\n" +
      "Reported on the unit's identifier in its header.",
    failing: `primary yard "Shipyard Primary Party Organization" {
  under sinuiju
  setting workplace
${exampleRoster("y", 20)}
}`,
    passing: `primary yard "Shipyard Primary Party Organization" {
  under sinuiju
  setting workplace
${exampleRoster("y", 32)}
}`,
  },
  check({ model, options, report }) {
    reportNotMoreThan(model, "primary", options.moreThan, report);
  },
});
