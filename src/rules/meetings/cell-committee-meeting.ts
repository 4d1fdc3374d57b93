import type { MonthlyObligation, ObligationContext } from "../obligation.js";
import { defineRule, type OptionSpecs } from "../rule.js";
import { judgeCadences, monthly, timesText } from "../shared/meetings-cadence.js";

const OPTIONS = {
  perMonth: { type: "integer", default: 1, description: "Fewest Party Cell Committee meetings in each whole month of the period." },
} satisfies OptionSpecs;

/** The monthly meetings of each Party Cell Committee. */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): MonthlyObligation[] {
  const requirement = `a Party Cell Committee meets at least ${timesText(options.perMonth)} a month`;
  return model.units
    .filter((unit) => unit.unitKind === "cell" && unit.committee)
    .map((unit) =>
      monthly(unit, {
        code: "ORG202",
        row: "committee-meeting",
        perMonth: options.perMonth,
        noun: "Party Cell Committee meeting",
        counted: "Party Cell Committee meeting",
        requirement,
      }),
    );
}

export const cellCommitteeMeeting = defineRule({
  code: "ORG202",
  name: "cell-committee-meeting",
  severity: "error",
  category: "meetings",
  summary: "A Party Cell Committee holds a committee meeting at least once in each month.",
  citation: {
    section: "Party Cells",
    quote: "The Party Cell Committee meets at least once a month.",
  },
  options: OPTIONS,
  docs: {
    description:
      "Applies to every cell that declares a Party Cell Committee (`committee { ... }`). Counts its `committee meeting` events in " +
      "every calendar month that lies wholly in the cell's window (the `period`, cut to start no earlier than `established`); " +
      "each month with fewer than `perMonth` gets one diagnostic at the cell's identifier, naming the month.\n\n" +
      "A cell that needs a committee but declares none is ORG111's finding, not this rule's. Without a `period` the rule does nothing.",
    failing: `period 2026-01-01 to 2026-03-31

cell fibre "Chemical Fibre Cell" {
  under sinuiju
  committee { members an_chol, kim_myong }
  member an_chol "An Chol" joined 2010-01-01
  member kim_myong "Kim Myong" joined 2010-01-01
}

on 2026-01-08 committee meeting fibre
on 2026-03-08 committee meeting fibre   // nothing in 2026-02`,
    passing: `period 2026-01-01 to 2026-03-31

cell fibre "Chemical Fibre Cell" {
  under sinuiju
  committee { members an_chol, kim_myong }
  member an_chol "An Chol" joined 2010-01-01
  member kim_myong "Kim Myong" joined 2010-01-01
}

every month from 2026-01-08 to 2026-03-08 committee meeting fibre`,
  },
  obligations,
  check(context) {
    judgeCadences(context, obligations(context));
  },
});
