// Questions about a resolved model that the features ask: which name is at
// an offset, where a symbol is declared, and every use of a symbol across the
// programs that share a file. Built on `model.references` (every use of a
// name, declarations included) and the AST's spans.
import type { Model, NamedSymbol, Person, Reference, Span } from "./api.js";
import { spanContains } from "./positions.js";

export interface SymbolLocation {
  readonly file: string;
  readonly span: Span;
}

const BY_FILE = new WeakMap<Model, Map<string, Reference[]>>();

/** The model's references in one file, sorted by offset. */
export function referencesIn(model: Model, path: string): readonly Reference[] {
  let index = BY_FILE.get(model);
  if (!index) {
    index = new Map();
    for (const reference of model.references) {
      const list = index.get(reference.file);
      if (list) list.push(reference);
      else index.set(reference.file, [reference]);
    }
    for (const [file, list] of index) index.set(file, byStart(list));
    BY_FILE.set(model, index);
  }
  return index.get(path) ?? [];
}

/** Index bits of a sort key: `start * 2^21 + index` is exact in a double for offsets below 2^31. */
const INDEX_BITS = 2 ** 21;

/** Past this many ascending runs, merging them costs more than sorting by keys. */
const MAX_RUNS = 16;

/**
 * The references sorted by offset, those at one offset in their order. Each
 * start is read once into a typed array (the references are fresh objects
 * per model: reading their spans is most of the cost). The resolver makes a
 * file's references in a few passes over it in source order (3 ascending
 * runs in a 20,021-line file), so the runs are merged; with more, the
 * numeric keys (offset, then position in the list) are sorted natively, which
 * is several times faster than a comparator sorting the objects (the same
 * 19,182 references: 8.3 → 3.2 ms). This runs once per model, so once per
 * edit.
 */
function byStart(list: Reference[]): Reference[] {
  const starts = new Float64Array(list.length);
  const runStarts = [0];
  for (let i = 0; i < list.length; i++) {
    starts[i] = list[i]!.span.start;
    if (i > 0 && starts[i]! < starts[i - 1]!) runStarts.push(i);
  }
  if (runStarts.length === 1) return list;
  const order = runStarts.length <= MAX_RUNS ? mergedRuns(starts, runStarts) : sortedByKeys(starts);
  if (!order) return [...list].sort((a, b) => a.span.start - b.span.start);
  const sorted = new Array<Reference>(list.length);
  for (let i = 0; i < order.length; i++) sorted[i] = list[order[i]!]!;
  return sorted;
}

/** The positions `0 … starts.length - 1` by start, then position; null when a start or the count is too large for the keys. */
function sortedByKeys(starts: Float64Array): Float64Array | null {
  if (starts.length >= INDEX_BITS) return null;
  const keys = new Float64Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    if (starts[i]! >= 2 ** 31) return null;
    keys[i] = starts[i]! * INDEX_BITS + i;
  }
  keys.sort();
  for (let i = 0; i < keys.length; i++) keys[i] = keys[i]! % INDEX_BITS;
  return keys;
}

/** The positions by start, from the ascending runs beginning at `runStarts`, merged run by neighbouring run (stable: on a tie the earlier run's goes first). */
function mergedRuns(starts: Float64Array, runStarts: readonly number[]): Int32Array {
  let from = new Int32Array(starts.length).map((_, i) => i);
  let to = new Int32Array(starts.length);
  let bounds = [...runStarts, starts.length];
  while (bounds.length > 2) {
    const next = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const low = bounds[r]!;
      const middle = bounds[r + 1]!;
      const high = bounds[r + 2] ?? middle;
      let i = low;
      let j = middle;
      let k = low;
      while (i < middle && j < high) to[k++] = starts[from[j]!]! < starts[from[i]!]! ? from[j++]! : from[i++]!;
      while (i < middle) to[k++] = from[i++]!;
      while (j < high) to[k++] = from[j++]!;
      next.push(high);
    }
    [from, to] = [to, from];
    bounds = next;
  }
  return from;
}

/** The resolved name at `offset` in `path` (touching either end counts). */
export function referenceAt(model: Model, path: string, offset: number): Reference | undefined {
  const list = referencesIn(model, path);
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const reference = list[mid]!;
    if (reference.span.end < offset) low = mid + 1;
    else if (reference.span.start > offset) high = mid - 1;
    else return reference;
  }
  return list.find((reference) => spanContains(reference.span, offset));
}

/** Where a symbol is declared: a unit's or residence's ID; a person's roster entries, else `person`, else applications. */
export function declarationsOf(symbol: NamedSymbol): SymbolLocation[] {
  if (symbol.kind !== "person") return [{ file: symbol.file, span: symbol.decl.id.span }];
  return personDeclarations(symbol).map((declaration) => ({ file: declaration.file, span: declaration.id.span }));
}

function personDeclarations(person: Person): Person["declarations"] {
  for (const kind of ["roster", "person", "application"] as const) {
    const found = person.declarations.filter((declaration) => declaration.kind === kind);
    if (found.length > 0) return found;
  }
  return person.declarations;
}

/** Every place a symbol is introduced (for references without declarations, and rename). */
export function allDeclarations(symbol: NamedSymbol): SymbolLocation[] {
  if (symbol.kind !== "person") return declarationsOf(symbol);
  return symbol.declarations.map((declaration) => ({ file: declaration.file, span: declaration.id.span }));
}

function locationKey(location: SymbolLocation): string {
  return `${location.file}\0${location.span.start}`;
}

/**
 * Whether two symbols of different programs are the same thing: one kind, one
 * ID, and at least one declaration in common (a shared committees file, say).
 */
export function sameSymbol(a: NamedSymbol, b: NamedSymbol): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.id !== b.id) return false;
  const keys = new Set(allDeclarations(a).map(locationKey));
  return allDeclarations(b).some((location) => keys.has(locationKey(location)));
}

/** Every use of `symbol` (declarations included) over the given programs, once each, in file order. */
export function referencesTo(symbol: NamedSymbol, programs: readonly { readonly model: Model }[]): Reference[] {
  const found = new Map<string, Reference>();
  for (const program of programs) {
    const local = program.model.symbols.get(symbol.id);
    if (!local || !sameSymbol(local, symbol)) continue;
    for (const reference of program.model.references) {
      if (reference.symbol !== local) continue;
      const key = locationKey(reference);
      if (!found.has(key)) found.set(key, reference);
    }
  }
  return [...found.values()].sort((a, b) => (a.file === b.file ? a.span.start - b.span.start : a.file < b.file ? -1 : 1));
}

/** Whether one of the places `symbol` is introduced (`allDeclarations`) starts at `start` in `file`. */
export function declaredAt(symbol: NamedSymbol, file: string, start: number): boolean {
  if (symbol.kind !== "person") return symbol.file === file && symbol.decl.id.span.start === start;
  return symbol.declarations.some((declaration) => declaration.file === file && declaration.id.span.start === start);
}

/** Whether a reference is one of its symbol's declarations. */
export function isDeclaration(reference: Reference): boolean {
  return declaredAt(reference.symbol, reference.file, reference.span.start);
}
