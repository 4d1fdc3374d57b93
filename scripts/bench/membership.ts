// Applications and probation for one generated cell, at every stage: pending,
// reviewed, forwarded, approved (a candidate), rejected, and last year's
// candidates admitted and ratified or given an extended probation. Each
// follows the bylaws unless asked for a violation.
import { dayFromParts } from "../../src/util/dates.js";
import { day, PERIOD_TO, YEAR } from "./calendar.js";
import { personName, type Rng } from "./random.js";
import type { EventRecord, RosterRecord, Statement } from "./records.js";

export type Stage = "applied" | "reviewed" | "forwarded" | "approved" | "rejected" | "admitted" | "extended";
const STAGES: readonly Stage[] = ["applied", "reviewed", "forwarded", "approved", "approved", "rejected", "admitted", "extended"];

export interface CellContext {
  readonly rng: Rng;
  readonly cell: string;
  /** The city or county committee above the cell. */
  readonly committee: string;
  /** Days the cell held its general meeting, sorted. */
  readonly meetingDays: readonly number[];
  /** Full members who may recommend (joined more than two years before any date of the period). */
  readonly recommenders: readonly RosterRecord[];
  readonly taken: Set<string>;
}

export interface Applications {
  readonly statements: Statement[];
  /** Roster entries the applications lead to (candidates, newly ratified members). */
  readonly roster: RosterRecord[];
}

const TWO_YEARS_BEFORE_PERIOD = dayFromParts(YEAR - 2, 1, 1);

function event(at: number, body: EventRecord["event"], comment?: string): EventRecord {
  return comment ? { type: "event", date: day(at), event: body, comment } : { type: "event", date: day(at), event: body };
}

/** A meeting day of the cell in `[from, to]`, or `null`. */
function meetingIn(context: CellContext, from: number, to: number): number | null {
  const days = context.meetingDays.filter((at) => at >= from && at <= to);
  return days.length > 0 ? context.rng.pick(days) : null;
}

export type MembershipFault = "review-off-day" | "late-decision";

/** One application (or last year's candidate) of the cell at `stage`. */
export function application(context: CellContext, stage: Stage = context.rng.pick(STAGES), fault: MembershipFault | null = null): Applications {
  const { rng, cell, committee } = context;
  const applicant = personName(rng, context.taken);
  const youthLeague = rng.chance(0.3);
  const statements: Statement[] = [];
  const roster: RosterRecord[] = [];
  const decided = (verb: "approve" | "reject" | "admit" | "ratify" | "extend", at: number, by: string, comment?: string) =>
    statements.push(event(at, { kind: verb, person: applicant.id, unit: by }, comment));

  if (stage === "admitted" || stage === "extended") {
    // Approved last year; this year the cell decides on the probation.
    const approved = dayFromParts(YEAR - 1, rng.int(3, 11), rng.int(1, 28));
    decided("approve", approved, committee);
    const anniversary = dayFromParts(YEAR, new Date(approved * 86_400_000).getUTCMonth() + 1, new Date(approved * 86_400_000).getUTCDate());
    const decision = anniversary - rng.int(5, 40);
    if (stage === "admitted") {
      const ratified = Math.min(decision + rng.int(3, 20), PERIOD_TO);
      decided("admit", decision, cell);
      decided("ratify", ratified, committee);
      roster.push({ status: "member", id: applicant.id, name: applicant.display, date: day(ratified), youthLeague });
    } else {
      decided("extend", decision, cell);
      roster.push({ status: "candidate", id: applicant.id, name: applicant.display, date: day(approved), youthLeague });
    }
    return { statements, roster };
  }

  const latest = stage === "applied" ? null : stage === "reviewed" ? [dayFromParts(YEAR, 10, 1), PERIOD_TO] : stage === "forwarded" ? [dayFromParts(YEAR, 12, 1), dayFromParts(YEAR, 12, 28)] : [dayFromParts(YEAR, 2, 1), dayFromParts(YEAR, 10, 31)];
  const review = latest ? meetingIn(context, latest[0]!, latest[1]!) : null;
  if (latest && review === null) return { statements, roster };
  const applied = review === null ? dayFromParts(YEAR, 12, rng.int(1, 20)) : review - rng.int(3, 25);
  const backers = context.recommenders.filter((entry) => entry.date < day(applied - 731) || entry.date < day(TWO_YEARS_BEFORE_PERIOD));
  if (backers.length < 2) return { statements, roster };
  const first = rng.pick(backers);
  const second = backers.find((entry) => entry !== first)!;
  statements.push(
    event(applied, {
      kind: "application",
      person: applicant.id,
      name: applicant.display,
      youthLeague,
      unit: cell,
      recommenders: youthLeague ? [first.id] : [first.id, second.id],
      letter: youthLeague,
    }),
  );
  if (review === null) return { statements, roster };
  const reviewDay = fault === "review-off-day" ? review + 1 : review;
  statements.push(event(reviewDay, { kind: "review", person: applicant.id, unit: cell }, fault === "review-off-day" ? "violation: ORG303" : undefined));
  if (stage === "reviewed") return { statements, roster };
  const forwarded = reviewDay + rng.int(1, 3);
  statements.push(event(forwarded, { kind: "forward", person: applicant.id, unit: committee }));
  if (stage === "forwarded") return { statements, roster };
  const decisionDay = forwarded + (fault === "late-decision" ? 40 : rng.int(5, 28));
  if (stage === "rejected") {
    decided("reject", decisionDay, committee);
    return { statements, roster };
  }
  decided("approve", decisionDay, committee, fault === "late-decision" ? "violation: ORG304" : undefined);
  roster.push({ status: "candidate", id: applicant.id, name: applicant.display, date: day(decisionDay), youthLeague });
  return { statements, roster };
}
