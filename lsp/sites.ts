// What completion offers at a position the grammar names (see context.ts):
// which kind of name goes in each labelled name position of the grammar, and
// which unit items each kind of unit takes. The positions themselves, the
// keywords and their order come from the grammar; which units fit `under`
// comes from the hierarchy rule (completion.ts).
import { COMMITTEE_LEVELS, SETTINGS, type UnitKind } from "./api.js";
import { DURATION_WORDS } from "../grammar/lexer.js";

/** The unit being written, as its text says (it may not be checked yet). */
export interface UnitHeader {
  readonly kind: UnitKind | null;
  readonly id: string | null;
  /** The `level` written in its body, before or after the cursor. */
  readonly level: string | null;
}

export type UnitFilter =
  | { readonly parentOf: UnitHeader }
  | { readonly kinds: readonly UnitKind[] }
  | { readonly committees: true };

export type Site =
  /**
   * `ends`: for a phrase whose later words are already written after the
   * word being replaced (`youth le|ague letter`), where the replaced text
   * ends, so that accepting it does not write them twice.
   */
  | { readonly type: "keywords"; readonly words: readonly string[]; readonly ends?: Readonly<Record<string, number>> }
  | { readonly type: "values"; readonly words: readonly string[] }
  | { readonly type: "units"; readonly filter: UnitFilter }
  | { readonly type: "people"; readonly rosterOf: string | null }
  | { readonly type: "residences"; readonly coveredBy: string | null }
  /** `string`: the part of the string under the cursor that the completion replaces (quotes included). */
  | { readonly type: "import"; readonly string: { readonly start: number; readonly end: number } | null };

/** What a name position depends on, read from the statement's CST. */
export interface NameFacts {
  /** The unit being declared, when the position is in a unit's body. */
  readonly unit: UnitHeader | null;
  /** The property's keyword (`under`, `secretary`…) of a `nameProperty`. */
  readonly key: string | null;
  /** The gathering being recorded: `meeting`, `committee meeting`, `executive meeting`, `critique`. */
  readonly gathering: string | null;
  /** The unit of the gathering or application (whose roster attends or recommends). */
  readonly subject: string | null;
  /** A decision's verb (`approve`…). */
  readonly verb: string | null;
  /** Whether the interval has a count (`every 2 …`). */
  readonly counted: boolean;
  /** Whether the interval is a cell's critique cadence rather than a series'. */
  readonly inCritique: boolean;
}

const BASIC: readonly UnitKind[] = ["cell", "primary", "branch", "subprimary", "team"];
/** The units with a committee and an executive committee that meet (committee and executive meetings). */
const WITH_COMMITTEE: readonly UnitKind[] = ["cell", "primary", "branch", "subprimary"];
const GATHERING_UNITS: Record<string, readonly UnitKind[]> = {
  meeting: BASIC,
  "committee meeting": WITH_COMMITTEE,
  "executive meeting": WITH_COMMITTEE,
  critique: ["cell"],
};
/** Decisions taken by a party committee; the others (`admit`, `extend`, `expel`) by the basic unit. */
const COMMITTEE_DECISIONS = new Set(["approve", "reject", "ratify"]);
const CRITIQUE_CADENCES = ["weekly", "every 2 days"];

const units = (filter: UnitFilter): Site => ({ type: "units", filter });
const basic = units({ kinds: BASIC });
const committees = units({ committees: true });

/**
 * The site of a name position, by its grammar name (`rule.label`; a name
 * list by the label of its subrule); `null` where a new name is written
 * (an ID being declared) or nothing is offered.
 */
export function nameSite(slot: string, facts: () => NameFacts): Site | null {
  switch (slot) {
    case "nameProperty.value": {
      const { key, unit } = facts();
      if (key === "under") return unit ? units({ parentOf: unit }) : null;
      if (key === "secretary" || key === "deputy") return { type: "people", rosterOf: unit?.id ?? null };
      if (key === "level") return { type: "values", words: COMMITTEE_LEVELS };
      if (key === "setting") return { type: "values", words: SETTINGS };
      return null;
    }
    case "critiqueProperty.cadence":
      return { type: "values", words: CRITIQUE_CADENCES };
    case "interval.unit": {
      const { counted, inCritique } = facts();
      // A critique's cadence is offered in days (weekly or more often: ORG206); a series' in every unit.
      if (inCritique) return counted ? { type: "values", words: ["days"] } : null;
      return { type: "values", words: DURATION_WORDS.filter((word) => word.endsWith("s") === counted) };
    }
    case "coversProperty.nameList":
      return { type: "residences", coveredBy: null };
    case "rosterEntry.residence":
      return { type: "residences", coveredBy: facts().unit?.id ?? null };
    case "bodyBlock.members":
      return { type: "people", rosterOf: facts().unit?.id ?? null };
    case "gatheringEvent.unit":
      return units({ kinds: GATHERING_UNITS[facts().gathering ?? "meeting"] ?? BASIC });
    case "gatheringEvent.present":
    case "applicationEvent.recommenders":
      return { type: "people", rosterOf: facts().subject };
    case "reportEvent.unit":
    case "applicationEvent.unit":
    case "reviewEvent.unit":
    case "transferEvent.from":
    case "transferEvent.to":
      return basic;
    case "approvedProperty.by":
    case "reportEvent.recipients":
    case "forwardEvent.unit":
      return committees;
    case "decisionEvent.unit":
      return COMMITTEE_DECISIONS.has(facts().verb ?? "") ? committees : basic;
    case "reviewEvent.person":
    case "forwardEvent.person":
    case "decisionEvent.person":
    case "transferEvent.person":
      return { type: "people", rosterOf: null };
    default:
      return null;
  }
}

/** The unit kinds that take each of the unit items only some kinds take (docs/language.md); every kind takes the others. */
const ITEM_KINDS: Record<string, readonly UnitKind[]> = {
  level: ["committee"],
  setting: BASIC,
  critique: ["cell"],
  covers: ["cell"],
  approved: ["team"],
  committee: WITH_COMMITTEE,
  executive: ["primary", "subprimary"],
};

/** Whether a unit of `kind` takes the item starting with `word` (`null`: the kind is not known). */
export function itemTakenBy(word: string, kind: UnitKind | null): boolean {
  const kinds = ITEM_KINDS[word];
  return kinds === undefined || kind === null || kinds.includes(kind);
}
