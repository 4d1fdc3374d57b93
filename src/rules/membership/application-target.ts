import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { readEvent, readUnit } from "../evidence.js";
import { defineRule } from "../rule.js";
import { KIND_NAMES, personLabel, unitLabel } from "../shared/units.js";

export const applicationTarget = defineRule({
  code: "ORG301",
  name: "application-target",
  severity: "error",
  category: "membership",
  summary: "An application is submitted to a party cell.",
  citation: {
    section: "Party Cells",
    quote:
      "Prospective party members submit their membership application (iptang poju’ngso’) to their local party cell along with letters of recommendation",
  },
  options: {},
  docs: {
    description:
      "Every `application ... to UNIT` must name a `cell`: the party cell is where applications are submitted.\n\n" +
      "Reported on the application's statement. An application whose unit does not resolve is already an `ORG002`/`ORG005` and is not reported again.",
    failing: membershipExample([], [
      `on 2026-05-05 application ri_gyong "Ri Gyong" to sinuiju { recommended by kim_a, ri_b }`,
    ]),
    passing: membershipExample([], [
      `on 2026-05-05 application ri_gyong "Ri Gyong" to acad { recommended by kim_a, ri_b }`,
    ]),
  },
  check({ model, report }) {
    for (const person of model.people) {
      for (const event of person.timeline) {
        if (event.kind !== "application" || !event.unit || event.unit.unitKind === "cell") continue;
        report({
          file: event.file,
          span: event.statement.span,
          message: `${personLabel(person)} applied on ${formatDay(event.day)} to ${unitLabel(event.unit)}, a ${KIND_NAMES[event.unit.unitKind]}; an application is submitted to a party cell`,
          subject: `application:${person.id}/${formatDay(event.day)}/to:${event.unit.id}`,
          evidence: [readEvent(event, `application of ${person.id} to ${event.unit.id}`), readUnit(event.unit)],
        });
      }
    }
  },
});
