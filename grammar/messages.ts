// Parse error messages in the user's words: "expected a date (YYYY-MM-DD) but
// found `2026-3-1`", with a keyword suggestion for a misspelt verb.
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { closestNames } from "../src/util/text.js";
import { isKeywordToken, keywordWord, keywordWords } from "./lexer.js";

const TOKEN_DESCRIPTIONS: Record<string, string> = {
  Name: "a name",
  Identifier: "a name",
  DateLiteral: "a date (YYYY-MM-DD)",
  IntegerLiteral: "a number",
  StringLiteral: "a quoted string",
  LCurly: "`{`",
  RCurly: "`}`",
  Comma: "`,`",
  EOF: "the end of the file",
};

const RULE_DESCRIPTIONS: Record<string, string> = {
  topStatement: "a declaration or an event (import, period, committee, cell, primary, branch, subprimary, team, residence, person, on, every)",
  unitItem: "a unit property or roster entry",
  eventStatement: "an event (meeting, committee meeting, executive meeting, critique, report, application, review, forward, approve, reject, admit, ratify, extend, expel, transfer)",
  seriesStatement: "a recurring event (meeting, committee meeting, executive meeting, critique or report)",
  gatheringEvent: "`meeting`, `committee meeting`, `executive meeting` or `critique`",
  decisionEvent: "approve, reject, admit, ratify, extend or expel",
  unitDecl: "a unit kind (committee, cell, primary, branch, subprimary, team)",
  nameProperty: "a property",
  rosterEntry: "`member` or `candidate`",
  bodyBlock: "`committee` or `executive`",
};

/** A token type as the user would write it: keywords as themselves, others described. */
export function describeTokenType(type: TokenType): string {
  if (isKeywordToken(type)) return keywordWord(type);
  return TOKEN_DESCRIPTIONS[type.name] ?? type.name;
}

function describeFound(token: IToken): string {
  if (token.tokenType.name === "EOF") return "the end of the file";
  return `\`${token.image}\``;
}

function describeExpected(types: readonly TokenType[]): string {
  const words = [...new Set(types.map((type) => (isKeywordToken(type) ? `\`${describeTokenType(type)}\`` : describeTokenType(type))))];
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** The keyword a mistyped word most likely meant (bounded, as every suggestion is). */
function closestKeyword(word: string, candidates: readonly string[]): string | undefined {
  return closestNames(word, candidates, 1)[0];
}

function suggestion(found: IToken, expected: readonly TokenType[]): string {
  if (found.tokenType.name !== "Identifier") return "";
  const keywords = expected.filter(isKeywordToken).map(describeTokenType);
  const best = closestKeyword(found.image, keywords.length > 0 ? keywords : keywordWords);
  return best ? ` (did you mean \`${best}\`?)` : "";
}

export const orgErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${describeExpected([expected])} but found ${describeFound(actual)}${suggestion(actual, [expected])}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeFound(firstRedundant)}: expected a declaration or an event`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const firstTokens = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]!)).filter(Boolean);
    const found = actual[0]!;
    const what = RULE_DESCRIPTIONS[ruleName] ?? describeExpected(firstTokens);
    return `expected ${what} but found ${describeFound(found)}${suggestion(found, firstTokens)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const firstTokens = expectedIterationPaths.map((path) => path[0]!).filter(Boolean);
    const found = actual[0]!;
    return `expected ${describeExpected(firstTokens)} but found ${describeFound(found)}${suggestion(found, firstTokens)}`;
  },
};
