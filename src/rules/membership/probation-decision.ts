import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { defineRule, years } from "../rule.js";
import { isLate, isOverdue, membershipFacts } from "../shared/membership-facts.js";
import { after, durationWords, eventPhrase, probationStartLocation, relatedProbationStart } from "../shared/membership-text.js";
import { personLabel } from "../shared/units.js";

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
  options: {
    probation: { type: "duration", default: years(1), description: "How long probation lasts before the cell decides." },
  },
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
  check({ model, options, asOf, report }) {
    for (const facts of membershipFacts(model).values()) {
      const probation = facts.probation;
      if (!probation) continue;
      const name = personLabel(facts.person);
      const due = after(probation.start, options.probation);
      const span = `${durationWords(options.probation)} after probation began on ${formatDay(probation.start)}`;
      const decision = probation.decision;
      if (decision) {
        if (!isLate(decision.day, due, asOf)) continue;
        report({
          file: decision.file,
          span: decision.statement.span,
          message: `${name} was ${eventPhrase(decision)}, more than ${span} (due by ${formatDay(due)})`,
          related: [relatedProbationStart(probation)],
        });
      } else if (!facts.tenure && isOverdue(due, asOf)) {
        const start = probationStartLocation(probation);
        report({
          file: start.file,
          span: start.span,
          message: `${name}'s probation began ${formatDay(probation.start)} (${start.phrase}); no admit, extend or expel by ${formatDay(due)}, ${durationWords(options.probation)} later`,
        });
      }
    }
  },
});
