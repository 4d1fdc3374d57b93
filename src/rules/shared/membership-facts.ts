// What the membership rules (ORG301-ORG309) need to know about each person,
// derived once per model from the person's timeline and roster entries: the
// applications with the reviews, forwards and decisions that follow each; the
// probation (when it began, the first decision after it); and the membership
// tenure that makes someone a full member. Every rule reads these facts
// instead of re-deriving them.
import type { Day } from "../../ast/types.js";
import type { Application, Membership, Model, Occurrence, Person, PersonEvent, PersonEventKind, Unit } from "../../model/types.js";
import { cityOrCountyAbove, isCityOrCounty } from "./units.js";

/** One application and what followed it, up to the person's next application. */
export interface ApplicationCase {
  /** `null` for events recorded without an application before them. */
  readonly application: Application | null;
  /** The cell applied to; `null` when the application went elsewhere or its unit did not resolve. */
  readonly cell: Unit | null;
  /** The city or county committee above that cell, when known. */
  readonly committee: Unit | null;
  readonly reviews: PersonEvent[];
  readonly forwards: PersonEvent[];
  /** The `approve` and `reject` events, by whichever body. */
  readonly decisions: PersonEvent[];
}

/** A candidate's probation: when it began and the cell's first decision after. */
export interface Probation {
  readonly start: Day;
  /** The earliest `approve`, which began the probation; `null` when only the roster records it. */
  readonly approve: PersonEvent | null;
  /** The roster's `candidate ... since` entry, when there is one. */
  readonly entry: Membership | null;
  /** The cell the candidate belonged to when probation began, when known. */
  readonly cell: Unit | null;
  /** The first `admit`, `extend` or `expel` on or after the start. */
  readonly decision: PersonEvent | null;
  /** The decision's index in the person's timeline (-1 without one). */
  readonly decisionIndex: number;
}

/** Where full membership is recorded: a roster `member ... joined`, else a `ratify`. */
export interface Tenure {
  /** `null` when the `joined` date is not a calendar date (already ORG004). */
  readonly day: Day | null;
  readonly entry: Membership | null;
  readonly ratify: PersonEvent | null;
}

export interface PersonFacts {
  readonly person: Person;
  readonly cases: readonly ApplicationCase[];
  readonly probation: Probation | null;
  /** `null` when nothing records the person as a full member. */
  readonly tenure: Tenure | null;
  /** Marked `youth_league` on a roster entry. */
  readonly youthLeagueInRoster: boolean;
}

const DECISIONS_AFTER_PROBATION: readonly PersonEventKind[] = ["admit", "extend", "expel"];

interface DerivedFacts {
  readonly byPerson: ReadonlyMap<Person, PersonFacts>;
  /** In the order of `model.people`. */
  readonly all: readonly PersonFacts[];
}

const cache = new WeakMap<Model, DerivedFacts>();

function derived(model: Model): DerivedFacts {
  let facts = cache.get(model);
  if (!facts) {
    const all = model.people.map(derive);
    facts = { byPerson: new Map(all.map((personFacts) => [personFacts.person, personFacts])), all };
    cache.set(model, facts);
  }
  return facts;
}

/** The facts of every person of the model, by person, derived once per model. */
export function membershipFacts(model: Model): ReadonlyMap<Person, PersonFacts> {
  return derived(model).byPerson;
}

/** The same facts as a list, in the order of `model.people`: what a rule that reads everyone loops over (an array, not a map's iterator). */
export function everyPersonFacts(model: Model): readonly PersonFacts[] {
  return derived(model).all;
}

/**
 * The cases of a person with no events, as most people are (one array for
 * all of them). Not frozen: a loop over a frozen array takes the slow path and
 * allocates an iterator per person; the type keeps it read-only.
 */
const NO_CASES: readonly ApplicationCase[] = [];

function derive(person: Person): PersonFacts {
  const cases = person.timeline.length === 0 ? NO_CASES : applicationCases(person);
  return {
    person,
    cases,
    probation: probation(person, cases),
    tenure: tenure(person),
    youthLeagueInRoster: person.memberships.some((membership) => membership.youthLeague),
  };
}

function newCase(application: Application | null): ApplicationCase {
  const cell = application?.unit && application.unit.unitKind === "cell" ? application.unit : null;
  return { application, cell, committee: cell ? cityOrCountyAbove(cell) : null, reviews: [], forwards: [], decisions: [] };
}

