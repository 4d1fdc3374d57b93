// Where the cursor is, for completion, as the grammar sees it. The tokens of
// the statement before the cursor (only the current item of a block, after
// the heads of the blocks it is in) go to Chevrotain's content assist on the
// real parser, which answers with the tokens that may come next, each with
// the rules it is in. Keywords are those token types (with the keywords
// written together with them, `committee meeting`); a name position is
// named by its rule and label (`reviewEvent.unit`, `nameProperty.value`),
// which says what kind of name goes there. Works on unfinished text and
// never throws.
import { createTokenInstance, type CstNode, type ISyntacticContentAssistPath, type IToken, type TokenType } from "chevrotain";
import {
  Comma,
  DateLiteral,
  Identifier,
  IntegerLiteral,
  isKeywordToken,
  keywordType,
  keywordWord,
  Kw,
  LCurly,
  Name,
  RCurly,
  StringLiteral,
} from "../grammar/lexer.js";
import { getOrgParser } from "../grammar/parser.js";
import { grammarTerminal, phraseText, subruleLabel } from "../grammar/shape.js";
import { token as cstToken } from "../src/syntax/cst-access.js";
import { firstStartingAtOrAfter, tokenize, type QueryToken, type UnitKind } from "./api.js";
import { itemTakenBy, nameSite, type NameFacts, type Site } from "./sites.js";

export type { Site, UnitFilter, UnitHeader } from "./sites.js";

export interface CompletionContext {
  /** What may be completed at the cursor, in the grammar's order (usually one site). */
  readonly sites: readonly Site[];
  /** The text the completion replaces: the word being typed (empty at the cursor). */
  readonly replace: { readonly start: number; readonly end: number };
}

const NOTHING: readonly Site[] = [];

/** How many item starts of one block are tried, latest first, before giving up (each is a small content assist). */
const MAX_TRIES = 8;

export function completionContext(text: string, tokens: readonly QueryToken[], offset: number): CompletionContext {
  const index = firstTokenAfter(tokens, offset);
  const here = index > 0 && tokens[index - 1]!.end >= offset ? tokens[index - 1] : undefined;
  let replace = { start: offset, end: offset };
  // Nothing is offered in a date, a number or a character the lexer rejects (`/` of a comment being typed).
  if (here && here.kind === "invalid") return { sites: NOTHING, replace };
  if (here && (here.kind === "comment" || here.kind === "date" || here.kind === "integer")) {
    if (here.kind !== "comment" || offset < here.end || here.text.startsWith("//")) return { sites: NOTHING, replace };
  }
  if (here && here.kind === "string") {
    // A terminated string is replaced whole, quotes included, wherever the cursor is in it; an
    // unterminated one runs to the end of its line, so only what was typed up to the cursor.
    const replaced = { start: here.start, end: here.unterminated ? offset : here.end };
    const sites = sitesAt(text, tokens, index - 1, replaced.start).flatMap((site): Site[] => (site.type === "import" ? [{ type: "import", string: replaced }] : []));
    return { sites, replace: replaced };
  }
  let end = index;
  if (here && (here.kind === "identifier" || here.kind === "keyword")) {
    replace = { start: here.start, end: here.end };
    end = index - 1;
  }
  const sites = sitesAt(text, tokens, end, replace.start);
  return { sites: here && end < index ? sites.map((site) => withPhraseEnds(site, text, tokens, index)) : sites, replace };
}

/** A keyword site with the end of each phrase whose later words follow the replaced word on its line (`tokens[next]` on). */
function withPhraseEnds(site: Site, text: string, tokens: readonly QueryToken[], next: number): Site {
  if (site.type !== "keywords") return site;
  const ends: Record<string, number> = {};
  for (const phrase of site.words) {
    const words = phrase.split(" ");
    let at = tokens[next - 1]!.end;
    for (let w = 1, k = next; w < words.length && k < tokens.length; w++, k++) {
      const token = tokens[k]!;
      if (token.text !== words[w] || hasLineBreak(text, at, token.start)) break;
      at = token.end;
    }
    if (at !== tokens[next - 1]!.end) ends[phrase] = at;
  }
  return Object.keys(ends).length > 0 ? { ...site, ends } : site;
}

/** The index of the first token that starts at or after `offset` (tokens are sorted and do not overlap). */
function firstTokenAfter(tokens: readonly QueryToken[], offset: number): number {
  return firstStartingAtOrAfter(tokens, offset);
}

/** What the parser sees: no comments, no characters the lexer rejected, no string missing its quote. */
function isCode(token: QueryToken): boolean {
  return token.kind !== "comment" && token.kind !== "invalid" && token.unterminated !== true;
}

