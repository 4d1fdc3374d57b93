// Waivers: `// orgspec-waive CODES [until DATE] -- reason` suppresses the
// diagnostics of its line or of the line below; malformed, expired and
// unused waivers are ORG010.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseDay } from "../../src/util/dates.js";
import { cleanUp, fixture, isolatingRulebook, run } from "../fixtures/support.js";
import { checkSpec, reported } from "../helpers.js";

afterAll(cleanUp);

const rulebook = isolatingRulebook();
const day = (text: string) => parseDay(text)!;

/** main.org: a period, then `lines` (1-based line 3 onwards). */
const spec = (...lines: string[]) => ['import "committees.org"', "period 2026-01-01 to 2026-06-30", ...lines, ""].join("\n");

const ROSTER = ['  under uiju', '  member a "A" joined 2010-01-01', '  member b "B" joined 2010-01-01', '  member c "C" joined 2010-01-01', '  member d "D" joined 2010-01-01', "}"];
const TINY_ERROR = 'Sawmill Cell has 4 members and candidates; a party cell needs 5 to 30';

const check = (text: string, today = day("2026-07-15"), files: Record<string, string> = {}) => checkSpec(text, { rulebook, today, files });

/** Each diagnostic as `CODE line:col-line:col message`, with ` [tags]` when it has tags. */
const summary = (result: ReturnType<typeof check>) =>
  result.diagnostics.map((diagnostic) => `${diagnostic.code} ${result.at(diagnostic)} ${diagnostic.message}${diagnostic.tags ? ` [${diagnostic.tags.join(",")}]` : ""}`);

