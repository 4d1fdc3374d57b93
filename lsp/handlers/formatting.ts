// Formatting through the prettier plugin (`formatText`): the whole document,
// or the top-level statements a range touches. A file with syntax errors is
// left as it is.
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from "vscode-languageserver";
import { formatText } from "../api.js";
import { toOffset, toRange, uriToPath } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { maxOf, minOf } from "../../src/util/arrays.js";

export async function formatDocument(workspace: Workspace, params: DocumentFormattingParams, log: (message: string) => void): Promise<TextEdit[]> {
  const path = uriToPath(params.textDocument.uri);
  const text = workspace.document(path)?.getText() ?? workspace.sourceFile(path)?.text;
  if (text === undefined) return [];
  const formatted = await tryFormat(text, path, log);
  if (formatted === null || formatted === text) return [];
  const document = workspace.document(path);
  const end = document ? document.positionAt(text.length) : { line: Number.MAX_SAFE_INTEGER, character: 0 };
  return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
}

export async function formatRange(workspace: Workspace, params: DocumentRangeFormattingParams, log: (message: string) => void): Promise<TextEdit[]> {
  const path = uriToPath(params.textDocument.uri);
  const file = workspace.parsedFile(path);
  if (!file) return [];
  const from = toOffset(file, params.range.start);
  const to = toOffset(file, params.range.end);
  const touched = [...file.ast.statements, ...file.ast.comments].filter((node) => node.span.start <= to && node.span.end >= from);
  if (touched.length === 0) return [];
  const start = file.lines.lineStart(file.lines.position(minOf(touched.map((node) => node.span.start))).line);
  const end = maxOf(touched.map((node) => node.span.end));
  const slice = file.text.slice(start, end);
  const formatted = await tryFormat(slice, path, log);
  if (formatted === null) return [];
  const newText = formatted.replace(/\r?\n$/, "");
  return newText === slice ? [] : [{ range: toRange(file, { start, end }), newText }];
}

async function tryFormat(text: string, path: string, log: (message: string) => void): Promise<string | null> {
  try {
    return await formatText(text, { filepath: path });
  } catch (error) {
    log(`orgspec: not formatted: ${(error as Error).message}`);
    return null;
  }
}
