// fast-check generators of .org specs for the formatter's property tests:
// every construct of the language, written with random spacing, random line
// breaks and comments between any two tokens. Most generated specs parse; a
// few (keywords used as names where the grammar cannot take them) do not,
// and the properties check that those are refused.
import fc from "fast-check";

type Tokens = string[];

const plainNames = ["a", "b", "kim_chol", "ri_yong", "mill3", "x1", "Han_Ok", "_p", "steel", "namsan"];
// Keywords are not reserved: some are fine as names.
const keywordNames = ["central", "workplace", "weekly", "city", "by", "to", "letter"];

const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...plainNames) }, { weight: 1, arbitrary: fc.constantFrom(...keywordNames) });
const date = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("2026-01-12", "2025-12-15", "2010-01-01", "2026-06-30") },
  { weight: 1, arbitrary: fc.constantFrom("2026-02-30", "2026-13-01") }, // ORG004: still formatted
);
const str = fc.constantFrom('"Kim Chol"', '"Textile Mill Cell No. 3"', '"김철"', '"Kim \\"Chol\\""', '"back\\\\slash"', '"\\K\\im"', '""');
const optional = (arbitrary: fc.Arbitrary<Tokens>): fc.Arbitrary<Tokens> =>
  fc.oneof(fc.constant<Tokens>([]), arbitrary);
const list = fc.array(name, { minLength: 1, maxLength: 12 }).map((names) => names.flatMap((n, i) => (i === 0 ? [n] : [",", n])));
const concat = (...parts: fc.Arbitrary<Tokens>[]): fc.Arbitrary<Tokens> => fc.tuple(...parts).map((all) => all.flat());
const fixed = (...tokens: string[]): fc.Arbitrary<Tokens> => fc.constant(tokens);
const one = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<Tokens> => arbitrary.map((token) => [token]);

const interval: fc.Arbitrary<Tokens> = fc.oneof(
  fixed("every", "week"),
  fixed("every", "month"),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom("day", "days", "weeks", "months", "year")).map(([n, unit]): Tokens => ["every", String(n), unit]),
);

const unitItem: fc.Arbitrary<Tokens> = fc.oneof(
  concat(fixed("level"), one(fc.constantFrom("central", "provincial", "city", "county"))),
  concat(fc.constantFrom(["under"], ["secretary"], ["deputy"]), one(name)),
  concat(fixed("setting"), one(fc.constantFrom("residential", "workplace", "military", "abroad"))),
  concat(fixed("established"), one(date)),
  fc.oneof(fixed("critique", "weekly"), fixed("critique", "daily"), concat(fixed("critique"), interval)),
  concat(fixed("covers"), list),
  concat(fixed("approved"), one(date), fixed("by"), one(name)),
  concat(
    one(fc.constantFrom("committee", "executive")),
    fixed("{"),
    fc.array(fc.oneof(concat(fixed("elected"), one(date)), concat(fixed("members"), list)), { maxLength: 3 }).map((c) => c.flat()),
    fixed("}"),
  ),
  concat(
    fc.constantFrom(["member"], ["candidate"]),
    one(name),
    optional(one(str)),
    fixed("joined"),
    one(date),
    fc.array(fc.oneof(fixed("youth_league"), concat(fixed("at"), one(name))), { maxLength: 2 }).map((c) => c.flat()),
  ).map((tokens) => (tokens[0] === "candidate" ? tokens.map((t) => (t === "joined" ? "since" : t)) : tokens)),
);

const gathering = concat(
  fc.constantFrom(["meeting"], ["committee", "meeting"], ["executive", "meeting"], ["critique"]),
  one(name),
  optional(concat(fixed("{"), fc.array(concat(fixed("present"), list), { maxLength: 2 }).map((c) => c.flat()), fixed("}"))),
);
const report = concat(fixed("report"), one(name), fixed("to"), list);

const event = fc.oneof(
  gathering,
  report,
  concat(
    fixed("application"),
    one(name),
    optional(one(str)),
    optional(fixed("youth_league")),
    fixed("to"),
    one(name),
    optional(
      concat(
        fixed("{"),
        fc.array(fc.oneof(concat(fixed("recommended", "by"), list), fixed("youth", "league", "letter")), { maxLength: 2 }).map((c) => c.flat()),
        fixed("}"),
      ),
    ),
  ),
  concat(fixed("review"), one(name), fixed("at"), one(name)),
  concat(fixed("forward"), one(name), fixed("to"), one(name)),
  concat(one(fc.constantFrom("approve", "reject", "admit", "ratify", "extend", "expel")), one(name), fixed("by"), one(name)),
  concat(fixed("transfer"), one(name), fixed("from"), one(name), fixed("to"), one(name)),
);

const statement: fc.Arbitrary<Tokens> = fc.oneof(
  concat(fixed("import"), one(fc.constantFrom('"committees.org"', '"common/a.org"'))),
  concat(fixed("period"), one(date), fixed("to"), one(date)),
  concat(fixed("residence"), one(name), optional(one(str))),
  concat(fixed("person"), one(name), optional(one(str))),
  concat(
    one(fc.constantFrom("committee", "cell", "primary", "branch", "subprimary", "team")),
    one(name),
    optional(one(str)),
    fixed("{"),
    fc.array(unitItem, { maxLength: 6 }).map((items) => items.flat()),
    fixed("}"),
  ),
  concat(fixed("on"), one(date), event),
  concat(interval, fixed("from"), one(date), fixed("to"), one(date), fc.oneof(gathering, report)),
);

/** Separators between tokens: mostly plain spacing, sometimes comments (which come with the line break they need). */
const SPACING = [" ", " ", " ", " ", "  ", "\n", "\n", "\n  ", "\n\n", "\n\n\n", "\t", ""];
const COMMENTED = [
  " /*C*/ ", "\n/*C*/\n", " //C\n", "\n//C\n", "\n\n//C\n\n", "   //C\n  ", " /*C*/ //C\n", "\n/*C\n   C */\n", "\n/**\n   * C\n   */\n",
];
const separator = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPACING) },
  { weight: 1, arbitrary: fc.constantFrom(...COMMENTED) },
);

/** A rendered spec: the statements' tokens joined by the chosen separators (cycled). */
export const spec: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(statement, { minLength: 0, maxLength: 8 }),
    fc.array(separator, { minLength: 1, maxLength: 64 }),
    fc.nat({ max: 3 }),
  )
  .map(([statements, separators, ending]) => {
    let counter = 0;
    let cursor = 0;
    const tokens = statements.flat();
    const between = (left: string, right: string): string => {
      let chosen = separators[cursor++ % separators.length]!;
      // Words need something between them; "" is only for commas and braces.
      if (chosen === "" && /\w|"$/.test(left.slice(-1)) && /^[\w"]/.test(right)) chosen = " ";
      return chosen.replace(/C/g, () => `c${++counter}`);
    };
    let text = between(",", ",").replace(/^[ \t]+/, "");
    tokens.forEach((token, i) => {
      text += token;
      if (i < tokens.length - 1) text += between(token, tokens[i + 1]!);
    });
    return text + ["", "\n", "  //end\n", "\n\n/*end*/"][ending]!;
  });

export const printWidth = fc.constantFrom(30, 60, 80, 120);