describe("where a waiver applies", () => {
  it("without a waiver, the cell is reported", () => {
    const result = check(spec('cell tiny "Sawmill Cell" {', ...ROSTER));
    expect(summary(result)).toEqual([`ORG101 3:6-3:10 ${TINY_ERROR}`]);
    expect(result.waived.length).toBe(0);
  });

  it("on the line the diagnostic anchors on", () => {
    const result = check(spec('cell tiny "Sawmill Cell" { // orgspec-waive ORG101 until 2026-09-30 -- merging with the quarry cell', ...ROSTER));
    expect(summary(result)).toEqual([]);
    expect(result.waived.length).toBe(1);
  });

  it("alone on the line directly above", () => {
    const result = check(spec("// orgspec-waive ORG101 until 2026-09-30 -- merging with the quarry cell", 'cell tiny "Sawmill Cell" {', ...ROSTER));
    expect(summary(result)).toEqual([]);
    expect(result.waived.length).toBe(1);
  });

  it("indented on the line above, and as a block comment", () => {
    expect(check(spec('    // orgspec-waive ORG101 -- merging', 'cell tiny "Sawmill Cell" {', ...ROSTER)).waived.length).toBe(1);
    expect(check(spec('/* orgspec-waive ORG101 -- merging */', 'cell tiny "Sawmill Cell" {', ...ROSTER)).waived.length).toBe(1);
    expect(check(spec('/* orgspec-waive ORG101', "   -- merging with the quarry cell */", 'cell tiny "Sawmill Cell" {', ...ROSTER)).waived.length).toBe(1);
    expect(check(spec('cell tiny "Sawmill Cell" { /* orgspec-waive ORG101 -- merging */', ...ROSTER)).waived.length).toBe(1);
  });

  it("a block comment before code on the same line governs that line", () => {
    const result = check(spec('/* orgspec-waive ORG101 -- merging */ cell tiny "Sawmill Cell" {', ...ROSTER));
    expect(summary(result)).toEqual([]);
    expect(result.waived.length).toBe(1);
  });

  it("not two lines above: the diagnostic stays and the waiver is unnecessary", () => {
    const result = check(spec("// orgspec-waive ORG101 -- merging with the quarry cell", "", 'cell tiny "Sawmill Cell" {', ...ROSTER));
    expect(summary(result)).toEqual([
      "ORG010 3:1-3:56 this waiver of ORG101 suppresses nothing on line 4 [unnecessary]",
      `ORG101 5:6-5:10 ${TINY_ERROR}`,
    ]);
    expect(result.waived.length).toBe(0);
  });

  it("not above another comment line", () => {
    const result = check(spec("// orgspec-waive ORG101 -- merging", "// (the quarry cell)", 'cell tiny "Sawmill Cell" {', ...ROSTER));
    expect(result.codes()).toEqual(["ORG010", "ORG101"]);
  });

  it("not on the line below", () => {
    const result = check(spec('cell tiny "Sawmill Cell" {', "  // orgspec-waive ORG101 -- merging", ...ROSTER));
    expect(summary(result)).toEqual([
      `ORG101 3:6-3:10 ${TINY_ERROR}`,
      "ORG010 4:3-4:37 this waiver of ORG101 suppresses nothing on line 5 [unnecessary]",
    ]);
  });

  it("only to the codes it names", () => {
    const result = check(spec("// orgspec-waive ORG007 -- not this one", 'cell tiny "Sawmill Cell" {', ...ROSTER));
    expect(result.codes()).toEqual(["ORG010", "ORG101"]);
    expect(reported(result, "ORG010")).toEqual(["3:1-3:40 this waiver of ORG007 suppresses nothing on line 4"]);
  });

  it("names a rule by name, or by code in any case, and may name several", () => {
    expect(check(spec("// orgspec-waive cell-size -- merging", 'cell tiny "Sawmill Cell" {', ...ROSTER)).diagnostics).toEqual([]);
    expect(check(spec("// orgspec-waive org101 -- merging", 'cell tiny "Sawmill Cell" {', ...ROSTER)).diagnostics).toEqual([]);
    const several = check(spec("// orgspec-waive ORG007, cell-size -- merging", 'cell tiny "Sawmill Cell" {', ...ROSTER));
    expect(several.diagnostics).toEqual([]);
    expect(several.waived.length).toBe(1);
  });

  it("suppresses every diagnostic it names on its line, and counts each", () => {
    const oneLine = 'cell t1 "T1" { under uiju member a "A" joined 2010-01-01 } cell t2 "T2" { under uiju member b "B" joined 2010-01-01 }';
    expect(check(spec(oneLine)).codes()).toEqual(["ORG101", "ORG101"]);
    const result = check(spec("// orgspec-waive ORG101 -- two pilot cells", oneLine));
    expect(result.diagnostics).toEqual([]);
    expect(result.waived.length).toBe(2);
  });

  it("works in an imported file", () => {
    const committees = `committee uiju "Uiju County Party Committee" { level county }
// orgspec-waive ORG101 -- shared cell, being merged
cell ferry "Ferry Cell" {
  under uiju
  member f "F" joined 2010-01-01
}
`;
    const result = check(spec(), day("2026-07-15"), { "committees.org": committees });
    expect(result.diagnostics).toEqual([]);
    expect(result.waived.length).toBe(1);
  });
});

