// Builds the prettier Doc for one .org file from the formatter tree (see
// tree.ts). Layout decisions are documented, with examples, in
// docs/formatting.md; the rules in short:
//
// - Statements, unit items and block clauses are printed one per line
//   ("vertical lists"); the user's blank lines between them are kept
//   (collapsed to one), blank lines after `{` and before `}` are dropped, and a
//   unit declaration is always separated from its neighbours by a blank line.
// - Inside one statement, item or clause, tokens are separated by single
//   spaces; name lists (`a, b, c`) are filled to the print width with
//   continuation lines indented.
// - A block (`{ ... }`) with at most one clause and no comments is a group:
//   one line when it fits, the block form otherwise. A unit is a group only
//   when it holds a single property written on the line of its `{`
//   (`committee central "..." { level central }`); otherwise it is a block.
// - Comments are printed from the token stream in their original order: a
//   comment that followed code on its line stays on that line (and a construct
//   written on one line that is followed by a comment stays on one line, so
//   that `// expect:` annotations and `orgspec-waive` comments keep governing
//   the line they were written for); a comment that was alone on its line
//   stays alone on its line, directly above what followed it.
import { doc, type Doc } from "prettier";
import { BLOCK_CLAUSES } from "../../grammar/shape.js";
import { findBrace, type CommentTok, type OrgFormatRoot, type Tok, type TokRange } from "./tree.js";
import { pushAll } from "../util/arrays.js";

const { fill, group, hardline, indent, join, line, lineSuffix, literalline } = doc.builders;

type Element = Tok | CommentTok;

function isComment(element: Element): element is CommentTok {
  return element.kind === "line" || element.kind === "block";
}

