// The AST nodes a partial re-parse (./incremental.ts) keeps from the previous
// version of a file, with their spans moved to the new text: the statements
// after the edit, and the edited statements themselves when the new parse of
// them is the old one but for offsets (an edit in a comment or in white
// space). A file whose statements are all the previous version's objects says
// so (`sameStatements`), which lets the language server keep the model it
// resolved from them.
import type { Comment, Span, TopStatement } from "../ast/types.js";
import type { SourceFile } from "./source-file.js";

/** An edit: `[start, oldEnd)` of the old text was replaced by text `delta` characters longer. */
export interface Edit {
  /** The first offset that differs. */
  readonly start: number;
  /** The end of the replaced text, in the old text. */
  readonly oldEnd: number;
  readonly delta: number;
}

/** The span objects under each statement kept after an edit, each once (nodes share spans: an identifier's is its property's). */
const spansUnder = new WeakMap<object, Span[]>();

function spansOf(statement: object): Span[] {
  let spans = spansUnder.get(statement);
  if (!spans) {
    const found = new Set<Span>();
    collectSpans(statement, found);
    spans = [...found];
    spansUnder.set(statement, spans);
  }
  return spans;
}

/**
 * Moves every span under the statements by `delta`, in place. The nodes
 * after an edit move to the new file, so a statement found once keeps its
 * list of spans through every later edit, and moving it again is a loop over
 * that list: an edit near the start of a large file moves tens of thousands
 * of spans, and walking the nodes for them (or copying them) each time cost
 * more than parsing the edited statements. The spans are changed, not
 * replaced: whatever holds one (a diagnostic of the last check, a model's
 * reference) belongs to the previous version of the file, which is not read
 * again — the language server keeps one parse per open document, and the
 * syntax diagnostics kept from the previous version were copied before the
 * move.
 */
export function moveSpans(statements: readonly object[], delta: number): void {
  if (delta === 0) return;
  for (const statement of statements) for (const span of spansOf(statement)) shift(span, delta);
}

export function moveComments(comments: readonly Comment[], delta: number): void {
  if (delta === 0) return;
  for (const comment of comments) shift(comment.span, delta);
}

function shift(span: Span, delta: number): void {
  const moving = movable(span);
  moving.start += delta;
  moving.end += delta;
}

/**
 * Where an old offset is in the new text. A start at the edit's end moves
 * (text was put before it); an end at the edit's start stays (text was put
 * after it).
 */
function newStart(offset: number, edit: Edit): number {
  return offset >= edit.oldEnd ? offset + edit.delta : offset;
}

function newEnd(offset: number, edit: Edit): number {
  return offset >= edit.oldEnd && offset > edit.start ? offset + edit.delta : offset;
}

/**
 * The old statements in place of the new parse of the same text, when each
 * is the new one but for its offsets (everything else equal, every span at
 * the new place of the old one): their spans are moved there, in place, and
 * they are returned; `null` when any differs.
 */
export function keepUnchanged(old: readonly TopStatement[], parsed: readonly TopStatement[], edit: Edit): TopStatement[] | null {
  if (old.length !== parsed.length || !old.every((statement, i) => sameButOffsets(statement, parsed[i], edit))) return null;
  for (const statement of old) {
    for (const span of spansOf(statement)) {
      const moving = movable(span);
      moving.start = newStart(span.start, edit);
      moving.end = newEnd(span.end, edit);
    }
  }
  return [...old];
}

function isSpan(value: object): value is Span {
  const candidate = value as Partial<Span>;
  return typeof candidate.start === "number" && typeof candidate.end === "number";
}

/** Whether `now` is `old` with its spans moved by the edit (plain data: objects, arrays, primitives). */
function sameButOffsets(old: unknown, now: unknown, edit: Edit): boolean {
  if (old === now) return true;
  if (typeof old !== "object" || old === null || typeof now !== "object" || now === null) return false;
  if (Array.isArray(old) || Array.isArray(now)) {
    if (!Array.isArray(old) || !Array.isArray(now) || old.length !== now.length) return false;
    return old.every((item, i) => sameButOffsets(item, now[i], edit));
  }
  if (isSpan(old)) return isSpan(now) && newStart(old.start, edit) === now.start && newEnd(old.end, edit) === now.end;
  const before = old as Record<string, unknown>;
  const after = now as Record<string, unknown>;
  const keys = Object.keys(before);
  if (keys.length !== Object.keys(after).length) return false;
  return keys.every((key) => key in after && sameButOffsets(before[key], after[key], edit));
}

/** Spans are read-only to everyone but the re-parse, which moves those it hands over to the new file. */
function movable(span: Span): { start: number; end: number } {
  return span as { start: number; end: number };
}

/** Every span object under `node`: the objects with numeric `start` and `end`. */
function collectSpans(node: unknown, found: Set<Span>): void {
  if (typeof node !== "object" || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) collectSpans(item, found);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value !== "object" || value === null) continue;
    if (isSpan(value)) found.add(value);
    else collectSpans(value, found);
  }
}

/** The versions of a file whose statements are the same objects, by a token they share. */
const statementsOf = new WeakMap<SourceFile, object>();

/** Records that `file` has its own statements (a new parse), or `previous`'s objects, each moved with the text. */
export function recordStatements(file: SourceFile, previous?: SourceFile): void {
  statementsOf.set(file, (previous && statementsOf.get(previous)) ?? {});
}

/**
 * Whether `later`'s statements are `earlier`'s objects (moved with the text,
 * in place): every edit between them changed comments or white space only.
 * What was derived from `earlier`'s statements holds for `later`'s, offsets
 * included.
 */
export function sameStatements(earlier: SourceFile, later: SourceFile): boolean {
  const token = statementsOf.get(earlier);
  return token !== undefined && statementsOf.get(later) === token;
}
