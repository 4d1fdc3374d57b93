import { formatDay } from "../../util/dates.js";
import { computed, read, readUnit } from "../evidence.js";
import { defineRule } from "../rule.js";
import { exampleRoster } from "../shared/structure-examples.js";
import { reportRolesOutside } from "../shared/structure-units.js";
import { KIND_NAMES, unitLabel, unitsOfKind } from "../shared/units.js";

export const basicCommittee = defineRule({
  code: "ORG112",
  name: "basic-committee",
  severity: "error",
  category: "structure",
  summary:
    "A primary, branch and sub-primary organization has a committee, elected at a general meeting, whose members include its secretary and deputy.",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote:
      "The primary party, branch party and sub-primary party organization committees then elect a secretary and deputy secretary.",
  },
  options: {},
  docs: {
    description:
      "The general meeting of a `primary`, `branch` or `subprimary` \"elects a party committee\", and that committee elects the secretary and deputy. So:\n\n" +
      "- the unit has a `committee { ... }` block; without one, the unit's identifier in its header is reported;\n" +
      "- its secretary and deputy are among the committee's `members`; one who is not is reported on that role's line;\n" +
      "- when the committee's `elected DATE` lies in the `period`, the unit held a `meeting` (its general meeting) that day; if not, the `elected` date is reported. " +
      "An election before the period is history and is not checked; without a `period`, neither is this.",
    failing: `period 2026-01-01 to 2026-06-30
primary yard "Shipyard Primary Party Organization" {
  under sinuiju
  setting workplace
  secretary y1
  deputy y2
  committee {
    elected 2026-02-02
    members y1, y3
  }
${exampleRoster("y", 32)}
}`,
    passing: `period 2026-01-01 to 2026-06-30
primary yard "Shipyard Primary Party Organization" {
  under sinuiju
  setting workplace
  secretary y1
  deputy y2
  committee {
    elected 2026-02-02
    members y1, y2, y3
  }
${exampleRoster("y", 32)}
}
on 2026-02-02 meeting yard`,
  },
  check({ model, report }) {
    const period = model.period;
    for (const unit of unitsOfKind(model, ["primary", "branch", "subprimary"])) {
      const committee = unit.committee;
      if (!committee) {
        report({
          file: unit.file,
          span: unit.decl.id.span,
          message: `${unitLabel(unit)} has no committee (\`committee { }\`); the general meeting of a ${KIND_NAMES[unit.unitKind]} elects a party committee, which elects the secretary and deputy`,
          subject: `unit:${unit.id}/committee`,
          evidence: [readUnit(unit), computed("its body has no `committee { }`")],
        });
        continue;
      }
      reportRolesOutside(unit, committee, "committee", report);
      const elected = committee.elected;
      const electedValue = committee.block.elected;
      if (elected === null || !electedValue || !period || elected < period.from || elected > period.to) continue;
      if (unit.timeline.gatherings.meeting.some((meeting) => meeting.day === elected)) continue;
      report({
        file: unit.file,
        span: electedValue.span,
        message: `the committee of ${unitLabel(unit)} was elected on ${formatDay(elected)}, but the unit held no general meeting (\`meeting\`) that day; the general meeting elects the party committee`,
        subject: `unit:${unit.id}/committee/elected:${formatDay(elected)}`,
        evidence: [
          readUnit(unit),
          read(`committee elected ${formatDay(elected)}`, unit.file, electedValue.span),
          computed(`${formatDay(elected)} is in the period ${formatDay(period.from)} to ${formatDay(period.to)}`),
          computed(`the unit's ${unit.timeline.gatherings.meeting.length} recorded meetings include none on ${formatDay(elected)}`),
        ],
      });
    }
  },
});
