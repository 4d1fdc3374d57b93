import type { UnitKind } from "../../ast/types.js";
import type { GapObligation, ObligationContext } from "../obligation.js";
import { defineRule, months, type OptionSpecs } from "../rule.js";
import { gap, judgeCadences, limitText } from "../shared/meetings-cadence.js";
import { KIND_NAMES } from "../shared/units.js";

const KINDS: readonly UnitKind[] = ["primary", "branch", "subprimary"];

const OPTIONS = {
  interval: { type: "duration", default: months(3), description: "Longest time between general meetings." },
  largeInterval: {
    type: "duration",
    default: months(12),
    description: "Longest time between general meetings of a large primary party organization.",
  },
  largeMoreThan: {
    type: "integer",
    default: 500,
    description: "A primary party organization with more members and candidates than this is large.",
  },
} satisfies OptionSpecs;

/** The general meetings of each primary, branch and sub-primary organization, at most `interval` apart (a large primary: `largeInterval`). */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): GapObligation[] {
  return model.units
    .filter((unit) => KINDS.includes(unit.unitKind))
    .map((unit) => {
      const large = unit.unitKind === "primary" && unit.size > options.largeMoreThan;
      const limit = large ? options.largeInterval : options.interval;
      const kind = KIND_NAMES[unit.unitKind];
      const requirement = large
        ? `a ${kind} of more than ${options.largeMoreThan} members and candidates (this one has ${unit.size}) holds one at least every ${limitText(limit)}`
        : `a ${kind} holds one at least every ${limitText(limit)}`;
      return gap(unit, { code: "ORG203", row: "meeting", limit, noun: "general meeting", missing: "held no general meeting", requirement });
    });
}

export const generalMeeting = defineRule({
  code: "ORG203",
  name: "general-meeting",
  severity: "error",
  category: "meetings",
  summary:
    "A primary, branch and sub-primary party organization holds a general meeting at most 3 months apart; a primary of more than 500 members and candidates, 12 months.",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote:
      "The primary party organization, branch party organization and sub-primary party organization hold a general membership meeting (also called a party conference) every three months.",
  },
  options: OPTIONS,
  docs: {
    description:
      "A general membership meeting is a `meeting` of the primary, branch or sub-primary party organization itself. The rule " +
      "measures the time between consecutive meetings in the unit's window (the `period`, cut to start no earlier than " +
      "`established`), and from the window's start to the first meeting and from the last to the window's end. A gap of " +
      "exactly `interval` is in time (calendar arithmetic: 2026-01-31 + 3 months = 2026-04-30); each longer gap gets one " +
      'diagnostic at the unit\'s identifier. No meeting at all is one gap, the whole window.\n\n' +
      "The text continues: \"Primary party organizations with more than 500 party members and candidate party members can hold " +
      'a general membership meeting (party conference) once a year." So a primary party organization of more than ' +
      "`largeMoreThan` members and candidates (counted over it and every unit under it) may go `largeInterval` between meetings; " +
      "the text gives branch and sub-primary organizations no such allowance.\n\n" +
      "Without a `period` the rule does nothing.",
    failing: `period 2026-01-01 to 2026-06-30

primary plant "Machine Plant Primary Party Organization" {
  under sinuiju
}

on 2026-01-20 meeting plant
on 2026-05-20 meeting plant   // 4 months after the last`,
    passing: `period 2026-01-01 to 2026-06-30

primary plant "Machine Plant Primary Party Organization" {
  under sinuiju
}

on 2026-01-20 meeting plant
on 2026-04-20 meeting plant   // exactly 3 months is in time`,
  },
  obligations,
  check(context) {
    judgeCadences(context, obligations(context));
  },
});
