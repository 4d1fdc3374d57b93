// Stable identities for findings (Diagnostic.fingerprint): the code, the
// subject the rule names (`unit:mill3/month:2026-04`) and the facts in it,
// never a line, so a finding keeps its identity across reformatting and
// moved statements. A diagnostic without a subject (the language codes) is
// known by its file, relative to the entry's folder, and the text it
// anchors on. Equal identities within a program are told apart by order.
import type { Diagnostic } from "../diagnostics/types.js";
import type { Model } from "../model/types.js";
import { hash53 } from "../util/hash.js";

/** The path of `file` relative to the folder of `entry`, with `/` separators. */
function relativeToEntry(entry: string, file: string): string {
  const split = (path: string) => path.split(/[\\/]+/);
  const from = split(entry).slice(0, -1);
  const to = split(file);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The subject of a diagnostic: the rule's, else its file and the text it anchors on. */
export function subjectOf(model: Model, diagnostic: Diagnostic): string {
  if (diagnostic.subject) return diagnostic.subject;
  const file = model.files.find((candidate) => candidate.path === diagnostic.file);
  const text = file ? file.text.slice(diagnostic.span.start, diagnostic.span.end).replace(/\s+/g, " ").trim().slice(0, 200) : "";
  return `file:${relativeToEntry(model.entry, diagnostic.file)}/text:${text}`;
}

/** The diagnostics with their fingerprints, in the same order. */
export function withFingerprints(model: Model, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const identity = `${diagnostic.code}\0${subjectOf(model, diagnostic)}`;
    const ordinal = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, ordinal);
    return { ...diagnostic, fingerprint: hash53(ordinal === 1 ? identity : `${identity}\0${ordinal}`) };
  });
}