describe("malformed waivers are ORG010 and waive nothing", () => {
  const waiverOn = (comment: string) => check(spec(comment, 'cell tiny "Sawmill Cell" {', ...ROSTER));

  it("without a reason", () => {
    for (const comment of ["// orgspec-waive ORG101", "// orgspec-waive ORG101 --", "// orgspec-waive ORG101 --   ", "// orgspec-waive ORG101 until 2026-09-30"]) {
      const result = waiverOn(comment);
      expect(summary(result), comment).toEqual([
        `ORG010 3:1-3:${comment.length + 1} a waiver needs codes and a reason: \`// orgspec-waive ORG201 until 2026-09-30 -- reason\``,
        `ORG101 4:6-4:10 ${TINY_ERROR}`,
      ]);
      expect(result.waived.length).toBe(0);
    }
  });

  it("without codes", () => {
    expect(summary(waiverOn("// orgspec-waive -- no codes"))[0]).toBe(
      "ORG010 3:1-3:29 a waiver needs codes and a reason: `// orgspec-waive ORG201 until 2026-09-30 -- reason`",
    );
  });

  it("naming an unknown code", () => {
    expect(summary(waiverOn("// orgspec-waive ORG999, ORG101 -- typo"))).toEqual([
      "ORG010 3:1-3:40 this waiver names no known rule: ORG999",
      `ORG101 4:6-4:10 ${TINY_ERROR}`,
    ]);
  });

  it("with an `until` that is not a date", () => {
    expect(summary(waiverOn("// orgspec-waive ORG101 until 2026-02-30 -- merging"))).toEqual([
      "ORG010 3:1-3:52 `2026-02-30` is not a calendar date (YYYY-MM-DD)",
      `ORG101 4:6-4:10 ${TINY_ERROR}`,
    ]);
  });

  it("with several faults: each is reported, not only the first", () => {
    const comment = "// orgspec-waive ORG999, cel-size until 2026-02-30";
    expect(summary(waiverOn(comment))).toEqual([
      `ORG010 3:1-3:${comment.length + 1} a waiver needs codes and a reason: \`// orgspec-waive ORG201 until 2026-09-30 -- reason\``,
      `ORG010 3:1-3:${comment.length + 1} this waiver names no known rule: ORG999, cel-size`,
      `ORG010 3:1-3:${comment.length + 1} \`2026-02-30\` is not a calendar date (YYYY-MM-DD)`,
      `ORG101 4:6-4:10 ${TINY_ERROR}`,
    ]);
    expect(summary(waiverOn("// orgspec-waive ORG101 until -- no date"))[0]).toBe("ORG010 3:1-3:41 `until` needs a date (YYYY-MM-DD)");
    expect(summary(waiverOn("// orgspec-waive ORG101 until 2026-09-30 because -- x"))[0]).toBe(
      "ORG010 3:1-3:54 unexpected `because` after the date: the reason goes after `--`",
    );
  });

  it("for any combination of faults, reports exactly those faults and waives nothing", () => {
    const fault = { reason: "a waiver needs codes", unknown: "names no known rule", date: "is not a calendar date" };
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (noReason, unknownCode, badDate) => {
        const codes = unknownCode ? "ORG101, ORG998" : "ORG101";
        const until = badDate ? " until 2026-13-01" : " until 2026-09-30";
        const comment = `// orgspec-waive ${codes}${until}${noReason ? "" : " -- merging"}`;
        const result = waiverOn(comment);
        const messages = result.diagnostics.filter((diagnostic) => diagnostic.code === "ORG010").map((diagnostic) => diagnostic.message);
        const expected = [noReason && fault.reason, unknownCode && fault.unknown, badDate && fault.date].filter((text): text is string => text !== false);
        expect(messages.length).toBe(expected.length);
        expected.forEach((text, i) => expect(messages[i]).toContain(text));
        expect(result.waived.length).toBe(expected.length > 0 ? 0 : 1);
      }),
    );
  });

  it("ORG010 is a warning", () => {
    const [waiver] = waiverOn("// orgspec-waive ORG101").diagnostics;
    expect([waiver!.code, waiver!.name, waiver!.severity]).toEqual(["ORG010", "waiver", "warning"]);
  });
});