/** Strings are printed double-quoted with only `\"` and `\\` escaped: `"a\b"` means `"ab"`, so it prints as `"ab"`. */
export function canonicalString(raw: string): string {
  const value = raw.slice(1, -1).replace(/\\(.)/gs, "$1");
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/**
 * A comment's Doc. Trailing whitespace is dropped. A block comment whose
 * continuation lines all start with `*` is re-indented (` * ...` under the
 * opening `/*`); any other multi-line block comment is kept verbatim.
 */
export function printCommentText(text: string, kind: "line" | "block"): Doc {
  if (kind === "line") return text.trimEnd();
  const lines = text.split("\n");
  if (lines.length === 1) return text;
  const rest = lines.slice(1);
  if (rest.every((part) => /^\s*\*/.test(part))) {
    return join(hardline, [lines[0]!.trimEnd(), ...rest.map((part) => " " + part.trim())]);
  }
  return join(literalline, lines.map((part) => part.trimEnd()));
}

/** Something printed on a line of its own in a vertical list. */
interface VerticalItem extends TokRange {
  /** `flat`: print on one line whatever the width (see `vertical`). */
  print(flat: boolean): Doc;
  /** Top level: a unit declaration, kept apart from its neighbours by a blank line. */
  readonly spaced?: boolean;
}

interface Entry {
  readonly doc: Doc;
  readonly start: number;
  readonly end: number;
  /** Index of the item for item entries; -1 for comment lines. */
  readonly item: number;
}

export class OrgDocPrinter {
  private readonly tokens: readonly Tok[];
  private readonly gaps: readonly CommentTok[][];
  private readonly text: string;

  constructor(root: OrgFormatRoot) {
    this.tokens = root.tokens;
    this.gaps = root.gaps;
    this.text = root.text;
  }

  printRoot(root: OrgFormatRoot): Doc {
    const items: VerticalItem[] = root.statements.map((statement) => ({
      a: statement.a,
      b: statement.b,
      spaced: statement.ast.type === "unit",
      print: (flat: boolean) => this.statement(statement, flat),
    }));
    const body = this.vertical(items, this.gaps[0]!, this.gaps[this.tokens.length]!, true);
    return body === "" ? "" : [body, hardline];
  }

  // ------------------------------------------------------------ constructs

  private statement(statement: OrgFormatRoot["statements"][number], flat: boolean): Doc {
    if (flat) return this.flat(statement.a, statement.b);
    if (statement.ast.type === "unit") {
      // A unit keeps the block form unless it is empty, or holds one property written on the line of its `{`.
      const only = statement.items.length === 1 ? statement.items[0]! : null;
      const canGroup =
        statement.items.length === 0 ||
        (only !== null &&
          only.ast.type !== "roster" &&
          only.ast.type !== "body" &&
          this.tokens[only.a]!.line === this.tokens[only.a - 1]!.endLine);
      const items: VerticalItem[] = statement.items.map((item) => ({
        a: item.a,
        b: item.b,
        print: (flatItem: boolean) =>
          flatItem ? this.flat(item.a, item.b) : item.ast.type === "body" ? this.blockConstruct(item) : this.line(item.a, item.b),
      }));
      return this.block(statement, items, canGroup);
    }
    if (findBrace(this.tokens, statement) >= 0) return this.blockConstruct(statement);
    return this.line(statement.a, statement.b);
  }

  /** A committee/executive block or an event with a `{ ... }` block: its clauses come from the tokens. */
  private blockConstruct(range: TokRange): Doc {
    const open = findBrace(this.tokens, range);
    const clauses = this.clauses(open + 1, range.b - 1).map((clause) => ({
      ...clause,
      print: (flat: boolean) => (flat ? this.flat(clause.a, clause.b) : this.line(clause.a, clause.b)),
    }));
    return this.block(range, clauses, clauses.length <= 1);
  }

  /**
   * Splits the tokens of a committee, executive, attendance or application
   * block into its clauses (`elected DATE`, `members LIST`, `present LIST`,
   * `recommended by LIST`, `youth league letter`): each clause's shape comes
   * from the grammar (BLOCK_CLAUSES), so a clause added there is read here.
   */
  private clauses(from: number, to: number): TokRange[] {
    const clauses: TokRange[] = [];
    let k = from;
    while (k < to) {
      const start = k;
      const word = this.tokens[k]!.image;
      const shape = BLOCK_CLAUSES.get(word);
      if (!shape) throw new Error(`the orgspec formatter does not know the block clause \`${word}\`; the file was not formatted`);
      for (const element of shape) k = element === "names" ? this.skipList(k) : k + 1;
      if (k > to) throw new Error(`the orgspec formatter misread a block clause at \`${word}\`; the file was not formatted`);
      clauses.push({ a: start, b: k });
    }
    return clauses;
  }

  private skipList(k: number): number {
    k++;
    while (k < this.tokens.length && this.tokens[k]!.kind === "comma") k += 2;
    return k;
  }

  /**
   * `HEAD { clauses }`. Without comments and with at most one clause (when
   * `canGroup`), one line if it fits; otherwise the block form, one clause per line.
   */
  private block(range: TokRange, items: VerticalItem[], canGroup: boolean): Doc {
    const open = findBrace(this.tokens, range);
    const close = range.b - 1;
    const head = this.line(range.a, open + 1);
    if (canGroup && !this.hasCommentsIn(range.a + 1, range.b)) {
      if (items.length === 0) return [head, "}"];
      return group([head, indent([line, items[0]!.print(false)]), line, "}"]);
    }
    const inside = this.gaps[open + 1]!;
    // An empty block holding block comments on the line of its braces: `{ /* none */ }`.
    if (
      items.length === 0 &&
      this.tokens[open]!.line === this.tokens[close]!.line &&
      inside.every((comment) => comment.kind === "block") &&
      !this.hasCommentsIn(range.a + 1, open + 1)
    ) {
      return [head, " ", this.commentRun(inside), " }"];
    }
    // Comments on the line of `{` stay after it.
    const afterOpen: CommentTok[] = [];
    let lastLine = this.tokens[open]!.endLine;
    let j = 0;
    for (; j < inside.length && inside[j]!.line === lastLine; j++) {
      afterOpen.push(inside[j]!);
      lastLine = inside[j]!.endLine;
    }
    const before = inside.slice(j);
    const body = this.vertical(items, before, items.length === 0 ? [] : this.gaps[close]!, false);
    const headDoc = afterOpen.length === 0 ? head : [head, " ", this.commentRun(afterOpen)];
    const rest: Doc = body === "" ? [afterOpen.length === 0 ? "" : hardline, "}"] : [indent([hardline, body]), hardline, "}"];
    // A comment on a line of its own in the head puts `{` on a continuation line: the block follows it there.
    return [headDoc, this.lineBreaks(range.a, open + 1) ? indent(rest) : rest];
  }

  /** Whether any comment lies between tokens `from - 1` and `to - 1`. */
  private hasCommentsIn(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.gaps[k]!.length > 0) return true;
    return false;
  }

  // ------------------------------------------------------------ vertical lists

  /**
   * Items one per line, with the comments around them. `before`: comments
   * before the first item; `after`: comments after the last one. Comments
   * between items come from the gaps.
   */
  private vertical(items: readonly VerticalItem[], before: readonly CommentTok[], after: readonly CommentTok[], top: boolean): Doc {
    const entries: Entry[] = [];
    let pending: readonly CommentTok[] = before;
    items.forEach((item, index) => {
      const first = this.tokens[item.a]!;
      const last = this.tokens[item.b - 1]!;
      const groups = this.commentLines(pending);
      // A comment that starts its own line but is followed by the item on that line stays in front of it.
      const prefix = groups.length > 0 && groups[groups.length - 1]!.at(-1)!.endLine === first.line ? groups.pop()! : [];
      for (const lineGroup of groups) entries.push(this.commentEntry(lineGroup));

      const gap = index + 1 < items.length ? this.gaps[items[index + 1]!.a]! : after;
      const trailing: CommentTok[] = [];
      let lastLine = last.endLine;
      let j = 0;
      for (; j < gap.length && gap[j]!.line === lastLine; j++) {
        trailing.push(gap[j]!);
        lastLine = gap[j]!.endLine;
      }
      pending = gap.slice(j);

      // Written on one line and followed by a comment: stays on one line, so the comment governs the same code.
      const flat = trailing.length > 0 && first.line === last.endLine;
      const parts: Doc[] = [];
      if (prefix.length > 0) parts.push(this.commentRun(prefix), " ");
      parts.push(item.print(flat));
      if (trailing.length > 0) parts.push(lineSuffix([" ", this.commentRun(trailing)]));
      entries.push({
        doc: parts,
        start: prefix[0]?.start ?? first.start,
        end: trailing.at(-1)?.end ?? last.end,
        item: index,
      });
    });
    for (const lineGroup of this.commentLines(pending)) entries.push(this.commentEntry(lineGroup));
    if (entries.length === 0) return "";

    // blank[i]: a blank line before entries[i].
    const blank = entries.map((entry, i) => i > 0 && this.blankBetween(entries[i - 1]!.end, entry.start));
    if (top) {
      let previous = -1;
      entries.forEach((entry, i) => {
        if (entry.item < 0) return;
        if (previous >= 0 && (items[entries[previous]!.item]!.spaced || items[entry.item]!.spaced)) {
          if (!blank.slice(previous + 1, i + 1).some(Boolean)) blank[previous + 1] = true;
        }
        previous = i;
      });
    }
    const parts: Doc[] = [];
    entries.forEach((entry, i) => {
      if (i > 0) parts.push(blank[i] ? [hardline, hardline] : hardline);
      parts.push(entry.doc);
    });
    return parts;
  }

  /** Groups comments that share a line (a comment starting where the previous one ends). */
  private commentLines(comments: readonly CommentTok[]): CommentTok[][] {
    const groups: CommentTok[][] = [];
    for (const comment of comments) {
      const current = groups[groups.length - 1];
      if (current && current[current.length - 1]!.endLine === comment.line) current.push(comment);
      else groups.push([comment]);
    }
    return groups;
  }

  private commentEntry(comments: readonly CommentTok[]): Entry {
    return { doc: this.commentRun(comments), start: comments[0]!.start, end: comments[comments.length - 1]!.end, item: -1 };
  }

  private commentRun(comments: readonly CommentTok[]): Doc {
    return join(
      " ",
      comments.map((comment) => this.comment(comment)),
    );
  }

  /** Every comment is printed through here, which marks it printed for prettier's check. */
  private comment(comment: CommentTok): Doc {
    comment.printed = true;
    return printCommentText(comment.text, comment.kind);
  }

  private blankBetween(end: number, start: number): boolean {
    let newlines = 0;
    for (let i = end; i < start; i++) {
      if (this.text.charCodeAt(i) === 10 && ++newlines >= 2) return true;
    }
    return false;
  }

  // ------------------------------------------------------------ one line

  /**
   * Tokens `[a, b)` and the comments between them, space-separated, with name
   * lists filled (a break is allowed after each comma) and continuation lines
   * indented. A line comment ends the line; a comment alone on its line keeps
   * a line of its own.
   */
  private line(a: number, b: number): Doc {
    const elements: Element[] = [];
    for (let k = a; k < b; k++) {
      if (k > a) pushAll(elements, this.gaps[k]!);
      elements.push(this.tokens[k]!);
    }
    // Code written on the line of a comment, before it, is never split from it:
    // the comment (an `orgspec-waive`, say) governs that line.
    const locked = new Array<boolean>(elements.length).fill(false);
    let lockLine = -1;
    for (let i = elements.length - 1; i >= 0; i--) {
      const element = elements[i]!;
      if (isComment(element)) lockLine = element.line;
      else if (element.line === lockLine && element.endLine === lockLine) locked[i] = true;
      else lockLine = -1;
    }

    const parts: Doc[] = [];
    let current: Doc[] = [];
    elements.forEach((element, i) => {
      if (i > 0) {
        let separator = this.separator(elements[i - 1]!, element);
        if (separator === line && locked[i - 1] && locked[i]) separator = " ";
        if (separator === " ") current.push(" ");
        else if (separator !== "") {
          parts.push(current, separator);
          current = [];
        }
      }
      current.push(this.elementDoc(element));
    });
    if (parts.length === 0) return current;
    parts.push(current);
    return indent(fill(parts));
  }

  /** Whether printing tokens `[a, b)` with `line` puts a line break between them (after or around a comment). */
  private lineBreaks(a: number, b: number): boolean {
    let previous: Element = this.tokens[a]!;
    for (let k = a + 1; k < b; k++) {
      for (const comment of this.gaps[k]!) {
        if (this.separator(previous, comment) === hardline) return true;
        previous = comment;
      }
      if (this.separator(previous, this.tokens[k]!) === hardline) return true;
      previous = this.tokens[k]!;
    }
    return false;
  }

  private separator(previous: Element, next: Element): Doc {
    if (previous.kind === "line") return hardline;
    if ((isComment(previous) || isComment(next)) && next.line > previous.endLine) return hardline;
    if (isComment(next)) return " ";
    if (next.kind === "comma") return "";
    if (previous.kind === "comma") return line;
    if (previous.kind === "lbrace" && next.kind === "rbrace") return "";
    return " ";
  }

  /** Tokens `[a, b)` and their comments on one line, whatever the width. */
  private flat(a: number, b: number): Doc {
    const parts: Doc[] = [];
    let previous: Element | null = null;
    const place = (element: Element): void => {
      if (previous) {
        if (previous.kind === "line") parts.push(hardline); // not reached: a flat construct was written on one line
        else if (element.kind === "comma") parts.push("");
        else if (previous.kind === "lbrace" && element.kind === "rbrace") parts.push("");
        else parts.push(" ");
      }
      parts.push(this.elementDoc(element));
      previous = element;
    };
    for (let k = a; k < b; k++) {
      if (k > a) for (const comment of this.gaps[k]!) place(comment);
      place(this.tokens[k]!);
    }
    return parts;
  }

  private elementDoc(element: Element): Doc {
    if (isComment(element)) return this.comment(element);
    return element.kind === "string" ? canonicalString(element.image) : element.image;
  }
}