function previousCode(tokens: readonly QueryToken[], i: number): QueryToken | undefined {
  for (let k = i - 1; k >= 0; k--) if (isCode(tokens[k]!)) return tokens[k];
  return undefined;
}

/**
 * `on` and `every` are keywords only where they start a statement (the
 * lexer decides: `on` before a date, `every` before an interval), so they
 * start one wherever they are, even in a block left open: the parser's
 * recovery closes it there too. `critique every 2 days` is a unit's cadence.
 */
function startsStatement(tokens: readonly QueryToken[], i: number): boolean {
  const token = tokens[i]!;
  if (token.kind !== "keyword") return false;
  if (token.text === "on") return true;
  return token.text === "every" && previousCode(tokens, i)?.text !== "critique";
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (char === 10 || char === 13) return true;
  }
  return false;
}

/** Whether only spaces and tabs stand between the start of the line and `offset`. */
function atLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const char = text.charCodeAt(i);
    if (char === 10 || char === 13) return true;
    if (char !== 32 && char !== 9) return false;
  }
  return true;
}

/** One `{ … }` level around the cursor (the top level has no brace): where its items may start. */
interface Level {
  /** The index of its `{`; -1 at the top level. */
  readonly open: number;
  /** Token indices where an item (a statement at the top level) may start, latest last. */
  readonly starts: number[];
}

const CHECKPOINTS = new WeakMap<readonly QueryToken[], Int32Array>();

/**
 * Where a scan of the tokens may begin at the top level as if it had begun at
 * the start of the file: after a `}` that closes the last open block, and at
 * every `on` or `every` that starts a statement. Found once per token array
 * (the workspace lexes each version once), so that completion looks back no
 * further than the current statement whatever the size of the file.
 */
function checkpoints(tokens: readonly QueryToken[]): Int32Array {
  let found = CHECKPOINTS.get(tokens);
  if (found) return found;
  const list: number[] = [0];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isCode(token)) continue;
    if (startsStatement(tokens, i)) {
      depth = 0;
      list.push(i);
    } else if (token.kind === "lcurly") depth++;
    else if (token.kind === "rcurly") {
      if (depth > 0) depth--;
      if (depth === 0) list.push(i + 1);
    }
  }
  found = Int32Array.from(list);
  CHECKPOINTS.set(tokens, found);
  return found;
}

/** The last checkpoint before `end` (a token index). */
function lastCheckpoint(tokens: readonly QueryToken[], end: number): number {
  const list = checkpoints(tokens);
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (list[mid]! < end) low = mid;
    else high = mid - 1;
  }
  return list[low]!;
}

/**
 * The blocks the cursor is in and where their items may start, from the
 * tokens before `end`: an item starts after `{` or `}`, and on a new line
 * unless the previous line ended with a comma (a list goes on); a statement
 * starts wherever `on` or `every` is a keyword. Which start is the real one
 * is left to the grammar (`sitesAt` tries them, latest first).
 */
function levelsBefore(text: string, tokens: readonly QueryToken[], end: number): { levels: Level[]; itemStart: boolean; previous: QueryToken | undefined } {
  const first = lastCheckpoint(tokens, end);
  let levels: Level[] = [{ open: -1, starts: [] }];
  let pending = true;
  let previous: QueryToken | undefined;
  const mark = (level: Level, i: number) => {
    level.starts.push(i);
    if (level.starts.length > MAX_TRIES) level.starts.shift();
  };
  for (let i = first; i < end; i++) {
    const token = tokens[i]!;
    if (!isCode(token)) continue;
    if (startsStatement(tokens, i)) levels = [{ open: -1, starts: [i] }];
    else if (pending || (previous !== undefined && previous.kind !== "comma" && hasLineBreak(text, previous.end, token.start))) mark(levels.at(-1)!, i);
    pending = false;
    if (token.kind === "lcurly") {
      levels.push({ open: i, starts: [] });
      pending = true;
    } else if (token.kind === "rcurly") {
      if (levels.length > 1) levels.pop();
      pending = true;
    }
    previous = token;
  }
  return { levels, itemStart: pending, previous };
}

const TOKEN_TYPES: Partial<Record<QueryToken["kind"], TokenType>> = {
  identifier: Identifier,
  date: DateLiteral,
  integer: IntegerLiteral,
  string: StringLiteral,
  lcurly: LCurly,
  rcurly: RCurly,
  comma: Comma,
};

function parserToken(token: QueryToken, type: TokenType): IToken {
  return createTokenInstance(type, token.text, token.start, token.end - 1, Number.NaN, Number.NaN, Number.NaN, Number.NaN);
}

/**
 * The parser's tokens for `tokens[from, to)`, comments and the like left out.
 * Commas separate only the names of a list (`nameList`), and the names in the
 * middle of one change nothing that may follow, so they are left out too:
 * `present a, b, c, d` is read as `present a, d`, and a list of hundreds of
 * names costs the content assist no more than one of two.
 */
