import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import type { Application, PersonEvent, Unit } from "../../model/types.js";
import type { DeadlineObligation, ObligationContext } from "../obligation.js";
import { defineRule, months, type OptionSpecs } from "../rule.js";
import { decidingCommittee, isLate, isOverdue, everyPersonFacts } from "../shared/membership-facts.js";
import { computed, readEvent } from "../evidence.js";
import { after, durationWords, relatedEvent } from "../shared/membership-text.js";
import { personLabel, unitLabel } from "../shared/units.js";

const OPTIONS = {
  within: { type: "duration", default: months(1), description: "Time the committee has to decide after the forward." },
} satisfies OptionSpecs;

/** A forwarded application's decision, due `within` of the forward. */
interface CommitteeDecision extends DeadlineObligation {
  readonly forward: PersonEvent;
  readonly application: Application | null;
  readonly committee: Unit;
}

/** Every forward to the committee that should decide starts a clock. */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): CommitteeDecision[] {
  const found: CommitteeDecision[] = [];
  for (const facts of everyPersonFacts(model)) {
    for (const item of facts.cases) {
      for (const forward of item.forwards) {
        const committee = decidingCommittee(item, forward);
        if (!committee) continue;
        const decision = item.decisions.find((event) => event.unit === committee && event.day >= forward.day) ?? null;
        found.push({
          kind: "deadline",
          deadline: "committee-decision",
          code: "ORG304",
          person: facts.person,
          actor: committee,
          started: forward.day,
          due: after(forward.day, options.within),
          requirement: `the committee decides within ${durationWords(options.within)}`,
          closed: decision?.day ?? null,
          closedBy: decision,
          file: forward.file,
          span: forward.statement.span,
          forward,
          application: item.application,
          committee,
        });
      }
    }
  }
  return found;
}

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
  options: OPTIONS,
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
  obligations,
  check(context) {
    const { options, asOf, report } = context;
    for (const owed of obligations(context)) {
      const { forward, committee, due, closedBy: decision } = owed;
      const name = personLabel(owed.person);
      const forwarded = `forwarded to ${unitLabel(committee)} on ${formatDay(forward.day)}`;
      if (decision) {
        if (!isLate(decision.day, due, asOf)) continue;
        report({
          file: decision.file,
          span: decision.statement.span,
          message: `${name}'s application was ${decision.kind === "approve" ? "approved" : "rejected"} by ${unitLabel(committee)} on ${formatDay(decision.day)}, more than ${durationWords(options.within)} after the forward of ${formatDay(forward.day)} (due by ${formatDay(due)})`,
          related: [relatedEvent(forward, `the clock started here: ${forwarded}`)],
          subject: `person:${owed.person.id}/forward:${formatDay(forward.day)}`,
          evidence: [
            readEvent(forward, `forward ${owed.person.id} to ${committee.id}`),
            computed(`due by ${formatDay(forward.day)} + ${durationWords(options.within)} = ${formatDay(due)}`),
            readEvent(decision, `${decision.kind} ${owed.person.id} by ${committee.id}`),
            computed(`${formatDay(decision.day)} is ${decision.day - due} days after ${formatDay(due)}`),
          ],
        });
      } else if (isOverdue(due, asOf)) {
        report({
          file: owed.file,
          span: owed.span,
          message: `${name}'s application was ${forwarded}; no decision by ${formatDay(due)}, ${durationWords(options.within)} later`,
          related: owed.application ? [relatedEvent(owed.application)] : [],
          subject: `person:${owed.person.id}/forward:${formatDay(forward.day)}`,
          evidence: [
            ...(owed.application ? [readEvent(owed.application, `application of ${owed.person.id}`)] : []),
            readEvent(forward, `forward ${owed.person.id} to ${committee.id}`),
            computed(`due by ${formatDay(forward.day)} + ${durationWords(options.within)} = ${formatDay(due)}`),
            computed(`the records through ${formatDay(asOf!)} hold no approve or reject of ${owed.person.id} by ${committee.id} on or after ${formatDay(forward.day)}`),
          ],
        });
      }
    }
  },
});
