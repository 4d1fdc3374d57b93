// Applying the fixes rules declare (`Diagnostic.fixes`): for `orgspec check
// --fix` and the tests. Each diagnostic contributes its first fix of an
// allowed safety; a fix whose edits overlap one already chosen waits for the
// next run (the report says how many), so no edit is ever applied to text
// another edit changed.
import { createTwoFilesPatch } from "diff";
import type { Diagnostic, Fix, TextEdit } from "../diagnostics/types.js";

export interface FixOptions {
  /** Apply `unsafe` fixes too (`--unsafe-fixes`). */
  readonly unsafe?: boolean;
}

export interface FileFix {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly fixes: readonly Fix[];
}

export interface FixPlan {
  /** The files that change, with their text before and after. */
  readonly files: readonly FileFix[];
  /** Fixes left for another run because they overlapped a chosen one. */
  readonly deferred: number;
  /** Diagnostics with fixes of a safety not allowed (unsafe ones without `unsafe`). */
  readonly unsafeOnly: number;
}

/** Chooses and applies the fixes of `diagnostics` to the texts `textOf` gives. */
export function planFixes(diagnostics: readonly Diagnostic[], textOf: (file: string) => string | undefined, options: FixOptions = {}): FixPlan {
  const chosen = new Map<string, { edits: TextEdit[]; fixes: Fix[] }>();
  let deferred = 0;
  let unsafeOnly = 0;
  for (const diagnostic of diagnostics) {
    const offered = diagnostic.fixes ?? [];
    const fix = offered.find((candidate) => candidate.safety === "safe" || options.unsafe);
    if (!fix) {
      if (offered.length > 0) unsafeOnly++;
      continue;
    }
    const overlaps = fix.edits.some((edit) => (chosen.get(edit.file)?.edits ?? []).some((other) => overlap(edit, other)));
    if (overlaps) {
      deferred++;
      continue;
    }
    for (const edit of fix.edits) {
      const entry = chosen.get(edit.file) ?? { edits: [], fixes: [] };
      entry.edits.push(edit);
      if (!entry.fixes.includes(fix)) entry.fixes.push(fix);
      chosen.set(edit.file, entry);
    }
  }
  const files: FileFix[] = [];
  for (const [file, { edits, fixes }] of [...chosen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = textOf(file);
    if (before === undefined) continue;
    files.push({ file, before, after: applyEdits(before, edits), fixes });
  }
  return { files, deferred, unsafeOnly };
}

/** Two edits touch the same text (two insertions at one point count: their order would be a guess). */
function overlap(a: TextEdit, b: TextEdit): boolean {
  return a.span.start < b.span.end && b.span.start < a.span.end || a.span.start === b.span.start;
}

/** The text with non-overlapping edits applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** A unified diff of one file's fix, headed with the path shown (`--fix-dry-run`). */
export function fixDiff(fix: FileFix, shown: string): string {
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, fix.before, fix.after, "", "", { context: 2 }).replace(/^={3,}\n/m, "");
}
