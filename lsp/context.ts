// Where the cursor is, for completion: from the tokens before it, which
// statement or unit body it is in and what the grammar expects next. Works on
// unfinished text (that is what completion sees) and never throws.
import type { QueryToken, UnitKind } from "./api.js";

export const TOP_KEYWORDS = ["import", "period", "committee", "cell", "primary", "branch", "subprimary", "team", "residence", "person", "on", "every"] as const;
export const EVENT_VERBS = [
  "meeting",
  "committee meeting",
  "executive meeting",
  "critique",
  "report",
  "application",
  "review",
  "forward",
  "approve",
  "reject",
  "admit",
  "ratify",
  "extend",
  "expel",
  "transfer",
] as const;
export const SERIES_VERBS = ["meeting", "committee meeting", "executive meeting", "critique", "report"] as const;
export const LEVELS = ["central", "provincial", "city", "county"] as const;
export const SETTINGS = ["residential", "workplace", "military", "security", "government", "cultural", "abroad"] as const;
const UNIT_KINDS = new Set<string>(["committee", "cell", "primary", "branch", "subprimary", "team"]);
const ITEM_STARTERS = new Set(["level", "under", "setting", "established", "critique", "secretary", "deputy", "committee", "executive", "member", "candidate", "covers", "approved"]);
const DECISIONS = new Set(["approve", "reject", "admit", "ratify", "extend", "expel"]);

/** The unit keywords valid in a body of each kind. */
export function unitItemKeywords(kind: UnitKind | null): string[] {
  switch (kind) {
    case "committee":
      return ["level", "under", "established", "secretary", "deputy", "member", "candidate"];
    case "cell":
      return ["under", "setting", "covers", "established", "critique", "secretary", "deputy", "committee", "member", "candidate"];
    case "primary":
    case "subprimary":
      return ["under", "setting", "established", "secretary", "deputy", "committee", "executive", "member", "candidate"];
    case "branch":
      return ["under", "setting", "established", "secretary", "deputy", "committee", "member", "candidate"];
    case "team":
      return ["under", "setting", "established", "approved", "secretary", "deputy", "member", "candidate"];
    default:
      return [...ITEM_STARTERS];
  }
}

export interface UnitHeader {
  readonly kind: UnitKind | null;
  readonly id: string | null;
  /** The `level` written in the body, before or after the cursor. */
  readonly level: string | null;
}

export type UnitFilter =
  | { readonly parentOf: UnitHeader }
  | { readonly kinds: readonly UnitKind[] }
  | { readonly committees: true };

export type Site =
  | { readonly type: "keywords"; readonly words: readonly string[] }
  | { readonly type: "values"; readonly words: readonly string[] }
  | { readonly type: "units"; readonly filter: UnitFilter; readonly prefer: readonly string[] }
  | { readonly type: "people"; readonly rosterOf: string | null }
  | { readonly type: "residences"; readonly coveredBy: string | null }
  /** `string`: the part of the string under the cursor that the completion replaces (quotes included). */
  | { readonly type: "import"; readonly string: { readonly start: number; readonly end: number } | null }
  | { readonly type: "none" };

export interface CompletionContext {
  readonly site: Site;
  /** The text the completion replaces: the word being typed (empty at the cursor). */
  readonly replace: { readonly start: number; readonly end: number };
}

type Frame =
  | { readonly type: "unit"; readonly header: UnitHeader }
  | { readonly type: "body"; readonly unit: UnitHeader | null }
  | { readonly type: "event"; readonly verb: string; readonly subject: string | null; readonly target: string | null }
  | { readonly type: "other" };

const NONE: Site = { type: "none" };