function parserTokens(tokens: readonly QueryToken[], from: number, to: number): IToken[] {
  const result: IToken[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (!isCode(token)) continue;
    const type = token.kind === "keyword" ? keywordType(token.text) : TOKEN_TYPES[token.kind];
    if (!type) continue;
    // `…, NAME` followed by this comma: the list goes on, so that name and its comma are dropped.
    if (type === Comma && result.at(-2)?.tokenType === Comma) result.length -= 2;
    result.push(parserToken(token, type));
  }
  return result;
}

/**
 * The content assist of a statement's tokens. A last `on` or `every` is a
 * name to the lexer (nothing follows it yet); what is typed next may make it
 * a keyword, so it is tried as one first.
 */
function assist(input: IToken[]): ISyntacticContentAssistPath[] {
  const last = input.at(-1);
  if (last && last.tokenType === Identifier && (last.image === "on" || last.image === "every")) {
    const keyword = last.image === "on" ? Kw.on : Kw.every;
    const asKeyword = getOrgParser().computeContentAssist("topStatement", [...input.slice(0, -1), { ...last, tokenType: keyword, tokenTypeIdx: keyword.tokenTypeIdx! }]);
    if (asKeyword.length > 0) return asKeyword;
  }
  return getOrgParser().computeContentAssist("topStatement", input);
}

const pathKey = (path: ISyntacticContentAssistPath) => `${path.nextTokenType.name}#${path.nextTokenOccurrence}@${path.ruleStack.join(">")}/${path.occurrenceStack.join(",")}`;

/**
 * The sites at the cursor, from the tokens before `end` (`replaceStart`: the
 * start of the word being typed). The heads of the open blocks (`cell x "X" {`,
 * `committee {`) and the current item are fed to the content assist: earlier
 * items do not change what may follow, and leaving them out keeps the input
 * small (content assist costs about 10 µs a token).
 */
function sitesAt(text: string, tokens: readonly QueryToken[], end: number, replaceStart: number): Site[] {
  const { levels, itemStart: afterBrace, previous } = levelsBefore(text, tokens, end);
  const itemStart = afterBrace || (atLineStart(text, replaceStart) && previous?.kind !== "comma");
  let heads: IToken[] = [];
  let headPaths: ISyntacticContentAssistPath[] = [];
  for (let d = 0; d + 1 < levels.length; d++) {
    const open = levels[d + 1]!.open;
    const starts = levels[d]!.starts;
    let found = false;
    for (let s = starts.length - 1; s >= 0 && !found; s--) {
      const candidate = [...heads, ...parserTokens(tokens, starts[s]!, open + 1)];
      const paths = assist(candidate);
      if (paths.length > 0) [heads, headPaths, found] = [candidate, paths, true];
    }
    if (!found) return [];
  }
  if (levels.length === 1) headPaths = assist([]);
  if (itemStart) return sitesOf(headPaths, heads, [], levels, tokens, true);
  const starts = levels.at(-1)!.starts;
  for (let s = starts.length - 1; s >= 0; s--) {
    const item = parserTokens(tokens, starts[s]!, end);
    const input = [...heads, ...item];
    const paths = assist(input);
    if (paths.length === 0) continue;
    // In a block, what would start a new item (or close the block) is not offered in the middle of an item.
    const fresh = new Set(levels.length > 1 ? headPaths.map(pathKey) : []);
    return sitesOf(paths.filter((path) => !fresh.has(pathKey(path))), input, item, levels, tokens, false);
  }
  return [];
}

let parsed: { input: IToken[]; cst: CstNode } | null = null;

/** The CST of a statement's tokens (the parse stops, recovered, where the input does), once per input. */
function cstOf(input: IToken[]): CstNode {
  if (parsed?.input !== input) {
    const parser = getOrgParser();
    parser.input = input;
    parsed = { input, cst: parser.file() };
  }
  return parsed.cst;
}

/** The CST node of each rule on a content-assist path. */
function nodesAlong(input: IToken[], path: ISyntacticContentAssistPath): Map<string, CstNode> {
  let node: CstNode | undefined = cstOf(input);
  const found = new Map<string, CstNode>();
  path.ruleStack.forEach((rule, i) => {
    if (!node) return;
    const key = i === 0 ? rule : (subruleLabel(path.ruleStack[i - 1]!, rule, path.occurrenceStack[i]!) ?? rule);
    const children = node.children[key];
    const last = children?.at(-1);
    node = last && "children" in last ? last : undefined;
    if (node) found.set(rule, node);
  });
  return found;
}

