// `orgspec check --fix`, `--unsafe-fixes`, `--fix-dry-run` (Ruff's model):
// safe fixes only unless asked, fixes whose edits overlap applied in later
// rounds after a re-check, the report and exit status of what remains, and
// never a file written over when it changed on disk or is not UTF-8.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskHost } from "../../src/program/disk-host.js";
import type { FileHost } from "../../src/program/load.js";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

const cell = (body: string) => `import "committees.org"

cell mill3 "Mill No. 3 Cell" {
  under uiju
${body}  member a "A" joined 2010-01-01
  member b "B" joined 2010-01-01
  member c "C" joined 2010-01-01
  member d "D" joined 2010-01-01
  member e "E" joined 2010-01-01
}
`;
/** A secretary without a deputy (unsafe fix), no critique line (unsafe fix), an unused waiver (safe fix). */
const SPEC = cell("  secretary a\n").replace('member a "A" joined 2010-01-01', 'member a "A" joined 2010-01-01 // orgspec-waive ORG101 -- was small');

function specDir(text = SPEC): { cwd: string; file: string } {
  const cwd = fixture("meetings", { critique: "error", leadership: "error" });
  const file = join(cwd, "main.org");
  writeFileSync(file, text);
  return { cwd, file };
}

const NO_PERIOD = [
  "main.org:1:1 info ORG009 no-period",
  "  no `period` in this program: meeting, critique and report cadences were not evaluated",
  '  1 | import "committees.org"',
  "    | ^^^^^^^^^^^^^^^^^^^^^^^",
  "",
];

describe("--fix", () => {
  it("applies the safe fixes only, reports what remains and exits on it", async () => {
    const { cwd, file } = specDir();
    const result = await run(["check", "main.org", "--fix"], { cwd });
    expect(readFileSync(file, "utf8")).toBe(cell("  secretary a\n"));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("orgspec: fixed 1 finding in 1 file, 3 remain; 2 more fixable with --unsafe-fixes\n");
    expect(result.stdout).toBe(
      [
        ...NO_PERIOD,
        "main.org:3:6 error ORG110 leadership",
        "  Mill No. 3 Cell has no deputy; a party cell is led by a secretary and a deputy secretary",
        '  3 | cell mill3 "Mill No. 3 Cell" {',
        "    |      ^^^^^",
        '  bylaw: Party Cells: "Party cell meetings are held at least once a month and are led by a party cell secretary and a deputy (vice) secretary."',
        "",
        "main.org:3:6 warning ORG206 critique",
        "  Mill No. 3 Cell declares no Party Life Critique cadence; add `critique weekly` or `critique every 2 days`",
        '  3 | cell mill3 "Mill No. 3 Cell" {',
        "    |      ^^^^^",
        '  bylaw: Party Cells: "Party Life Critique can happen once a week or every two days."',
        "",
        "1 error, 1 warning, 1 info in 1 file (2 files checked)",
        "",
      ].join("\n"),
    );
    // Nothing more to fix safely: a second run changes nothing.
    const again = await run(["check", "main.org", "--fix"], { cwd });
    expect(again.stderr).toBe("orgspec: fixed 0 findings, 3 remain; 2 more fixable with --unsafe-fixes\n");
    expect(readFileSync(file, "utf8")).toBe(cell("  secretary a\n"));
  });

  it("applies unsafe fixes too with --unsafe-fixes, and exits 0 when nothing failing remains", async () => {
    const { cwd, file } = specDir();
    const result = await run(["check", "main.org", "--fix", "--unsafe-fixes"], { cwd });
    expect(readFileSync(file, "utf8")).toBe(cell("  critique weekly\n  secretary a\n  deputy b\n"));
    expect(result).toEqual({ status: 0, stdout: [...NO_PERIOD, "0 errors, 0 warnings, 1 info in 1 file (2 files checked)", ""].join("\n"), stderr: "orgspec: fixed 3 findings in 1 file, 1 remains\n" });
  });

  it("applies fixes whose edits overlap in later rounds, after a re-check, without mangling the text", async () => {
    // No roles and no critique line: both rules' first fixes insert right after `under`.
    const { cwd, file } = specDir(cell(""));
    const result = await run(["check", "main.org", "--fix", "--unsafe-fixes"], { cwd });
    expect(readFileSync(file, "utf8")).toBe(cell("  critique weekly\n  secretary a\n  deputy b\n"));
    expect(result.stderr).toBe("orgspec: fixed 3 findings in 1 file, 1 remains\n");
    expect(result.status).toBe(0);
  });

  it("never writes over a file that changed on disk after it was checked", async () => {
    const { cwd, file } = specDir();
    let reads = 0;
    // Someone saves the file just after the check read it.
    const host: FileHost = {
      ...diskHost,
      readFile(path) {
        const read = diskHost.readFile(path);
        if (path === file && ++reads === 1) writeFileSync(file, SPEC + "// edited meanwhile\n");
        return read;
      },
    };
    const result = await run(["check", "main.org", "--fix"], { cwd, host });
    expect(readFileSync(file, "utf8")).toBe(SPEC + "// edited meanwhile\n");
    expect(result.stderr).toBe(
      "orgspec: main.org was not fixed: it changed on disk while it was checked; the file is unchanged\norgspec: fixed 0 findings, 4 remain; 2 more fixable with --unsafe-fixes\n",
    );
    expect(result.status).toBe(1);
  });

  it("leaves a file that is not valid UTF-8 byte for byte as it was", async () => {
    const { cwd, file } = specDir();
    const bytes = Buffer.concat([Buffer.from(SPEC), Buffer.from([0x2f, 0x2f, 0x20, 0xc7, 0x0a])]);
    writeFileSync(file, bytes);
    const result = await run(["check", "main.org", "--fix"], { cwd });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // Its text is known only with U+FFFD in place of the byte: nothing is offered, nothing written.
    expect(result.stderr).toBe("orgspec: fixed 0 findings, 2 remain\n");
  });
});

