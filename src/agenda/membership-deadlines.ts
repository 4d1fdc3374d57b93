// The deadlines of the membership rules, per person: the committee's decision
// on a forwarded application (ORG304), the cell's decision at the end of
// probation (ORG305) and the end of an extended probation (ORG308). Computed
// from the same facts and options as the rules (membership-facts.ts), for the
// agenda (what falls due) and the report (each candidate's timeline).
import type { Day, Span } from "../ast/types.js";
import type { Model, Person, PersonEvent, PersonEventKind, Unit } from "../model/types.js";
import { cellOn, decidingCommittee, firstAfter, isOverdue, membershipFacts, type PersonFacts, type Probation } from "../rules/shared/membership-facts.js";
import { after } from "../rules/shared/membership-text.js";
import type { RuleSettings } from "./rule-settings.js";

export type DeadlineKind = "committee-decision" | "probation-decision" | "extension-end";

export interface MembershipDeadline {
  readonly kind: DeadlineKind;
  /** The rule that judges it. */
  readonly code: "ORG304" | "ORG305" | "ORG308";
  readonly person: Person;
  /** Who must act: the committee forwarded to, or the candidate's cell. */
  readonly actor: Unit | null;
  /** The day the clock started: the forward, the start of probation, the extension. */
  readonly started: Day;
  readonly due: Day;
  /** The day the records show it met (a decision, or full membership), else `null`. */
  readonly closed: Day | null;
  /** The recorded decision that met it, when one did. */
  readonly closedBy: PersonEvent | null;
  /** Where the clock started, for locations. */
  readonly file: string;
  readonly span: Span;
}

/** Every membership deadline of the model, for the rules that are on. */
export function membershipDeadlines(model: Model, settings: RuleSettings): MembershipDeadline[] {
  const deadlines: MembershipDeadline[] = [];
  for (const facts of membershipFacts(model).values()) deadlines.push(...personDeadlines(facts, settings));
  return deadlines.sort((a, b) => a.due - b.due);
}

/** The deadlines of one person, in the order their clocks started. */
export function personDeadlines(facts: PersonFacts, settings: RuleSettings): MembershipDeadline[] {
  const deadlines: MembershipDeadline[] = [];
  const person = facts.person;
  if (settings.enabled("ORG304")) {
    const within = settings.duration("ORG304", "within");
    for (const item of facts.cases) {
      for (const forward of item.forwards) {
        const committee = decidingCommittee(item, forward);
        if (!committee) continue;
        const decision = item.decisions.find((event) => event.unit === committee && event.day >= forward.day);
        deadlines.push({
          kind: "committee-decision",
          code: "ORG304",
          person,
          actor: committee,
          started: forward.day,
          due: after(forward.day, within),
          closed: decision?.day ?? null,
          closedBy: decision ?? null,
          file: forward.file,
          span: forward.statement.span,
        });
      }
    }
  }
  const probation = facts.probation;
  if (!probation) return deadlines;
  const where = probationStart(probation);
  if (settings.enabled("ORG305")) {
    const due = after(probation.start, settings.duration("ORG305", "probation"));
    const fullMember = facts.tenure ? facts.tenure.day ?? probation.start : null;
    deadlines.push({
      kind: "probation-decision",
      code: "ORG305",
      person,
      actor: cellOn(facts, due) ?? probation.cell,
      started: probation.start,
      due,
      closed: probation.decision?.day ?? fullMember,
      closedBy: probation.decision,
      ...where,
    });
  }
  const extend = probation.decision;
  if (extend?.kind === "extend" && settings.enabled("ORG308")) {
    const due = after(probation.start, settings.duration("ORG308", "extendedProbation"));
    const outcome = firstAfter(person, probation.decisionIndex, ["admit", "expel"]);
    deadlines.push({
      kind: "extension-end",
      code: "ORG308",
      person,
      actor: cellOn(facts, due) ?? probation.cell,
      started: extend.day,
      due,
      closed: outcome?.day ?? null,
      closedBy: outcome,
      file: extend.file,
      span: extend.statement.span,
    });
  }
  return deadlines;
}

function probationStart(probation: Probation): { file: string; span: Span } {
  if (probation.approve) return { file: probation.approve.file, span: probation.approve.statement.span };
  const entry = probation.entry!;
  return { file: entry.file, span: entry.entry.span };
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
  for (const facts of membershipFacts(model).values()) {
    if (facts.cases.length === 0 && !facts.probation) continue;
    const deadlines = personDeadlines(facts, settings);
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
      milestones.push({ kind: item.kind, day: item.due, deadline: true, unit: item.actor, late: overdue || (item.closed !== null && item.closed > item.due) });
    }
    milestones.sort((a, b) => a.day - b.day || Number(a.deadline) - Number(b.deadline));
    histories.push({ person: facts.person, cell: historyCell(facts), milestones });
  }
  return histories;
}

function historyCell(facts: PersonFacts): Unit | null {
  const lastCase = facts.cases[facts.cases.length - 1];
  return lastCase?.cell ?? facts.probation?.cell ?? facts.person.memberships[0]?.unit ?? lastCase?.application?.unit ?? null;
}