export function completionContext(text: string, tokens: readonly QueryToken[], offset: number): CompletionContext {
  const here = tokens.find((token) => token.start < offset && offset <= token.end);
  let replace = { start: offset, end: offset };
  if (here && (here.kind === "comment" || here.kind === "date" || here.kind === "integer")) {
    if (here.kind !== "comment" || offset < here.end || here.text.startsWith("//")) return { site: NONE, replace };
  }
  const code = tokens.filter((token) => token.kind !== "comment");
  const before = code.filter((token) => token.end <= offset);
  if (here && here.kind === "string") {
    const previous = before.filter((token) => token !== here).at(-1);
    // A terminated string is replaced whole, quotes included, wherever the cursor is in it; an
    // unterminated one runs to the end of its line, so only what was typed up to the cursor.
    const replaced = { start: here.start, end: here.unterminated ? offset : here.end };
    const site: Site = previous?.text === "import" ? { type: "import", string: replaced } : NONE;
    return { site, replace: replaced };
  }
  let context = before;
  if (here && (here.kind === "identifier" || here.kind === "keyword")) {
    replace = { start: here.start, end: here.end };
    context = before.filter((token) => token.end <= here.start);
  }
  const lineStart = /(^|[\r\n])[ \t]*$/.test(text.slice(Math.max(0, replace.start - 200), replace.start));
  return { site: siteOf(context, lineStart, code, text), replace };
}

function headerOf(statement: readonly QueryToken[], tokens: readonly QueryToken[], open: number): UnitHeader {
  const kind = UNIT_KINDS.has(statement[0]?.text ?? "") ? (statement[0]!.text as UnitKind) : null;
  let level: string | null = null;
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "lcurly") depth++;
    else if (token.kind === "rcurly" && depth-- === 0) break;
    else if (depth === 0 && token.text === "level" && tokens[i + 1]?.kind === "identifier") level = tokens[i + 1]!.text;
  }
  return { kind, id: statement[1]?.text ?? null, level };
}

function eventFrame(statement: readonly QueryToken[]): Frame {
  const words = statement.map((token) => token.text);
  const tail = words[0] === "on" ? words.slice(2) : words.slice(words.lastIndexOf("to") + 2);
  let verb = tail[0] ?? "";
  let rest = tail.slice(1);
  if ((verb === "committee" || verb === "executive") && rest[0] === "meeting") {
    verb = `${verb} meeting`;
    rest = rest.slice(1);
  }
  const to = rest.indexOf("to");
  return { type: "event", verb, subject: rest[0] ?? null, target: to >= 0 ? (rest[to + 1] ?? null) : null };
}

function isTopStarter(tokens: readonly QueryToken[], i: number, statementStart: number, text: string): boolean {
  const token = tokens[i]!;
  if (token.kind !== "keyword" || !(TOP_KEYWORDS as readonly string[]).includes(token.text)) return false;
  if ((token.text === "committee" || token.text === "executive") && tokens[i + 1]?.text === "meeting") return false;
  // `on DATE committee…` and `every … to DATE committee…` on one line: the verb being typed, not a new unit.
  const previous = tokens[i - 1];
  const first = tokens[statementStart]?.text;
  if (token.text === "committee" && previous?.kind === "date" && (first === "on" || first === "every") && !/[\r\n]/.test(text.slice(previous.end, token.start))) {
    return false;
  }
  return true;
}

