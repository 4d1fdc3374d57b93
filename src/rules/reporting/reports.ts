import type { ReportOccurrence, Unit } from "../../model/types.js";
import type { GapObligation, ObligationContext } from "../obligation.js";
import { defineRule, months, type OptionSpecs } from "../rule.js";
import type { Gap } from "../shared/cadence.js";
import { computed } from "../evidence.js";
import { gap, gapEvidence, gapSubject, gapText, limitText, listRecipients, longGaps } from "../shared/meetings-cadence.js";
import { cityOrCountyAbove, isBasic, provincialAbove, unitLabel } from "../shared/units.js";

/**
 * Whether a report reached `recipient`. A report naming a recipient that did
 * not resolve (already ORG002/ORG005) might have, so it counts for every
 * recipient rather than cause a second diagnostic.
 */
export function reaches(report: ReportOccurrence, recipient: Unit): boolean {
  const named = report.statement.event.type === "report" ? report.statement.event.recipients.length : 0;
  return report.recipients.includes(recipient) || report.recipients.length < named;
}

const OPTIONS = {
  interval: { type: "duration", default: months(3), description: "Longest time between reports to each committee." },
} satisfies OptionSpecs;

/** Each basic organization's reports to its city or county committee and to the provincial committee above it. */
function obligations({ model, options }: ObligationContext<typeof OPTIONS>): GapObligation[] {
  const limit = options.interval;
  const requirement = `a basic party organization reports to its city or county committee and to the provincial committee above it at least every ${limitText(limit)}`;
  return model.units.flatMap((unit) => {
    if (!isBasic(unit)) return [];
    const city = cityOrCountyAbove(unit);
    if (!city) return [];
    const provincial = provincialAbove(city);
    return (provincial ? [city, provincial] : [city]).map((recipient) =>
      gap(unit, {
        code: "ORG401",
        row: "report",
        limit,
        recipient,
        days: unit.timeline.reports.filter((item) => reaches(item, recipient)).map((item) => item.day),
        noun: `report to ${recipient.title ?? recipient.id}`,
        missing: `sent no report to ${unitLabel(recipient)}`,
        requirement,
      }),
    );
  });
}

export const reports = defineRule({
  code: "ORG401",
  name: "reports",
  severity: "warning",
  category: "reporting",
  summary:
    "A basic party organization reports to its city or county committee and to the provincial committee above that, at most 3 months apart to each.",
  citation: {
    section: "Mission and function of basic party organizations",
    quote:
      "Basic party organizations are required to submit regular reports to city (municipal) and county party committees and provincial party committees.",
  },
  options: OPTIONS,
  docs: {
    description:
      "The text asks for \"regular reports\"; how regular is this tool's default (`interval`, 3 months), not the text's.\n\n" +
      "Checks every basic party organization with a city or county committee above it (directly or through the units it is " +
      "under); others are not checked. Its recipients are that city or county committee and the provincial committee above " +
      "it. For each recipient, the rule measures the time between consecutive `report` events that name it, in the unit's " +
      "window (the `period`, cut to start no earlier than `established`), and from the window's start to the first report " +
      "and from the last to the window's end. A gap of exactly `interval` is in time. Each longer gap gets one diagnostic at " +
      "the unit's identifier, naming the committees that went without a report over it and the gap; no report at all is " +
      "one gap, the whole window. Without a `period` the rule does nothing.",
    failing: `period 2026-01-01 to 2026-06-30

cell tannery "Tannery Cell" {
  under sinuiju
}

every 2 months from 2026-02-15 to 2026-06-15 report tannery to sinuiju   // never to north_pyongan`,
    passing: `period 2026-01-01 to 2026-06-30

cell tannery "Tannery Cell" {
  under sinuiju
}

every 2 months from 2026-02-15 to 2026-06-15 report tannery to sinuiju, north_pyongan`,
  },
  obligations,
  check(context) {
    // Gaps shared by several recipients make one diagnostic naming them all.
    const byUnit = new Map<Unit, GapObligation[]>();
    for (const obligation of obligations(context)) {
      const owed = byUnit.get(obligation.unit);
      if (owed) owed.push(obligation);
      else byUnit.set(obligation.unit, [obligation]);
    }
    for (const [unit, owed] of byUnit) {
      // Most units report in time: no map for them.
      let byGap: Map<string, { gap: Gap; owed: GapObligation[] }> | null = null;
      for (const obligation of owed) {
        for (const found of longGaps(context, obligation)) {
          byGap ??= new Map();
          const key = `${found.from}:${found.to}`;
          const entry = byGap.get(key) ?? { gap: found, owed: [] };
          entry.owed.push(obligation);
          byGap.set(key, entry);
        }
      }
      if (!byGap) continue;
      const entries = [...byGap.values()].sort((a, b) => a.gap.from - b.gap.from || a.gap.to - b.gap.to);
      const { limit, requirement } = owed[0]!;
      const window = context.cadenceWindow(unit, "report")!;
      for (const { gap: found, owed: missedBy } of entries) {
        const missed = missedBy.map((obligation) => obligation.recipient!);
        context.report({
          file: unit.file,
          span: unit.decl.id.span,
          message: `${unitLabel(unit)} sent no report to ${listRecipients(missed)} ${gapText(found, limit)}; ${requirement}`,
          subject: gapSubject(missedBy[0]!, found),
          evidence: [
            ...gapEvidence(missedBy[0]!, window, found),
            computed(`no report reached ${listRecipients(missed)} in between (it reports to ${listRecipients(owed.map((obligation) => obligation.recipient!))})`),
          ],
        });
      }
    }
  },
});
