// CST to typed AST. Statements that error recovery left incomplete are kept
// when they declare a name (so the name still resolves) and dropped otherwise:
// the syntax error already tells the user about them.
import type { CstNode, IToken } from "chevrotain";
import {
  COMMITTEE_LEVELS,
  SETTINGS,
  type ApplicationEvent,
  type BodyBlock,
  type CritiqueProperty,
  type DecisionVerb,
  type DurationUnit,
  type EventBody,
  type GatheringEvent,
  type GatheringKind,
  type Identifier,
  type Interval,
  type NameProperty,
  type ReportEvent,
  type RosterEntry,
  type Span,
  type TopStatement,
  type UnitDecl,
  type UnitItem,
  type UnitKind,
} from "../ast/types.js";
import { closestNames } from "../util/text.js";
import {
  child,
  dateValue,
  hasToken,
  identifier,
  missingDate,
  nodes,
  nodeSpan,
  offsetSpan,
  onlyChild,
  optionalString,
  token,
  tokens,
  tokenSpan,
} from "./cst-access.js";

/** A problem found while building the AST (an unknown value word, say): reported as ORG001. */
export interface BuildProblem {
  span: Span;
  message: string;
}

/** Thrown when a statement lacks a part it cannot do without; the statement is dropped. */
class Incomplete extends Error {}

function required(tok: IToken | undefined): IToken {
  if (!tok) throw new Incomplete();
  return tok;
}

const DURATION_UNITS: Record<string, DurationUnit> = {
  day: "day",
  days: "day",
  week: "week",
  weeks: "week",
  month: "month",
  months: "month",
  year: "year",
  years: "year",
};

const CADENCE_WORDS: Record<string, { count: number; unit: DurationUnit }> = {
  daily: { count: 1, unit: "day" },
  weekly: { count: 1, unit: "week" },
  monthly: { count: 1, unit: "month" },
};

/** The critique cadences that parse, as docs/language.md lists them (a test holds the two together). */
export const CRITIQUE_CADENCES = "`weekly`, `daily`, `monthly` or `every N day(s)/week(s)/month(s)`";

export class AstBuilder {
  readonly problems: BuildProblem[] = [];

  file(cst: CstNode): TopStatement[] {
    const statements: TopStatement[] = [];
    for (const top of nodes(cst, "topStatement")) {
      const inner = onlyChild(top);
      if (!inner) continue;
      try {
        const statement = this.topStatement(inner);
        if (statement) statements.push(statement);
      } catch (error) {
        if (!(error instanceof Incomplete)) throw error;
      }
    }
    return statements;
  }

  private topStatement(node: CstNode): TopStatement | undefined {
    const span = nodeSpan(node);
    if (!span) return undefined;
    switch (node.name) {
      case "importDecl": {
        const path = optionalString(node, "StringLiteral");
        if (!path) throw new Incomplete();
        return { type: "import", path, span };
      }
      case "periodDecl":
        return {
          type: "period",
          from: dateValue(required(token(node, "from"))),
          to: dateValue(required(token(node, "until"))),
          span,
        };
      case "unitDecl":
        return this.unitDecl(node, span);
      case "residenceDecl":
        return {
          type: "residence",
          id: identifier(required(token(node, "id"))),
          title: optionalString(node, "title"),
          span,
        };
      case "personDecl":
        return {
          type: "person",
          id: identifier(required(token(node, "id"))),
          personName: optionalString(node, "personName"),
          span,
        };
      case "eventStatement":
        return this.eventStatement(node, span);
      case "seriesStatement":
        return this.seriesStatement(node, span);
    }
    return undefined;
  }

  private unitDecl(node: CstNode, span: Span): UnitDecl {
    const kind = required(token(node, "unitKind")).image as UnitKind;
    const id = identifier(required(token(node, "id")));
    const items: UnitItem[] = [];
    for (const itemNode of nodes(node, "unitItem")) {
      const inner = onlyChild(itemNode);
      if (!inner) continue;
      try {
        const item = this.unitItem(inner);
        if (item) items.push(item);
      } catch (error) {
        if (!(error instanceof Incomplete)) throw error;
      }
    }
    return { type: "unit", unitKind: kind, id, title: optionalString(node, "title"), items, span };
  }

