// One generated county: its own cells (one file, the county's entry, which
// holds the period and imports everything else) and its primary party
// organizations (one file each, with their branches and cells). Every unit
// follows the bylaws except for the violations sprinkled in at `rate`.
import { dayFromParts } from "../../src/util/dates.js";
import { day, everyDays, fortnightly, monthly, pastDay, PERIOD_FROM, PERIOD_TO, quarterly, YEAR, type Sessions } from "./calendar.js";
import { application, type Applications, type MembershipFault } from "./membership.js";
import { COUNTY_CELL_SETTINGS, DONG, personName, title, WORKPLACES, type Rng } from "./random.js";
import type { RosterRecord, Statement, UnitRecord } from "./records.js";

export const VIOLATIONS = [
  "meeting-gap", // ORG201
  "small-cell", // ORG101
  "typo", // ORG002
  "review-off-day", // ORG303
  "late-decision", // ORG304
  "report-no-province", // ORG401
  "no-deputy", // ORG110
  "double-roster", // ORG114
  "syntax", // ORG001
  "bad-date", // ORG004
] as const;
export type Violation = (typeof VIOLATIONS)[number];

export interface Stats {
  members: number;
  candidates: number;
  cells: number;
  primaries: number;
  branches: number;
  singleEvents: number;
  series: number;
  applications: number;
  violations: Record<string, number>;
}

export function newStats(): Stats {
  return { members: 0, candidates: 0, cells: 0, primaries: 0, branches: 0, singleEvents: 0, series: 0, applications: 0, violations: {} };
}

export interface CountyPlan {
  readonly id: string;
  readonly title: string;
  readonly province: string;
  /** Members and candidates to generate, about. */
  readonly members: number;
  /** Probability that a cell carries one violation. */
  readonly rate: number;
}

export interface GeneratedFile {
  /** Relative to the program's root folder. */
  readonly path: string;
  readonly statements: Statement[];
}

/** The state of one county's generation: one namespace, one random stream. */
class County {
  readonly taken = new Set<string>();
  /** The last full member generated, for the double-roster violation. */
  private lastMember: RosterRecord | null = null;

  constructor(
    readonly rng: Rng,
    readonly plan: CountyPlan,
    readonly stats: Stats,
  ) {}

  violation(): Violation | null {
    if (!this.rng.chance(this.plan.rate)) return null;
    const kind = this.rng.pick(VIOLATIONS);
    this.stats.violations[kind] = (this.stats.violations[kind] ?? 0) + 1;
    return kind;
  }

  member(at?: string): RosterRecord {
    const name = personName(this.rng, this.taken);
    // Mostly long-standing members; one in ten joined in the last two years.
    const joined = this.rng.chance(0.1) ? pastDay(this.rng, YEAR - 2, YEAR - 1) : pastDay(this.rng, 1975, YEAR - 3);
    const entry: RosterRecord = { status: "member", id: name.id, name: name.display, date: day(joined), youthLeague: this.rng.chance(0.05), ...(at ? { at } : {}) };
    this.lastMember = entry;
    return entry;
  }

  roster(size: number, at?: string): RosterRecord[] {
    return Array.from({ length: size }, () => this.member(at));
  }

  count(statements: readonly Statement[]): void {
    for (const statement of statements) {
      if (statement.type === "event") this.stats.singleEvents++;
      else if (statement.type === "series") this.stats.series++;
    }
  }

  /** The sessions a unit records; most as series, some as single events. */
  sessions(sessions: Sessions, out: Statement[]): number[] {
    this.count(sessions.statements);
    out.push(...sessions.statements);
    return sessions.days;
  }

  /** Quarterly reports to the county and the province above it. */
  reports(unit: string, out: Statement[], toProvince = true): void {
    const to = toProvince ? [this.plan.id, this.plan.province] : [this.plan.id];
    this.sessions(quarterly(this.rng, { kind: "report", unit, to }, this.rng.chance(0.7)), out);
  }

