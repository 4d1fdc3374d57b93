import type { RelatedLocation } from "../../diagnostics/types.js";
import type { Application, Person } from "../../model/types.js";
import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { computed, readEvent } from "../evidence.js";
import { defineRule, years, type Duration } from "../rule.js";
import { membershipFacts, type PersonFacts } from "../shared/membership-facts.js";
import { after, durationWords, relatedEntry, relatedEvent } from "../shared/membership-text.js";
import { personLabel } from "../shared/units.js";

/** Why one recommendation does not count, with where to look; `null` when it counts or cannot be judged. */
interface Refusal {
  readonly reason: string;
  readonly related: RelatedLocation;
}

function refusal(recommender: PersonFacts, application: Application, tenure: Duration, ref: RelatedLocation): Refusal | null {
  const name = personLabel(recommender.person);
  const held = recommender.tenure;
  if (!held) {
    const candidate = recommender.person.memberships.find((membership) => membership.status === "candidate");
    if (candidate) return { reason: `${name} is a candidate member, not a full member`, related: relatedEntry(candidate, `${name} is a candidate`) };
    return { reason: `${name} is not a full member`, related: ref };
  }
  if (held.day === null) return null;
  // Most recommendations count: the words are put together only for those that do not.
  const late = held.day > application.day;
  if (!late && after(held.day, tenure) <= application.day) return null;
  const applied = formatDay(application.day);
  const fromRoster = held.entry !== null && held.entry.date !== null;
  const became = fromRoster ? `joined ${formatDay(held.day)}` : `was ratified a full member on ${formatDay(held.day)}`;
  const related = fromRoster ? relatedEntry(held.entry, `${name} ${became}`) : relatedEvent(held.ratify!, `${name} ${became}`);
  if (late) return { reason: `${name} ${became}, after the application of ${applied}`, related };
  return { reason: `${name} ${became}, under ${durationWords(tenure)} before the application of ${applied}`, related };
}

export const recommendations = defineRule({
  code: "ORG302",
  name: "recommendations",
  severity: "error",
  category: "membership",
  summary:
    "An application carries two recommendations by full members of at least two years' standing; a youth league letter may stand for one, for a youth league member.",
  citation: {
    section: "Party Cells",
    quote:
      "Prospective party members submit their membership application (iptang poju’ngso’) to their local party cell along with letters of recommendation (notice of qualifications guarantee) from two other party members with at least two years of party membership.  A member of the Kim Il Sung Youth League can substitute one of these letters of recommendation from a party member with one submitted by their local youth league committee.",
  },
  options: {
    count: { type: "integer", default: 2, description: "Recommendations an application needs." },
    tenure: { type: "duration", default: years(2), description: "Membership a recommender has held on the application's date." },
  },
  docs: {
    description:
      "An application needs `count` recommendations that count. A recommendation by `recommended by X` counts when X is a full member " +
      "whose membership has lasted at least `tenure` on the application's date (exactly two years counts). Membership runs from the roster's " +
      "`member ... joined` date, or from a recorded `ratify` where the roster has none; time as a candidate does not count. " +
      "A person named twice counts once. A `youth league letter` stands for one recommendation (at most one), and only when the applicant " +
      "is marked `youth_league` in the application or in a roster entry.\n\n" +
      "Reported on the application's statement; the message names each recommendation that does not count and why, and the related " +
      "locations point at the roster entries. A recommender whose name does not resolve (`ORG002`) is given the benefit of the doubt, and so " +
      "is one whose `joined` date is not a calendar date (`ORG004`).",
    failing: membershipExample([], [
      `on 2026-02-02 application so_ra "So Ra" to acad { recommended by kim_a, pak_c }`,
    ]),
    passing: membershipExample([], [
      `on 2026-02-02 application so_ra "So Ra" to acad { recommended by kim_a, ri_b }`,
    ]),
  },
  check({ model, options, report }) {
    const facts = membershipFacts(model);
    for (const person of model.people) {
      for (const event of person.timeline) {
        if (event.kind !== "application") continue;
        const application = event as Application;
        let counted = 0;
        const refusals: Refusal[] = [];
        const seen = new Set<Person>();
        // Recommenders that did not resolve are already reported; they might count.
        const unknown = application.body.recommenders.length - application.recommenders.length;
        for (const { person: recommender, ref } of application.recommenders) {
          const related: RelatedLocation = { file: application.file, span: ref.span, message: `recommended by ${personLabel(recommender)}` };
          if (seen.has(recommender)) {
            refusals.push({ reason: `${personLabel(recommender)} is named twice and counts once`, related });
            continue;
          }
          seen.add(recommender);
          const refused = refusal(facts.get(recommender)!, application, options.tenure, related);
          if (refused) refusals.push(refused);
          else counted++;
        }
        const letter = application.body.youthLeagueLetter;
        if (letter) {
          if (application.body.youthLeague || facts.get(person)!.youthLeagueInRoster) counted++;
          else
            refusals.push({
              reason: `a youth league letter counts only for a youth league member, and ${personLabel(person)} is not marked youth_league`,
              related: { file: application.file, span: letter, message: "the youth league letter" },
            });
        }
        if (counted + unknown >= options.count) continue;
        const has = counted === 1 ? "1 recommendation that counts" : `${counted} recommendations that count`;
        const why = refusals.length > 0 ? `: ${refusals.map((item) => item.reason).join("; ")}` : "";
        report({
          file: application.file,
          span: application.statement.span,
          message: `the application of ${personLabel(person)} on ${formatDay(application.day)} has ${has}, ${options.count} needed${why}`,
          related: refusals.map((item) => item.related),
          subject: `application:${person.id}/${formatDay(application.day)}/recommendations`,
          evidence: [
            readEvent(application, `application of ${person.id}`),
            ...refusals.map((item) => ({ kind: "read" as const, text: item.reason, location: { file: item.related.file, span: item.related.span } })),
            computed(`${counted} recommendation${counted === 1 ? "" : "s"} count${counted === 1 ? "s" : ""}${unknown > 0 ? ` (and ${unknown} by unresolved names, given the benefit of the doubt)` : ""}; ${options.count} needed`),
          ],
        });
      }
    }
  },
});
