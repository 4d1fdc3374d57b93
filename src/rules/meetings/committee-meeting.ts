import type { UnitKind } from "../../ast/types.js";
import type { MonthlyObligation, ObligationContext } from "../obligation.js";
import { defineRule, type OptionSpecs } from "../rule.js";
import { judgeCadences, monthly, timesText } from "../shared/meetings-cadence.js";
import { KIND_NAMES } from "../shared/units.js";

const KINDS: readonly UnitKind[] = ["primary", "branch", "subprimary"];

const OPTIONS = {
  perMonth: { type: "integer", default: 2, description: "Fewest committee meetings in each whole month of the period." },
  perMonthWithExecutive: {
    type: "integer",
    default: 1,
    description: "Fewest committee meetings in each whole month where the unit has an executive committee.",
  },
} satisfies OptionSpecs;

/** The monthly meetings of the committee of each primary, branch and sub-primary organization. */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): MonthlyObligation[] {
  return model.units
    .filter((unit) => KINDS.includes(unit.unitKind) && unit.committee)
    .map((unit) => {
      const kind = KIND_NAMES[unit.unitKind];
      const withExecutive = unit.executive !== null;
      const perMonth = withExecutive ? options.perMonthWithExecutive : options.perMonth;
      const requirement = withExecutive
        ? `the committee of a ${kind} with an executive committee meets at least ${timesText(perMonth)} a month`
        : `the committee of a ${kind} meets at least ${timesText(perMonth)} a month`;
      return monthly(unit, { code: "ORG204", row: "committee-meeting", perMonth, noun: "committee meeting", counted: "committee meeting", requirement });
    });
}

export const committeeMeeting = defineRule({
  code: "ORG204",
  name: "committee-meeting",
  severity: "error",
  category: "meetings",
  summary:
    "The committee of a primary, branch and sub-primary party organization meets twice in each month; once a month where the unit has an executive committee.",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote: "These party organization committees meet twice a month.",
  },
  options: OPTIONS,
  docs: {
    description:
      "Applies to every primary, branch and sub-primary party organization that declares a committee (`committee { ... }`; " +
      "a missing committee is ORG112's finding). Counts its `committee meeting` events in every calendar month that lies wholly " +
      "in the unit's window (the `period`, cut to start no earlier than `established`); each month with fewer than required " +
      "gets one diagnostic at the unit's identifier, naming the month.\n\n" +
      'The text goes on: "In primary and sub-primary party organization committees that have executive committees, then the ' +
      'primary and sub-primary party organization committee meets once a month and the executive committee meets twice a month." ' +
      "So a unit that declares an `executive { ... }` needs `perMonthWithExecutive` committee meetings a month instead of " +
      "`perMonth` (the executive's own meetings are ORG205). A branch that declares an executive is ORG113's finding; this rule " +
      "then takes the lower requirement rather than report a second fault of the same cause.\n\n" +
      "Without a `period` the rule does nothing.",
    failing: `period 2026-01-01 to 2026-02-28

primary plant "Machine Plant Primary Party Organization" {
  under sinuiju
  committee { members cha_rim, hong_ae }
}

every month from 2026-01-05 to 2026-02-05 committee meeting plant   // once a month`,
    passing: `period 2026-01-01 to 2026-02-28

primary plant "Machine Plant Primary Party Organization" {
  under sinuiju
  committee { members cha_rim, hong_ae }
}

every 2 weeks from 2026-01-05 to 2026-02-16 committee meeting plant`,
  },
  obligations,
  check(context) {
    judgeCadences(context, obligations(context));
  },
});
