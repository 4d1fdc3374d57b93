import type { Unit } from "../../model/types.js";
import type { GapObligation, ObligationContext } from "../obligation.js";
import { defineRule, type Duration, type OptionSpecs } from "../rule.js";
import { cadenceText, gap, judgeCadences, limitText } from "../shared/meetings-cadence.js";
import { computed, read, readUnit } from "../evidence.js";
import { insertInUnit, sourceOf } from "../shared/edits.js";
import { unitLabel } from "../shared/units.js";

/** Whether a declared cadence is at least weekly: "once a week or every two days", or more often. */
function withinAWeek(cadence: Duration): boolean {
  if (cadence.unit === "day") return cadence.count <= 7;
  if (cadence.unit === "week") return cadence.count <= 1;
  return false;
}

/** A cell's declared cadence as a limit and as written, when it parsed. */
function declaredCadence(unit: Unit): { readonly limit: Duration; readonly text: string } | null {
  const interval = unit.critique?.interval;
  if (!interval) return null;
  const limit = { count: interval.count, unit: interval.unit };
  return { limit, text: cadenceText(limit, unit.critique?.property.raw?.name ?? null) };
}

/** Each cell's sessions at most its declared cadence apart, where that cadence is one the bylaws allow. */
function obligations({ model }: ObligationContext<OptionSpecs>): GapObligation[] {
  return model.units.flatMap((unit) => {
    const declared = unit.unitKind === "cell" ? declaredCadence(unit) : null;
    if (!declared || !withinAWeek(declared.limit)) return [];
    return [
      gap(unit, {
        code: "ORG206",
        row: "critique",
        limit: declared.limit,
        noun: "Party Life Critique",
        missing: "held no Party Life Critique",
        requirement: `its declared cadence is \`critique ${declared.text}\` (at most ${limitText(declared.limit)} apart)`,
      }),
    ];
  });
}

export const critique = defineRule({
  code: "ORG206",
  name: "critique",
  severity: "error",
  category: "meetings",
  summary:
    "A cell's Party Life Critique sessions follow its declared cadence (at most 7 days apart for `critique weekly`, 2 days for `critique every 2 days`); a cell with no `critique` line gets a warning.",
  citation: {
    section: "Party Cells",
    quote: "Party Life Critique can happen once a week or every two days.",
  },
  options: {},
  docs: {
    description:
      '"Meetings of Party Life Critique are determined by the party cell of which they are members": each cell declares its ' +
      "cadence with `critique weekly` or `critique every 2 days`, and the declared interval is the limit (7 days, 2 days; the " +
      "rule has no option, the cell's own line is the setting). The rule measures the time between consecutive `critique` " +
      "sessions in the cell's window (the `period`, cut to start no earlier than `established`), and from the window's start " +
      "to the first session and from the last to the window's end. A gap of exactly the limit is in time; each longer gap gets " +
      "one diagnostic at the cell's identifier. No session at all is one gap, the whole window. Without a `period` the " +
      "cadence is not evaluated.\n\n" +
      "A cell with no `critique` line gets one diagnostic at its identifier with severity **warning**, whatever the period: " +
      "the rule's configured severity applies to gaps, and this report's severity is the lower of `warning` and the " +
      "configured one (a report can only lower a rule's severity, never raise it). A declared cadence less often than " +
      "weekly (`critique monthly`, `critique every 30 days`, `critique every 2 weeks`) is reported on the `critique` line, " +
      "since the bylaws allow \"once a week or every two days\"; its gaps are not measured then. A `critique` line whose " +
      "cadence did not parse has already been reported (ORG001); the rule stays silent about that cell.",
    failing: `period 2026-03-01 to 2026-03-31

cell printing "Printing House Cell" {
  under sinuiju
  critique weekly
}

every week from 2026-03-02 to 2026-03-16 critique printing   // nothing after 2026-03-16`,
    passing: `period 2026-03-01 to 2026-03-31

cell printing "Printing House Cell" {
  under sinuiju
  critique weekly
}

every week from 2026-03-02 to 2026-03-30 critique printing`,
  },
  obligations,
  check(context) {
    const { model, report } = context;
    for (const unit of model.units) {
      if (unit.unitKind !== "cell") continue;
      if (!unit.critique) {
        const file = sourceOf(model, unit.file);
        const after = unit.decl.items.filter((item) => ["under", "level", "setting", "established", "covers"].includes(item.type)).at(-1) ?? null;
        report({
          file: unit.file,
          span: unit.decl.id.span,
          message: `${unitLabel(unit)} declares no Party Life Critique cadence; add \`critique weekly\` or \`critique every 2 days\``,
          severity: "warning",
          data: { unit: unit.id },
          subject: `unit:${unit.id}/critique`,
          evidence: [readUnit(unit), computed("its body has no `critique` line")],
          // Which cadence the cell keeps is the records' to say.
          fixes: file
            ? ["critique weekly", "critique every 2 days"].map((line) => ({ title: `Add \`${line}\``, safety: "unsafe" as const, edits: [insertInUnit(file, unit.decl, after, line)] }))
            : [],
        });
        continue;
      }
      const declared = declaredCadence(unit);
      if (declared && !withinAWeek(declared.limit)) {
        report({
          file: unit.file,
          span: unit.critique.property.span,
          message:
            `${unitLabel(unit)} declares \`critique ${declared.text}\`, less often than the bylaws allow; ` +
            "Party Life Critique is held once a week or every two days (`critique weekly` or `critique every 2 days`)",
          subject: `unit:${unit.id}/critique:${declared.text}`,
          evidence: [readUnit(unit), read(`critique ${declared.text}`, unit.file, unit.critique.property.span), computed(`${limitText(declared.limit)} between sessions is longer than a week`)],
        });
      }
    }
    judgeCadences(context, obligations(context));
  },
});
