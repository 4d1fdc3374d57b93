import type { RelatedLocation } from "../../diagnostics/types.js";
import type { Person, PersonEvent } from "../../model/types.js";
import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { computed, readEvent } from "../evidence.js";
import { defineRule, type ReportInput } from "../rule.js";
import { meetingOn, everyPersonFacts, type ApplicationCase } from "../shared/membership-facts.js";
import { relatedEvent } from "../shared/membership-text.js";
import { personLabel, unitLabel } from "../shared/units.js";

/** What is wrong with a review, or `null`. */
function reviewFault(person: Person, item: ApplicationCase, review: PersonEvent): string | null {
  const unit = review.unit;
  if (!unit) return null;
  const who = `${personLabel(person)} was reviewed at ${unitLabel(unit)} on ${formatDay(review.day)}`;
  if (item.cell && unit !== item.cell) return `${who}, but applied to ${unitLabel(item.cell)}; the application is reviewed at a meeting of its cell`;
  const meeting = meetingOn(unit, review.day);
  if (!meeting) return `${who}, but ${unitLabel(unit)} held no meeting that day; the application is reviewed at the cell's meeting`;
  if (meeting.present && !meeting.present.includes(person)) {
    return `${who}, but the meeting's attendance does not list ${personLabel(person)}; the application is reviewed with the applicant present`;
  }
  return null;
}

/** What is wrong with a forward, or `null`. */
function forwardFault(person: Person, item: ApplicationCase, forward: PersonEvent): string | null {
  const reviewed = item.reviews.some((review) => review.day <= forward.day);
  const who = `${personLabel(person)}'s application was forwarded${forward.unit ? ` to ${unitLabel(forward.unit)}` : ""} on ${formatDay(forward.day)}`;
  if (!reviewed) {
    const where = item.cell ? `a meeting of ${unitLabel(item.cell)}` : "a meeting of the cell";
    return `${who} with no review at ${where} before it`;
  }
  if (forward.unit && item.cell && item.committee && forward.unit !== item.committee) {
    return `${who}; the city or county committee above ${unitLabel(item.cell)} is ${unitLabel(item.committee)}`;
  }
  return null;
}

/** The subject and evidence of a review's or forward's fault: the application, its reviews and forwards, and the cell's meetings that day. */
function caseEvidence(id: string, item: ApplicationCase, event: PersonEvent): Pick<ReportInput, "subject" | "evidence"> {
  const meeting = item.cell ? meetingOn(item.cell, event.day) : undefined;
  return {
    subject: `application:${id}/${event.kind}:${formatDay(event.day)}`,
    evidence: [
      ...(item.application ? [readEvent(item.application, `application of ${id}${item.cell ? ` to ${item.cell.id}` : ""}`)] : []),
      ...item.reviews.map((review) => readEvent(review, `review of ${id}${review.unit ? ` at ${review.unit.id}` : ""}`)),
      ...item.forwards.map((forward) => readEvent(forward, `forward of ${id}${forward.unit ? ` to ${forward.unit.id}` : ""}`)),
      computed(
        item.cell
          ? `${item.cell.id} ${meeting ? "met" : "held no meeting"} on ${formatDay(event.day)}; the committee above it is ${item.committee?.id ?? "unknown"}`
          : "the cell applied to is not known",
      ),
    ],
  };
}

export const review = defineRule({
  code: "ORG303",
  name: "review",
  severity: "error",
  category: "membership",
  summary:
    "Before it is forwarded, an application is reviewed at a meeting of its cell held that day, with the applicant, and forwarded to the city or county committee above the cell.",
  citation: {
    section: "Party Cells",
    quote:
      "The application is then reviewed, with the applicant, at the party cell’s general meeting and forwarded to the county or city (municipal) party committee which must act on the application within a month.",
  },
  options: {},
  docs: {
    description:
      "Each `review` of an applicant must fall on a day its unit held a `meeting` (a single event or a date of a series), at the cell the " +
      "application was made to; where that meeting records attendance (`present`), the applicant must be among those present. " +
      "Each `forward` needs a `review` on or before its day (a review on the day of the forward counts), and must go to the city or county " +
      "committee above the cell.\n\n" +
      "A faulty review is reported on the `review`; a missing review or a forward to another body on the `forward`. A forward after a " +
      "faulty review is not reported again. Where the application went to something other than a cell (`ORG301`), or names an unresolved " +
      "unit, its reviews and forwards are not judged. Events recorded with no application before them are judged without a cell: the " +
      "review by its unit's meetings, the forward by the review before it.",
    failing: membershipExample([], [
      `on 2026-04-02 application paek_h "Paek H" to acad { recommended by kim_a, ri_b }`,
      `on 2026-04-14 review paek_h at acad`,
      `on 2026-04-15 forward paek_h to sinuiju`,
      `on 2026-04-30 reject paek_h by sinuiju`,
    ]),
    passing: membershipExample([], [
      `on 2026-04-02 application paek_h "Paek H" to acad { recommended by kim_a, ri_b }`,
      `on 2026-04-12 review paek_h at acad`,
      `on 2026-04-15 forward paek_h to sinuiju`,
      `on 2026-04-30 reject paek_h by sinuiju`,
    ]),
  },
  check({ model, report }) {
    for (const facts of everyPersonFacts(model)) {
      for (const item of facts.cases) {
        // An application to something other than a cell is ORG301's (or ORG002's) finding: no cell to judge by.
        if (item.application && !item.cell) continue;
        const related: RelatedLocation[] = item.application ? [relatedEvent(item.application)] : [];
        for (const event of item.reviews) {
          const message = reviewFault(facts.person, item, event);
          if (message) report({ file: event.file, span: event.statement.span, message, related, ...caseEvidence(facts.person.id, item, event) });
        }
        for (const event of item.forwards) {
          const message = forwardFault(facts.person, item, event);
          if (message) report({ file: event.file, span: event.statement.span, message, related, ...caseEvidence(facts.person.id, item, event) });
        }
      }
    }
  },
});
