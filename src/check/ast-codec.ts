// A compact wire form of a file's AST for the parse workers (parallel.ts):
// one Int32Array, about a tenth of the memory of the objects and quick to
// send (its buffer is transferred, not copied). It holds no strings: every
// string of an AST is a token's text, so it is cut from the file's text by
// its span when decoded (a quoted string's value unescaped as
// src/syntax/cst-access.ts does).
//
// One table per node union (statements, unit items, event bodies) names each
// kind's fields in the order src/syntax/build-ast.ts builds them, with the
// codec of each. The encoder and the decoder both work from these tables, and
// the tables are typed against src/ast/types.ts: a kind or a field missing
// from a table, or a field of the wrong codec, is a compile error. So
// `decodeAst(encodeAst(ast), text)` equals `ast`, keys in the same order.
import type {
  BodyBlock,
  Comment,
  DateValue,
  DecisionVerb,
  DurationUnit,
  EventBody,
  FileAst,
  GatheringKind,
  Identifier,
  Interval,
  RosterEntry,
  Span,
  StringValue,
  TopStatement,
  UnitItem,
  UnitKind,
} from "../ast/types.js";

export type EncodedAst = Int32Array;

const NULL = -1;
const NULL_DAY = -2147483648;

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
}

class Reader {
  at = 0;
  constructor(
    readonly ints: Int32Array,
    readonly text: string,
  ) {}

  int(): number {
    return this.ints[this.at++]!;
  }
  /** The next int without taking it. */
  peek(): number {
    return this.ints[this.at]!;
  }
}

/** How one value goes onto the wire and back. Properties, not methods: a codec of another type is a compile error both ways. */
export interface Codec<T> {
  readonly write: (w: Writer, value: T) => void;
  readonly read: (r: Reader) => T;
  /** Whether the value's first int is never negative, so that `optional` can tell it from `NULL` without a flag. */
  readonly headNonNegative?: boolean;
}

// ---------------------------------------------------------------- leaves

const span: Codec<Span> = {
  write: (w, value) => {
    w.int(value.start);
    w.int(value.end);
  },
  read: (r) => {
    const start = r.int();
    return { start, end: r.int() };
  },
  headNonNegative: true,
};

const identifier: Codec<Identifier> = {
  write: (w, value) => span.write(w, value.span),
  read: (r) => {
    const at = span.read(r);
    return { name: r.text.substring(at.start, at.end), span: at };
  },
  headNonNegative: true,
};

const string: Codec<StringValue> = {
  write: (w, value) => span.write(w, value.span),
  read: (r) => {
    const at = span.read(r);
    const raw = r.text.substring(at.start, at.end);
    const inner = raw.slice(1, -1);
    const value = inner.indexOf("\\") < 0 ? inner : inner.replace(/\\(.)/g, "$1");
    return { value, raw, span: at };
  },
  headNonNegative: true,
};

/** A list of identifiers, the commonest list (rosters of a body, who was present): its own loop rather than `list`'s shared one. */
const identifiers: Codec<Identifier[]> = {
  write: (w, values) => {
    w.int(values.length);
    for (const value of values) {
      w.int(value.span.start);
      w.int(value.span.end);
    }
  },
  read: (r) => {
    const count = r.int();
    const values: Identifier[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const start = r.int();
      const end = r.int();
      values[i] = { name: r.text.substring(start, end), span: { start, end } };
    }
    return values;
  },
  headNonNegative: true,
};

const date: Codec<DateValue> = {
  write: (w, value) => {
    w.int(value.day === null ? NULL_DAY : value.day);
    span.write(w, value.span);
  },
  read: (r) => {
    const day = r.int();
    const at = span.read(r);
    return { text: r.text.substring(at.start, at.end), day: day === NULL_DAY ? null : day, span: at };
  },
};

const flag: Codec<boolean> = {
  write: (w, value) => w.int(value ? 1 : 0),
  read: (r) => r.int() === 1,
};

/** A closed set of words, each written as its index; the record makes every word of `T` required. */
function words<T extends string>(all: { readonly [K in T]: true }): Codec<T> {
  const list = Object.keys(all) as T[];
  const codes = new Map<string, number>(list.map((word, at) => [word, at]));
  return {
    write: (w, value) => {
      const code = codes.get(value);
      if (code === undefined) throw new Error(`ast-codec: unknown word ${value}`);
      w.int(code);
    },
    read: (r) => list[r.int()]!,
    headNonNegative: true,
  };
}

