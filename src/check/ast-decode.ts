// Decoding the parse workers' wire form of an AST (ast-codec.ts), on the main
// thread: strings are cut from the file's text by their spans.
import type {
  BodyBlock,
  Comment,
  DateValue,
  EventBody,
  FileAst,
  GatheringEvent,
  Identifier,
  Interval,
  ReportEvent,
  Span,
  StringValue,
  TopStatement,
  UnitItem,
} from "../ast/types.js";
import { BODIES, DURATIONS, GATHERINGS, ITEMS, NULL, NULL_DAY, TOP, UNIT_KINDS, VERBS, type EncodedAst } from "./ast-codec.js";

class Reader {
  at = 0;
  constructor(
    private readonly ints: Int32Array,
    private readonly text: string,
  ) {}

  int(): number {
    return this.ints[this.at++]!;
  }
  span(): Span {
    const start = this.ints[this.at++]!;
    return { start, end: this.ints[this.at++]! };
  }
  id(): Identifier {
    const span = this.span();
    return { name: this.text.substring(span.start, span.end), span };
  }
  optionalId(): Identifier | null {
    if (this.ints[this.at] === NULL) {
      this.at++;
      return null;
    }
    return this.id();
  }
  ids(): Identifier[] {
    const count = this.int();
    const ids: Identifier[] = new Array(count);
    for (let i = 0; i < count; i++) ids[i] = this.id();
    return ids;
  }
  string(): StringValue | null {
    if (this.ints[this.at] === NULL) {
      this.at++;
      return null;
    }
    this.at++;
    const span = this.span();
    const raw = this.text.substring(span.start, span.end);
    const inner = raw.slice(1, -1);
    const value = inner.indexOf("\\") < 0 ? inner : inner.replace(/\\(.)/g, "$1");
    return { value, raw, span };
  }
  date(): DateValue {
    const day = this.int();
    const span = this.span();
    return { text: this.text.substring(span.start, span.end), day: day === NULL_DAY ? null : day, span };
  }
  interval(): Interval | null {
    const count = this.int();
    if (count === NULL) return null;
    const unit = DURATIONS[this.int()]!;
    return { count, unit, span: this.span() };
  }
}

function readItem(r: Reader): UnitItem {
  const type = ITEMS[r.int()]!;
  switch (type) {
    case "level":
    case "under":
    case "setting":
    case "secretary":
    case "deputy": {
      const value = r.id();
      return { type, value, span: r.span() };
    }
    case "established": {
      const date = r.date();
      return { type, date, span: r.span() };
    }
    case "critique": {
      const interval = r.interval();
      const raw = r.optionalId();
      return { type, interval, raw, span: r.span() };
    }
    case "covers": {
      const residences = r.ids();
      return { type, residences, span: r.span() };
    }
    case "approved": {
      const date = r.date();
      const by = r.id();
      return { type, date, by, span: r.span() };
    }
    case "body": {
      const bodyKind: BodyBlock["bodyKind"] = r.int() === 0 ? "committee" : "executive";
      const elected = r.int() === NULL ? null : r.date();
      const members = r.ids();
      const keywordSpan = r.span();
      return { type, bodyKind, elected, members, keywordSpan, span: r.span() };
    }
    case "roster": {
      const status = r.int() === 0 ? "member" : "candidate";
      const id = r.id();
      const personName = r.string();
      const date = r.date();
      const youthLeague = r.int() === 1;
      const residence = r.optionalId();
      return { type, status, id, personName, date, youthLeague, residence, span: r.span() };
    }
  }
}

function readGathering(r: Reader): GatheringEvent {
  const gathering = GATHERINGS[r.int()]!;
  const unit = r.id();
  const present = r.int() === NULL ? null : (r.at--, r.ids());
  return { type: "gathering", gathering, unit, present };
}

function readReport(r: Reader): ReportEvent {
  const unit = r.id();
  return { type: "report", unit, recipients: r.ids() };
}

function readBody(r: Reader): EventBody {
  const type = BODIES[r.int()]!;
  switch (type) {
    case "gathering":
      return readGathering(r);
    case "report":
      return readReport(r);
    case "application": {
      const applicant = r.id();
      const personName = r.string();
      const youthLeague = r.int() === 1;
      const unit = r.id();
      const recommenders = r.ids();
      const youthLeagueLetter = r.int() === NULL ? null : r.span();
      return { type, applicant, personName, youthLeague, unit, recommenders, youthLeagueLetter };
    }
    case "review":
    case "forward": {
      const person = r.id();
      return { type, person, unit: r.id() };
    }
    case "decision": {
      const verb = VERBS[r.int()]!;
      const person = r.id();
      return { type, verb, person, unit: r.id() };
    }
    case "transfer": {
      const person = r.id();
      const from = r.id();
      return { type, person, from, to: r.id() };
    }
  }
}

function readStatement(r: Reader): TopStatement {
  const type = TOP[r.int()]!;
  switch (type) {
    case "import": {
      const path = r.string()!;
      return { type, path, span: r.span() };
    }
    case "period": {
      const from = r.date();
      const to = r.date();
      return { type, from, to, span: r.span() };
    }
    case "unit": {
      const unitKind = UNIT_KINDS[r.int()]!;
      const id = r.id();
      const title = r.string();
      const count = r.int();
      const items: UnitItem[] = [];
      for (let i = 0; i < count; i++) items.push(readItem(r));
      return { type, unitKind, id, title, items, span: r.span() };
    }
    case "residence": {
      const id = r.id();
      const title = r.string();
      return { type, id, title, span: r.span() };
    }
    case "person": {
      const id = r.id();
      const personName = r.string();
      return { type, id, personName, span: r.span() };
    }
    case "event": {
      const date = r.date();
      const event = readBody(r);
      return { type, date, event, span: r.span() };
    }
    case "series": {
      const interval = r.interval();
      const from = r.date();
      const to = r.date();
      const event = readBody(r) as GatheringEvent | ReportEvent;
      return { type, interval, from, to, event, span: r.span() };
    }
  }
}

export function decodeAst(encoded: EncodedAst, text: string): FileAst {
  const r = new Reader(encoded, text);
  const count = r.int();
  const statements: TopStatement[] = [];
  for (let i = 0; i < count; i++) statements.push(readStatement(r));
  const commentCount = r.int();
  const comments: Comment[] = [];
  for (let i = 0; i < commentCount; i++) {
    const kind = r.int() === 0 ? "line" : "block";
    const span = r.span();
    comments.push({ kind, text: text.substring(span.start, span.end), span });
  }
  return { statements, comments };
}
