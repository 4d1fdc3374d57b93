// When a model resolved from one version of a program's files holds for
// another: the language server keeps it after an edit in a comment or in
// white space instead of resolving the whole program again.
//
// The resolver (./resolve.ts) reads the files' statements and, from their
// text, only two things: the first line of an entry without a `period` (where
// ORG008 goes) and the lines of syntax errors (whose units' timelines become
// doubtful). So when every changed file kept its statement objects (moved
// with the text: src/program/kept-nodes.ts), has no syntax diagnostics before
// or after, the program has a period, and loading it found the same files in
// the same order with no import problem, resolving again would give the same
// model: the same objects, with the same spans, since the spans it holds are
// the statements' own and were moved in place.
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import { sameStatements } from "../program/kept-nodes.js";
import type { LoadedProgram } from "../program/load.js";
import type { Model } from "./types.js";

/** `previous` over the files of `program`, when resolving `program` would give it again; otherwise `null`. */
export function modelStillValid(previous: Model, program: LoadedProgram): Model | null {
  if (previous.period === null || program.diagnostics.length > 0) return null;
  if (previous.diagnostics.some((diagnostic) => diagnostic.code === LANGUAGE_CODES.import.code)) return null;
  if (program.files.length !== previous.files.length) return null;
  let changed = false;
  for (let i = 0; i < program.files.length; i++) {
    const now = program.files[i]!;
    const before = previous.files[i]!;
    if (now === before) continue;
    if (now.path !== before.path || !sameStatements(before, now)) return null;
    if (now.syntaxDiagnostics.length > 0 || before.syntaxDiagnostics.length > 0) return null;
    changed = true;
  }
  return changed ? { ...previous, files: program.files } : previous;
}
