import type { MonthlyObligation, ObligationContext } from "../obligation.js";
import { defineRule, type OptionSpecs } from "../rule.js";
import { judgeCadences, monthly, timesText } from "../shared/meetings-cadence.js";

const OPTIONS = {
  perMonth: { type: "integer", default: 1, description: "Fewest cell meetings in each whole month of the period." },
} satisfies OptionSpecs;

/** Each cell's monthly meetings. */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): MonthlyObligation[] {
  const requirement = `a party cell meets at least ${timesText(options.perMonth)} a month`;
  return model.units
    .filter((unit) => unit.unitKind === "cell")
    .map((unit) => monthly(unit, { code: "ORG201", row: "meeting", perMonth: options.perMonth, noun: "cell meeting", counted: "meeting", requirement }));
}

export const cellMeeting = defineRule({
  code: "ORG201",
  name: "cell-meeting",
  severity: "error",
  category: "meetings",
  summary: "A cell holds a meeting at least once in each month.",
  citation: {
    section: "Party Cells",
    quote: "Party cell meetings are held at least once a month and are led by a party cell secretary and a deputy (vice) secretary.",
  },
  options: OPTIONS,
  docs: {
    description:
      "Counts each cell's `meeting` events (single events and series) in every calendar month that lies wholly in the cell's window: " +
      "the `period`, cut to start no earlier than the cell's `established` date. A partial first or last month is not counted, and " +
      "meetings before the window are history that does not count. Each month with fewer than `perMonth` meetings gets one diagnostic, " +
      "anchored at the cell's identifier and naming the month.\n\n" +
      "Without a `period` the rule does nothing (ORG009 says so).",
    failing: `period 2026-01-01 to 2026-03-31

cell mill3 "Textile Mill Cell No. 3" {
  under sinuiju
  member kim_chol "Kim Chol" joined 2012-05-01
}

on 2026-01-12 meeting mill3
on 2026-03-12 meeting mill3   // nothing in 2026-02`,
    passing: `period 2026-01-01 to 2026-03-31

cell mill3 "Textile Mill Cell No. 3" {
  under sinuiju
  member kim_chol "Kim Chol" joined 2012-05-01
}

every month from 2026-01-12 to 2026-03-12 meeting mill3`,
  },
  obligations,
  check(context) {
    judgeCadences(context, obligations(context));
  },
});
