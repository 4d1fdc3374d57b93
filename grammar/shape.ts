// What the grammar says about its own shape, read off the parser's
// productions (Chevrotain's GAST) so that the editor and the formatter never
// keep a list of their own: which keywords are written together
// (`committee meeting`, `recommended by`, `youth league letter`), what label
// each CONSUME and SUBRULE carries, and the clauses of `{ … }` blocks.
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type IProduction,
  type TokenType,
} from "chevrotain";
import { isKeywordToken, keywordWord, LCurly, RCurly } from "./lexer.js";
import { getOrgParser } from "./parser.js";

/** One CONSUME of the grammar. */
export interface GrammarTerminal {
  readonly rule: string;
  readonly type: TokenType;
  /** Its `LABEL` (`unit`, `person`, …), the name the CST gives it. */
  readonly label: string | undefined;
  /**
   * This keyword and the keywords written right after it in the same
   * sequence, up to the first token that is no keyword: `committee meeting`
   * in `committee meeting U`, `recommended by`, `youth league letter`. Empty
   * for a terminal that is no keyword.
   */
  readonly phrase: readonly TokenType[];
  /** Inside a repetition of its rule (`MANY`…): it may be written again, as `youth_league` and `at` along a roster entry. */
  readonly repeated: boolean;
}

/** One element of a block clause: a single token, or a name list (`a, b, c`). */
export type ClauseElement = "token" | "names";

const productions = getOrgParser().getGAstProductions();

/**
 * Every sequence of productions under `production`, each once (alternatives,
 * options and repetitions hold one each), and whether it is inside a repetition.
 */
function forEachSequence(production: IProduction, visit: (sequence: readonly IProduction[], repeated: boolean) => void, repeated = false): void {
  const repetition =
    production instanceof Repetition ||
    production instanceof RepetitionMandatory ||
    production instanceof RepetitionWithSeparator ||
    production instanceof RepetitionMandatoryWithSeparator;
  if (repetition || production instanceof Rule || production instanceof Alternative || production instanceof Option) {
    visit(production.definition, repeated || repetition);
    for (const child of production.definition) forEachSequence(child, visit, repeated || repetition);
  } else if (production instanceof Alternation) {
    for (const alternative of production.definition) forEachSequence(alternative, visit, repeated);
  }
}

const terminals = new Map<string, GrammarTerminal>();
const subruleLabels = new Map<string, string | undefined>();
const terminalKey = (rule: string, type: TokenType, occurrence: number) => `${rule}/${type.name}/${occurrence}`;
const subruleKey = (rule: string, subrule: string, occurrence: number) => `${rule}/${subrule}/${occurrence}`;

for (const [name, rule] of Object.entries(productions)) {
  forEachSequence(rule, (sequence, repeated) => {
    sequence.forEach((production, index) => {
      if (production instanceof NonTerminal) {
        subruleLabels.set(subruleKey(name, production.nonTerminalName, production.idx), production.label);
        return;
      }
      if (!(production instanceof Terminal)) return;
      const phrase: TokenType[] = [];
      for (let next = index; next < sequence.length; next++) {
        const following = sequence[next];
        if (!(following instanceof Terminal) || !isKeywordToken(following.terminalType)) break;
        phrase.push(following.terminalType);
      }
      terminals.set(terminalKey(name, production.terminalType, production.idx), {
        rule: name,
        type: production.terminalType,
        label: production.label,
        phrase,
        repeated,
      });
    });
  });
}

/** The CONSUME of `type` with this occurrence index in `rule` (as Chevrotain's content assist names it). */
export function grammarTerminal(rule: string, type: TokenType, occurrence: number): GrammarTerminal | undefined {
  return terminals.get(terminalKey(rule, type, occurrence));
}

/** The `LABEL` of the SUBRULE of `subrule` with this occurrence index in `rule`; `undefined` without one. */
export function subruleLabel(rule: string, subrule: string, occurrence: number): string | undefined {
  return subruleLabels.get(subruleKey(rule, subrule, occurrence));
}

/** The words of a keyword phrase: `committee meeting`. */
export function phraseText(phrase: readonly TokenType[]): string {
  return phrase.map(keywordWord).join(" ");
}

function isTerminal(production: IProduction | undefined, type: TokenType): boolean {
  return production instanceof Terminal && production.terminalType === type;
}

function clauseShape(sequence: readonly IProduction[]): ClauseElement[] | null {
  const first = sequence[0];
  if (!(first instanceof Terminal) || !isKeywordToken(first.terminalType)) return null;
  const shape: ClauseElement[] = [];
  for (const production of sequence) {
    if (production instanceof Terminal) shape.push("token");
    else if (production instanceof NonTerminal && production.nonTerminalName === "nameList") shape.push("names");
    else return null;
  }
  return shape;
}

/**
 * The clauses of the grammar's token blocks, by their first keyword: every
 * `{ MANY(…) }` whose iterations are keywords, single tokens and name lists
 * (`elected DATE`, `members LIST`, `present LIST`, `recommended by LIST`,
 * `youth league letter`). Unit bodies, whose items are subrules, are not
 * among them. Two clauses starting with one keyword in different shapes
 * would make blocks ambiguous to read, so that throws.
 */
function findBlockClauses(): ReadonlyMap<string, readonly ClauseElement[]> {
  const clauses = new Map<string, readonly ClauseElement[]>();
  const add = (sequence: readonly IProduction[]) => {
    const shape = clauseShape(sequence);
    const first = sequence[0];
    if (!shape || !(first instanceof Terminal)) return;
    const word = keywordWord(first.terminalType);
    const known = clauses.get(word);
    if (known && known.join() !== shape.join()) throw new Error(`grammar: two block clauses start with \`${word}\` in different shapes`);
    clauses.set(word, shape);
  };
  for (const rule of Object.values(productions)) {
    forEachSequence(rule, (sequence) => {
      for (let i = 0; i + 2 < sequence.length; i++) {
        const body = sequence[i + 1];
        if (!isTerminal(sequence[i], LCurly) || !(body instanceof Repetition) || !isTerminal(sequence[i + 2], RCurly)) continue;
        const only = body.definition.length === 1 ? body.definition[0] : undefined;
        if (!(only instanceof Alternation)) add(body.definition);
        else for (const alternative of only.definition) if (alternative instanceof Alternative) add(alternative.definition);
      }
    });
  }
  return clauses;
}

export const BLOCK_CLAUSES: ReadonlyMap<string, readonly ClauseElement[]> = findBlockClauses();
