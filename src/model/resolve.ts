// Resolves a loaded program into the model rules read: one symbol table,
// units with their properties and rosters, the units tree with sizes, event
// series expanded, and per-unit and per-person timelines sorted by date.
import type { Identifier, Span, StringValue, UnitDecl } from "../ast/types.js";
import { LANGUAGE_CODES, languageDiagnostic } from "../diagnostics/language.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { LoadedProgram } from "../program/load.js";
import { formatDay } from "../util/dates.js";
import { describeSymbol, SymbolTable } from "./symbols.js";
import { addEvents, STATEMENTS_PER_STEP, type SeriesExpansions } from "./events.js";
import type { SuggesterMemory } from "../util/name-index.js";
import { tokenize } from "../query/tokens.js";
import { TIMELINE_KINDS, type TimelineKind } from "./types.js";
import type {
  DeclarationKind,
  ElectedBody,
  Membership,
  Model,
  Period,
  Person,
  PersonDeclaration,
  Residence,
  RoleAssignment,
  SourceFile,
  Unit,
} from "./types.js";
import { pushAll } from "../util/arrays.js";

function newUnit(decl: UnitDecl, file: string): Unit {
  return {
    kind: "unit",
    id: decl.id.name,
    title: decl.title?.value ?? null,
    unitKind: decl.unitKind,
    decl,
    file,
    level: null,
    setting: null,
    established: null,
    critique: null,
    underProperty: null,
    parent: null,
    children: [],
    secretary: null,
    deputy: null,
    committee: null,
    executive: null,
    covers: null,
    approved: null,
    roster: [],
    size: 0,
    window: null,
    timelineDoubts: [],
    timeline: {
      gatherings: { meeting: [], "committee-meeting": [], "executive-meeting": [], critique: [] },
      reports: [],
    },
  };
}

function newPerson(declaration: PersonDeclaration): Person {
  return { kind: "person", id: declaration.id.name, name: null, declarations: [declaration], personDecl: null, memberships: [], timeline: [] };
}

export interface ResolveOptions {
  /** Series expansions to reuse and keep for the next resolve (the language server's, across edits). */
  readonly expansions?: SeriesExpansions;
  /** "Did you mean" suggesters to reuse and keep for the next resolve (the language server's, across edits). */
  readonly suggesters?: SuggesterMemory;
}

