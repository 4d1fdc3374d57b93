// The resolved model of a program: what every rule, the language server and
// the reports read. Names are resolved to objects, the units form a tree with
// aggregated sizes, and events are expanded into per-unit and per-person
// timelines sorted by date.
import type {
  ApplicationEvent,
  BodyBlock,
  CommitteeLevel,
  CritiqueProperty,
  Day,
  DecisionVerb,
  EventStatement,
  GatheringKind,
  Identifier,
  Interval,
  NameProperty,
  PeriodDecl,
  PersonDecl,
  ResidenceDecl,
  RosterEntry,
  SeriesStatement,
  Setting,
  Span,
  UnitDecl,
  UnitKind,
  ApprovedProperty,
  CoversProperty,
} from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { SourceFile } from "../program/source-file.js";

export type { SourceFile };

export interface Period {
  readonly from: Day;
  readonly to: Day;
  readonly decl: PeriodDecl;
  readonly file: string;
}

/** A window of days, both ends included. */
export interface Window {
  readonly from: Day;
  readonly to: Day;
}

export interface Residence {
  readonly kind: "residence";
  readonly id: string;
  readonly title: string | null;
  readonly decl: ResidenceDecl;
  readonly file: string;
}

/** One roster entry: a person's membership in a unit as of the period's end. */
export interface Membership {
  readonly person: Person;
  readonly unit: Unit;
  readonly entry: RosterEntry;
  readonly file: string;
  readonly status: "member" | "candidate";
  /** `joined` for members, `since` for candidates; `null` when unknown. */
  readonly date: Day | null;
  readonly youthLeague: boolean;
  readonly residence: Residence | null;
}

/** A role property (`secretary`, `deputy`) with the person it names, when it resolved to one. */
export interface RoleAssignment {
  readonly property: NameProperty;
  readonly person: Person | null;
}

/** A committee or executive committee of a unit. */
export interface ElectedBody {
  readonly block: BodyBlock;
  readonly elected: Day | null;
  /** The members that resolved to people, in source order. */
  readonly members: Person[];
}

/** One held session of a unit: a meeting, committee or executive meeting, or critique. */
export interface Occurrence {
  readonly day: Day;
  readonly statement: EventStatement | SeriesStatement;
  readonly file: string;
  /** Attendance, when recorded. */
  readonly present: readonly Person[] | null;
}

export interface ReportOccurrence {
  readonly day: Day;
  readonly statement: EventStatement | SeriesStatement;
  readonly file: string;
  readonly recipients: readonly Unit[];
}

export interface UnitTimeline {
  /** Sessions of each kind, sorted by day. */
  readonly gatherings: Record<GatheringKind, Occurrence[]>;
  readonly reports: ReportOccurrence[];
}

export interface Unit {
  readonly kind: "unit";
  readonly id: string;
  readonly title: string | null;
  readonly unitKind: UnitKind;
  readonly decl: UnitDecl;
  readonly file: string;
  level: CommitteeLevel | null;
  setting: Setting | null;
  established: Day | null;
  critique: { readonly property: CritiqueProperty; readonly interval: Interval | null } | null;
  /** The `under` property, whatever it resolved to. */
  underProperty: NameProperty | null;
  /** The parent unit, when `under` names a unit. */
  parent: Unit | null;
  readonly children: Unit[];
  secretary: RoleAssignment | null;
  deputy: RoleAssignment | null;
  committee: ElectedBody | null;
  executive: ElectedBody | null;
  covers: { readonly property: CoversProperty; readonly residences: Residence[] } | null;
  approved: { readonly property: ApprovedProperty; readonly date: Day | null; readonly by: Unit | null } | null;
  /** This unit's own roster, in source order. */
  readonly roster: Membership[];
  /** Distinct people in this unit's roster and every unit under it. */
  size: number;
  /** The period cut to start no earlier than `established`; `null` without a period. */
  window: Window | null;
  /**
   * Why this unit's timelines may lack events: an event naming it did not
   * parse, named it with a typo, or a series of it was not expanded. Cadence
   * rules stay silent on a doubtful timeline rather than guess, and say so on
   * the diagnostic of the cause (one cause, one diagnostic).
   */
  readonly timelineDoubts: TimelineDoubt[];
  readonly timeline: UnitTimeline;
}

