import type { Membership, Person, PersonEvent } from "../../model/types.js";
import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { computed, readEntry, readEvent } from "../evidence.js";
import { defineRule } from "../rule.js";
import { eventPhrase, relatedEvent } from "../shared/membership-text.js";
import { cityOrCountyAbove, personLabel, unitLabel } from "../shared/units.js";

/** What is wrong with a `ratify`, given the latest `admit` on or before its day. */
function ratifyFault(person: Person, ratify: PersonEvent, admit: PersonEvent | null): string | null {
  const ratified = `${personLabel(person)} was ${eventPhrase(ratify)}`;
  if (!admit) return `${ratified} with no admit by the cell before it; the committee ratifies the cell's admit`;
  const committee = admit.unit ? cityOrCountyAbove(admit.unit) : null;
  if (!committee || !ratify.unit || ratify.unit === committee) return null;
  return `${ratified}, but the admit by ${unitLabel(admit.unit!)} is ratified by the city or county committee above it, ${unitLabel(committee)}`;
}

function rosterFault(person: Person, entry: Membership, admit: PersonEvent | null): string {
  const committee = cityOrCountyAbove(entry.unit);
  const by = committee ? ` by ${unitLabel(committee)}` : "";
  const admitted = admit ? `; ${personLabel(person)} was ${eventPhrase(admit)}` : ", nor an admit by the cell";
  return `${personLabel(person)} joined ${formatDay(entry.date!)}, in the period, but no ratify${by} is recorded${admitted}`;
}

export const ratification = defineRule({
  code: "ORG306",
  name: "ratification",
  severity: "error",
  category: "membership",
  summary: "A candidate becomes a full member only when the cell's admit is ratified by the city or county committee above the cell.",
  citation: {
    section: "Party Cells",
    quote:
      "After one year has elapsed, the candidate member’s application is then decided by the party cell and ratified by the city (municipal) or county party committee.",
  },
  options: {},
  docs: {
    description:
      "Each `ratify` needs an `admit` on or before its day, and must be by the city or county committee above the unit that admitted. " +
      "A roster `member ... joined DATE` with DATE inside the period needs both a recorded `admit` and a recorded `ratify` (members who " +
      "joined before the period are history and need no records).\n\n" +
      "A `ratify` by another body or with no `admit` before it is reported on the `ratify`; a roster member joined in the period with no " +
      "`ratify` on the roster entry (the message says whether an `admit` was recorded). A roster member whose `ratify` is recorded but " +
      "whose `admit` is not is reported once, on the `ratify`.",
    failing: membershipExample([`member mun_g "Mun G" joined 2026-03-10`], [
      `on 2025-03-15 approve mun_g by sinuiju`,
      `on 2026-03-10 admit mun_g by acad`,
    ]),
    passing: membershipExample([`member mun_g "Mun G" joined 2026-03-17`], [
      `on 2025-03-15 approve mun_g by sinuiju`,
      `on 2026-03-10 admit mun_g by acad`,
      `on 2026-03-17 ratify mun_g by sinuiju`,
    ]),
  },
  check({ model, report }) {
    const period = model.period;
    for (const person of model.people) {
      const admits = person.timeline.filter((event) => event.kind === "admit");
      let ratified = false;
      for (const ratify of person.timeline) {
        if (ratify.kind !== "ratify") continue;
        ratified = true;
        const admit = admits.filter((event) => event.day <= ratify.day).at(-1) ?? null;
        const message = ratifyFault(person, ratify, admit);
        if (message) {
          report({
            file: ratify.file,
            span: ratify.statement.span,
            message,
            related: admit ? [relatedEvent(admit)] : [],
            subject: `person:${person.id}/ratify:${formatDay(ratify.day)}`,
            evidence: [
              ...(admit ? [readEvent(admit, `admit ${person.id}${admit.unit ? ` by ${admit.unit.id}` : ""}`)] : [computed(`no admit of ${person.id} on or before ${formatDay(ratify.day)}`)]),
              readEvent(ratify, `ratify ${person.id}${ratify.unit ? ` by ${ratify.unit.id}` : ""}`),
            ],
          });
        }
      }
      if (!period || ratified) continue;
      for (const entry of person.memberships) {
        if (entry.status !== "member" || entry.date === null || entry.date < period.from || entry.date > period.to) continue;
        const admit = admits.at(-1) ?? null;
        report({
          file: entry.file,
          span: entry.entry.span,
          message: rosterFault(person, entry, admit),
          related: admit ? [relatedEvent(admit)] : [],
          subject: `person:${person.id}/joined:${formatDay(entry.date)}`,
          evidence: [
            readEntry(entry, `member ${person.id} joined ${formatDay(entry.date)} in the roster of ${entry.unit.id}`),
            computed(`${formatDay(entry.date)} is in the period; ${admit ? "an admit but no ratify is recorded" : "no admit and no ratify is recorded"}`),
          ],
        });
      }
    }
  },
});