/** Resolves a program at once (the command line, the worker, the tests). */
export function resolveProgram(program: LoadedProgram, options: ResolveOptions = {}): Model {
  const steps = resolveSteps(program, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `resolveProgram` a part at a time: each `next()` resolves up to
 * `STATEMENTS_PER_STEP` statements and pauses, and the last returns the
 * model. The language server answers the messages that arrive between its
 * parts (a completion typed while a large program resolves), and drops a
 * resolve a newer edit overtakes. Nothing outside the generator sees a model
 * before it is done.
 */
export function* resolveSteps(program: LoadedProgram, options: ResolveOptions = {}): Generator<void, Model, void> {
  const table = new SymbolTable(options.suggesters ?? null);
  const diagnostics: Diagnostic[] = [];
  const units: Unit[] = [];
  const residences: Residence[] = [];
  const people: Person[] = [];
  const createPerson = (declaration: PersonDeclaration) => {
    const person = newPerson(declaration);
    people.push(person);
    return person;
  };
  const introduce = (file: string, id: Identifier, kind: DeclarationKind, personName: StringValue | null) =>
    table.introducePerson(file, id, kind, personName, createPerson);

  const period = findPeriod(program.files, diagnostics);

  // Pass 1: units and residences, in program order. The passes loop by
  // index: a for-of in a generator allocates a result object per item.
  const files = program.files;
  const unitDecls: { unit: Unit; file: string }[] = [];
  let done = 0;
  for (let f = 0; f < files.length; f++) {
    const file = files[f]!;
    const statements = file.ast.statements;
    for (let s = 0; s < statements.length; s++) {
      const statement = statements[s]!;
      if (++done % STATEMENTS_PER_STEP === 0) yield;
      if (statement.type === "unit") {
        const unit = newUnit(statement, file.path);
        if (table.declare(unit, file.path, statement.id)) {
          units.push(unit);
          unitDecls.push({ unit, file: file.path });
          table.recordDeclarationReference(file.path, statement.id, unit);
        }
      } else if (statement.type === "residence") {
        const residence: Residence = {
          kind: "residence",
          id: statement.id.name,
          title: statement.title?.value ?? null,
          decl: statement,
          file: file.path,
        };
        if (table.declare(residence, file.path, statement.id)) {
          residences.push(residence);
          table.recordDeclarationReference(file.path, statement.id, residence);
        }
      }
    }
  }

  // Pass 2: people, from rosters, `person` declarations and applications.
  for (let u = 0; u < unitDecls.length; u++) {
    const { unit, file } = unitDecls[u]!;
    // A unit's roster is several statements' worth.
    if (++done % (STATEMENTS_PER_STEP / 8) === 0) yield;
    const seen = new Set<string>();
    const items = unit.decl.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.type !== "roster") continue;
      if (seen.has(item.id.name)) {
        table.duplicate(file, item.id, `\`${item.id.name}\` is listed twice in the roster of ${unit.id}`);
        continue;
      }
      seen.add(item.id.name);
      const person = introduce(file, item.id, "roster", item.personName);
      if (!person) continue;
      const membership: Membership = {
        person,
        unit,
        entry: item,
        file,
        status: item.status,
        date: item.date.day,
        youthLeague: item.youthLeague,
        residence: null,
      };
      unit.roster.push(membership);
      // A first membership gets a one-slot array (a push onto an empty one reserves 17).
      if (person.memberships.length === 0) (person as { memberships: Membership[] }).memberships = [membership];
      else person.memberships.push(membership);
    }
  }
  for (let f = 0; f < files.length; f++) {
    const file = files[f]!;
    const statements = file.ast.statements;
    for (let s = 0; s < statements.length; s++) {
      const statement = statements[s]!;
      if (++done % STATEMENTS_PER_STEP === 0) yield;
      if (statement.type === "person") {
        const existing = table.symbols.get(statement.id.name);
        if (existing) {
          table.duplicate(file.path, statement.id, `\`${statement.id.name}\` is already declared as ${describeSymbol(existing)}; \`person\` declares someone in no roster`);
          continue;
        }
        const person = introduce(file.path, statement.id, "person", statement.personName);
        if (person) (person as { personDecl: Person["personDecl"] }).personDecl = { decl: statement, file: file.path };
      } else if (statement.type === "event" && statement.event.type === "application") {
        introduce(file.path, statement.event.applicant, "application", statement.event.personName);
      }
    }
  }

  // Pass 3: unit properties.
  yield;
  for (let u = 0; u < unitDecls.length; u++) {
    const { unit, file } = unitDecls[u]!;
    if (++done % (STATEMENTS_PER_STEP / 8) === 0) yield;
    resolveUnitProperties(unit, file, table);
  }
  resolveResidences(unitDecls, table);

  // Pass 4: events.
  yield;
  const { events, series } = yield* addEvents(program.files, table, period, diagnostics, options.expansions ?? null);
  yield;

  markDoubtfulTimelines(program.files, table);
  buildTree(units);
  computeSizes(people);
  if (period) {
    for (const unit of units) {
      const from = unit.established !== null && unit.established > period.from ? unit.established : period.from;
      unit.window = { from, to: period.to };
    }
  }

  pushAll(diagnostics, table.diagnostics);
  const all = [...program.files.flatMap((file) => file.syntaxDiagnostics), ...program.diagnostics, ...diagnostics];
  if (!period) {
    const entryFile = program.files[program.files.length - 1];
    if (entryFile) {
      const firstLineEnd = entryFile.lines.lineText(1).length;
      all.push(
        languageDiagnostic(
          "noPeriod",
          entryFile.path,
          { start: 0, end: firstLineEnd },
          "no `period` in this program: meeting, critique and report cadences were not evaluated",
        ),
      );
    }
  }
  return {
    entry: program.entry,
    files: program.files,
    period,
    units,
    symbols: table.symbols,
    people,
    residences,
    events,
    series,
    references: table.references,
    diagnostics: all,
  };
}

/** The residences (`at`) of the roster entries that name one. */
function resolveResidences(unitDecls: readonly { unit: Unit; file: string }[], table: SymbolTable): void {
  for (const { unit, file } of unitDecls) {
    for (const membership of unit.roster) {
      if (membership.entry.residence) {
        (membership as { residence: Residence | null }).residence = table.lookup(file, membership.entry.residence, "residence", "`at`");
      }
    }
  }
}

function findPeriod(files: readonly SourceFile[], diagnostics: Diagnostic[]): Period | null {
  let period: Period | null = null;
  let first: { file: string; span: Span } | null = null;
  for (const file of files) {
    for (const statement of file.ast.statements) {
      if (statement.type !== "period") continue;
      if (first) {
        diagnostics.push(
          languageDiagnostic("periodConflict", file.path, statement.span, "a program has one `period`; this is a second one", [
            { ...first, message: "the program's period" },
          ]),
        );
        continue;
      }
      first = { file: file.path, span: statement.span };
      const from = statement.from.day;
      const to = statement.to.day;
      if (from === null || to === null) continue;
      if (to < from) {
        diagnostics.push(
          languageDiagnostic("invalidDate", file.path, statement.to.span, `the period ends on ${formatDay(to)}, before it starts on ${formatDay(from)}`),
        );
        continue;
      }
      period = { from, to, decl: statement, file: file.path };
    }
  }
  return period;
}

