import { describe, expect, it } from "vitest";
import { years } from "../../src/rules/rule.js";
import { recommendations } from "../../src/rules/membership/recommendations.js";
import { membershipExample } from "../../src/rules/shared/membership-examples.js";
import { checkSpec, reported } from "../helpers.js";

/** The example program: extra roster lines from line 11, events from line 14 + roster.length. */
const spec = (roster: string[], events: string[]) => `import "committees.org"\n${membershipExample(roster, events)}\n`;
const range = (line: number, text: string) => `${line}:1-${line}:${text.length + 1}`;
const apply = (by: string, extra = "") => `on 2026-02-02 application so_ra "So Ra"${extra} to acad { recommended by ${by} }`;
const ORG302 = (roster: string[], events: string[], options = {}) => reported(checkSpec(spec(roster, events), options), "ORG302");

describe("ORG302 recommendations", () => {
  it("names a recommender of under two years, on the application, pointing at the roster entry", () => {
    const event = apply("kim_a, pak_c");
    const result = checkSpec(spec([], [event]));
    expect(reported(result, "ORG302")).toEqual([
      `${range(14, event)} the application of So Ra on 2026-02-02 has 1 recommendation that counts, 2 needed: Pak C joined 2025-01-10, under two years before the application of 2026-02-02`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG302")!;
    expect(diagnostic.severity).toBe("error");
    expect(diagnostic.related.map((r) => `${result.at({ ...diagnostic, span: r.span })} ${r.message}`)).toEqual([
      `8:3-8:41 Pak C joined 2025-01-10`,
    ]);
  });

  it("counts exactly two years of membership, not a day less", () => {
    expect(ORG302([`member lee_t "Lee T" joined 2024-02-02`], [apply("kim_a, lee_t")])).toEqual([]);
    const event = apply("kim_a, lee_t");
    expect(ORG302([`member lee_t "Lee T" joined 2024-02-03`], [event])).toEqual([
      `${range(15, event)} the application of So Ra on 2026-02-02 has 1 recommendation that counts, 2 needed: Lee T joined 2024-02-03, under two years before the application of 2026-02-02`,
    ]);
  });

  it("does not count candidates, people in no roster, or members who joined after the application", () => {
    const event = apply("yu_na, jo_e, lee_t");
    expect(
      ORG302([`candidate yu_na "Yu Na" since 2020-01-01`, `member lee_t "Lee T" joined 2026-03-01`], [`person jo_e "Jo E"`, event]),
    ).toEqual([
      `${range(17, event)} the application of So Ra on 2026-02-02 has 0 recommendations that count, 2 needed: Yu Na is a candidate member, not a full member; Jo E is not a full member; Lee T joined 2026-03-01, after the application of 2026-02-02`,
    ]);
  });

  it("runs tenure from a recorded ratify where the roster has no member entry", () => {
    expect(ORG302([], [`person jo_e "Jo E"`, `on 2023-01-05 ratify jo_e by sinuiju`, apply("kim_a, jo_e")])).toEqual([]);
    const event = apply("kim_a, jo_e");
    expect(ORG302([], [`person jo_e "Jo E"`, `on 2025-01-05 ratify jo_e by sinuiju`, event])).toEqual([
      `${range(16, event)} the application of So Ra on 2026-02-02 has 1 recommendation that counts, 2 needed: Jo E was ratified a full member on 2025-01-05, under two years before the application of 2026-02-02`,
    ]);
  });

  it("lets a youth league letter stand for one recommendation of a youth league member", () => {
    const letter = (extra: string) => `on 2026-02-02 application so_ra "So Ra"${extra} to acad {\n  recommended by kim_a\n  youth league letter\n}`;
    expect(ORG302([], [letter(" youth_league")])).toEqual([]);
    // Marked in the roster instead of the application.
    expect(ORG302([`candidate so_ra "So Ra" since 2026-03-01 youth_league`], [letter("")])).toEqual([]);
  });

  it("counts a youth league letter at most once", () => {
    const event = `on 2026-02-02 application so_ra "So Ra" youth_league to acad { youth league letter }`;
    expect(ORG302([], [event])).toEqual([`${range(14, event)} the application of So Ra on 2026-02-02 has 1 recommendation that counts, 2 needed`]);
  });

  it("does not count a youth league letter for an applicant not in the youth league", () => {
    const result = checkSpec(spec([], [`on 2026-03-02 application gang_u "Gang U" to acad {`, `  recommended by kim_a`, `  youth league letter`, `}`]));
    expect(reported(result, "ORG302")).toEqual([
      `14:1-17:2 the application of Gang U on 2026-03-02 has 1 recommendation that counts, 2 needed: a youth league letter counts only for a youth league member, and Gang U is not marked youth_league`,
    ]);
    const diagnostic = result.diagnostics.find((d) => d.code === "ORG302")!;
    expect(result.at({ ...diagnostic, span: diagnostic.related[0]!.span })).toBe("16:3-16:22");
  });

  it("counts a recommender named twice once", () => {
    const event = apply("kim_a, kim_a");
    expect(ORG302([], [event])).toEqual([
      `${range(14, event)} the application of So Ra on 2026-02-02 has 1 recommendation that counts, 2 needed: Kim A is named twice and counts once`,
    ]);
  });

  it("stays silent when an unresolved recommender might make up the count", () => {
    const result = checkSpec(spec([], [apply("kim_a, kim_z")]));
    expect(result.codes()).toContain("ORG002");
    expect(reported(result, "ORG302")).toEqual([]);
  });

  it("takes count and tenure from the rulebook", () => {
    const rulebook = new Map([["ORG302", { severity: "error" as const, options: { count: 1, tenure: years(1) } }]]);
    expect(ORG302([], [apply("pak_c")], { rulebook })).toEqual([]);
  });

  it("reports its failing docs example and not its passing one", () => {
    expect(reported(checkSpec(`import "committees.org"\n${recommendations.docs.failing}`), "ORG302")).toHaveLength(1);
    expect(reported(checkSpec(`import "committees.org"\n${recommendations.docs.passing}`), "ORG302")).toEqual([]);
  });
});
