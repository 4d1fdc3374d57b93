import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { defineRule, months } from "../rule.js";
import { decidingCommittee, isLate, isOverdue, membershipFacts } from "../shared/membership-facts.js";
import { after, durationWords, relatedEvent } from "../shared/membership-text.js";
import { personLabel, unitLabel } from "../shared/units.js";

export const decisionDeadline = defineRule({
  code: "ORG304",
  name: "decision-deadline",
  severity: "error",
  category: "membership",
  summary: "The committee an application was forwarded to approves or rejects it within one month of the forward.",
  citation: {
    section: "Party Cells",
    quote:
      "The application is then reviewed, with the applicant, at the party cell’s general meeting and forwarded to the county or city (municipal) party committee which must act on the application within a month.",
  },
  options: {
    within: { type: "duration", default: months(1), description: "Time the committee has to decide after the forward." },
  },
  docs: {
    description:
      "After `forward X to C`, the decision is the first `approve` or `reject` of X by C on or after the forward's day. It is due `within` (one month by default) " +
      "after the forward, by calendar arithmetic with month-end clamping (a forward on 2026-01-31 is due by 2026-02-28); a decision on the due " +
      "day is in time.\n\n" +
      "A decision after the due day is reported on the decision, with the forward as a related location. No decision at all is reported " +
      "on the `forward` once the due day has passed at the day deadlines are judged at (the period's end, or `--as-of`); a due day later " +
      "than that is not yet due, and without a period or `--as-of` nothing is overdue (a recorded decision after its due day is " +
      "still reported then). A forward to a body other than the committee above " +
      "the cell is `ORG303`'s finding and is not judged here.",
    failing: membershipExample([], [
      `on 2026-04-03 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }`,
      `on 2026-04-12 review tak_s at acad`,
      `on 2026-04-13 forward tak_s to sinuiju`,
      `on 2026-05-20 reject tak_s by sinuiju`,
    ]),
    passing: membershipExample([], [
      `on 2026-04-03 application tak_s "Tak S" to acad { recommended by kim_a, ri_b }`,
      `on 2026-04-12 review tak_s at acad`,
      `on 2026-04-13 forward tak_s to sinuiju`,
      `on 2026-05-13 reject tak_s by sinuiju`,
    ]),
  },
  check({ model, options, asOf, report }) {
    for (const facts of membershipFacts(model).values()) {
      const name = personLabel(facts.person);
      for (const item of facts.cases) {
        for (const forward of item.forwards) {
          const committee = decidingCommittee(item, forward);
          if (!committee) continue;
          const due = after(forward.day, options.within);
          const decision = item.decisions.find((event) => event.unit === committee && event.day >= forward.day);
          const forwarded = `forwarded to ${unitLabel(committee)} on ${formatDay(forward.day)}`;
          if (decision) {
            if (!isLate(decision.day, due, asOf)) continue;
            report({
              file: decision.file,
              span: decision.statement.span,
              message: `${name}'s application was ${decision.kind === "approve" ? "approved" : "rejected"} by ${unitLabel(committee)} on ${formatDay(decision.day)}, more than ${durationWords(options.within)} after the forward of ${formatDay(forward.day)} (due by ${formatDay(due)})`,
              related: [relatedEvent(forward, `the clock started here: ${forwarded}`)],
            });
          } else if (isOverdue(due, asOf)) {
            report({
              file: forward.file,
              span: forward.statement.span,
              message: `${name}'s application was ${forwarded}; no decision by ${formatDay(due)}, ${durationWords(options.within)} later`,
              related: item.application ? [relatedEvent(item.application)] : [],
            });
          }
        }
      }
    }
  },
});
