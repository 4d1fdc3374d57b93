import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tokenizeOrg } from "../../grammar/lexer.js";
import { parseText } from "../../src/index.js";
import { LineIndex } from "../../src/util/text.js";

function parse(text: string) {
  const result = parseText("/spec.org", text);
  const lines = new LineIndex(text);
  const where = (span: { start: number; end: number }) => {
    const start = lines.position(span.start);
    const end = lines.position(span.end);
    return `${start.line}:${start.column}-${end.line}:${end.column}`;
  };
  return { ...result, errors: result.diagnostics.map((d) => `${d.code} ${where(d.span)} ${d.message}`), where };
}

/** Every construct LANGUAGE.md shows, as it shows it. */
const LANGUAGE_SAMPLE = `
import "committees.org"          // relative to this file; cycles are errors
period 2026-01-01 to 2026-06-30  // the window the records cover (inclusive)

committee central "WPK Central Committee" { level central }
committee sinuiju "Sinuiju City Party Committee" {
  level city                       // central | provincial | city | county
  under north_pyongan
}

cell mill3 "Textile Mill Cell No. 3" {
  under sinuiju
  setting workplace
  established 2019-04-01
  critique weekly
  secretary kim_chol
  deputy ri_yong

  member kim_chol "Kim Chol" joined 2012-05-01
  member ri_yong "Ri Yong" joined 2018-03-10
  member pak_sun "Pak Sun" joined 2021-06-01 youth_league
  candidate han_mi "Han Mi" since 2025-11-02
}

primary steel "Kim Chaek Steel Complex Primary Party Organization" {
  under chongjin
  setting workplace
  secretary o_jin
  deputy kang_il
  committee {
    elected 2025-12-15
    members o_jin, kang_il, choe_su, ryu_ha, mun_ok
  }
  executive {
    members o_jin, kang_il, choe_su
  }
}

residence block12 "Namsan-dong People's Unit 12"
residence block13 "Namsan-dong People's Unit 13"

cell namsan "Namsan-dong Residential Cell" {
  under sinuiju
  setting residential
  covers block12, block13
  critique every 2 days
  member jo_ha "Jo Ha" joined 2010-01-01 at block13
}

team moscow "Embassy Party Team, Moscow" {
  under central
  setting abroad
  approved 2024-09-01 by central
}

person jo_e "Jo E"

on 2026-01-12 meeting mill3
on 2026-01-12 meeting mill3 { present kim_chol, ri_yong, han_ok }
on 2026-01-16 committee meeting steel
on 2026-01-20 executive meeting steel
on 2026-01-05 critique mill3
on 2026-03-31 report steel to chongjin, north_hamgyong
on 2026-02-03 application han_ok "Han Ok" youth_league to mill3 {
  recommended by kim_chol
  youth league letter
}
on 2026-02-04 application so_ra "So Ra" to mill3 { recommended by kim_chol, ri_yong }
on 2026-02-09 review han_ok at mill3
on 2026-02-10 forward han_ok to sinuiju
on 2026-03-01 approve han_ok by sinuiju
on 2026-03-01 reject han_ok by sinuiju
on 2027-02-20 admit han_ok by mill3
on 2027-03-01 ratify han_ok by sinuiju
on 2027-02-20 extend han_ok by mill3
on 2028-02-20 expel han_ok by mill3
on 2026-05-01 transfer pak_sun from mill3 to mill4

every month from 2026-01-12 to 2026-06-12 meeting mill3
every week from 2026-01-05 to 2026-06-29 critique mill3
every 2 days from 2026-01-01 to 2026-06-30 critique mill5
every 2 weeks from 2026-01-02 to 2026-06-26 committee meeting steel
every 3 months from 2026-03-01 to 2026-06-01 report mill3 to sinuiju, north_pyongan
`;

