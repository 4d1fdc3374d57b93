// Shared checks for the formatter tests. They run prettier with the plugin
// directly (not `formatText`, which has its own token self-check) and compare
// texts with the project's lexer, independently of the formatter's code.
import * as prettier from "prettier";
import { tokenizeOrg } from "../../grammar/lexer.js";
import plugin from "../../src/format/plugin.js";
import { parseText } from "../../src/syntax/parse.js";

export async function format(text: string, printWidth?: number): Promise<string> {
  return prettier.format(text, {
    parser: "orgspec",
    plugins: [plugin],
    filepath: "test.org",
    ...(printWidth !== undefined ? { printWidth } : {}),
  });
}

/** A text with its first line break and the indentation of its lines removed (for template literals). */
export function dedent(text: string): string {
  const body = text.replace(/^\n/, "");
  const indents = body
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => /^ */.exec(line)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return body
    .split("\n")
    .map((line) => line.slice(cut))
    .join("\n")
    .replace(/[ \t]+$/, "");
}

export interface Element {
  /** Token or comment text, in the form the formatter may print it (see `canonical`). */
  readonly text: string;
  readonly comment: boolean;
  readonly start: number;
  readonly end: number;
  /** 1-based lines of the first and last character. */
  readonly line: number;
  readonly endLine: number;
}

/**
 * The documented canonical changes, undone for comparison: a string is
 * compared by its value (escapes that are not needed are dropped), a line
 * comment without trailing whitespace, a block comment with its whitespace
 * runs collapsed (`/** ... *\/` comments are re-indented).
 */
function canonical(image: string, type: string): string {
  if (type === "StringLiteral") return `string:${image.slice(1, -1).replace(/\\(.)/gs, "$1")}`;
  if (type === "LineComment") return image.trimEnd();
  if (type === "BlockComment") return image.replace(/\s+/g, " ");
  return image;
}

/** Every token and comment of a text, in order, from the project's lexer (comments group included). */
export function elements(text: string): Element[] {
  const lexed = tokenizeOrg(text);
  if (lexed.errors.length > 0) throw new Error(`lexing failed: ${lexed.errors[0]!.message}`);
  const all = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])].sort((x, y) => x.startOffset - y.startOffset);
  return all.map((token) => ({
    text: canonical(token.image, token.tokenType.name),
    comment: token.tokenType.name === "LineComment" || token.tokenType.name === "BlockComment",
    start: token.startOffset,
    end: token.endOffset! + 1,
    line: token.startLine!,
    endLine: token.endLine!,
  }));
}

export function tokenTexts(text: string): string[] {
  return elements(text).map((element) => element.text);
}

/**
 * Where each comment sits, relative to its neighbours: whether it follows code
 * on its line (a trailing comment governs its own line) and, for a comment
 * alone on its line, whether the next token or comment starts on the very next
 * line (it governs that line). Keyed by position in the element sequence, so
 * a comment that moved past a token shows up as a difference too.
 */
export function commentPlacement(text: string): string[] {
  const all = elements(text);
  const placements: string[] = [];
  all.forEach((element, i) => {
    if (!element.comment) return;
    const previous = all[i - 1];
    const next = all[i + 1];
    const afterCode = previous !== undefined && previous.endLine === element.line;
    const before = previous ? previous.text : "<start>";
    const after = next ? next.text : "<end>";
    let placement = `${i}: ${element.text} [after ${before}, before ${after}] ${afterCode ? "trailing" : "own-line"}`;
    if (!afterCode && next && next.line === element.endLine + 1) placement += DIRECTLY_ABOVE;
    placements.push(placement);
  });
  return placements;
}

const DIRECTLY_ABOVE = ", directly above next";

/** The own-line comments that were directly above the next element must still be; trailing comments stay trailing. */
export function assertCommentsKept(before: string, after: string): void {
  const was = commentPlacement(before);
  const now = commentPlacement(after);
  if (was.length !== now.length) throw new Error(`comment count changed: ${was.length} -> ${now.length}`);
  was.forEach((placement, i) => {
    const current = now[i]!;
    // A comment that was not directly above the next element may become so (a blank line before `}` is dropped).
    const comparable = placement.endsWith(DIRECTLY_ABOVE) ? current : current.replace(DIRECTLY_ABOVE, "");
    if (comparable !== placement) throw new Error(`comment moved:\n  before: ${placement}\n  after:  ${current}`);
  });
}

export function syntaxErrorCount(text: string): number {
  return parseText("test.org", text).diagnostics.filter((d) => d.code === "ORG001" && d.severity === "error").length;
}

/** Layout invariants every formatted file has. */
export function assertWellFormed(output: string): void {
  if (output === "") return;
  if (!output.endsWith("\n") || output.endsWith("\n\n")) throw new Error("output must end with exactly one newline");
  if (output.startsWith("\n")) throw new Error("output starts with a blank line");
  if (/\n\n\n/.test(output)) throw new Error("more than one blank line in a row");
  if (/[ \t]\n/.test(output)) throw new Error("trailing whitespace");
  if (/\t/.test(output.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"/g, ""))) throw new Error("tab outside comments and strings");
  if (/\r/.test(output)) throw new Error("carriage return in output");
}
