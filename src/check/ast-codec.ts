// A compact wire form of a file's AST for the parse workers (parallel.ts):
// one Int32Array, about a tenth of the memory of the objects and quick to
// send (its buffer is transferred, not copied). It holds no strings: every
// string of an AST is a token's text, so it is cut from the file's text by
// its span when decoded (a quoted string's value unescaped as
// src/syntax/cst-access.ts does). `decodeAst(encodeAst(ast), text)` equals
// `ast`, objects built with the same keys in the same order as
// src/syntax/build-ast.ts builds them.
import type { DateValue, EventBody, FileAst, Identifier, Interval, Span, StringValue, TopStatement, UnitItem } from "../ast/types.js";

export type EncodedAst = Int32Array;

export const NULL = -1;
export const NULL_DAY = -2147483648;
export const TOP = ["import", "period", "unit", "residence", "person", "event", "series"] as const;
export const ITEMS = ["level", "under", "setting", "secretary", "deputy", "established", "critique", "covers", "approved", "body", "roster"] as const;
export const BODIES = ["gathering", "report", "application", "review", "forward", "decision", "transfer"] as const;
export const UNIT_KINDS = ["committee", "cell", "primary", "branch", "subprimary", "team"] as const;
export const DURATIONS = ["day", "week", "month", "year"] as const;
export const GATHERINGS = ["meeting", "committee-meeting", "executive-meeting", "critique"] as const;
export const VERBS = ["approve", "reject", "admit", "ratify", "extend", "expel"] as const;
const index = <T extends string>(words: readonly T[]) => new Map<string, number>(words.map((word, at) => [word, at]));
const TOP_INDEX = index(TOP);
const ITEM_INDEX = index(ITEMS);
const BODY_INDEX = index(BODIES);
const KIND_INDEX = index(UNIT_KINDS);
const DURATION_INDEX = index(DURATIONS);
const GATHERING_INDEX = index(GATHERINGS);
const VERB_INDEX = index(VERBS);

class Writer {
  ints = new Int32Array(1024);
  length = 0;

  int(value: number): void {
    if (this.length === this.ints.length) {
      const grown = new Int32Array(this.ints.length * 2);
      grown.set(this.ints);
      this.ints = grown;
    }
    this.ints[this.length++] = value;
  }
  code(codes: ReadonlyMap<string, number>, word: string): void {
    const at = codes.get(word);
    if (at === undefined) throw new Error(`ast-codec: unknown word ${word}`);
    this.int(at);
  }
  span(span: Span): void {
    this.int(span.start);
    this.int(span.end);
  }
  id(id: Identifier): void {
    this.span(id.span);
  }
  optionalId(id: Identifier | null): void {
    if (id === null) this.int(NULL);
    else this.id(id);
  }
  ids(ids: readonly Identifier[]): void {
    this.int(ids.length);
    for (const id of ids) this.id(id);
  }
  string(value: StringValue | null): void {
    if (value === null) return this.int(NULL);
    this.int(1);
    this.span(value.span);
  }
  date(date: DateValue): void {
    this.int(date.day === null ? NULL_DAY : date.day);
    this.span(date.span);
  }
  interval(interval: Interval | null): void {
    if (interval === null) return this.int(NULL);
    this.int(interval.count);
    this.code(DURATION_INDEX, interval.unit);
    this.span(interval.span);
  }
}

function writeItem(w: Writer, item: UnitItem): void {
  w.code(ITEM_INDEX, item.type);
  switch (item.type) {
    case "level":
    case "under":
    case "setting":
    case "secretary":
    case "deputy":
      w.id(item.value);
      break;
    case "established":
      w.date(item.date);
      break;
    case "critique":
      w.interval(item.interval);
      w.optionalId(item.raw);
      break;
    case "covers":
      w.ids(item.residences);
      break;
    case "approved":
      w.date(item.date);
      w.id(item.by);
      break;
    case "body":
      w.int(item.bodyKind === "committee" ? 0 : 1);
      if (item.elected === null) w.int(NULL);
      else {
        w.int(1);
        w.date(item.elected);
      }
      w.ids(item.members);
      w.span(item.keywordSpan);
      break;
    case "roster":
      w.int(item.status === "member" ? 0 : 1);
      w.id(item.id);
      w.string(item.personName);
      w.date(item.date);
      w.int(item.youthLeague ? 1 : 0);
      w.optionalId(item.residence);
      break;
  }
  w.span(item.span);
}

function writeBody(w: Writer, event: EventBody): void {
  w.code(BODY_INDEX, event.type);
  switch (event.type) {
    case "gathering":
      w.code(GATHERING_INDEX, event.gathering);
      w.id(event.unit);
      if (event.present === null) w.int(NULL);
      else w.ids(event.present);
      break;
    case "report":
      w.id(event.unit);
      w.ids(event.recipients);
      break;
    case "application":
      w.id(event.applicant);
      w.string(event.personName);
      w.int(event.youthLeague ? 1 : 0);
      w.id(event.unit);
      w.ids(event.recommenders);
      if (event.youthLeagueLetter === null) w.int(NULL);
      else {
        w.int(1);
        w.span(event.youthLeagueLetter);
      }
      break;
    case "review":
    case "forward":
      w.id(event.person);
      w.id(event.unit);
      break;
    case "decision":
      w.code(VERB_INDEX, event.verb);
      w.id(event.person);
      w.id(event.unit);
      break;
    case "transfer":
      w.id(event.person);
      w.id(event.from);
      w.id(event.to);
      break;
  }
}

function writeStatement(w: Writer, statement: TopStatement): void {
  w.code(TOP_INDEX, statement.type);
  switch (statement.type) {
    case "import":
      w.string(statement.path);
      break;
    case "period":
      w.date(statement.from);
      w.date(statement.to);
      break;
    case "unit":
      w.code(KIND_INDEX, statement.unitKind);
      w.id(statement.id);
      w.string(statement.title);
      w.int(statement.items.length);
      for (const item of statement.items) writeItem(w, item);
      break;
    case "residence":
      w.id(statement.id);
      w.string(statement.title);
      break;
    case "person":
      w.id(statement.id);
      w.string(statement.personName);
      break;
    case "event":
      w.date(statement.date);
      writeBody(w, statement.event);
      break;
    case "series":
      w.interval(statement.interval);
      w.date(statement.from);
      w.date(statement.to);
      writeBody(w, statement.event);
      break;
  }
  w.span(statement.span);
}

export function encodeAst(ast: FileAst): EncodedAst {
  const w = new Writer();
  w.int(ast.statements.length);
  for (const statement of ast.statements) writeStatement(w, statement);
  w.int(ast.comments.length);
  for (const comment of ast.comments) {
    w.int(comment.kind === "line" ? 0 : 1);
    w.span(comment.span);
  }
  return w.ints.slice(0, w.length);
}
