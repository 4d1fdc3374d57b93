// Conversions between orgspec's offsets and the protocol's positions (both
// count UTF-16 code units), and between file paths and URIs.
import type { Position, Range } from "vscode-languageserver";
import { fileUrlToPath, pathToFileUrl } from "../src/util/file-url.js";
import type { SourceFile, Span } from "./api.js";

export function toPosition(file: SourceFile, offset: number): Position {
  const { line, column } = file.lines.position(offset);
  return { line: line - 1, character: column - 1 };
}

export function toRange(file: SourceFile, span: Span): Range {
  return { start: toPosition(file, span.start), end: toPosition(file, span.end) };
}

/** The offset of a position, clamped to its line (a column past the end is the line's end). */
export function toOffset(file: SourceFile, position: Position): number {
  const lines = file.lines;
  if (position.line >= lines.lineCount) return file.text.length;
  const line = Math.max(0, position.line) + 1;
  const length = lines.lineText(line).length;
  return lines.lineStart(line) + Math.max(0, Math.min(position.character, length));
}

const UNTITLED_ROOT = "/__orgspec_untitled__/";
/** Where documents of a virtual file system (`vscode-vfs://github/o/r/a.org` in vscode.dev) live, folders kept, so that their imports resolve. */
const VIRTUAL_ROOT = "/__orgspec_uri__/";
const HIERARCHICAL = /^([a-z][\w+.-]*):\/\/([^/?#]*)(\/[^?#]*)$/i;

/** The path orgspec uses for a document URI (`untitled:` documents get a stable made-up path). */
export function uriToPath(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return fileUrlToPath(uri);
    } catch {
      // fall through: a malformed file URI is treated like any other scheme
    }
  }
  const hierarchical = HIERARCHICAL.exec(uri);
  if (hierarchical) {
    try {
      const [, scheme, authority, path] = hierarchical;
      const segments = path!.split("/").map((segment) => decodeURIComponent(segment));
      if (!segments.some((segment) => segment.includes("/") || segment === "..")) return `${VIRTUAL_ROOT}${scheme}/${encodeURIComponent(authority!)}${segments.join("/")}`;
    } catch {
      // a malformed escape: treated as untitled
    }
  }
  return UNTITLED_ROOT + encodeURIComponent(uri);
}

export function pathToUri(path: string): string {
  if (path.startsWith(UNTITLED_ROOT)) return decodeURIComponent(path.slice(UNTITLED_ROOT.length));
  if (path.startsWith(VIRTUAL_ROOT)) {
    const [scheme, authority, ...segments] = path.slice(VIRTUAL_ROOT.length).split("/");
    return `${scheme}://${decodeURIComponent(authority ?? "")}/${segments.map(encodeURIComponent).join("/")}`;
  }
  return pathToFileUrl(path);
}

export function isOrgPath(path: string): boolean {
  return path.endsWith(".org") || path.startsWith(UNTITLED_ROOT);
}

export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/**
 * `value` (a request's answer) with `from` replaced by `to` wherever it is a
 * document's URI: `uri` and `targetUri` fields and the keys of a workspace
 * edit's `changes`. For an answer computed under another URI of the same file.
 */
export function withUri<T>(value: T, from: string, to: string): T {
  if (Array.isArray(value)) return (value.some((item) => typeof item === "object" && item !== null) ? value.map((item) => withUri(item, from, to)) : value) as T;
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if ((key === "uri" || key === "targetUri") && field === from) out[key] = to;
    else if (key === "changes" && typeof field === "object" && field !== null && !Array.isArray(field)) {
      out[key] = Object.fromEntries(Object.entries(field).map(([uri, edits]) => [uri === from ? to : uri, withUri(edits, from, to)]));
    } else out[key] = withUri(field, from, to);
  }
  return out as T;
}