  /**
   * A cell with its roster, sessions, reports and applications. Units go to
   * `out`; applications and probation records to `membership`.
   */
  cell(id: string, cellTitle: string, under: string, setting: string, size: number, out: Statement[], membership: Statement[]): void {
    const { rng, stats } = this;
    const fault = this.violation();
    const underCounty = under === this.plan.id;
    // At most 27 here: applications add up to two, a double-roster violation one more (30 at most).
    size = Math.min(size, 27);
    let covers: string[] | undefined;
    let roster: RosterRecord[];
    if (fault === "small-cell") size = 4;
    if (setting === "residential" && rng.chance(0.3) && size >= 8) {
      // A residential cell that also covers a small neighbouring people's unit (fewer than 5 members).
      covers = [`${id}_u1`, `${id}_u2`];
      out.push({ type: "residence", id: covers[0]!, title: `${cellTitle}, People's Unit 1` }, { type: "residence", id: covers[1]!, title: `${cellTitle}, People's Unit 2` });
      const attached = rng.int(1, 4);
      roster = [...this.roster(size - attached, covers[0]), ...this.roster(attached, covers[1])];
    } else {
      const previous = this.lastMember;
      roster = this.roster(size);
      if (fault === "double-roster" && previous) roster.push(previous);
    }
    const [secretary, deputy, third] = roster;
    const unit: UnitRecord = {
      type: "unit",
      kind: "cell",
      id,
      title: cellTitle,
      ...(fault ? { comment: `violation: ${fault}` } : {}),
      under,
      setting,
      ...(covers ? { covers } : {}),
      ...(rng.chance(0.6) ? { established: day(pastDay(rng, 1980, YEAR - 1)) } : {}),
      critique: rng.chance(0.95) ? "weekly" : "every 2 days",
      secretary: secretary!.id,
      ...(fault === "no-deputy" ? {} : { deputy: deputy!.id }),
      roster,
    };
    out.push(unit);
    stats.cells++;
    const skip = fault === "meeting-gap" ? rng.int(2, 11) : null;
    const meetings = this.sessions(monthly(rng, { kind: "meeting", unit: id }, rng.chance(0.75), skip), out);
    this.sessions(everyDays(rng, unit.critique === "weekly" ? 7 : 2, { kind: "critique", unit: id }, rng.chance(0.88)), out);
    this.reports(id, out, fault !== "report-no-province");
    if (fault === "typo") {
      const typo = id.slice(0, 2) + id.slice(3);
      out.push({ type: "event", date: day(meetings[0]! + 1), event: { kind: "critique", unit: typo }, comment: "violation: ORG002" });
    } else if (fault === "syntax") {
      out.push({ type: "event", date: day(meetings[0]! + 1), event: { kind: "meeting", unit: id }, misspell: true, comment: "violation: ORG001" });
    } else if (fault === "bad-date") {
      out.push({ type: "event", date: `${YEAR}-02-29`, event: { kind: "critique", unit: id }, comment: "violation: ORG004" });
    }

    const context = {
      rng,
      cell: id,
      committee: this.plan.id,
      meetingDays: meetings,
      recommenders: roster.filter((entry) => entry.status === "member" && entry.date < day(dayFromParts(YEAR - 2, 1, 1))),
      taken: this.taken,
    };
    const membershipFault: MembershipFault | null = fault === "review-off-day" || fault === "late-decision" ? fault : null;
    const count = membershipFault ? 1 : fault === "small-cell" ? 0 : rng.pick([0, 0, 1, 1, 2]);
    for (let i = 0; i < count; i++) {
      const made: Applications = membershipFault ? application(context, "approved", membershipFault) : application(context);
      if (made.statements.length === 0) continue;
      stats.applications++;
      this.count(made.statements);
      membership.push(...made.statements);
      roster.push(...made.roster);
    }
    // A cell directly under the county with more than 20 elects a Party Cell Committee, which meets monthly.
    if (underCounty && roster.length > 20) {
      (unit as { committee: UnitRecord["committee"] }).committee = { members: [secretary!.id, deputy!.id, third!.id] };
      this.sessions(monthly(rng, { kind: "committee meeting", unit: id }, true), out);
    }
    for (const entry of roster) {
      if (entry.status === "member") stats.members++;
      else stats.candidates++;
    }
  }

