import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import type { PersonEvent } from "../../model/types.js";
import type { DeadlineObligation, ObligationContext } from "../obligation.js";
import { defineRule, years, type OptionSpecs } from "../rule.js";
import { cellOn, firstAfter, isLate, isOverdue, everyPersonFacts, type Probation } from "../shared/membership-facts.js";
import { computed, readEvent } from "../evidence.js";
import { after, durationWords, eventPhrase, probationStartStep, relatedEvent, relatedProbationStart } from "../shared/membership-text.js";
import { personLabel } from "../shared/units.js";

const OPTIONS = {
  extendedProbation: {
    type: "duration",
    default: years(2),
    description: "How long an extended probation lasts in all, counted from the day it began (one year plus the extra year).",
  },
} satisfies OptionSpecs;

/** The admission or expulsion due at the end of an extended probation. */
interface ExtensionEnd extends DeadlineObligation {
  readonly probation: Probation;
  readonly extend: PersonEvent;
}

/** A probation whose first decision was `extend` starts a clock to its extended end. */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): ExtensionEnd[] {
  const found: ExtensionEnd[] = [];
  for (const facts of everyPersonFacts(model)) {
    const probation = facts.probation;
    const extend = probation?.decision;
    if (!probation || !extend || extend.kind !== "extend") continue;
    const end = after(probation.start, options.extendedProbation);
    const outcome = firstAfter(facts.person, probation.decisionIndex, ["admit", "expel"]);
    found.push({
      kind: "deadline",
      deadline: "extension-end",
      code: "ORG308",
      person: facts.person,
      actor: cellOn(facts, end) ?? probation.cell,
      started: extend.day,
      due: end,
      requirement: `the extended probation ends on ${formatDay(end)}`,
      closed: outcome?.day ?? null,
      closedBy: outcome,
      file: extend.file,
      span: extend.statement.span,
      probation,
      extend,
    });
  }
  return found;
}

export const expulsion = defineRule({
  code: "ORG308",
  name: "expulsion",
  severity: "error",
  category: "membership",
  summary: "A candidate not admitted by the end of the extended probation is expelled by the cell by that date.",
  citation: {
    section: "Party Cells",
    quote:
      "In the event that candidate member does not qualify after another probationary period “due to his/her personal qualities,” the party cell then expels the candidate member from party cell activities.",
  },
  options: OPTIONS,
  docs: {
    description:
      "Where the cell's first decision after probation began (see `ORG305`) is an `extend`, the extended probation ends " +
      "`extendedProbation` after the probation began (two years by default: the extra year is counted from the end of the first, not " +
      "from the day of the `extend`). By that day the candidate is admitted (`admit`) or expelled (`expel`); a decision on the day itself " +
      "is in time.\n\n" +
      "Reported on the `extend`, when the first `admit` or `expel` after it is later than the end, or when there is none and the end has " +
      "passed at the day deadlines are judged at (the period's end, or `--as-of`). Events before the period count.",
    failing: membershipExample([], [
      `person ki_f "Ki F"`,
      `on 2024-05-01 approve ki_f by sinuiju`,
      `on 2025-04-20 extend ki_f by acad`,
    ]),
    passing: membershipExample([], [
      `person ki_f "Ki F"`,
      `on 2024-05-01 approve ki_f by sinuiju`,
      `on 2025-04-20 extend ki_f by acad`,
      `on 2026-04-28 expel ki_f by acad`,
    ]),
  },
  obligations,
  check(context) {
    const { asOf, options, report } = context;
    for (const owed of obligations(context)) {
      const { probation, extend, due: end, closedBy: outcome } = owed;
      const name = personLabel(owed.person);
      const ended = `the extended probation ended on ${formatDay(end)}`;
      const related = [relatedProbationStart(probation)];
      if (outcome) {
        if (!isLate(outcome.day, end, asOf)) continue;
        report({
          file: extend.file,
          span: extend.statement.span,
          message: `${name}'s probation was ${eventPhrase(extend)}; ${ended}, but ${name} was ${eventPhrase(outcome)}, after it`,
          related: [...related, relatedEvent(outcome)],
          subject: `person:${owed.person.id}/extension:${formatDay(extend.day)}`,
          evidence: [
            probationStartStep(probation, owed.person.id),
            readEvent(extend, `extend ${owed.person.id}`),
            computed(`the extended probation ends ${formatDay(probation.start)} + ${durationWords(options.extendedProbation)} = ${formatDay(end)}`),
            readEvent(outcome, `${outcome.kind} ${owed.person.id}`),
            computed(`${formatDay(outcome.day)} is ${outcome.day - end} days after ${formatDay(end)}`),
          ],
        });
      } else if (isOverdue(end, asOf)) {
        report({
          file: extend.file,
          span: extend.statement.span,
          message: `${name}'s probation was ${eventPhrase(extend)}; ${ended} with no admit or expel`,
          related,
          subject: `person:${owed.person.id}/extension:${formatDay(extend.day)}`,
          evidence: [
            probationStartStep(probation, owed.person.id),
            readEvent(extend, `extend ${owed.person.id}`),
            computed(`the extended probation ends ${formatDay(probation.start)} + ${durationWords(options.extendedProbation)} = ${formatDay(end)}`),
            computed(`the records through ${formatDay(asOf!)} hold no admit or expel of ${owed.person.id} after the extension`),
          ],
        });
      }
    }
  },
});