/** `tokens` are the code tokens before the cursor: a prefix of `all`. */
function siteOf(tokens: readonly QueryToken[], lineStart: boolean, all: readonly QueryToken[], text: string): Site {
  const frames: Frame[] = [];
  let statementStart = -1;
  let itemStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const top = frames.at(-1);
    if (token.kind === "lcurly") {
      if (!top) {
        const statement = tokens.slice(Math.max(0, statementStart), i);
        const first = statement[0]?.text;
        if (first && UNIT_KINDS.has(first)) frames.push({ type: "unit", header: headerOf(statement, all, i) });
        else if (first === "on" || first === "every") frames.push(eventFrame(statement));
        else frames.push({ type: "other" });
      } else if (top.type === "unit" && ["committee", "executive"].includes(tokens[itemStart]?.text ?? "")) {
        frames.push({ type: "body", unit: top.header });
      } else frames.push({ type: "other" });
      itemStart = i + 1;
      continue;
    }
    if (token.kind === "rcurly") {
      frames.pop();
      if (frames.length === 0) statementStart = -1;
      itemStart = i + 1;
      continue;
    }
    if (!top) {
      if (statementStart < 0 || isTopStarter(tokens, i, statementStart, text)) statementStart = i;
    } else if (top.type === "unit" && token.kind === "keyword" && ITEM_STARTERS.has(token.text)) {
      const previous = tokens[i - 1];
      const sameLine = previous !== undefined && !/[\r\n]/.test(text.slice(previous.end, token.start));
      const afterValue = sameLine && ["under", "secretary", "deputy", "level", "setting", "by", "at"].includes(previous.text) && i - 1 >= itemStart;
      if (!afterValue) itemStart = i;
    } else if ((top.type === "body" && ["elected", "members"].includes(token.text)) || (top.type === "event" && ["present", "recommended", "youth"].includes(token.text))) {
      itemStart = i;
    }
  }
  const previous = tokens.at(-1) ?? null;
  // A new line starts a new statement or item, unless a list goes on after a comma.
  const expectsMore = previous !== null && previous.kind === "comma";
  const top = frames.at(-1);
  if (!top) {
    if (statementStart < 0 || (lineStart && !expectsMore)) return { type: "keywords", words: TOP_KEYWORDS };
    return statementSite(tokens.slice(statementStart));
  }
  const item = tokens.slice(itemStart);
  const atItemStart = item.length === 0 || (lineStart && !expectsMore);
  switch (top.type) {
    case "unit":
      return atItemStart ? { type: "keywords", words: unitItemKeywords(top.header.kind) } : unitItemSite(item, top.header);
    case "body":
      if (atItemStart) return { type: "keywords", words: ["elected", "members"] };
      return item[0]?.text === "members" && (previous?.text === "members" || previous?.kind === "comma") ? { type: "people", rosterOf: top.unit?.id ?? null } : NONE;
    case "event":
      return eventBodySite(item, top, atItemStart);
    default:
      return NONE;
  }
}

function unitItemSite(item: readonly QueryToken[], header: UnitHeader): Site {
  const words = item.map((token) => token.text);
  const last = item.at(-1)!;
  switch (words[0]) {
    case "under":
      return words.length === 1 ? { type: "units", filter: { parentOf: header }, prefer: [] } : NONE;
    case "secretary":
    case "deputy":
      return words.length === 1 ? { type: "people", rosterOf: header.id } : NONE;
    case "level":
      return words.length === 1 ? { type: "values", words: LEVELS } : NONE;
    case "setting":
      return words.length === 1 ? { type: "values", words: SETTINGS } : NONE;
    case "critique":
      if (words.length === 1) return { type: "values", words: ["weekly", "every 2 days"] };
      return words.length === 3 && words[1] === "every" ? { type: "values", words: ["days"] } : NONE;
    case "covers":
      return last.text === "covers" || last.kind === "comma" ? { type: "residences", coveredBy: null } : NONE;
    case "member":
    case "candidate": {
      if (last.text === "at") return { type: "residences", coveredBy: header.id };
      if (last.kind === "date") return { type: "keywords", words: words.includes("youth_league") ? ["at"] : ["youth_league", "at"] };
      if (last.text === "youth_league") return { type: "keywords", words: ["at"] };
      const dated = words.includes("joined") || words.includes("since");
      if (words.length >= 2 && !dated && (last.kind === "string" || words.length === 2)) return { type: "keywords", words: [words[0] === "member" ? "joined" : "since"] };
      return NONE;
    }
    case "approved":
      if (last.kind === "date") return { type: "keywords", words: ["by"] };
      return last.text === "by" ? { type: "units", filter: { committees: true }, prefer: [] } : NONE;
    default:
      return NONE;
  }
}

function eventBodySite(item: readonly QueryToken[], frame: Extract<Frame, { type: "event" }>, atItemStart: boolean): Site {
  const last = item.at(-1);
  if (frame.verb === "application") {
    if (atItemStart) return { type: "keywords", words: ["recommended by", "youth league letter"] };
    if (last?.text === "recommended") return { type: "keywords", words: ["by"] };
    if (last?.text === "youth") return { type: "keywords", words: ["league"] };
    if (last?.text === "league") return { type: "keywords", words: ["letter"] };
    if (item[0]?.text === "recommended" && (last?.text === "by" || last?.kind === "comma")) return { type: "people", rosterOf: frame.target };
    return NONE;
  }
  if (atItemStart) return { type: "keywords", words: ["present"] };
  if (item[0]?.text === "present" && (last?.text === "present" || last?.kind === "comma")) return { type: "people", rosterOf: frame.subject };
  return NONE;
}

