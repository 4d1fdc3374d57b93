import type { UnitKind } from "../../ast/types.js";
import type { MonthlyObligation, ObligationContext } from "../obligation.js";
import { defineRule, type OptionSpecs } from "../rule.js";
import { judgeCadences, monthly, timesText } from "../shared/meetings-cadence.js";

/** The kinds the bylaws let elect an executive committee (any other is ORG113's finding). */
const KINDS: readonly UnitKind[] = ["primary", "subprimary"];

const OPTIONS = {
  perMonth: { type: "integer", default: 2, description: "Fewest executive committee meetings in each whole month of the period." },
} satisfies OptionSpecs;

/** The monthly meetings of each executive committee. */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): MonthlyObligation[] {
  const requirement = `an executive committee meets at least ${timesText(options.perMonth)} a month`;
  return model.units
    .filter((unit) => KINDS.includes(unit.unitKind) && unit.executive)
    .map((unit) =>
      monthly(unit, {
        code: "ORG205",
        row: "executive-meeting",
        perMonth: options.perMonth,
        noun: "executive committee meeting",
        counted: "executive committee meeting",
        requirement,
      }),
    );
}

export const executiveMeeting = defineRule({
  code: "ORG205",
  name: "executive-meeting",
  severity: "error",
  category: "meetings",
  summary: "An executive committee meets twice in each month.",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote:
      "In primary and sub-primary party organization committees that have executive committees, then the primary and sub-primary party organization committee meets once a month and the executive committee meets twice a month.",
  },
  options: OPTIONS,
  docs: {
    description:
      "Applies to every primary and sub-primary party organization that declares an `executive { ... }`. Counts its " +
      "`executive meeting` events in every calendar month that lies wholly in the unit's window (the `period`, cut to start " +
      "no earlier than `established`); each month with fewer than `perMonth` gets one diagnostic at the unit's identifier, " +
      "naming the month.\n\n" +
      "An executive declared by another kind of unit is ORG113's finding; this rule does not also require it to meet. " +
      "Without a `period` the rule does nothing.",
    failing: `period 2026-01-01 to 2026-02-28

primary works "Textile Works Primary Party Organization" {
  under sinuiju
  committee { members so_bok, choe_dok, o_ha }
  executive { members so_bok, choe_dok }
}

on 2026-01-05 executive meeting works
on 2026-01-19 executive meeting works
on 2026-02-09 executive meeting works   // once in 2026-02`,
    passing: `period 2026-01-01 to 2026-02-28

primary works "Textile Works Primary Party Organization" {
  under sinuiju
  committee { members so_bok, choe_dok, o_ha }
  executive { members so_bok, choe_dok }
}

every 2 weeks from 2026-01-05 to 2026-02-16 executive meeting works`,
  },
  obligations,
  check(context) {
    judgeCadences(context, obligations(context));
  },
});