function applicationCases(person: Person): ApplicationCase[] {
  const cases: ApplicationCase[] = [];
  let current: ApplicationCase | null = null;
  const open = () => {
    if (!current) {
      current = newCase(null);
      cases.push(current);
    }
    return current;
  };
  for (const event of person.timeline) {
    if (event.kind === "application") {
      current = newCase(event as Application);
      cases.push(current);
    } else if (event.kind === "review") open().reviews.push(event);
    else if (event.kind === "forward") open().forwards.push(event);
    else if (event.kind === "approve" || event.kind === "reject") open().decisions.push(event);
  }
  return cases;
}

function probation(person: Person, cases: readonly ApplicationCase[]): Probation | null {
  const entry = person.memberships.find((membership) => membership.status === "candidate") ?? null;
  const approveCase = cases.find((item) => item.decisions.some((event) => event.kind === "approve"));
  const approve = approveCase?.decisions.find((event) => event.kind === "approve") ?? null;
  const start = approve ? approve.day : entry?.date ?? null;
  if (start === null) return null;
  const decisionIndex = person.timeline.findIndex((event) => event.day >= start && DECISIONS_AFTER_PROBATION.includes(event.kind));
  const cell = approve ? approveCase?.cell ?? null : entry?.unit ?? null;
  return { start, approve, entry, cell, decision: person.timeline[decisionIndex] ?? null, decisionIndex };
}

function tenure(person: Person): Tenure | null {
  const entry = person.memberships.find((membership) => membership.status === "member") ?? null;
  const ratify = person.timeline.find((event) => event.kind === "ratify") ?? null;
  if (entry && (entry.date !== null || !ratify)) return { day: entry.date, entry, ratify };
  if (ratify) return { day: ratify.day, entry, ratify };
  return null;
}

/**
 * The candidate's cell on `day`: the cell applied to (or the roster's, where
 * no application is recorded), moved by every transfer up to that day.
 * `undefined` when it cannot be known (a transfer to an unresolved unit, or
 * nothing records the cell).
 */
export function cellOn(facts: PersonFacts, day: Day): Unit | undefined {
  let cell: Unit | null = facts.probation?.cell ?? null;
  let transferred = false;
  for (const event of facts.person.timeline) {
    if (event.day > day) break;
    if (event.kind !== "transfer") continue;
    cell = event.unit;
    transferred = true;
  }
  if (!cell && !transferred) cell = facts.person.memberships[0]?.unit ?? null;
  return cell ?? undefined;
}

/**
 * The committee a forward went to, when it is the one that should decide:
 * the committee above the cell applied to, or (the cell unknown) any city or
 * county committee. `null` for a forward to another body (ORG303's fault).
 */
export function decidingCommittee(item: ApplicationCase, forward: PersonEvent): Unit | null {
  const unit = forward.unit;
  if (!unit) return null;
  if (item.committee) return unit === item.committee ? unit : null;
  return isCityOrCounty(unit) ? unit : null;
}

/** The first event of one of `kinds` after timeline index `index`. */
export function firstAfter(person: Person, index: number, kinds: readonly PersonEventKind[]): PersonEvent | null {
  for (let i = index + 1; i < person.timeline.length; i++) {
    const event = person.timeline[i]!;
    if (kinds.includes(event.kind)) return event;
  }
  return null;
}

/** The unit's `meeting` held on `day`, else `undefined` (binary search over the sorted occurrences). */
export function meetingOn(unit: Unit, day: Day): Occurrence | undefined {
  const meetings = unit.timeline.gatherings.meeting;
  let low = 0;
  let high = meetings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (meetings[middle]!.day < day) low = middle + 1;
    else high = middle;
  }
  return meetings[low]?.day === day ? meetings[low] : undefined;
}

/**
 * Whether a deadline with nothing recorded by it is overdue at `asOf`. The
 * records are complete through the end of `asOf`, so a deadline on that day
 * is overdue; only a later one is not yet due. Without `asOf` nothing is.
 */
export function isOverdue(deadline: Day, asOf: Day | null): boolean {
  return asOf !== null && deadline <= asOf;
}

/**
 * Whether a decision on `day` is late for `deadline`. A deadline not yet due
 * at `asOf` is not judged; without `asOf` a recorded late decision still is.
 */
export function isLate(day: Day, deadline: Day, asOf: Day | null): boolean {
  return day > deadline && (asOf === null || isOverdue(deadline, asOf));
}