/** Any number, exactly: its float64 as two ints (a step count may be beyond 32 bits, or Infinity: ORG011 judges it). */
const NUMBER_BITS = new Float64Array(1);
const NUMBER_INTS = new Int32Array(NUMBER_BITS.buffer);
const number: Codec<number> = {
  write: (w, value) => {
    NUMBER_BITS[0] = value;
    w.int(NUMBER_INTS[0]!);
    w.int(NUMBER_INTS[1]!);
  },
  read: (r) => {
    NUMBER_INTS[0] = r.int();
    NUMBER_INTS[1] = r.int();
    return NUMBER_BITS[0]!;
  },
};

const interval: Codec<Interval> = {
  write: (w, value) => {
    span.write(w, value.span);
    number.write(w, value.count);
    units.write(w, value.unit);
  },
  read: (r) => {
    // Written span first, so that `optional` needs no flag; read back in the AST's key order.
    const at = span.read(r);
    const count = number.read(r);
    return { count, unit: units.read(r), span: at };
  },
  headNonNegative: true,
};
const units = words<DurationUnit>({ day: true, week: true, month: true, year: true });

// ---------------------------------------------------------------- combinators

function optional<T>(codec: Codec<T>): Codec<T | null> {
  if (codec.headNonNegative) {
    return {
      write: (w, value) => (value === null ? w.int(NULL) : codec.write(w, value)),
      read: (r) => {
        if (r.peek() !== NULL) return codec.read(r);
        r.at++;
        return null;
      },
    };
  }
  return {
    write: (w, value) => {
      if (value === null) return w.int(NULL);
      w.int(1);
      codec.write(w, value);
    },
    read: (r) => (r.int() === NULL ? null : codec.read(r)),
  };
}

function list<T>(codec: Codec<T>): Codec<T[]> {
  return {
    write: (w, values) => {
      w.int(values.length);
      for (const value of values) codec.write(w, value);
    },
    read: (r) => {
      const count = r.int();
      const values: T[] = new Array(count);
      for (let i = 0; i < count; i++) values[i] = codec.read(r);
      return values;
    },
    headNonNegative: true,
  };
}

type Node = { readonly type: string };
/** The member of a union whose `type` admits `K` (one interface may stand for several kinds: NameProperty). */
type NodeOf<U, K> = U extends { readonly type: infer T } ? (K extends T ? U : never) : never;
/** Every field of a node but `type`, each with its codec, in the order the AST builder writes them. */
type Fields<N> = { readonly [P in Exclude<keyof N, "type">]-?: Codec<N[P]> };
/** A codec for every kind of a node union. */
type Table<U extends Node> = { readonly [K in U["type"]]: Fields<NodeOf<U, K>> };

type ReadFields = (r: Reader, codecs: readonly Codec<unknown>[]) => unknown;
type WriteFields = (w: Writer, node: unknown, codecs: readonly Codec<unknown>[]) => void;

interface Kind {
  readonly codecs: readonly Codec<unknown>[];
  readonly read: ReadFields;
  readonly write: WriteFields;
}

/**
 * A kind's reader and writer, compiled from its table entry: an object
 * literal with the keys in the table's order, and a call site of its own for
 * each field. Run as a loop over the table instead, the decoder took 2.5
 * times as long on the main thread (every call and store megamorphic, and
 * nodes of another shape than the parser's). Only the table's own key names
 * go into the code.
 */
function compile(type: string, keys: readonly string[]): { read: ReadFields; write: WriteFields } {
  const quoted = (key: string) => JSON.stringify(key);
  const fields = keys.map((key, at) => `${quoted(key)}: c[${at}].read(r)`);
  const read = new Function("r", "c", `return { type: ${quoted(type)}, ${fields.join(", ")} };`) as ReadFields;
  const write = new Function("w", "n", "c", keys.map((key, at) => `c[${at}].write(w, n[${quoted(key)}]);`).join("\n")) as WriteFields;
  return { read, write };
}