describe("parser", () => {
  it("parses every construct of LANGUAGE.md without errors", () => {
    const { errors, ast } = parse(LANGUAGE_SAMPLE);
    expect(errors).toEqual([]);
    expect(ast.statements.map((s) => s.type)).toEqual([
      "import", "period", "unit", "unit", "unit", "unit", "residence", "residence", "unit", "unit", "person",
      ...Array(17).fill("event"),
      ...Array(5).fill("series"),
    ]);
  });

  it("builds typed nodes with exact spans", () => {
    const { ast, where } = parse(LANGUAGE_SAMPLE);
    const mill3 = ast.statements.find((s) => s.type === "unit" && s.id.name === "mill3");
    if (mill3?.type !== "unit") throw new Error("mill3 missing");
    expect(where(mill3.id.span)).toBe("11:6-11:11");
    expect(mill3.title?.value).toBe("Textile Mill Cell No. 3");
    const pak = mill3.items.find((item) => item.type === "roster" && item.id.name === "pak_sun");
    expect(pak).toMatchObject({ status: "member", youthLeague: true, date: { text: "2021-06-01" } });
    const critique = mill3.items.find((item) => item.type === "critique");
    expect(critique).toMatchObject({ interval: { count: 1, unit: "week" } });
    const application = ast.statements.find((s) => s.type === "event" && s.event.type === "application");
    if (application?.type !== "event" || application.event.type !== "application") throw new Error("no application");
    expect(application.event.youthLeague).toBe(true);
    expect(application.event.recommenders.map((r) => r.name)).toEqual(["kim_chol"]);
    expect(where(application.event.youthLeagueLetter!)).toBe("66:3-66:22");
    expect(where(application.span)).toBe("64:1-67:2");
  });

  it("keeps keywords usable as names (they are not reserved)", () => {
    const { errors, ast } = parse(`committee central "C" { level central }
cell member "A cell named member" { under central  secretary deputy  deputy secretary
  member deputy "D" joined 2010-01-01
  member secretary "S" joined 2010-01-01
}
on 2026-01-01 meeting member`);
    expect(errors).toEqual([]);
    const cell = ast.statements[1];
    expect(cell?.type === "unit" && cell.id.name).toBe("member");
  });

  it("keeps comments in their own group with spans", () => {
    const { ast, where } = parse("// lead\ncell a { /* inside */ }\n");
    expect(ast.comments.map((c) => [c.kind, c.text, where(c.span)])).toEqual([
      ["line", "// lead", "1:1-1:8"],
      ["block", "/* inside */", "2:10-2:22"],
    ]);
  });

  it("reports every syntax error and recovers to parse the rest", () => {
    const { errors, ast } = parse(`cell a "A" {
  member x "X" joined 2010-01-01 @
}
on 2026-03-11 meting a
on 2026-03-12 meeting a
on 2026-03-13 approve
on 2026-03-14 critique a
`);
    expect(errors).toEqual([
      "ORG001 2:34-2:35 unexpected character `@`",
      "ORG001 4:15-4:21 expected an event (meeting, committee meeting, executive meeting, critique, report, application, review, forward, approve, reject, admit, ratify, extend, expel, transfer) but found `meting` (did you mean `meeting`?)",
      "ORG001 7:1-7:3 expected a name but found `on`",
    ]);
    const kinds = ast.statements.map((s) => (s.type === "event" ? `${s.type}:${s.date.text}` : s.type));
    expect(kinds).toEqual(["unit", "event:2026-03-12", "event:2026-03-14"]);
  });

  it("still declares the ID of a declaration that did not parse completely", () => {
    const { ast, errors } = parse(`cell a "A" {
  member x "X" joined
}`);
    expect(errors).toEqual(["ORG001 3:1-3:2 expected a date (YYYY-MM-DD) but found `}`"]);
    const unit = ast.statements[0];
    if (unit?.type !== "unit") throw new Error("unit missing");
    expect(unit.items).toMatchObject([{ type: "roster", id: { name: "x" }, date: { day: null } }]);
  });

  it("reports an unterminated string on its own line", () => {
    const { errors } = parse(`person a "unterminated\nperson b "B"`);
    expect(errors[0]).toBe("ORG001 1:10-1:23 unterminated string: a string ends on the line it starts");
  });

  it("reports an unknown value word with a suggestion", () => {
    const { errors } = parse(`cell a { setting workplac }\ncommittee c { level town }`);
    expect(errors).toEqual([
      "ORG001 1:18-1:26 unknown setting `workplac`; expected `residential`, `workplace`, `military`, `security`, `government`, `cultural` or `abroad` (did you mean `workplace`?)",
      "ORG001 2:21-2:25 unknown level `town`; expected `central`, `provincial`, `city` or `county`",
    ]);
  });

  it("reports dates that are not calendar dates (ORG004)", () => {
    const { errors } = parse(`period 2026-01-01 to 2026-13-01\non 2025-02-29 meeting a\non 2024-02-29 meeting a`);
    expect(errors).toEqual([
      "ORG004 1:22-1:32 2026-13-01 is not a calendar date",
      "ORG004 2:4-2:14 2025-02-29 is not a calendar date",
    ]);
  });

  it("reports a missing closing brace at the end of the file", () => {
    const { errors, ast } = parse(`cell a "A" {\n  under b\n`);
    expect(errors).toEqual(["ORG001 2:10-2:10 expected `}` but found the end of the file"]);
    expect(ast.statements).toHaveLength(1);
  });

  it("never throws on arbitrary bytes", () => {
    const garbage = readFileSync(new URL(import.meta.url)).toString("latin1");
    expect(() => parse(garbage)).not.toThrow();
    expect(() => parse("{{{{ }}}} ,,, \"\n on on on every every 12 from")).not.toThrow();
  });
});

describe("lexer", () => {
  const kinds = (text: string) => tokenizeOrg(text).tokens.map((tok) => `${tok.tokenType.name}:${tok.image}`);

  it("gives keywords their tokens and leaves longer words names", () => {
    expect(kinds("committee committees youth_league youth league_x member members")).toEqual([
      "Kw_committee:committee",
      "Identifier:committees",
      "Kw_youth_league:youth_league",
      "Kw_youth:youth",
      "Identifier:league_x",
      "Kw_member:member",
      "Kw_members:members",
    ]);
  });

  it("treats `on` and `every` as names where they start no statement", () => {
    expect(kinds("on 2026-01-01 meeting on every 2 weeks every month under every")).toEqual([
      "Kw_on:on",
      "DateLiteral:2026-01-01",
      "Kw_meeting:meeting",
      "Identifier:on",
      "Kw_every:every",
      "IntegerLiteral:2",
      "Identifier:weeks",
      "Kw_every:every",
      "Identifier:month",
      "Kw_under:under",
      "Identifier:every",
    ]);
    const { errors, ast } = parse(`cell on "On Cell" { under every  member every "E" joined 2010-01-01 }
committee every "Every Committee" { level city }
on 2026-01-05 meeting on
every week from 2026-01-05 to 2026-01-26 critique on`);
    expect(errors).toEqual([]);
    expect(ast.statements.map((s) => s.type)).toEqual(["unit", "unit", "event", "series"]);
  });
});
