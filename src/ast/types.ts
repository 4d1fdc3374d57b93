// The typed AST of one .org file. Every node carries its source span as
// offsets into the file's text (end exclusive); line and column are computed
// on demand from the file's line index, which keeps nodes small.

/** Offsets into a file's text, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A calendar day as the number of days since 1970-01-01 (UTC). */
export type Day = number;

export interface Identifier {
  readonly name: string;
  readonly span: Span;
}

export interface StringValue {
  readonly value: string;
  readonly raw: string;
  readonly span: Span;
}

export interface DateValue {
  readonly text: string;
  /** The day, or `null` when the text is not a real calendar date (ORG004). */
  readonly day: Day | null;
  readonly span: Span;
}

export type DurationUnit = "day" | "week" | "month" | "year";

export interface Interval {
  readonly count: number;
  readonly unit: DurationUnit;
  readonly span: Span;
}

export type UnitKind = "committee" | "cell" | "primary" | "branch" | "subprimary" | "team";
export type CommitteeLevel = "central" | "provincial" | "city" | "county";
export type Setting =
  | "residential"
  | "workplace"
  | "military"
  | "security"
  | "government"
  | "cultural"
  | "abroad";

export const UNIT_KINDS: readonly UnitKind[] = ["committee", "cell", "primary", "branch", "subprimary", "team"];
export const COMMITTEE_LEVELS: readonly CommitteeLevel[] = ["central", "provincial", "city", "county"];
export const SETTINGS: readonly Setting[] = [
  "residential",
  "workplace",
  "military",
  "security",
  "government",
  "cultural",
  "abroad",
];

// ---------------------------------------------------------------- top level

export interface ImportDecl {
  readonly type: "import";
  readonly path: StringValue;
  readonly span: Span;
}

export interface PeriodDecl {
  readonly type: "period";
  readonly from: DateValue;
  readonly to: DateValue;
  readonly span: Span;
}

export interface ResidenceDecl {
  readonly type: "residence";
  readonly id: Identifier;
  readonly title: StringValue | null;
  readonly span: Span;
}

export interface PersonDecl {
  readonly type: "person";
  readonly id: Identifier;
  readonly personName: StringValue | null;
  readonly span: Span;
}

export interface UnitDecl {
  readonly type: "unit";
  readonly unitKind: UnitKind;
  readonly id: Identifier;
  readonly title: StringValue | null;
  /** The body's items in source order (the formatter keeps that order). */
  readonly items: UnitItem[];
  readonly span: Span;
}

// ---------------------------------------------------------------- unit body

export interface NameProperty {
  readonly type: "level" | "under" | "setting" | "secretary" | "deputy";
  readonly value: Identifier;
  readonly span: Span;
}

export interface EstablishedProperty {
  readonly type: "established";
  readonly date: DateValue;
  readonly span: Span;
}

export interface CritiqueProperty {
  readonly type: "critique";
  /** `weekly` is seven days; `every 2 days` is two. `null` when the cadence is not understood. */
  readonly interval: Interval | null;
  readonly raw: Identifier | null;
  readonly span: Span;
}

export interface CoversProperty {
  readonly type: "covers";
  readonly residences: Identifier[];
  readonly span: Span;
}

export interface ApprovedProperty {
  readonly type: "approved";
  readonly date: DateValue;
  readonly by: Identifier;
  readonly span: Span;
}

export interface BodyBlock {
  readonly type: "body";
  readonly bodyKind: "committee" | "executive";
  readonly elected: DateValue | null;
  readonly members: Identifier[];
  /** Span of the `committee` / `executive` keyword. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

export interface RosterEntry {
  readonly type: "roster";
  readonly status: "member" | "candidate";
  readonly id: Identifier;
  readonly personName: StringValue | null;
  /** `joined` for members, `since` for candidates. */
  readonly date: DateValue;
  readonly youthLeague: boolean;
  readonly residence: Identifier | null;
  readonly span: Span;
}

export type UnitItem =
  | NameProperty
  | EstablishedProperty
  | CritiqueProperty
  | CoversProperty
  | ApprovedProperty
  | BodyBlock
  | RosterEntry;

// ---------------------------------------------------------------- events

export type GatheringKind = "meeting" | "committee-meeting" | "executive-meeting" | "critique";

export interface GatheringEvent {
  readonly type: "gathering";
  readonly gathering: GatheringKind;
  readonly unit: Identifier;
  /** `null` when attendance was not recorded. */
  readonly present: Identifier[] | null;
}

export interface ReportEvent {
  readonly type: "report";
  readonly unit: Identifier;
  readonly recipients: Identifier[];
}

export interface ApplicationEvent {
  readonly type: "application";
  readonly applicant: Identifier;
  readonly personName: StringValue | null;
  readonly youthLeague: boolean;
  readonly unit: Identifier;
  readonly recommenders: Identifier[];
  /** Span of `youth league letter`, or `null` when the application has none. */
  readonly youthLeagueLetter: Span | null;
}

export interface ReviewEvent {
  readonly type: "review";
  readonly person: Identifier;
  readonly unit: Identifier;
}

export interface ForwardEvent {
  readonly type: "forward";
  readonly person: Identifier;
  readonly unit: Identifier;
}

export type DecisionVerb = "approve" | "reject" | "admit" | "ratify" | "extend" | "expel";

export interface DecisionEvent {
  readonly type: "decision";
  readonly verb: DecisionVerb;
  readonly person: Identifier;
  readonly unit: Identifier;
}

export interface TransferEvent {
  readonly type: "transfer";
  readonly person: Identifier;
  readonly from: Identifier;
  readonly to: Identifier;
}

export type EventBody =
  | GatheringEvent
  | ReportEvent
  | ApplicationEvent
  | ReviewEvent
  | ForwardEvent
  | DecisionEvent
  | TransferEvent;

/** `on DATE ...`: one dated event. */
export interface EventStatement {
  readonly type: "event";
  readonly date: DateValue;
  readonly event: EventBody;
  readonly span: Span;
}

/** `every N UNIT from DATE to DATE ...`: one event on each step. */
export interface SeriesStatement {
  readonly type: "series";
  readonly interval: Interval | null;
  readonly from: DateValue;
  readonly to: DateValue;
  readonly event: GatheringEvent | ReportEvent;
  readonly span: Span;
}

export type TopStatement =
  | ImportDecl
  | PeriodDecl
  | UnitDecl
  | ResidenceDecl
  | PersonDecl
  | EventStatement
  | SeriesStatement;

export interface Comment {
  readonly kind: "line" | "block";
  readonly text: string;
  readonly span: Span;
}

/** One parsed file. */
export interface FileAst {
  readonly statements: TopStatement[];
  readonly comments: Comment[];
}