describe("--fix-dry-run", () => {
  it("prints the unified diff, writes nothing, and exits on what would remain", async () => {
    const { cwd, file } = specDir();
    const result = await run(["check", "main.org", "--fix-dry-run"], { cwd });
    expect(readFileSync(file, "utf8")).toBe(SPEC);
    expect(result).toEqual({
      status: 1,
      stdout: [
        "--- a/main.org",
        "+++ b/main.org",
        "@@ -4,5 +4,5 @@",
        "   under uiju",
        "   secretary a",
        '-  member a "A" joined 2010-01-01 // orgspec-waive ORG101 -- was small',
        '+  member a "A" joined 2010-01-01',
        '   member b "B" joined 2010-01-01',
        '   member c "C" joined 2010-01-01',
        "",
      ].join("\n"),
      stderr: "orgspec: would fix 1 finding in 1 file, 3 remain; 2 more fixable with --unsafe-fixes\n",
    });
    const unsafe = await run(["check", "main.org", "--fix-dry-run", "--unsafe-fixes"], { cwd });
    expect(unsafe.status).toBe(0);
    expect(unsafe.stdout).toContain("+  critique weekly\n   secretary a\n");
    expect(unsafe.stderr).toBe("orgspec: would fix 3 findings in 1 file, 1 remains\n");
    expect(readFileSync(file, "utf8")).toBe(SPEC);
  });

  it("is refused with --assume or without --fix for --unsafe-fixes (exit 2)", async () => {
    const { cwd } = specDir();
    expect(await run(["check", "main.org", "--unsafe-fixes"], { cwd })).toEqual({ status: 2, stdout: "", stderr: "orgspec: --unsafe-fixes goes with --fix or --fix-dry-run\n" });
    expect((await run(["check", "main.org", "--fix", "--assume", "on 2026-01-01 meeting mill3"], { cwd })).stderr).toBe("orgspec: --fix, --fix-dry-run and --assume do not go together: use one at a time\n");
  });
});