function statementSite(statement: readonly QueryToken[]): Site {
  const words = statement.map((token) => token.text);
  const last = statement.at(-1)!;
  switch (words[0]) {
    case "import":
      return words.length === 1 ? { type: "import", string: null } : NONE;
    case "period":
      return words.length === 2 && last.kind === "date" ? { type: "keywords", words: ["to"] } : NONE;
    case "on":
      return words.length >= 2 && statement[1]!.kind === "date" ? eventSite(words.slice(2), statement.slice(2), false) : NONE;
    case "every": {
      const to = words.indexOf("to");
      if (to < 0) {
        if (last.kind === "date") return { type: "keywords", words: ["to"] };
        if (last.kind === "identifier" && words.length <= 3) return { type: "keywords", words: ["from"] };
        if (last.kind === "integer") return { type: "values", words: ["days", "weeks", "months", "years"] };
        return NONE;
      }
      if (statement[to + 1]?.kind !== "date") return NONE;
      return eventSite(words.slice(to + 2), statement.slice(to + 2), true);
    }
    default:
      return NONE;
  }
}

function eventSite(words: readonly string[], tokens: readonly QueryToken[], series: boolean): Site {
  if (words.length === 0) return { type: "keywords", words: series ? SERIES_VERBS : EVENT_VERBS };
  let verb = words[0]!;
  let rest = words.slice(1);
  if (verb === "committee" || verb === "executive") {
    if (rest.length === 0) return { type: "keywords", words: ["meeting"] };
    if (rest[0] !== "meeting") return NONE;
    verb = `${verb} meeting`;
    rest = rest.slice(1);
  }
  const last = rest.at(-1);
  const lastToken = tokens.at(-1);
  switch (verb) {
    case "meeting":
      return rest.length === 0 ? { type: "units", filter: { kinds: ["cell", "primary", "branch", "subprimary", "team"] }, prefer: [] } : NONE;
    case "committee meeting":
    case "executive meeting":
      return rest.length === 0 ? { type: "units", filter: { kinds: ["cell", "primary", "branch", "subprimary"] }, prefer: [] } : NONE;
    case "critique":
      return rest.length === 0 ? { type: "units", filter: { kinds: ["cell"] }, prefer: [] } : NONE;
    case "report":
      if (rest.length === 0) return { type: "units", filter: { kinds: ["cell", "primary", "branch", "subprimary", "team"] }, prefer: [] };
      if (rest.length === 1) return { type: "keywords", words: ["to"] };
      return last === "to" || lastToken?.kind === "comma" ? { type: "units", filter: { committees: true }, prefer: [] } : NONE;
    case "application":
      if (rest.length === 0) return NONE;
      if (last === "to") return { type: "units", filter: { kinds: ["cell", "primary", "branch", "subprimary", "team"] }, prefer: [] };
      if (!rest.includes("to")) return { type: "keywords", words: rest.includes("youth_league") ? ["to"] : ["to", "youth_league"] };
      return NONE;
    case "review":
      return personThenUnit(rest, "at", { kinds: ["cell", "primary", "branch", "subprimary", "team"] });
    case "forward":
      return personThenUnit(rest, "to", { committees: true });
    case "transfer":
      if (rest.length === 0) return { type: "people", rosterOf: null };
      if (rest.length === 1) return { type: "keywords", words: ["from"] };
      if (last === "from" || last === "to") return { type: "units", filter: { kinds: ["cell", "primary", "branch", "subprimary", "team"] }, prefer: [] };
      return rest.length === 3 ? { type: "keywords", words: ["to"] } : NONE;
    default:
      if (DECISIONS.has(verb)) {
        const byCommittee = verb === "approve" || verb === "reject" || verb === "ratify";
        return personThenUnit(rest, "by", byCommittee ? { committees: true } : { kinds: ["cell", "primary", "branch", "subprimary", "team"] });
      }
      return NONE;
  }
}

function personThenUnit(rest: readonly string[], word: string, filter: UnitFilter): Site {
  if (rest.length === 0) return { type: "people", rosterOf: null };
  if (rest.length === 1) return { type: "keywords", words: [word] };
  return rest.length === 2 && rest[1] === word ? { type: "units", filter, prefer: [] } : NONE;
}