describe("expiry", () => {
  const text = spec("// orgspec-waive ORG101 until 2026-01-31 -- merging in January", 'cell tiny "Sawmill Cell" {', ...ROSTER);

  it("a waiver works up to and including its `until` day", () => {
    expect(check(text, day("2026-01-01")).diagnostics).toEqual([]);
    expect(check(text, day("2026-01-31")).waived.length).toBe(1);
  });

  it("after it, the diagnostic comes back and the waiver is reported as expired", () => {
    const result = check(text, day("2026-02-01"));
    expect(summary(result)).toEqual([
      "ORG010 3:1-3:63 this waiver expired on 2026-01-31; the diagnostics it waived are reported again",
      `ORG101 4:6-4:10 ${TINY_ERROR}`,
    ]);
    expect(result.waived.length).toBe(0);
    // Expired is not "unnecessary": it is reported once, without that tag.
    expect(result.diagnostics[0]!.tags).toBeUndefined();
  });

  it("a waiver without `until` never expires", () => {
    const result = check(spec("// orgspec-waive ORG101 -- permanent exception", 'cell tiny "Sawmill Cell" {', ...ROSTER), day("2099-12-31"));
    expect(result.diagnostics).toEqual([]);
  });
});

describe("unused waivers", () => {
  it("are ORG010 tagged unnecessary, on the comment", () => {
    const result = check(
      spec(
        'cell five "Brickworks Cell" { // orgspec-waive cell-size -- was small last year',
        ...ROSTER.slice(0, -1),
        '  member e "E" joined 2010-01-01',
        "}",
      ),
    );
    expect(result.diagnostics).toEqual([
      {
        code: "ORG010",
        name: "waiver",
        severity: "warning",
        message: "this waiver of cell-size suppresses nothing on line 3",
        file: result.diagnostics[0]!.file,
        span: result.diagnostics[0]!.span,
        range: { start: { line: 3, column: 31 }, end: { line: 3, column: 80 } },
        related: [],
        tags: ["unnecessary"],
        data: { codes: ["cell-size"], line: 3 },
        fingerprint: expect.stringMatching(/^[0-9a-f]{14}$/),
        // The comment shares its line with code: the fix takes the comment and the space before it.
        fixes: [
          {
            title: "Remove the unused waiver",
            safety: "safe",
            edits: [{ file: result.diagnostics[0]!.file, span: { start: result.diagnostics[0]!.span.start - 1, end: result.diagnostics[0]!.span.end }, newText: "" }],
          },
        ],
      },
    ]);
    expect(result.at(result.diagnostics[0]!)).toBe("3:31-3:80");
  });

  it("include a waiver of a rule that is turned off", () => {
    const off = isolatingRulebook({ "cell-size": "off" });
    const result = checkSpec(spec("// orgspec-waive ORG101 -- merging", 'cell tiny "Sawmill Cell" {', ...ROSTER), { rulebook: off, today: day("2026-07-15") });
    expect(summary(result)).toEqual(["ORG010 3:1-3:35 this waiver of ORG101 suppresses nothing on line 4 [unnecessary]"]);
  });
});

describe("the count of waived diagnostics", () => {
  it("is in the text summary line", async () => {
    const result = await run(["check", "main.org"], { cwd: fixture("waivers") });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`main.org:13:6 error ORG101 cell-size
  Quarry Cell has 4 members and candidates; a party cell needs 5 to 30
  13 | cell small "Quarry Cell" {
     |      ^^^^^
  bylaw: Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"

1 error, 0 warnings in 1 file (2 files checked, 1 waived)
`);
  });

  it("is in the JSON summary", async () => {
    const result = await run(["check", "--format", "json", "main.org"], { cwd: fixture("waivers") });
    expect((JSON.parse(result.stdout) as { summary: unknown }).summary).toEqual({ errors: 1, warnings: 0, infos: 0, files: 2, waived: 1, baselined: 0 });
  });

  it("a clean run with waivers says so", async () => {
    const result = await run(["check", "main.org"], { cwd: fixture("waivers", { "cell-size": ["error", { min: 4 }] }) });
    // min 4: nothing to waive any more, so the waiver is unnecessary.
    expect(result.stdout).toBe(`main.org:4:1 warning ORG010 waiver
  this waiver of cell-size suppresses nothing on line 5
  4 | // orgspec-waive cell-size until 2099-12-31 -- merging with the quarry cell in the autumn
    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

0 errors, 1 warning in 1 file (2 files checked)
`);
    expect(result.status).toBe(0);
  });
});