function resolveRole(file: string, table: SymbolTable, property: RoleAssignment["property"]): RoleAssignment {
  return { property, person: table.lookup(file, property.value, "person", `\`${property.type}\``) };
}

function resolveUnitProperties(unit: Unit, file: string, table: SymbolTable): void {
  for (const item of unit.decl.items) {
    switch (item.type) {
      case "level":
        unit.level = item.value.name as Unit["level"];
        break;
      case "setting":
        unit.setting = item.value.name as Unit["setting"];
        break;
      case "under":
        unit.underProperty = item;
        unit.parent = table.lookup(file, item.value, "unit", "`under`");
        break;
      case "secretary":
        unit.secretary = resolveRole(file, table, item);
        break;
      case "deputy":
        unit.deputy = resolveRole(file, table, item);
        break;
      case "established":
        unit.established = item.date.day;
        break;
      case "critique":
        unit.critique = { property: item, interval: item.interval };
        break;
      case "covers":
        unit.covers = {
          property: item,
          residences: item.residences.flatMap((ref) => table.lookup(file, ref, "residence", "`covers`") ?? []),
        };
        break;
      case "approved":
        unit.approved = { property: item, date: item.date.day, by: table.lookup(file, item.by, "unit", "`approved by`") };
        break;
      case "body": {
        const body: ElectedBody = {
          block: item,
          elected: item.elected?.day ?? null,
          members: item.members.flatMap((ref) => table.lookup(file, ref, "person", "a committee member") ?? []),
        };
        if (item.bodyKind === "committee") unit.committee = body;
        else unit.executive = body;
        break;
      }
      case "roster":
        break;
    }
  }
}

function buildTree(units: readonly Unit[]): void {
  for (const unit of units) {
    if (unit.parent && unit.parent !== unit) unit.parent.children.push(unit);
  }
}

/** Size: distinct people over a unit and every unit under it (cycle-safe). */
function computeSizes(people: readonly Person[]): void {
  // Who was counted last, per unit: a person counts once in each unit above
  // any of their memberships, and a cycle stops at a unit already counted.
  // (A stamp, not a set cleared per person: clearing a set allocates.)
  const countedFor = new Map<Unit, Person>();
  for (let p = 0; p < people.length; p++) {
    const person = people[p]!;
    const memberships = person.memberships;
    for (let m = 0; m < memberships.length; m++) {
      for (let unit: Unit | null = memberships[m]!.unit; unit && countedFor.get(unit) !== person; unit = unit.parent) {
        countedFor.set(unit, person);
        unit.size++;
      }
    }
  }
}

/**
 * Marks the units named on a line with a syntax error (an event that did not
 * parse may have been theirs), so cadence rules do not report what they
 * cannot know.
 */
/**
 * A line that did not parse may have held an event of any unit it names: each
 * such unit's timeline is doubtful, of the kind the line's keywords say
 * (`critique`, `committee meeting`, `report`, ...), or of every kind when
 * they say none, or several.
 */
function markDoubtfulTimelines(files: readonly SourceFile[], table: SymbolTable): void {
  for (const file of files) {
    const scanned = new Set<number>();
    for (const diagnostic of file.syntaxDiagnostics) {
      if (diagnostic.code !== LANGUAGE_CODES.syntax.code) continue;
      const { line } = file.lines.position(diagnostic.span.start);
      // A line with many errors is read once.
      if (scanned.has(line)) continue;
      scanned.add(line);
      const words = tokenize(file.lines.lineText(line)).flatMap((token) => (token.kind === "keyword" || token.kind === "identifier" ? [token.text] : []));
      const kinds = lineTimelineKinds(words);
      for (const word of words) {
        const symbol = table.symbols.get(word);
        if (symbol?.kind === "unit" && !symbol.timelineDoubts.some((doubt) => doubt.cause === diagnostic)) {
          symbol.timelineDoubts.push({ kinds, cause: diagnostic, reason: "this line did not parse" });
        }
      }
    }
  }
}

/** The one timeline kind a line's words name, or every kind when they name none or several. */
function lineTimelineKinds(words: readonly string[]): readonly TimelineKind[] {
  const named = new Set<TimelineKind>();
  words.forEach((word, index) => {
    const before = words[index - 1];
    if (word === "meeting") named.add(before === "committee" ? "committee-meeting" : before === "executive" ? "executive-meeting" : "meeting");
    else if (word === "critique" || word === "report") named.add(word);
  });
  const [only] = named;
  return named.size === 1 && only !== undefined ? [only] : TIMELINE_KINDS;
}
