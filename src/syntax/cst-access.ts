// Small typed accessors over Chevrotain's CST dictionaries. A token inserted by
// error recovery has no position and counts as missing.
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { DateValue, Identifier, Span, StringValue } from "../ast/types.js";
import { parseDay } from "../util/dates.js";

function isToken(element: CstElement): element is IToken {
  return (element as IToken).image !== undefined;
}

function isRealToken(token: IToken): boolean {
  return !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

export function tokens(node: CstNode, label: string): IToken[] {
  const elements = node.children[label];
  if (!elements) return [];
  return elements.filter((element): element is IToken => isToken(element) && isRealToken(element));
}

export function token(node: CstNode, label: string): IToken | undefined {
  return tokens(node, label)[0];
}

export function nodes(node: CstNode, label: string): CstNode[] {
  const elements = node.children[label];
  if (!elements) return [];
  return elements.filter((element): element is CstNode => !isToken(element));
}

export function child(node: CstNode, label: string): CstNode | undefined {
  return nodes(node, label)[0];
}

export function tokenSpan(tok: IToken): Span {
  return { start: tok.startOffset, end: (tok.endOffset ?? tok.startOffset) + 1 };
}

/** The span from the first to the last real token of a node, or `undefined` for an empty node. */
export function nodeSpan(node: CstNode): Span | undefined {
  let start = Infinity;
  let end = -Infinity;
  const visit = (current: CstNode) => {
    for (const elements of Object.values(current.children)) {
      for (const element of elements) {
        if (isToken(element)) {
          if (!isRealToken(element)) continue;
          start = Math.min(start, element.startOffset);
          end = Math.max(end, (element.endOffset ?? element.startOffset) + 1);
        } else visit(element);
      }
    }
  };
  visit(node);
  return Number.isFinite(start) ? { start, end } : undefined;
}

export function identifier(tok: IToken): Identifier {
  return { name: tok.image, span: tokenSpan(tok) };
}

export function optionalIdentifier(node: CstNode, label: string): Identifier | null {
  const tok = token(node, label);
  return tok ? identifier(tok) : null;
}

export function dateValue(tok: IToken): DateValue {
  return { text: tok.image, day: parseDay(tok.image), span: tokenSpan(tok) };
}

/** A placeholder for a date that error recovery left out: unknown, so rules skip it. */
export function missingDate(at: number): DateValue {
  return { text: "", day: null, span: { start: at, end: at } };
}

export function stringValue(tok: IToken): StringValue {
  const raw = tok.image;
  const value = raw.slice(1, -1).replace(/\\(.)/g, "$1");
  return { value, raw, span: tokenSpan(tok) };
}

export function optionalString(node: CstNode, label: string): StringValue | null {
  const tok = token(node, label);
  return tok ? stringValue(tok) : null;
}
