// What a rule says falls due: each rule that creates obligations computes them
// in one typed function, and its check, the agenda and the report all read
// that one answer (a cadence to keep, or a deadline a person's case set).
import type { Day, Span } from "../ast/types.js";
import type { Model, PersonEvent, Person, TimelineKind, Unit } from "../model/types.js";
import type { Duration, OptionSpecs, OptionValues } from "./options.js";

interface CadenceBase {
  /** The rule that judges it. */
  readonly code: string;
  readonly unit: Unit;
  /** The timeline whose sessions count. */
  readonly row: TimelineKind;
  /** What is held, singular, as the agenda and report name it: "cell meeting", "report to Sinuiju City Party Committee". */
  readonly noun: string;
  /** The days that count, sorted. */
  readonly days: readonly Day[];
  /** Why, ending the rule's message: "a party cell meets at least once a month". */
  readonly requirement: string;
}

/** At least `perMonth` sessions in each whole month of the unit's window. */
export interface MonthlyObligation extends CadenceBase {
  readonly kind: "monthly";
  readonly perMonth: number;
  /** The word the rule's message counts in: "meeting", "committee meeting". */
  readonly counted: string;
}

/** At most `limit` between sessions, from the window's start and to its end. */
export interface GapObligation extends CadenceBase {
  readonly kind: "gap";
  readonly limit: Duration;
  /** For reports: the committee they must reach. */
  readonly recipient: Unit | null;
  /** What the unit did not do over a long gap, in the rule's message: "held no general meeting". */
  readonly missing: string;
}

export type CadenceObligation = MonthlyObligation | GapObligation;

export type DeadlineKind = "committee-decision" | "probation-decision" | "extension-end";

/** A decision a person's case makes due by a day. */
export interface DeadlineObligation {
  readonly kind: "deadline";
  readonly deadline: DeadlineKind;
  readonly code: string;
  readonly person: Person;
  /** Who must act: the committee forwarded to, or the candidate's cell. */
  readonly actor: Unit | null;
  /** The day the clock started: the forward, the start of probation, the extension. */
  readonly started: Day;
  readonly due: Day;
  /** The day the records show it met (a decision, or full membership), else `null`. */
  readonly closed: Day | null;
  /** The recorded decision that met it (or came too late for it), when one did. */
  readonly closedBy: PersonEvent | null;
  /** Why it is due, as the agenda says it: "the committee decides within one month". */
  readonly requirement: string;
  /** Where the clock started: the rule's anchor for a missing decision. */
  readonly file: string;
  readonly span: Span;
}

export type Obligation = CadenceObligation | DeadlineObligation;

/** What a rule's obligations are computed from: the model and the rule's options. */
export interface ObligationContext<S extends OptionSpecs> {
  readonly model: Model;
  readonly options: OptionValues<S>;
}
