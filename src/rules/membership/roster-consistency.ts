import type { Membership, Period, PersonEvent, Unit } from "../../model/types.js";
import { formatDay } from "../../util/dates.js";
import { membershipExample } from "../shared/membership-examples.js";
import { computed, readEntry, readEvent } from "../evidence.js";
import { defineRule, type ReportInput } from "../rule.js";
import { firstAfter, everyPersonFacts, type PersonFacts } from "../shared/membership-facts.js";
import { eventPhrase, relatedEvent } from "../shared/membership-text.js";
import { personLabel, unitLabel } from "../shared/units.js";

type Report = (input: ReportInput) => void;

const inPeriod = (day: number, period: Period) => day >= period.from && day <= period.to;

function onEntry(entry: Membership, message: string, event: PersonEvent): ReportInput {
  return {
    file: entry.file,
    span: entry.entry.span,
    message,
    related: [relatedEvent(event)],
    subject: `person:${entry.person.id}/roster:${entry.unit.id}/${event.kind}:${formatDay(event.day)}`,
    evidence: [readEvent(event, `${event.kind} ${entry.person.id}`), readEntry(entry, `${entry.status} ${entry.person.id} in the roster of ${entry.unit.id}${entry.date !== null ? ` (${formatDay(entry.date)})` : ""}`)],
  };
}

function onEvent(event: PersonEvent, person: string, message: string): ReportInput {
  return {
    file: event.file,
    span: event.statement.span,
    message,
    subject: `person:${person}/${event.kind}:${formatDay(event.day)}/no-roster`,
    evidence: [readEvent(event, `${event.kind} ${person}`), computed(`no roster lists ${person}, and no \`person\` declaration says so on purpose`)],
  };
}

/** An `approve` in the period gives a `candidate ... since` that day, unless a later ratify, expel or reject supersedes it. */
function checkApprove(facts: PersonFacts, period: Period, report: Report): void {
  const { person } = facts;
  const approve = facts.probation?.approve;
  if (!approve || !inPeriod(approve.day, period)) return;
  if (firstAfter(person, person.timeline.indexOf(approve), ["ratify", "expel", "reject"])) return;
  const name = personLabel(person);
  const expected = `the roster should list candidate ${person.id} since ${formatDay(approve.day)}`;
  const candidate = person.memberships.find((membership) => membership.status === "candidate");
  const member = person.memberships.find((membership) => membership.status === "member");
  if (candidate) {
    if (candidate.date === null || candidate.date === approve.day) return;
    report(onEntry(candidate, `${name} is a candidate since ${formatDay(candidate.date)} by the roster, but was ${eventPhrase(approve)}; ${expected}`, approve));
  } else if (member) {
    // A member joined in the period without a ratify is ORG306's finding.
    if (member.date === null || inPeriod(member.date, period)) return;
    report(onEntry(member, `${name} is a member joined ${formatDay(member.date)} by the roster, but was ${eventPhrase(approve)} and no ratify is recorded; ${expected}`, approve));
  } else if (!person.personDecl) {
    report(onEvent(approve, person.id, `${name} was ${eventPhrase(approve)}, but is in no roster; ${expected}`));
  }
}

/** The last `ratify` gives a `member ... joined` that day, unless a later expel supersedes it. */
function checkRatify(facts: PersonFacts, report: Report): void {
  const { person } = facts;
  let index = person.timeline.length - 1;
  while (index >= 0 && person.timeline[index]!.kind !== "ratify") index--;
  const ratify = person.timeline[index];
  if (!ratify || firstAfter(person, index, ["expel"])) return;
  const name = personLabel(person);
  const expected = `the roster should list member ${person.id} joined ${formatDay(ratify.day)}`;
  const member = person.memberships.find((membership) => membership.status === "member");
  const candidate = person.memberships.find((membership) => membership.status === "candidate");
  if (member) {
    if (member.date === null || member.date === ratify.day) return;
    report(onEntry(member, `${name} is a member joined ${formatDay(member.date)} by the roster, but was ${eventPhrase(ratify)}; ${expected}`, ratify));
  } else if (candidate) {
    report(onEntry(candidate, `${name} is still a candidate by the roster, but was ${eventPhrase(ratify)}; ${expected}`, ratify));
  } else if (!person.personDecl) {
    report(onEvent(ratify, person.id, `${name} was ${eventPhrase(ratify)}, but is in no roster; ${expected}`));
  }
}

