// `orgspec rules` and `orgspec explain`.
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/check/codes.js";
import { FIXTURES, run } from "../fixtures/support.js";

const cwd = FIXTURES;

describe("orgspec rules", () => {
  it("lists every catalogue code once, in order, with its name, severity and summary", async () => {
    const result = await run(["rules"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(CATALOGUE.map((entry) => entry.code));
    for (const [index, entry] of CATALOGUE.entries()) {
      expect(lines[index]!.split(/\s{2,}/)).toEqual([entry.code, entry.name, entry.severity, entry.summary]);
    }
  });

  it("aligns the columns", async () => {
    const lines = (await run(["rules"], { cwd })).stdout.trimEnd().split("\n");
    const width = Math.max(...CATALOGUE.map((entry) => entry.name.length));
    const cellSize = lines.find((line) => line.startsWith("ORG101"))!;
    expect(cellSize).toBe(`ORG101  ${"cell-size".padEnd(width)}  error    A cell has 5 to 30 members and candidates.`);
    expect(lines.find((line) => line.startsWith("ORG009"))).toBe(
      `ORG009  ${"no-period".padEnd(width)}  info     No \`period\`, so cadence rules were not evaluated.`,
    );
  });
});

const EXPLAIN_CELL_SIZE = `ORG101 cell-size (error, structure)

A cell has 5 to 30 members and candidates.

Counts the distinct members and candidates in the cell's roster and the rosters of units under it. A cell of exactly 31 fits no form in the bylaws: cells have at most 30, primary and branch organizations more than 31; the message says so.

**Bylaw** (Party Cells): "The party cell consists of between five (5) and 30 party members and candidate party members"

**Options**

- \`min\` (default 5): Fewest members and candidates a cell may have.
- \`max\` (default 30): Most members and candidates a cell may have.

**Reported**

\`\`\`org
cell tiny "Sawmill Cell" {
  under uiju
  member a "A" joined 2010-01-01
  member b "B" joined 2010-01-01
  member c "C" joined 2010-01-01
  member d "D" joined 2010-01-01
}
\`\`\`

**Not reported**

\`\`\`org
cell five "Brickworks Cell" {
  under uiju
  member a "A" joined 2010-01-01
  member b "B" joined 2010-01-01
  member c "C" joined 2010-01-01
  member d "D" joined 2010-01-01
  member e "E" joined 2010-01-01
}
\`\`\`
`;

describe("orgspec explain", () => {
  it("prints a rule's docs, options with defaults, citation and examples", async () => {
    const result = await run(["explain", "ORG101"], { cwd });
    expect(result).toEqual({ status: 0, stdout: EXPLAIN_CELL_SIZE, stderr: "" });
  });

  it("takes the rule name, or the code in any case", async () => {
    expect((await run(["explain", "cell-size"], { cwd })).stdout).toBe(EXPLAIN_CELL_SIZE);
    expect((await run(["explain", "org101"], { cwd })).stdout).toBe(EXPLAIN_CELL_SIZE);
  });

  it("explains a language code", async () => {
    const result = await run(["explain", "ORG010"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "ORG010 waiver (warning, language)\n\n" +
        "A waiver comment that is malformed, expired, or suppresses nothing.\n\n" +
        "`// orgspec-waive ORG201 until 2026-09-30 -- reason` on the line a diagnostic anchors on, or alone on the line directly above it, suppresses that diagnostic. The reason after `--` is required and `until` is optional. A waiver past its `until` date stops working and is reported; so is a waiver that suppresses nothing, and one that names an unknown code.\n",
    );
  });

  it("explains every catalogue entry", async () => {
    for (const entry of CATALOGUE) {
      const result = await run(["explain", entry.code], { cwd });
      expect(result.status).toBe(0);
      expect(result.stdout.split("\n")[0]).toBe(`${entry.code} ${entry.name} (${entry.severity}, ${entry.category})`);
      if (entry.citation) expect(result.stdout).toContain(`**Bylaw** (${entry.citation.section}): "${entry.citation.quote}"`);
      for (const name of Object.keys(entry.options)) expect(result.stdout).toContain(`- \`${name}\` (default `);
    }
  });

  it("exits 2 for an unknown code or name", async () => {
    expect(await run(["explain", "ORG999"], { cwd })).toEqual({
      status: 2,
      stdout: "",
      stderr: "orgspec: no rule ORG999; `orgspec rules` lists them\n",
    });
    expect((await run(["explain", "no-such-rule"], { cwd })).status).toBe(2);
    expect((await run(["explain"], { cwd })).status).toBe(2);
  });
});

describe("help and version", () => {
  it("--version prints the package version and exits 0", async () => {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default as { version: string };
    expect(await run(["--version"], { cwd })).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("--help and `help check` exit 0", async () => {
    const help = await run(["--help"], { cwd });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("check [options] <paths...>");
    const checkHelp = await run(["help", "check"], { cwd });
    expect(checkHelp.status).toBe(0);
    for (const flag of ["--format <format>", "--max-warnings <n>", "--as-of <date>", "--config <path>", "--color", "--no-color"]) {
      expect(checkHelp.stdout).toContain(flag);
    }
  });
});
