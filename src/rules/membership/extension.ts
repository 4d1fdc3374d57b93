import type { PersonEvent } from "../../model/types.js";
import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { computed, readEvent } from "../evidence.js";
import { defineRule } from "../rule.js";
import { cellOn, everyPersonFacts, type PersonFacts } from "../shared/membership-facts.js";
import { eventPhrase, relatedEvent } from "../shared/membership-text.js";
import { KIND_NAMES, personLabel, unitLabel } from "../shared/units.js";

/** Why `extend` was not by the candidate's cell, or `null`. */
function wrongBody(facts: PersonFacts, extend: PersonEvent): string | null {
  const unit = extend.unit;
  if (!unit) return null;
  const cell = cellOn(facts, extend.day);
  if (cell) return unit === cell ? null : `the candidate's cell is ${unitLabel(cell)}`;
  return unit.unitKind === "cell" ? null : `${unitLabel(unit)} is a ${KIND_NAMES[unit.unitKind]}, not a party cell`;
}

export const extension = defineRule({
  code: "ORG307",
  name: "extension",
  severity: "error",
  category: "membership",
  summary: "Probation is extended at most once, by the candidate's cell.",
  citation: {
    section: "Party Cells",
    quote: "The candidate member’s probationary period can be extended for another year by the party cell.",
  },
  options: {},
  docs: {
    description:
      "A person's first `extend` is the one extension the bylaws allow; every later `extend` is reported (events before the period " +
      "count: a 2025 `extend` is the first). Each `extend` must be by the candidate's cell: the cell applied to, or the roster's unit " +
      "where no application is recorded, moved by any `transfer` before the extension. Where nothing records the cell, the `extend` " +
      "must at least be by a party cell.\n\n" +
      "Reported on the `extend`; one diagnostic per `extend`, naming every fault. How long the extended probation lasts is `ORG308`'s " +
      "question.",
    failing: membershipExample([], [
      `person jo_e "Jo E"`,
      `on 2024-03-01 approve jo_e by sinuiju`,
      `on 2025-02-20 extend jo_e by acad`,
      `on 2026-01-10 extend jo_e by acad`,
      `on 2026-02-15 expel jo_e by acad`,
    ]),
    passing: membershipExample([], [
      `person jo_e "Jo E"`,
      `on 2024-03-01 approve jo_e by sinuiju`,
      `on 2025-02-20 extend jo_e by acad`,
      `on 2026-02-15 expel jo_e by acad`,
    ]),
  },
  check({ model, report }) {
    for (const facts of everyPersonFacts(model)) {
      let first: PersonEvent | null = null;
      for (const extend of facts.person.timeline) {
        if (extend.kind !== "extend") continue;
        const faults: string[] = [];
        if (first) faults.push(`probation was already extended on ${formatDay(first.day)}, and it is extended at most once`);
        const body = wrongBody(facts, extend);
        if (body) faults.push(`an extension is decided by the candidate's party cell, and ${body}`);
        if (faults.length > 0) {
          report({
            file: extend.file,
            span: extend.statement.span,
            message: `${personLabel(facts.person)}'s probation was ${eventPhrase(extend)}, but ${faults.join("; and ")}`,
            related: first ? [relatedEvent(first, `the first extension, ${eventPhrase(first)}`)] : [],
            subject: `person:${facts.person.id}/extend:${formatDay(extend.day)}`,
            evidence: [
              ...(first ? [readEvent(first, `the first extend of ${facts.person.id}`)] : []),
              readEvent(extend, `extend ${facts.person.id}${extend.unit ? ` by ${extend.unit.id}` : ""}`),
              ...faults.map((fault) => computed(fault)),
            ],
          });
        }
        first ??= extend;
      }
    }
  },
});