  private unitItem(node: CstNode): UnitItem | undefined {
    const span = nodeSpan(node);
    if (!span) return undefined;
    switch (node.name) {
      case "nameProperty":
        return this.nameProperty(node, span);
      case "establishedProperty":
        return { type: "established", date: dateValue(required(token(node, "DateLiteral"))), span };
      case "critiqueProperty":
        return this.critiqueProperty(node, span);
      case "coversProperty":
        return { type: "covers", residences: this.nameList(child(node, "nameList")), span };
      case "approvedProperty":
        return {
          type: "approved",
          date: dateValue(required(token(node, "DateLiteral"))),
          by: identifier(required(token(node, "by"))),
          span,
        };
      case "bodyBlock":
        return this.bodyBlock(node, span);
      case "rosterEntry":
        return this.rosterEntry(node, span);
    }
    return undefined;
  }

  private nameProperty(node: CstNode, span: Span): NameProperty {
    const key = required(token(node, "key")).image as NameProperty["type"];
    const value = identifier(required(token(node, "value")));
    if (key === "level") this.checkValueWord(value, COMMITTEE_LEVELS, "level");
    if (key === "setting") this.checkValueWord(value, SETTINGS, "setting");
    return { type: key, value, span };
  }

  private checkValueWord(value: Identifier, allowed: readonly string[], what: string): void {
    if (allowed.includes(value.name)) return;
    const suggestion = closestNames(value.name, allowed, 1)[0];
    this.problems.push({
      span: value.span,
      message:
        `unknown ${what} \`${value.name}\`; expected ${listWords(allowed)}` +
        (suggestion ? ` (did you mean \`${suggestion}\`?)` : ""),
    });
  }

  private critiqueProperty(node: CstNode, span: Span): CritiqueProperty {
    const intervalNode = child(node, "interval");
    if (intervalNode) return { type: "critique", interval: this.interval(intervalNode), raw: null, span };
    const word = identifier(required(token(node, "cadence")));
    const cadence = CADENCE_WORDS[word.name];
    if (!cadence) {
      this.problems.push({
        span: word.span,
        message: `unknown critique cadence \`${word.name}\`; expected ${CRITIQUE_CADENCES}`,
      });
      return { type: "critique", interval: null, raw: word, span };
    }
    return { type: "critique", interval: { ...cadence, span: word.span }, raw: word, span };
  }

  private interval(node: CstNode): Interval | null {
    const span = nodeSpan(node)!;
    const countToken = token(node, "count");
    const unitToken = required(token(node, "unit"));
    const unit = DURATION_UNITS[unitToken.image];
    const count = countToken ? Number(countToken.image) : 1;
    if (!unit) {
      this.problems.push({
        span: tokenSpan(unitToken),
        message: `unknown interval unit \`${unitToken.image}\`; expected day(s), week(s), month(s) or year(s)`,
      });
      return null;
    }
    if (count < 1) {
      this.problems.push({ span: tokenSpan(countToken!), message: "an interval must be at least 1" });
      return null;
    }
    return { count, unit, span };
  }

  private bodyBlock(node: CstNode, span: Span): BodyBlock {
    const keyword = required(token(node, "bodyKind"));
    const electedTokens = tokens(node, "elected");
    const members = nodes(node, "members").flatMap((list) => this.nameList(list));
    return {
      type: "body",
      bodyKind: keyword.image as BodyBlock["bodyKind"],
      elected: electedTokens[0] ? dateValue(electedTokens[0]) : null,
      members,
      keywordSpan: tokenSpan(keyword),
      span,
    };
  }

  private rosterEntry(node: CstNode, span: Span): RosterEntry {
    const status = required(token(node, "status")).image as RosterEntry["status"];
    const id = identifier(required(token(node, "id")));
    const dateToken = token(node, "DateLiteral");
    const residence = token(node, "residence");
    return {
      type: "roster",
      status,
      id,
      personName: optionalString(node, "personName"),
      date: dateToken ? dateValue(dateToken) : missingDate(span.end),
      youthLeague: hasToken(node, "Kw_youth_league"),
      residence: residence ? identifier(residence) : null,
      span,
    };
  }