/**
 * An expelled, rejected or transferred-away person is not in the roster of
 * the unit they left (the expelling unit, the cell applied to, the `from`
 * unit) unless a later event brings them back to it. Walks the timeline
 * backwards once, collecting the units later events attach the person to.
 */
function checkDepartures(facts: PersonFacts, report: Report): void {
  const { person } = facts;
  // Only an event takes someone out of a unit (most people have none: nothing to walk, nothing to allocate).
  if (person.memberships.length === 0 || person.timeline.length === 0) return;
  const caseCell = new Map<PersonEvent, Unit | null>();
  for (const item of facts.cases) for (const decision of item.decisions) caseCell.set(decision, item.cell);
  const settled = new Set<Unit>();
  const depart = (unit: Unit | null | undefined, event: PersonEvent) => {
    if (!unit || settled.has(unit)) return;
    settled.add(unit);
    const entry = person.memberships.find((membership) => membership.unit === unit);
    if (!entry) return;
    const left = event.kind === "transfer" ? `transferred from ${unitLabel(unit)} on ${formatDay(event.day)}` : eventPhrase(event);
    report({
      file: entry.file,
      span: entry.entry.span,
      message: `${personLabel(person)} is in the roster of ${unitLabel(unit)}, but was ${left}`,
      related: [relatedEvent(event)],
      subject: `person:${person.id}/roster:${unit.id}/left:${event.kind}:${formatDay(event.day)}`,
      evidence: [readEvent(event, `${event.kind} ${person.id}`), readEntry(entry, `${entry.status} ${person.id} in the roster of ${unit.id}`), computed("no later event brings them back to that unit")],
    });
  };
  for (let i = person.timeline.length - 1; i >= 0; i--) {
    const event = person.timeline[i]!;
    switch (event.kind) {
      case "expel":
        depart(event.unit, event);
        break;
      case "reject":
        depart(caseCell.get(event), event);
        break;
      case "transfer":
        depart(event.fromUnit, event);
        if (event.unit) settled.add(event.unit);
        break;
      case "approve": {
        const cell = caseCell.get(event);
        if (cell) settled.add(cell);
        break;
      }
      case "application":
      case "admit":
      case "extend":
        if (event.unit) settled.add(event.unit);
        break;
      default:
        break;
    }
  }
}

export const rosterConsistency = defineRule({
  code: "ORG309",
  name: "roster-consistency",
  severity: "warning",
  category: "membership",
  summary: "The roster agrees with the membership events.",
  citation: {
    section: "Party Cells",
    quote: "If approved, the applicant becomes a candidate party member with a probationary period of up to one year.",
  },
  options: {},
  docs: {
    description:
      "The roster states membership at the period's end, so it must agree with the events:\n\n" +
      "- an `approve` in the period (the one that began the probation) gives `candidate ID ... since` that day, unless a later `ratify`, " +
      "`expel` or `reject` supersedes it;\n" +
      "- the last `ratify` gives `member ID ... joined` that day, unless a later `expel` supersedes it;\n" +
      "- a person expelled, rejected or transferred away is not in the roster of the unit they left: for `expel` the expelling unit, " +
      "for `reject` the cell applied to, for `transfer` the `from` unit (a later application, approval, admission, extension or " +
      "transfer back to that unit brings them back).\n\n" +
      "Where a roster entry disagrees, the warning is on the roster entry, with the event as a related location. Where the roster entry " +
      "is missing altogether, the warning is on the event; a top-level `person` declaration says on purpose that someone is in no " +
      "roster and silences it. A roster `member` joined in the period with no `ratify` is `ORG306`'s finding and not repeated here.",
    failing: membershipExample([`candidate hwang_h "Hwang H" since 2026-02-25`], [
      `on 2026-02-20 approve hwang_h by sinuiju`,
    ]),
    passing: membershipExample([`candidate hwang_h "Hwang H" since 2026-02-20`], [
      `on 2026-02-20 approve hwang_h by sinuiju`,
    ]),
  },
  check({ model, report }) {
    for (const facts of everyPersonFacts(model)) {
      if (model.period) checkApprove(facts, model.period, report);
      checkRatify(facts, report);
      checkDepartures(facts, report);
    }
  },
});
