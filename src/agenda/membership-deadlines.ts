// The deadlines of the membership rules, per person: the committee's decision
// on a forwarded application (ORG304), the cell's decision at the end of
// probation (ORG305) and the end of an extended probation (ORG308), as those
// rules compute them (their `obligations`), for the agenda (what falls due)
// and the report (each candidate's timeline).
import type { Day } from "../ast/types.js";
import { ruleObligations } from "../check/run-rules.js";
import type { Model, Person, PersonEventKind, Unit } from "../model/types.js";
import type { DeadlineKind, DeadlineObligation } from "../rules/obligation.js";
import { cellOn, isOverdue, everyPersonFacts, type PersonFacts } from "../rules/shared/membership-facts.js";
import type { RuleSettings } from "./rule-settings.js";

export type { DeadlineKind } from "../rules/obligation.js";

/** A membership deadline, as the rule that judges it computes it. */
export type MembershipDeadline = DeadlineObligation;

/** Every membership deadline of the model (ORG304, ORG305, ORG308), for the rules that are on, soonest first. */
export function membershipDeadlines(model: Model, settings: RuleSettings): MembershipDeadline[] {
  return ruleObligations(model, settings.rulebook)
    .filter((obligation): obligation is DeadlineObligation => obligation.kind === "deadline")
    .sort((a, b) => a.due - b.due);
}

/** One point of a candidate's or applicant's timeline. */
export interface Milestone {
  readonly kind: PersonEventKind | DeadlineKind;
  readonly day: Day;
  /** A recorded event, or a deadline the rules compute. */
  readonly deadline: boolean;
  /** The unit the event names (`to`, `at`, `by`), or who must act by a deadline. */
  readonly unit: Unit | null;
  /** A deadline met after its day, or not met by the day deadlines are judged at; an event that came after its deadline. */
  readonly late: boolean;
}

export interface CandidateHistory {
  readonly person: Person;
  /** The cell the person applied to or belongs to, when known. */
  readonly cell: Unit | null;
  readonly milestones: readonly Milestone[];
}

/** The application and probation history of everyone who applied or was a candidate, for the report. */
export function candidateHistories(model: Model, settings: RuleSettings, asOf: Day | null): CandidateHistory[] {
  const histories: CandidateHistory[] = [];
  const byPerson = new Map<Person, MembershipDeadline[]>();
  for (const deadline of membershipDeadlines(model, settings)) byPerson.set(deadline.person, [...(byPerson.get(deadline.person) ?? []), deadline]);
  for (const facts of everyPersonFacts(model)) {
    if (facts.cases.length === 0 && !facts.probation) continue;
    const deadlines = byPerson.get(facts.person) ?? [];
    const lateDecisions = new Set(deadlines.filter((item) => item.closedBy && item.closedBy.day > item.due).map((item) => item.closedBy));
    const milestones: Milestone[] = facts.person.timeline.map((event) => ({
      kind: event.kind,
      day: event.day,
      deadline: false,
      unit: event.unit,
      late: lateDecisions.has(event),
    }));
    for (const item of deadlines) {
      const overdue = item.closed === null && isOverdue(item.due, asOf);
      milestones.push({ kind: item.deadline, day: item.due, deadline: true, unit: item.actor, late: overdue || (item.closed !== null && item.closed > item.due) });
    }
    milestones.sort((a, b) => a.day - b.day || Number(a.deadline) - Number(b.deadline));
    histories.push({ person: facts.person, cell: historyCell(facts), milestones });
  }
  return histories;
}

/**
 * The person's cell as the records name it: the cell applied to, else the
 * probation's or roster's cell moved by transfers, else the last cell an
 * event names (a review `at`, a decision `by`, a transfer `to`), else where
 * the application went.
 */
function historyCell(facts: PersonFacts): Unit | null {
  const lastCase = facts.cases[facts.cases.length - 1];
  const namedByEvents = [...facts.person.timeline].reverse().find((event) => event.unit?.unitKind === "cell")?.unit ?? null;
  return lastCase?.cell ?? cellOn(facts, Number.MAX_SAFE_INTEGER) ?? namedByEvents ?? lastCase?.application?.unit ?? null;
}