  /** The leaders and committee of a primary, branch or sub-primary, drawn from the full members of its cells. */
  leaders(cellRosters: readonly RosterRecord[][]): { secretary: string; deputy: string; committee: string[] } {
    const pool = cellRosters.flatMap((roster) => roster.slice(2, 5)).filter((entry) => entry.status === "member");
    const committee = pool.slice(0, Math.min(pool.length, 7)).map((entry) => entry.id);
    return { secretary: committee[0]!, deputy: committee[1]!, committee };
  }

  /** The general meetings, committee (and executive) meetings and reports of a primary, branch or sub-primary. */
  basicSessions(unit: UnitRecord, out: Statement[]): void {
    const { rng } = this;
    const general = this.sessions(quarterly(rng, { kind: "meeting", unit: unit.id }, rng.chance(0.5)), out);
    if (unit.executive) {
      this.sessions(monthly(rng, { kind: "committee meeting", unit: unit.id }, true), out);
      this.sessions(fortnightly(rng, { kind: "executive meeting", unit: unit.id }), out);
    } else {
      this.sessions(fortnightly(rng, { kind: "committee meeting", unit: unit.id }), out);
    }
    this.reports(unit.id, out);
    // An election in the period is held at a general meeting.
    if (unit.committee?.elected && unit.committee.elected >= day(PERIOD_FROM)) {
      (unit.committee as { elected: string }).elected = day(general[0]!);
    }
  }

  /** A primary organization with its cells, some grouped in branches: one file. */
  primary(id: string, primaryTitle: string, shops: readonly string[], members: number): Statement[] {
    const { rng } = this;
    const out: Statement[] = [{ type: "import", path: "../committees.org" }];
    const cellsOut: Statement[] = [];
    const membership: Statement[] = [];
    const unitsBefore = this.stats.cells;
    const rosterOf: RosterRecord[][] = [];
    // Cells first (their rosters elect the leaders), written after the primary.
    const cellIds: string[] = [];
    let left = members;
    for (let n = 1; left > 0; n++) {
      const size = Math.min(left < 10 ? 10 : left, rng.int(10, 30));
      left -= size;
      const shop = shops[n % shops.length]!;
      const cellId = `${id}_${shop}${n}`;
      cellIds.push(cellId);
      rosterOf.push([]);
      const start = cellsOut.length;
      this.cell(cellId, `${title(shop)} Shop Cell No. ${n}`, id, "workplace", size, cellsOut, membership);
      const unit = cellsOut.slice(start).find((statement) => statement.type === "unit") as UnitRecord;
      rosterOf[rosterOf.length - 1] = unit.roster;
    }
    const cells = this.stats.cells - unitsBefore;
    const lead = this.leaders(rosterOf);
    const large = cells >= 20;
    const primary: UnitRecord = {
      type: "unit",
      kind: "primary",
      id,
      title: primaryTitle,
      under: this.plan.id,
      setting: "workplace",
      established: day(pastDay(rng, 1960, YEAR - 5)),
      secretary: lead.secretary,
      deputy: lead.deputy,
      committee: { elected: rng.chance(0.3) ? day(PERIOD_FROM) : day(pastDay(rng, YEAR - 2, YEAR - 1)), members: lead.committee },
      ...(large ? { executive: { members: lead.committee.slice(0, 3) } } : {}),
      roster: [],
    };
    out.push({ type: "comment", text: `${primaryTitle}: ${cells} cells` }, primary);
    this.basicSessions(primary, out);
    this.stats.primaries++;

    // Larger primaries group a few of their cells in a branch (more than 31 members).
    if (cells >= 12 && rng.chance(0.5)) {
      const group = cellIds.slice(0, 4);
      const groupRosters = rosterOf.slice(0, 4);
      if (groupRosters.reduce((sum, roster) => sum + roster.length, 0) > 31) {
        const branchId = `${id}_branch`;
        const branchLead = this.leaders(groupRosters.map((roster) => roster.slice(3)));
        const branch: UnitRecord = {
          type: "unit",
          kind: "branch",
          id: branchId,
          title: `${primaryTitle.replace(/ Primary Party Organization$/, "")} Branch Party Organization`,
          under: id,
          setting: "workplace",
          secretary: branchLead.secretary,
          deputy: branchLead.deputy,
          committee: { elected: day(pastDay(rng, YEAR - 2, YEAR - 1)), members: branchLead.committee },
          roster: [],
        };
        out.push(branch);
        this.basicSessions(branch, out);
        this.stats.branches++;
        for (const statement of cellsOut) {
          if (statement.type === "unit" && group.includes(statement.id)) (statement as { under: string }).under = branchId;
        }
      }
    }
    out.push(...cellsOut);
    if (membership.length > 0) out.push({ type: "comment", text: "Applications and probation" }, ...membership);
    return out;
  }
}

