// The records of one generated file, and their two spellings: `.org` text
// (what the pipeline reads) and JSON (the reference JSON.parse reads). Both
// come from the same statements, so the figures compare like with like.

export interface RosterRecord {
  readonly status: "member" | "candidate";
  readonly id: string;
  readonly name: string;
  readonly date: string;
  readonly youthLeague?: boolean;
  readonly at?: string;
}

export interface BodyRecord {
  readonly elected?: string;
  readonly members: readonly string[];
}

export interface UnitRecord {
  readonly type: "unit";
  readonly kind: "committee" | "cell" | "primary" | "branch" | "subprimary" | "team";
  readonly id: string;
  readonly title: string;
  readonly comment?: string;
  readonly level?: string;
  readonly under?: string;
  readonly setting?: string;
  readonly covers?: readonly string[];
  readonly established?: string;
  readonly critique?: string;
  readonly secretary?: string;
  readonly deputy?: string;
  readonly committee?: BodyRecord;
  readonly executive?: BodyRecord;
  readonly roster: RosterRecord[];
}

export type GatheringRecord = {
  readonly kind: "meeting" | "committee meeting" | "executive meeting" | "critique";
  readonly unit: string;
  readonly present?: readonly string[];
};
export type ReportRecord = { readonly kind: "report"; readonly unit: string; readonly to: readonly string[] };
export type ApplicationRecord = {
  readonly kind: "application";
  readonly person: string;
  readonly name: string;
  readonly youthLeague: boolean;
  readonly unit: string;
  readonly recommenders: readonly string[];
  readonly letter: boolean;
};
export type PersonEventRecord = {
  readonly kind: "review" | "forward" | "approve" | "reject" | "admit" | "ratify" | "extend" | "expel";
  readonly person: string;
  readonly unit: string;
};

export interface EventRecord {
  readonly type: "event";
  readonly date: string;
  readonly event: GatheringRecord | ReportRecord | ApplicationRecord | PersonEventRecord;
  readonly comment?: string;
  /** Spelling the event wrongly on purpose (a syntax error the checker must find). */
  readonly misspell?: boolean;
}

export interface SeriesRecord {
  readonly type: "series";
  readonly count: number;
  readonly unit: "day" | "week" | "month" | "year";
  readonly from: string;
  readonly to: string;
  readonly event: GatheringRecord | ReportRecord;
}

export type Statement =
  | { readonly type: "import"; readonly path: string }
  | { readonly type: "period"; readonly from: string; readonly to: string }
  | { readonly type: "comment"; readonly text: string }
  | { readonly type: "residence"; readonly id: string; readonly title: string }
  | UnitRecord
  | EventRecord
  | SeriesRecord;

// ------------------------------------------------------------------ .org

function list(names: readonly string[]): string {
  return names.join(", ");
}

function unitText(unit: UnitRecord): string {
  const lines = [`${unit.kind} ${unit.id} "${unit.title}" {${unit.comment ? ` // ${unit.comment}` : ""}`];
  if (unit.level) lines.push(`  level ${unit.level}`);
  if (unit.under) lines.push(`  under ${unit.under}`);
  if (unit.setting) lines.push(`  setting ${unit.setting}`);
  if (unit.covers) lines.push(`  covers ${list(unit.covers)}`);
  if (unit.established) lines.push(`  established ${unit.established}`);
  if (unit.critique) lines.push(`  critique ${unit.critique}`);
  if (unit.secretary) lines.push(`  secretary ${unit.secretary}`);
  if (unit.deputy) lines.push(`  deputy ${unit.deputy}`);
  if (unit.committee) {
    const elected = unit.committee.elected ? `elected ${unit.committee.elected}\n    ` : "";
    lines.push(elected ? `  committee {\n    ${elected}members ${list(unit.committee.members)}\n  }` : `  committee { members ${list(unit.committee.members)} }`);
  }
  if (unit.executive) lines.push(`  executive { members ${list(unit.executive.members)} }`);
  if (unit.roster.length > 0) lines.push("");
  for (const entry of unit.roster) {
    const key = entry.status === "member" ? "joined" : "since";
    lines.push(`  ${entry.status} ${entry.id} "${entry.name}" ${key} ${entry.date}${entry.youthLeague ? " youth_league" : ""}${entry.at ? ` at ${entry.at}` : ""}`);
  }
  lines.push("}");
  return lines.join("\n");
}

function eventBodyText(event: EventRecord["event"]): string {
  switch (event.kind) {
    case "meeting":
    case "committee meeting":
    case "executive meeting":
    case "critique":
      return `${event.kind} ${event.unit}${event.present ? ` { present ${list(event.present)} }` : ""}`;
    case "report":
      return `report ${event.unit} to ${list(event.to)}`;
    case "application": {
      const parts: string[] = [];
      if (event.recommenders.length > 0) parts.push(`recommended by ${list(event.recommenders)}`);
      if (event.letter) parts.push("youth league letter");
      const body = parts.length > 0 ? ` {\n  ${parts.join("\n  ")}\n}` : "";
      return `application ${event.person} "${event.name}"${event.youthLeague ? " youth_league" : ""} to ${event.unit}${body}`;
    }
    case "review":
      return `review ${event.person} at ${event.unit}`;
    case "forward":
      return `forward ${event.person} to ${event.unit}`;
    default:
      return `${event.kind} ${event.person} by ${event.unit}`;
  }
}

const PLURAL = { day: "days", week: "weeks", month: "months", year: "years" } as const;

export function statementText(statement: Statement): string {
  switch (statement.type) {
    case "import":
      return `import "${statement.path}"`;
    case "period":
      return `period ${statement.from} to ${statement.to}`;
    case "comment":
      return `// ${statement.text}`;
    case "residence":
      return `residence ${statement.id} "${statement.title}"`;
    case "unit":
      return unitText(statement);
    case "event": {
      let body = eventBodyText(statement.event);
      if (statement.misspell) body = body.replace(/^meeting/, "meting").replace(/^critique/, "critiqe");
      return `on ${statement.date} ${body}${statement.comment ? ` // ${statement.comment}` : ""}`;
    }
    case "series": {
      const every = statement.count === 1 ? statement.unit : `${statement.count} ${PLURAL[statement.unit]}`;
      return `every ${every} from ${statement.from} to ${statement.to} ${eventBodyText(statement.event)}`;
    }
  }
}

/** The file's `.org` text: statements one per line, a blank line around units. */
export function orgText(statements: readonly Statement[]): string {
  const out: string[] = [];
  let previous: Statement["type"] | null = null;
  for (const statement of statements) {
    if (previous !== null && (statement.type === "unit" || previous === "unit" || (statement.type === "comment" && previous !== "comment"))) out.push("");
    out.push(statementText(statement));
    previous = statement.type;
  }
  return out.join("\n") + "\n";
}

// ------------------------------------------------------------------ JSON

/** The same records as JSON: one object per statement, comments left out. */
export function jsonText(statements: readonly Statement[]): string {
  return JSON.stringify({ statements: statements.filter((statement) => statement.type !== "comment") });
}
