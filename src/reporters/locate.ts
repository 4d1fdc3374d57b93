// Turns spans into 1-based line/column ranges for reporters, reading each file
// once through the check's own source files.
import { relative } from "../util/paths.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ProgramResult } from "../check/check.js";
import type { SourceFile } from "../model/types.js";
import type { LineColumn } from "../util/text.js";

export interface LineRange {
  readonly start: LineColumn;
  readonly end: LineColumn;
}

export class SourceLookup {
  private readonly files = new Map<string, SourceFile>();

  constructor(programs: readonly ProgramResult[]) {
    for (const program of programs) for (const file of program.model.files) this.files.set(file.path, file);
  }

  file(path: string): SourceFile | undefined {
    return this.files.get(path);
  }

  range(path: string, span: Diagnostic["span"]): LineRange {
    const file = this.files.get(path);
    if (!file) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    return { start: file.lines.position(span.start), end: file.lines.position(span.end) };
  }
}

// Terminal controls (C0 but tab, DEL, C1) and the bidirectional overrides
// that can make a line read as something else ("Trojan Source").
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a spec made safe to print on a terminal: each control character
 * but tab becomes an escape, `\x1b` for ESC, `\u202e` for RIGHT-TO-LEFT OVERRIDE.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** `printable` line by line: the line breaks are kept. */
export function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

/** Messages longer than this are shortened in the middle for the terminal (a name thousands of characters long, say). */
export const MAX_MESSAGE_LENGTH = 1000;

/** `text`, or its start and end around an ellipsis when it is longer than `max`. */
export function clipMiddle(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}

/** A path as the user should see it: relative to the working directory, with `/`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  // Another drive (Windows) has no relative path: keep it absolute.
  return (rel === "" || /^[A-Za-z]:/.test(rel) ? path : rel).split("\\").join("/");
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): Counts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") counts.errors++;
    else if (diagnostic.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** `3 errors, 1 warning in 2 files (4 files checked, 1 waived, 2 baselined)` (the files that have diagnostics). */
export function summaryLine(diagnostics: readonly Diagnostic[], checkedFiles: number, waived: number, baselined = 0): string {
  const counts = countSeverities(diagnostics);
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.file)).size;
  const parts = [plural(counts.errors, "error"), plural(counts.warnings, "warning")];
  if (counts.infos > 0) parts.push(plural(counts.infos, "info"));
  const where = diagnostics.length > 0 ? ` in ${plural(files, "file")}` : "";
  const checked = ` (${plural(checkedFiles, "file")} checked${waived > 0 ? `, ${waived} waived` : ""}${baselined > 0 ? `, ${baselined} baselined` : ""})`;
  return `${parts.join(", ")}${where}${checked}`;
}