/** A node of one of a table's kinds: its kind's index, then its fields in the table's order. */
function union<U extends Node>(table: Table<U>): Codec<U> {
  const kinds: Kind[] = Object.entries(table).map(([type, fields]) => ({
    codecs: Object.values(fields as object) as Codec<unknown>[],
    ...compile(type, Object.keys(fields as object)),
  }));
  const codes = new Map(Object.keys(table).map((type, at) => [type, at]));
  return {
    write: (w, node) => {
      const code = codes.get(node.type);
      if (code === undefined) throw new Error(`ast-codec: unknown node kind ${node.type}`);
      w.int(code);
      const kind = kinds[code]!;
      kind.write(w, node, kind.codecs);
    },
    read: (r) => {
      const kind = kinds[r.int()]!;
      return kind.read(r, kind.codecs) as U;
    },
    headNonNegative: true,
  };
}

/** A codec of a union read as the subset a field admits (a series holds gatherings and reports only). */
function narrowed<U extends Node, S extends U>(codec: Codec<U>): Codec<S> {
  return codec as unknown as Codec<S>;
}

// ---------------------------------------------------------------- the tables

const unitKinds = words<UnitKind>({ committee: true, cell: true, primary: true, branch: true, subprimary: true, team: true });
const nameProperty = { value: identifier, span } as const;

const ITEMS: Table<UnitItem> = {
  level: nameProperty,
  under: nameProperty,
  setting: nameProperty,
  secretary: nameProperty,
  deputy: nameProperty,
  established: { date, span },
  critique: { interval: optional(interval), raw: optional(identifier), span },
  covers: { residences: identifiers, span },
  approved: { date, by: identifier, span },
  body: {
    bodyKind: words<BodyBlock["bodyKind"]>({ committee: true, executive: true }),
    elected: optional(date),
    members: identifiers,
    keywordSpan: span,
    span,
  },
  roster: {
    status: words<RosterEntry["status"]>({ member: true, candidate: true }),
    id: identifier,
    personName: optional(string),
    date,
    youthLeague: flag,
    residence: optional(identifier),
    span,
  },
};

const BODIES: Table<EventBody> = {
  gathering: {
    gathering: words<GatheringKind>({ meeting: true, "committee-meeting": true, "executive-meeting": true, critique: true }),
    unit: identifier,
    present: optional(identifiers),
  },
  report: { unit: identifier, recipients: identifiers },
  application: {
    applicant: identifier,
    personName: optional(string),
    youthLeague: flag,
    unit: identifier,
    recommenders: identifiers,
    youthLeagueLetter: optional(span),
  },
  review: { person: identifier, unit: identifier },
  forward: { person: identifier, unit: identifier },
  decision: {
    verb: words<DecisionVerb>({ approve: true, reject: true, admit: true, ratify: true, extend: true, expel: true }),
    person: identifier,
    unit: identifier,
  },
  transfer: { person: identifier, from: identifier, to: identifier },
};

const body = union<EventBody>(BODIES);

const STATEMENTS: Table<TopStatement> = {
  import: { path: string, span },
  period: { from: date, to: date, span },
  unit: { unitKind: unitKinds, id: identifier, title: optional(string), items: list(union<UnitItem>(ITEMS)), span },
  residence: { id: identifier, title: optional(string), span },
  person: { id: identifier, personName: optional(string), span },
  event: { date, event: body, span },
  series: { interval: optional(interval), from: date, to: date, event: narrowed<EventBody, Extract<EventBody, { type: "gathering" | "report" }>>(body), span },
};

const comment: Codec<Comment> = {
  write: (w, value) => {
    commentKinds.write(w, value.kind);
    span.write(w, value.span);
  },
  read: (r) => {
    const kind = commentKinds.read(r);
    const at = span.read(r);
    return { kind, text: r.text.substring(at.start, at.end), span: at };
  },
};
const commentKinds = words<Comment["kind"]>({ line: true, block: true });

const statements = list(union<TopStatement>(STATEMENTS));
const comments = list(comment);

/** Every node kind the tables know, by union: what the round-trip test holds against src/ast/types.ts. */
export const WIRE_KINDS = { statements: Object.keys(STATEMENTS), items: Object.keys(ITEMS), bodies: Object.keys(BODIES) };

export function encodeAst(ast: FileAst): EncodedAst {
  const w = new Writer();
  statements.write(w, ast.statements);
  comments.write(w, ast.comments);
  return w.ints.slice(0, w.length);
}

export function decodeAst(encoded: EncodedAst, text: string): FileAst {
  const r = new Reader(encoded, text);
  const decoded = statements.read(r);
  return { statements: decoded, comments: comments.read(r) };
}