/** A unit timeline a cadence rule reads: a kind of session, or the reports. */
export type TimelineKind = GatheringKind | "report";

export const GATHERING_KINDS: readonly GatheringKind[] = ["meeting", "committee-meeting", "executive-meeting", "critique"];
export const TIMELINE_KINDS: readonly TimelineKind[] = [...GATHERING_KINDS, "report"];

export interface TimelineDoubt {
  /** The timelines that may lack events: all of them when the lost event's kind is unknown. */
  readonly kinds: readonly TimelineKind[];
  /** The diagnostic that reported the cause (ORG001, ORG002, ORG011). */
  readonly cause: Diagnostic;
  /** Why, after "because": "this line did not parse". */
  readonly reason: string;
}

export type PersonEventKind = "application" | "review" | "forward" | DecisionVerb | "transfer";

/** An event about one person, with the units it names resolved. */
export interface PersonEvent {
  readonly kind: PersonEventKind;
  readonly day: Day;
  readonly statement: EventStatement;
  readonly file: string;
  /** `to` of an application or forward, `at` of a review, `by` of a decision, `to` of a transfer. */
  readonly unit: Unit | null;
  /** `from` of a transfer. */
  readonly fromUnit: Unit | null;
}

export interface Application extends PersonEvent {
  readonly kind: "application";
  readonly body: ApplicationEvent;
  /** The recommenders that resolved to people, with the identifier that named each. */
  readonly recommenders: readonly { readonly person: Person; readonly ref: Identifier }[];
}

export type DeclarationKind = "roster" | "person" | "application";

/** One place that introduces a person: a roster entry, a `person` statement or an application. */
export interface PersonDeclaration {
  readonly kind: DeclarationKind;
  readonly file: string;
  readonly id: Identifier;
}

export interface Person {
  readonly kind: "person";
  readonly id: string;
  /** The display name, from the first declaration that gave one. */
  name: string | null;
  /** Where the person is introduced: roster entries, `person`, applications. */
  readonly declarations: PersonDeclaration[];
  readonly personDecl: { readonly decl: PersonDecl; readonly file: string } | null;
  readonly memberships: Membership[];
  /** Every event about this person, sorted by day then source order. */
  readonly timeline: PersonEvent[];
}

export type NamedSymbol = Unit | Person | Residence;
export type SymbolKind = NamedSymbol["kind"];

/** One use of a name in the source, and what it resolved to. */
export interface Reference {
  readonly file: string;
  readonly span: Span;
  readonly name: string;
  readonly symbol: NamedSymbol;
}

export interface Model {
  readonly entry: string;
  /** Every file of the program in load order (imports before importers). */
  readonly files: readonly SourceFile[];
  readonly period: Period | null;
  /** Units in program order. */
  readonly units: readonly Unit[];
  readonly symbols: ReadonlyMap<string, NamedSymbol>;
  readonly people: readonly Person[];
  readonly residences: readonly Residence[];
  /** Single events in date order (series are in the unit timelines). */
  readonly events: readonly EventStatementRecord[];
  readonly series: readonly SeriesRecord[];
  readonly references: readonly Reference[];
  /** Language diagnostics: syntax, names, dates, imports, period. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface SeriesRecord {
  readonly statement: SeriesStatement;
  readonly file: string;
  /**
   * The expanded dates the rules can see: from the earliest day any rule
   * reads (the period's start, or an earlier single event) to the period's
   * end. Empty when the series is invalid or was not expanded.
   */
  readonly days: readonly Day[];
  /** How many events the whole series stands for, counted without expanding it. */
  readonly total: number;
}

export interface EventStatementRecord {
  readonly statement: EventStatement;
  readonly file: string;
}

export type { Span };
