// The concrete syntax of .org specs (see docs/language.md and the railroad
// diagrams in docs/grammar.html). Error recovery is on: a statement that does
// not parse is reported and skipped, and the rest of the file still yields a CST.
import { CstParser } from "chevrotain";
import {
  allTokens,
  Comma,
  DateLiteral,
  IntegerLiteral,
  Kw,
  LCurly,
  Name,
  RCurly,
  StringLiteral,
} from "./lexer.js";
import { orgErrorMessages } from "./messages.js";

export class OrgParser extends CstParser {
  /**
   * The alternatives of each OR, built on its first call (during self-analysis)
   * and reused: an OR given a fresh array of closures allocates them again on
   * every call (docs/performance.md).
   */
  private readonly alternatives: unknown[] = [];

  private cached<T>(slot: number, make: () => T): T {
    return (this.alternatives[slot] ??= make()) as T;
  }

  /**
   * `validate: false` skips Chevrotain's grammar validations (ambiguities,
   * left recursion): a third of the construction time, paid on every start
   * of the command line (docs/performance.md, *Cold start*). The grammar is
   * validated by test/syntax/grammar-validation.test.ts.
   */
  constructor(options: { readonly validate?: boolean } = {}) {
    // Node offsets give each statement's span without walking its subtree again (src/syntax/cst-access.ts).
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: orgErrorMessages,
      skipValidations: options.validate === false,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.topStatement));
  });

  private topStatement = this.RULE("topStatement", () => {
    this.OR(this.cached(0, () => ([
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.periodDecl) },
      { ALT: () => this.SUBRULE(this.unitDecl) },
      { ALT: () => this.SUBRULE(this.residenceDecl) },
      { ALT: () => this.SUBRULE(this.personDecl) },
      { ALT: () => this.SUBRULE(this.eventStatement) },
      { ALT: () => this.SUBRULE(this.seriesStatement) },
    ])));
  });

  private importDecl = this.RULE("importDecl", () => {
    this.CONSUME(Kw.import);
    this.CONSUME(StringLiteral);
  });

  private periodDecl = this.RULE("periodDecl", () => {
    this.CONSUME(Kw.period);
    this.CONSUME(DateLiteral, { LABEL: "from" });
    this.CONSUME(Kw.to);
    this.CONSUME2(DateLiteral, { LABEL: "until" });
  });

  private unitDecl = this.RULE("unitDecl", () => {
    this.OR(this.cached(1, () => ([
      { ALT: () => this.CONSUME(Kw.committee, { LABEL: "unitKind" }) },
      { ALT: () => this.CONSUME(Kw.cell, { LABEL: "unitKind" }) },
      { ALT: () => this.CONSUME(Kw.primary, { LABEL: "unitKind" }) },
      { ALT: () => this.CONSUME(Kw.branch, { LABEL: "unitKind" }) },
      { ALT: () => this.CONSUME(Kw.subprimary, { LABEL: "unitKind" }) },
      { ALT: () => this.CONSUME(Kw.team, { LABEL: "unitKind" }) },
    ])));
    this.CONSUME(Name, { LABEL: "id" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.unitItem));
    this.CONSUME(RCurly);
  });

  private unitItem = this.RULE("unitItem", () => {
    this.OR(this.cached(2, () => ([
      { ALT: () => this.SUBRULE(this.nameProperty) },
      { ALT: () => this.SUBRULE(this.establishedProperty) },
      { ALT: () => this.SUBRULE(this.critiqueProperty) },
      { ALT: () => this.SUBRULE(this.coversProperty) },
      { ALT: () => this.SUBRULE(this.approvedProperty) },
      { ALT: () => this.SUBRULE(this.bodyBlock) },
      { ALT: () => this.SUBRULE(this.rosterEntry) },
    ])));
  });

  /** `level X`, `under X`, `setting X`, `secretary X`, `deputy X`. */
  private nameProperty = this.RULE("nameProperty", () => {
    this.OR(this.cached(3, () => ([
      { ALT: () => this.CONSUME(Kw.level, { LABEL: "key" }) },
      { ALT: () => this.CONSUME(Kw.under, { LABEL: "key" }) },
      { ALT: () => this.CONSUME(Kw.setting, { LABEL: "key" }) },
      { ALT: () => this.CONSUME(Kw.secretary, { LABEL: "key" }) },
      { ALT: () => this.CONSUME(Kw.deputy, { LABEL: "key" }) },
    ])));
    this.CONSUME(Name, { LABEL: "value" });
  });

  private establishedProperty = this.RULE("establishedProperty", () => {
    this.CONSUME(Kw.established);
    this.CONSUME(DateLiteral);
  });

  /** `critique weekly`, `critique every 2 days`. */
  private critiqueProperty = this.RULE("critiqueProperty", () => {
    this.CONSUME(Kw.critique);
    // `every` is also a Name (keywords are not reserved): the interval form wins.
    this.OR(this.cached(4, () => ({
      IGNORE_AMBIGUITIES: true,
      DEF: [
      { ALT: () => this.SUBRULE(this.interval) },
        { ALT: () => this.CONSUME(Name, { LABEL: "cadence" }) },
      ],
    })));
  });

  /** `every [N] day(s)|week(s)|month(s)|year(s)`; the unit word is checked when the AST is built. */
  private interval = this.RULE("interval", () => {
    this.CONSUME(Kw.every);
    this.OPTION(() => this.CONSUME(IntegerLiteral, { LABEL: "count" }));
    this.CONSUME(Name, { LABEL: "unit" });
  });

  private coversProperty = this.RULE("coversProperty", () => {
    this.CONSUME(Kw.covers);
    this.SUBRULE(this.nameList);
  });

  private approvedProperty = this.RULE("approvedProperty", () => {
    this.CONSUME(Kw.approved);
    this.CONSUME(DateLiteral);
    this.CONSUME(Kw.by);
    this.CONSUME(Name, { LABEL: "by" });
  });

  /** `committee { elected DATE  members a, b }` and `executive { ... }`. */
  private bodyBlock = this.RULE("bodyBlock", () => {
    this.OR(this.cached(5, () => ([
      { ALT: () => this.CONSUME(Kw.committee, { LABEL: "bodyKind" }) },
      { ALT: () => this.CONSUME(Kw.executive, { LABEL: "bodyKind" }) },
    ])));
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR2(this.cached(6, () => ([
        {
          ALT: () => {
            this.CONSUME(Kw.elected);
            this.CONSUME(DateLiteral, { LABEL: "elected" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.members);
            this.SUBRULE(this.nameList, { LABEL: "members" });
          },
        },
      ])));
    });
    this.CONSUME(RCurly);
  });

  /** `member ID "Name" joined DATE [youth_league] [at RESIDENCE]`, `candidate ... since DATE ...`. */
  private rosterEntry = this.RULE("rosterEntry", () => {
    this.OR(this.cached(7, () => ([
      {
        ALT: () => {
          this.CONSUME(Kw.member, { LABEL: "status" });
          this.CONSUME(Name, { LABEL: "id" });
          this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "personName" }));
          this.CONSUME(Kw.joined, { LABEL: "dateKey" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(Kw.candidate, { LABEL: "status" });
          this.CONSUME2(Name, { LABEL: "id" });
          this.OPTION2(() => this.CONSUME2(StringLiteral, { LABEL: "personName" }));
          this.CONSUME(Kw.since, { LABEL: "dateKey" });
        },
      },
    ])));
    this.CONSUME(DateLiteral);
    this.MANY(() => {
      this.OR2(this.cached(8, () => ([
        { ALT: () => this.CONSUME(Kw.youth_league) },
        {
          ALT: () => {
            this.CONSUME(Kw.at);
            this.CONSUME3(Name, { LABEL: "residence" });
          },
        },
      ])));
    });
  });

  private residenceDecl = this.RULE("residenceDecl", () => {
    this.CONSUME(Kw.residence);
    this.CONSUME(Name, { LABEL: "id" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
  });

  private personDecl = this.RULE("personDecl", () => {
    this.CONSUME(Kw.person);
    this.CONSUME(Name, { LABEL: "id" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "personName" }));
  });

  private eventStatement = this.RULE("eventStatement", () => {
    this.CONSUME(Kw.on);
    this.CONSUME(DateLiteral);
    this.OR(this.cached(9, () => ([
      { ALT: () => this.SUBRULE(this.gatheringEvent) },
      { ALT: () => this.SUBRULE(this.reportEvent) },
      { ALT: () => this.SUBRULE(this.applicationEvent) },
      { ALT: () => this.SUBRULE(this.reviewEvent) },
      { ALT: () => this.SUBRULE(this.forwardEvent) },
      { ALT: () => this.SUBRULE(this.decisionEvent) },
      { ALT: () => this.SUBRULE(this.transferEvent) },
    ])));
  });

  /** `every [N] UNIT from DATE to DATE` followed by a meeting, critique or report. */
  private seriesStatement = this.RULE("seriesStatement", () => {
    this.SUBRULE(this.interval);
    this.CONSUME(Kw.from);
    this.CONSUME(DateLiteral, { LABEL: "from" });
    this.CONSUME(Kw.to);
    this.CONSUME2(DateLiteral, { LABEL: "until" });
    this.OR(this.cached(10, () => ([
      { ALT: () => this.SUBRULE(this.gatheringEvent) },
      { ALT: () => this.SUBRULE(this.reportEvent) },
    ])));
  });

  /** `meeting U`, `committee meeting U`, `executive meeting U`, `critique U`, with optional attendance. */
  private gatheringEvent = this.RULE("gatheringEvent", () => {
    this.OR(this.cached(11, () => ([
      { ALT: () => this.CONSUME(Kw.meeting, { LABEL: "gathering" }) },
      {
        ALT: () => {
          this.CONSUME(Kw.committee, { LABEL: "body" });
          this.CONSUME2(Kw.meeting, { LABEL: "gathering" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(Kw.executive, { LABEL: "body" });
          this.CONSUME3(Kw.meeting, { LABEL: "gathering" });
        },
      },
      { ALT: () => this.CONSUME(Kw.critique, { LABEL: "gathering" }) },
    ])));
    this.CONSUME(Name, { LABEL: "unit" });
    this.OPTION(() => {
      this.CONSUME(LCurly);
      this.MANY(() => {
        this.CONSUME(Kw.present);
        this.SUBRULE(this.nameList, { LABEL: "present" });
      });
      this.CONSUME(RCurly);
    });
  });

  private reportEvent = this.RULE("reportEvent", () => {
    this.CONSUME(Kw.report);
    this.CONSUME(Name, { LABEL: "unit" });
    this.CONSUME(Kw.to);
    this.SUBRULE(this.nameList, { LABEL: "recipients" });
  });

  /** `application ID ["Name"] [youth_league] to UNIT [{ recommended by a, b  youth league letter }]`. */
  private applicationEvent = this.RULE("applicationEvent", () => {
    this.CONSUME(Kw.application);
    this.CONSUME(Name, { LABEL: "applicant" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "personName" }));
    this.OPTION2(() => this.CONSUME(Kw.youth_league));
    this.CONSUME(Kw.to);
    this.CONSUME2(Name, { LABEL: "unit" });
    this.OPTION3(() => {
      this.CONSUME(LCurly);
      this.MANY(() => {
        this.OR(this.cached(12, () => ([
          {
            ALT: () => {
              this.CONSUME(Kw.recommended);
              this.CONSUME(Kw.by);
              this.SUBRULE(this.nameList, { LABEL: "recommenders" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(Kw.youth, { LABEL: "letterStart" });
              this.CONSUME(Kw.league);
              this.CONSUME(Kw.letter, { LABEL: "letterEnd" });
            },
          },
        ])));
      });
      this.CONSUME(RCurly);
    });
  });

  private reviewEvent = this.RULE("reviewEvent", () => {
    this.CONSUME(Kw.review);
    this.CONSUME(Name, { LABEL: "person" });
    this.CONSUME(Kw.at);
    this.CONSUME2(Name, { LABEL: "unit" });
  });

  private forwardEvent = this.RULE("forwardEvent", () => {
    this.CONSUME(Kw.forward);
    this.CONSUME(Name, { LABEL: "person" });
    this.CONSUME(Kw.to);
    this.CONSUME2(Name, { LABEL: "unit" });
  });

  /** `approve|reject|admit|ratify|extend|expel PERSON by UNIT`. */
  private decisionEvent = this.RULE("decisionEvent", () => {
    this.OR(this.cached(13, () => ([
      { ALT: () => this.CONSUME(Kw.approve, { LABEL: "verb" }) },
      { ALT: () => this.CONSUME(Kw.reject, { LABEL: "verb" }) },
      { ALT: () => this.CONSUME(Kw.admit, { LABEL: "verb" }) },
      { ALT: () => this.CONSUME(Kw.ratify, { LABEL: "verb" }) },
      { ALT: () => this.CONSUME(Kw.extend, { LABEL: "verb" }) },
      { ALT: () => this.CONSUME(Kw.expel, { LABEL: "verb" }) },
    ])));
    this.CONSUME(Name, { LABEL: "person" });
    this.CONSUME(Kw.by);
    this.CONSUME2(Name, { LABEL: "unit" });
  });

  private transferEvent = this.RULE("transferEvent", () => {
    this.CONSUME(Kw.transfer);
    this.CONSUME(Name, { LABEL: "person" });
    this.CONSUME(Kw.from);
    this.CONSUME2(Name, { LABEL: "from" });
    this.CONSUME(Kw.to);
    this.CONSUME3(Name, { LABEL: "to" });
  });

  private nameList = this.RULE("nameList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Name, { LABEL: "name" }) });
  });
}

let shared: OrgParser | undefined;

/**
 * The one parser instance of the process (Chevrotain parsers are reusable and
 * costly to build: 100–150 ms), built on first use, so that commands that
 * parse nothing (`--version`, `rules`, `explain`) do not pay for it.
 */
export function getOrgParser(): OrgParser {
  return (shared ??= new OrgParser({ validate: false }));
}

