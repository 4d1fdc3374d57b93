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

/** The first real token under `label` (the hot path: no intermediate array). */
export function token(node: CstNode, label: string): IToken | undefined {
  const elements = node.children[label];
  if (!elements) return undefined;
  for (const element of elements) {
    if (isToken(element) && isRealToken(element)) return element;
  }
  return undefined;
}

/** Whether `label` holds at least one real token. */
export function hasToken(node: CstNode, label: string): boolean {
  return token(node, label) !== undefined;
}

export function nodes(node: CstNode, label: string): CstNode[] {
  const elements = node.children[label];
  if (!elements) return [];
  return elements.filter((element): element is CstNode => !isToken(element));
}

export function child(node: CstNode, label: string): CstNode | undefined {
  const elements = node.children[label];
  if (!elements) return undefined;
  for (const element of elements) {
    if (!isToken(element)) return element;
  }
  return undefined;
}

/** The only child of a node that wraps one alternative (`topStatement`, `unitItem`), when it is a node. */
export function onlyChild(node: CstNode): CstNode | undefined {
  for (const label in node.children) {
    const first = node.children[label]![0];
    return first && !isToken(first) ? first : undefined;
  }
  return undefined;
}

/**
 * A span whose offsets are small integers. Chevrotain starts each CST node's
 * offsets at NaN, so they are kept as doubles; copied as they are, they made
 * every span of the process (one object shape for all `{ start, end }`) hold
 * two boxed numbers instead of two small integers: three objects a span, not
 * one. An offset is below 2^31 (no string is that long), so `| 0` keeps it.
 */
export function offsetSpan(start: number, end: number): Span {
  return { start: start | 0, end: end | 0 };
}

export function tokenSpan(tok: IToken): Span {
  return offsetSpan(tok.startOffset, (tok.endOffset ?? tok.startOffset) + 1);
}

/**
 * The span from the first to the last real token of a node, or `undefined`
 * for an empty node. The parser tracks node offsets as it goes (skipping
 * tokens inserted by error recovery, as this does); the walk is the fallback
 * for nodes built without that.
 */
export function nodeSpan(node: CstNode): Span | undefined {
  const location = node.location;
  if (location) {
    const { startOffset, endOffset } = location;
    return Number.isFinite(startOffset) && endOffset !== undefined && Number.isFinite(endOffset) ? offsetSpan(startOffset, endOffset + 1) : undefined;
  }
  let start = Infinity;
  let end = -Infinity;
  const visit = (current: CstNode) => {
    for (const label in current.children) {
      for (const element of current.children[label]!) {
        if (isToken(element)) {
          if (!isRealToken(element)) continue;
          start = Math.min(start, element.startOffset);
          end = Math.max(end, (element.endOffset ?? element.startOffset) + 1);
        } else visit(element);
      }
    }
  };
  visit(node);
  return Number.isFinite(start) ? offsetSpan(start, end) : undefined;
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
  const inner = raw.slice(1, -1);
  // Most strings have no escape: no regular expression run over them.
  const value = inner.includes("\\") ? inner.replace(/\\(.)/g, "$1") : inner;
  return { value, raw, span: tokenSpan(tok) };
}

export function optionalString(node: CstNode, label: string): StringValue | null {
  const tok = token(node, label);
  return tok ? stringValue(tok) : null;
}
