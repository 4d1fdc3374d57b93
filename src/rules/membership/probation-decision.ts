import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import type { DeadlineObligation, ObligationContext } from "../obligation.js";
import { defineRule, years, type OptionSpecs } from "../rule.js";
import { cellOn, isLate, isOverdue, everyPersonFacts, type Probation } from "../shared/membership-facts.js";
import { computed, readEvent } from "../evidence.js";
import { after, durationWords, eventPhrase, probationStartLocation, probationStartStep, relatedProbationStart } from "../shared/membership-text.js";
import { personLabel } from "../shared/units.js";

const OPTIONS = {
  probation: { type: "duration", default: years(1), description: "How long probation lasts before the cell decides." },
} satisfies OptionSpecs;

/** The cell's decision at the end of a candidate's probation. */
interface ProbationDecision extends DeadlineObligation {
  readonly probation: Probation;
}

/** Every probation starts a clock; full membership without a decision closes it too (ORG306 judges that). */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): ProbationDecision[] {
  const found: ProbationDecision[] = [];
  for (const facts of everyPersonFacts(model)) {
    const probation = facts.probation;
    if (!probation) continue;
    const due = after(probation.start, options.probation);
    const fullMember = facts.tenure ? (facts.tenure.day ?? probation.start) : null;
    const start = probationStartLocation(probation);
    found.push({
      kind: "deadline",
      deadline: "probation-decision",
      code: "ORG305",
      person: facts.person,
      actor: cellOn(facts, due) ?? probation.cell,
      started: probation.start,
      due,
      requirement: `the cell decides within ${durationWords(options.probation)}`,
      closed: probation.decision?.day ?? fullMember,
      closedBy: probation.decision,
      file: start.file,
      span: start.span,
      probation,
    });
  }
  return found;
}

export const probationDecision = defineRule({
  code: "ORG305",
  name: "probation-decision",
  severity: "error",
  category: "membership",
  summary: "By one year after a candidate's probation began, the cell decides: admit, extend or expel.",
  citation: {
    section: "Party Cells",
    quote:
      "If approved, the applicant becomes a candidate party member with a probationary period of up to one year.  The party cell is obligated to “concretely guide and assist” the candidate member to qualify for party membership.  After one year has elapsed, the candidate member’s application is then decided by the party cell and ratified by the city (municipal) or county party committee.",
  },
  options: OPTIONS,
  docs: {
    description:
      "Probation begins at the person's earliest `approve`, or, where no `approve` is recorded, at the roster's `candidate ... since` date " +
      "(events before the period count). The decision is the first `admit`, `extend` or `expel` on or after that day; it is due by " +
      "`probation` after the start, and a decision on the first anniversary is in time.\n\n" +
      "A decision after the due day is reported on the decision. No decision at all is reported on the `approve` that began the " +
      "probation, or on the roster entry where no `approve` is recorded, once the due day has passed at the day deadlines are judged at " +
      "(the period's end, or `--as-of`); a due day later than that is not yet due. A person whom the records show as a full member (a roster `member` entry or a `ratify`) without " +
      "a recorded `admit` is not reported here: whether that membership was properly admitted and ratified is `ORG306`'s question.",
    failing: membershipExample([`candidate choe_d "Choe D" since 2025-03-01`], []),
    passing: membershipExample([`candidate choe_d "Choe D" since 2025-03-01`], [
      `on 2026-02-27 extend choe_d by acad`,
    ]),
  },
  obligations,
  check(context) {
    const { options, asOf, report } = context;
    for (const owed of obligations(context)) {
      const { probation, due, closedBy: decision } = owed;
      const name = personLabel(owed.person);
      if (decision) {
        if (!isLate(decision.day, due, asOf)) continue;
        const span = `${durationWords(options.probation)} after probation began on ${formatDay(probation.start)}`;
        report({
          file: decision.file,
          span: decision.statement.span,
          message: `${name} was ${eventPhrase(decision)}, more than ${span} (due by ${formatDay(due)})`,
          related: [relatedProbationStart(probation)],
          subject: `person:${owed.person.id}/probation:${formatDay(probation.start)}`,
          evidence: [
            probationStartStep(probation, owed.person.id),
            computed(`due by ${formatDay(probation.start)} + ${durationWords(options.probation)} = ${formatDay(due)}`),
            readEvent(decision, `${decision.kind} ${owed.person.id}`),
            computed(`${formatDay(decision.day)} is ${decision.day - due} days after ${formatDay(due)}`),
          ],
        });
      } else if (owed.closed === null && isOverdue(due, asOf)) {
        report({
          file: owed.file,
          span: owed.span,
          message: `${name}'s probation began ${formatDay(probation.start)} (${probationStartLocation(probation).phrase}); no admit, extend or expel by ${formatDay(due)}, ${durationWords(options.probation)} later`,
          subject: `person:${owed.person.id}/probation:${formatDay(probation.start)}`,
          evidence: [
            probationStartStep(probation, owed.person.id),
            computed(`due by ${formatDay(probation.start)} + ${durationWords(options.probation)} = ${formatDay(due)}`),
            computed(`the records through ${formatDay(asOf!)} hold no admit, extend or expel of ${owed.person.id}, nor full membership`),
          ],
        });
      }
    }
  },
});
