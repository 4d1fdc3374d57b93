// Text edits the rules' fixes are made of: a new line in a unit's body,
// indented like its neighbours, and the removal of a comment with its line
// when nothing else stands on it.
import type { Span, UnitDecl, UnitItem } from "../../ast/types.js";
import type { TextEdit } from "../../diagnostics/types.js";
import type { Model, SourceFile } from "../../model/types.js";

/** The source file of a path in the model (every diagnostic's file is one). */
export function sourceOf(model: Model, path: string): SourceFile | undefined {
  return model.files.find((file) => file.path === path);
}

function indentAt(file: SourceFile, offset: number): string {
  return /^[ \t]*/.exec(file.lines.lineText(file.lines.position(offset).line))![0];
}

/** The offset just before the line break of the line holding `offset`. */
function lineEnd(file: SourceFile, offset: number): number {
  const line = file.lines.position(offset).line;
  return file.lines.lineStart(line) + file.lines.lineText(line).length;
}

/** A new line `text` in a unit's body: after `after`'s line, or first in the body. */
export function insertInUnit(file: SourceFile, unit: UnitDecl, after: UnitItem | null, text: string): TextEdit {
  const first = unit.items[0];
  const indent = first ? indentAt(file, first.span.start) : `${indentAt(file, unit.span.start)}  `;
  const at = after ? lineEnd(file, after.span.end) : file.text.indexOf("{", unit.id.span.end) + 1;
  return { file: file.path, span: { start: at, end: at }, newText: `\n${indent}${text}` };
}

/** Removes a comment (its span): its whole line when it stands alone there, else the comment and the space before it. */
export function removeComment(file: SourceFile, comment: { readonly span: Span }): TextEdit {
  const line = file.lines.position(comment.span.start).line;
  const start = file.lines.lineStart(line);
  const text = file.lines.lineText(line);
  const before = file.text.slice(start, comment.span.start);
  const after = file.text.slice(comment.span.end, start + text.length);
  if (before.trim() === "" && after.trim() === "") {
    const next = file.lines.lineStart(line + 1);
    return { file: file.path, span: { start, end: Math.max(next, start + text.length) }, newText: "" };
  }
  const spaceBefore = before.length - before.trimEnd().length;
  return { file: file.path, span: { start: comment.span.start - spaceBefore, end: comment.span.end }, newText: "" };
}