  private eventStatement(node: CstNode, span: Span): TopStatement {
    const date = dateValue(required(token(node, "DateLiteral")));
    let eventNode: CstNode | undefined;
    for (const label in node.children) {
      if (label.endsWith("Event")) {
        eventNode = node.children[label]![0] as CstNode | undefined;
        break;
      }
    }
    if (!eventNode) throw new Incomplete();
    return { type: "event", date, event: this.eventBody(eventNode), span };
  }

  private seriesStatement(node: CstNode, span: Span): TopStatement {
    const intervalNode = child(node, "interval");
    const gathering = child(node, "gatheringEvent");
    const report = child(node, "reportEvent");
    const event = gathering ? this.gatheringEvent(gathering) : report ? this.reportEvent(report) : undefined;
    if (!intervalNode || !event) throw new Incomplete();
    return {
      type: "series",
      interval: this.interval(intervalNode),
      from: dateValue(required(token(node, "from"))),
      to: dateValue(required(token(node, "until"))),
      event,
      span,
    };
  }

  private eventBody(node: CstNode): EventBody {
    switch (node.name) {
      case "gatheringEvent":
        return this.gatheringEvent(node);
      case "reportEvent":
        return this.reportEvent(node);
      case "applicationEvent":
        return this.applicationEvent(node);
      case "reviewEvent":
        return { type: "review", person: this.name(node, "person"), unit: this.name(node, "unit") };
      case "forwardEvent":
        return { type: "forward", person: this.name(node, "person"), unit: this.name(node, "unit") };
      case "decisionEvent":
        return {
          type: "decision",
          verb: required(token(node, "verb")).image as DecisionVerb,
          person: this.name(node, "person"),
          unit: this.name(node, "unit"),
        };
      case "transferEvent":
        return {
          type: "transfer",
          person: this.name(node, "person"),
          from: this.name(node, "from"),
          to: this.name(node, "to"),
        };
    }
    throw new Incomplete();
  }

  private gatheringEvent(node: CstNode): GatheringEvent {
    const body = token(node, "body")?.image;
    const gatheringWord = required(token(node, "gathering")).image;
    const gathering: GatheringKind =
      body === "committee"
        ? "committee-meeting"
        : body === "executive"
          ? "executive-meeting"
          : gatheringWord === "critique"
            ? "critique"
            : "meeting";
    const presentLists = nodes(node, "present");
    return {
      type: "gathering",
      gathering,
      unit: this.name(node, "unit"),
      present: presentLists.length > 0 ? presentLists.flatMap((list) => this.nameList(list)) : null,
    };
  }

  private reportEvent(node: CstNode): ReportEvent {
    return {
      type: "report",
      unit: this.name(node, "unit"),
      recipients: this.nameList(child(node, "recipients")),
    };
  }

  private applicationEvent(node: CstNode): ApplicationEvent {
    const letterStart = token(node, "letterStart");
    const letterEnd = token(node, "letterEnd");
    return {
      type: "application",
      applicant: this.name(node, "applicant"),
      personName: optionalString(node, "personName"),
      youthLeague: hasToken(node, "Kw_youth_league"),
      unit: this.name(node, "unit"),
      recommenders: nodes(node, "recommenders").flatMap((list) => this.nameList(list)),
      youthLeagueLetter:
        letterStart && letterEnd ? offsetSpan(letterStart.startOffset, (letterEnd.endOffset ?? 0) + 1) : null,
    };
  }

  private name(node: CstNode, label: string): Identifier {
    return identifier(required(token(node, label)));
  }

  private nameList(node: CstNode | undefined): Identifier[] {
    if (!node) throw new Incomplete();
    const names = tokens(node, "name").map(identifier);
    if (names.length === 0) throw new Incomplete();
    return names;
  }
}

function listWords(words: readonly string[]): string {
  const quoted = words.map((word) => `\`${word}\``);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

