// Comments are never lost, duplicated or moved to another construct; trailing
// comments stay on the line of the code they follow; a comment alone on its
// line stays directly above what it governs (waivers, `// expect:`).
import { describe, expect, it } from "vitest";
import { assertCommentsKept, commentPlacement, dedent, format } from "./helpers.js";

/** Every position a comment can take, each comment unique. */
const EVERY_POSITION = dedent(`
  // c1 file header

  /* c2 before import */ import "committees.org" // c3 after import
  period /* c4 inside */ 2026-01-01 to 2026-06-30
  /* c5
     multi-line */
  cell mill3 /* c6 */ "Mill" { // c7 after brace
    // c8 before first item
    under sinuiju // c9 trailing property
    committee { /* c10 */ members a, // c11 in list
      b /* c12 */, c
      // c13 dangling in body block
    }
    executive { /* c14 empty */ }

    member a "A" joined 2010-01-01 // c15 trailing roster
    // c16 between roster entries
    member b /* c17 */ "B" joined 2010-01-01
    // orgspec-waive ORG114 -- c18 waiver above
    member c "C" joined 2010-01-01 // orgspec-waive ORG306 -- c19 waiver same line
    // c20 dangling at end
  } // c21 after closing brace
  on 2026-01-12 meeting mill3 { // c22
    present a, b
  }
  on 2026-01-13 meeting mill3 { present a, b } /* c23 */ // c24
  on 2026-02-03 application x "X" to mill3
    // c25 own line inside a statement
    { recommended by a /* c26 */ youth league letter }
  every week from 2026-01-05 to 2026-06-29 critique mill3 // c27
  // c28 end of file
`);

describe("comments", () => {
  it("keeps every comment, once, between the same tokens and on the same kind of line", async () => {
    const output = await format(EVERY_POSITION);
    const comments = (text: string) => text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
    expect(comments(output).map((c) => c.replace(/\s+/g, " "))).toEqual(comments(EVERY_POSITION).map((c) => c.replace(/\s+/g, " ")));
    for (let i = 1; i <= 28; i++) expect(output.match(new RegExp(`\\bc${i}\\b`, "g"))).toHaveLength(1);
    expect(() => assertCommentsKept(EVERY_POSITION, output)).not.toThrow();
    expect(await format(output)).toBe(output);
    expect(output).toMatchSnapshot();
  });

  it("detects a lost or moved comment (the check itself)", () => {
    const original = 'member a "A" joined 2010-01-01 // note\nmember b "B" joined 2010-01-01\n';
    expect(() => assertCommentsKept(original, 'member a "A" joined 2010-01-01\nmember b "B" joined 2010-01-01\n')).toThrow(/count/);
    expect(() => assertCommentsKept(original, 'member a "A" joined 2010-01-01\n// note\nmember b "B" joined 2010-01-01\n')).toThrow(/moved/);
    expect(() => assertCommentsKept(original, 'member a "A" joined 2010-01-01 member b // note\n"B" joined 2010-01-01\n')).toThrow(/moved/);
  });

  it("keeps a trailing comment on the line of the code it follows, with one space before it", async () => {
    const output = await format('cell a "A" {\n  member x "X" joined 2010-01-01      // expect: ORG003\n}\n');
    expect(output).toBe('cell a "A" {\n  member x "X" joined 2010-01-01 // expect: ORG003\n}\n');
  });

  it("keeps a construct written on one line on one line when a comment follows it", async () => {
    const long = "on 2026-01-12 meeting mill3 { present kim_chol, ri_yong, han_ok, pak_sun, choe_su, ryu_ha, mun_ok, so_ra }";
    expect(await format(`${long}\n`, 100)).toBe(
      "on 2026-01-12 meeting mill3 {\n  present kim_chol, ri_yong, han_ok, pak_sun, choe_su, ryu_ha, mun_ok, so_ra\n}\n",
    );
    expect(await format(`${long}   // orgspec-waive ORG002 -- typo kept\n`)).toBe(`${long} // orgspec-waive ORG002 -- typo kept\n`);
  });

  it("keeps a waiver directly above the line it governs", async () => {
    const input = 'on 2026-01-01 meeting a\n// orgspec-waive ORG201 -- reason\ncell b "B" {\n  under x\n}\n';
    const output = await format(input);
    expect(output).toBe('on 2026-01-01 meeting a\n\n// orgspec-waive ORG201 -- reason\ncell b "B" {\n  under x\n}\n');
  });

  it("never splits the code before a comment on its line across lines", async () => {
    const input = "on 2026-03-31 report steel to aaaa, bbbb,\n  cccc, dddd, eeee, ffff, gggg // orgspec-waive ORG002 -- cccc\n";
    const output = await format(input, 40);
    const line = output.split("\n").find((l) => l.includes("orgspec-waive"))!;
    expect(line).toContain("cccc");
    expect(commentPlacement(output)).toEqual(commentPlacement(input));
  });
});