function image(node: CstNode | undefined, label: string): string | null {
  return node ? (cstToken(node, label)?.image ?? null) : null;
}

/** The `level` written in the body of the unit whose `{` is at `open`, before or after the cursor. */
function writtenLevel(tokens: readonly QueryToken[], open: number): string | null {
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isCode(token)) continue;
    if (token.kind === "lcurly") depth++;
    else if (token.kind === "rcurly" && depth-- === 0) break;
    else if (startsStatement(tokens, i)) break;
    else if (depth === 0 && token.kind === "keyword" && token.text === "level") {
      const next = tokens.slice(i + 1).find(isCode);
      if (next?.kind === "identifier") return next.text;
    }
  }
  return null;
}

/** What the path's name position is called: `rule.label` (a name list: the label its rule gives it). */
function slotOf(path: ISyntacticContentAssistPath): string {
  const rule = path.ruleStack.at(-1)!;
  if (rule === "nameList" && path.ruleStack.length > 1) {
    const parent = path.ruleStack.at(-2)!;
    return `${parent}.${subruleLabel(parent, rule, path.occurrenceStack.at(-1)!) ?? rule}`;
  }
  return `${rule}.${grammarTerminal(rule, path.nextTokenType, path.nextTokenOccurrence)?.label ?? ""}`;
}

function sitesOf(
  paths: readonly ISyntacticContentAssistPath[],
  input: IToken[],
  item: readonly IToken[],
  levels: readonly Level[],
  tokens: readonly QueryToken[],
  itemStart: boolean,
): Site[] {
  const sites: Site[] = [];
  const keys = new Set<string>();
  const add = (site: Site) => {
    const key = JSON.stringify(site);
    if (!keys.has(key)) [keys.add(key), sites.push(site)];
  };
  const keywords: string[] = [];
  const written = new Set(item.map((token) => token.image));
  for (const path of paths) {
    const rule = path.ruleStack.at(-1)!;
    const type = path.nextTokenType;
    if (isKeywordToken(type)) {
      const terminal = grammarTerminal(rule, type, path.nextTokenOccurrence);
      // `critique every 2 days` is offered whole, as a value.
      if (rule === "interval" && path.ruleStack.includes("critiqueProperty")) continue;
      // A repeated option (`youth_league`, `at` along a roster entry) is not offered twice.
      if (terminal?.repeated && written.has(keywordWord(type))) continue;
      const phrase = terminal && terminal.phrase.length > 0 ? phraseText(terminal.phrase) : keywordWord(type);
      if (itemStart && levels.length === 2 && path.ruleStack[1] === "unitDecl") {
        const kind = unitKindOf(nodesAlong(input, path).get("unitDecl"));
        if (!itemTakenBy(keywordWord(type), kind)) continue;
      }
      if (!keywords.includes(phrase)) {
        if (keywords.length === 0) add({ type: "keywords", words: keywords });
        keywords.push(phrase);
      }
    } else if (type === StringLiteral && rule === "importDecl") {
      add({ type: "import", string: null });
    } else if (type === Name) {
      const site = nameSite(slotOf(path), () => factsOf(input, path, levels, tokens));
      if (site) add(site);
    }
  }
  return sites;
}

function unitKindOf(unit: CstNode | undefined): UnitKind | null {
  return (image(unit, "unitKind") as UnitKind | null) ?? null;
}

/** The facts a name position depends on, read from the CST of the input. */
function factsOf(input: IToken[], path: ISyntacticContentAssistPath, levels: readonly Level[], tokens: readonly QueryToken[]): NameFacts {
  const nodes = nodesAlong(input, path);
  const unit = nodes.get("unitDecl");
  const gathering = nodes.get("gatheringEvent");
  const interval = nodes.get("interval");
  return {
    unit: unit ? { kind: unitKindOf(unit), id: image(unit, "id"), level: levels[1] ? writtenLevel(tokens, levels[1].open) : null } : null,
    key: image(nodes.get("nameProperty"), "key"),
    gathering: gathering ? [image(gathering, "body"), image(gathering, "gathering")].filter(Boolean).join(" ") : null,
    subject: image(gathering, "unit") ?? image(nodes.get("applicationEvent"), "unit"),
    verb: image(nodes.get("decisionEvent"), "verb"),
    counted: interval ? image(interval, "count") !== null : false,
    inCritique: path.ruleStack.includes("critiqueProperty"),
  };
}

/**
 * Completes a unit's `under` once, the costliest kind of position: the first
 * completion in a process builds the parser's content assist (about 40 ms),
 * which the server does when it starts rather than on the user's first one.
 */
export function warmUpCompletion(): CompletionContext {
  const text = 'cell x "X" {\n  under ';
  return completionContext(text, tokenize(text), text.length);
}