/** The files of one county: the entry (county cells) and one per primary organization. */
export function generateCounty(rng: Rng, plan: CountyPlan, stats: Stats): GeneratedFile[] {
  const county = new County(rng, plan, stats);
  const files: GeneratedFile[] = [];
  const entry: Statement[] = [
    { type: "comment", text: `${plan.title}: the records of its party organizations, ${YEAR}` },
    { type: "import", path: "../committees.org" },
  ];
  const own: Statement[] = [];
  const membership: Statement[] = [];
  // About 30% of the members are in cells directly under the county committee.
  let left = Math.round(plan.members * 0.3);
  for (let n = 1; left > 0; n++) {
    const size = Math.min(Math.max(left, 10), rng.int(10, 30));
    left -= size;
    const setting = rng.pick(COUNTY_CELL_SETTINGS);
    const dong = rng.pick(DONG);
    county.cell(`${plan.id}_${dong}${n}`, `${title(dong)}-dong ${title(setting)} Party Cell No. ${n}`, plan.id, setting, size, own, membership);
  }
  let rest = plan.members - Math.round(plan.members * 0.3);
  for (let n = 1; rest > 0; n++) {
    const [key, workplace, shops] = rng.pick(WORKPLACES);
    const size = Math.min(Math.max(rest, 80), rng.int(4, 40) * 20);
    rest -= size;
    const id = `${plan.id}_${key}${n}`;
    const statements = county.primary(id, `${plan.title.replace(/ (City|County) Party Committee$/, "")} ${workplace} No. ${n} Primary Party Organization`, shops, size);
    files.push({ path: `${plan.id}/${id}.org`, statements });
    entry.push({ type: "import", path: `${id}.org` });
  }
  entry.push({ type: "period", from: day(PERIOD_FROM), to: day(PERIOD_TO) }, ...own);
  if (membership.length > 0) entry.push({ type: "comment", text: "Applications and probation" }, ...membership);
  files.unshift({ path: `${plan.id}/${plan.id}.org`, statements: entry });
  return files;
}

/** The shared committees file: the Central Committee, the provinces and their cities and counties. */
export function committeesFile(provinces: readonly { id: string; title: string }[], counties: readonly CountyPlan[], city: ReadonlySet<string>): GeneratedFile {
  const statements: Statement[] = [
    { type: "comment", text: "The party committees above the basic party organizations; imported by every other file." },
    { type: "unit", kind: "committee", id: "central", title: "WPK Central Committee", level: "central", roster: [] },
  ];
  for (const province of provinces) {
    statements.push({ type: "unit", kind: "committee", id: province.id, title: province.title, level: "provincial", under: "central", roster: [] });
    for (const county of counties) {
      if (county.province !== province.id) continue;
      statements.push({ type: "unit", kind: "committee", id: county.id, title: county.title, level: city.has(county.id) ? "city" : "county", under: province.id, roster: [] });
    }
  }
  return { path: "committees.org", statements };
}

export { dayFromParts };
