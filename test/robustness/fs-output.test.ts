// Issue 16.10: output is safe to print. Terminal controls from a spec (ESC,
// BEL, CR, other C0 and C1 controls but tab, bidirectional overrides) are
// escaped in text and GitHub output (`\x1b`, `\u202e`); fs errors are words.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { describeFsError } from "../../src/program/disk-host.js";
import { printable } from "../../src/reporters/locate.js";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

/** Any control character a terminal acts on: C0 but tab and newline (they end the line), DEL, C1, bidi overrides. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const controls = fc.constantFrom("\u001b", "\u0007", "\r", "\u0000", "\u0008", "\u007f", "\u009b", "\u0085", "\u202e", "\u2066", "\u000c", "\u000b");

describe("terminal controls from a spec", () => {
  it("are escaped in the frame, the message and the GitHub annotation", async () => {
    const dir = fixture("basic");
    writeFileSync(join(dir, "ctl.org"), 'import "committees.org"\ncell t\u001b[31m "S\u0007" {\n  under uiju\n}\n');
    const text = await run(["check", "ctl.org"], { cwd: dir });
    expect(text.stdout).toContain("ctl.org:2:7 error ORG001 syntax\n  unexpected character `\\x1b`\n  2 | cell t\\x1b[31m \"S\\x07\" {\n    |       ^^^^^\n");
    expect(text.stdout).not.toMatch(CONTROL);
    const github = await run(["check", "ctl.org", "--format", "github"], { cwd: dir });
    expect(github.stdout).toContain("::error file=ctl.org,line=2,col=7,endLine=2,endColumn=9,title=ORG001 syntax::unexpected character `\\x1b`\n");
    expect(github.stdout).not.toMatch(CONTROL);
  });

  it("printable escapes exactly the controls and keeps everything else", () => {
    expect(printable("a\tb\u001b[0m\u0007\r\u009b\u202e한")).toBe("a\tb\\x1b[0m\\x07\\x0d\\x9b\\u202e한");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const shown = printable(text);
        expect(shown).not.toMatch(CONTROL);
        expect(shown).not.toContain("\n");
        // Nothing but the controls changes: removing the escapes of a control-free text is a no-op.
        if (!CONTROL.test(text) && !text.includes("\n")) expect(shown).toBe(text);
      }),
    );
  });

  it("for any text in a comment, a string or a name, the text and GitHub reports carry no raw control", async () => {
    const dir = fixture("basic");
    const piece = fc.array(fc.oneof(controls, fc.constantFrom("a", " ", '"', "{", "\t", "\n", "é")), { maxLength: 12 }).map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(piece, piece, piece, async (inComment, inString, loose) => {
        writeFileSync(join(dir, "ctl.org"), `import "committees.org"\n// ${inComment}\ncell t "${inString}" { under uiju ${loose} }\non 2026-01-01 meeting ${loose}\n`);
        for (const format of ["text", "github"]) {
          const result = await run(["check", "ctl.org", "--format", format], { cwd: dir });
          expect(result.stdout).not.toMatch(CONTROL);
          expect(result.stderr).toBe("");
        }
      }),
      { numRuns: 40 },
    );
  });

  it("in a path named on the command line are escaped on stderr", async () => {
    const dir = fixture("basic");
    const result = await run(["check", "evil\u001b]0;x\u0007.org"], { cwd: dir });
    expect(result.stderr).toBe("orgspec: cannot read evil\\x1b]0;x\\x07.org: no such file or directory\n");
  });
});

describe("fs errors are words, not codes", () => {
  it.each([
    ["ENOENT", "no such file or directory"],
    ["EACCES", "permission denied"],
    ["EISDIR", "it is a directory"],
    ["ELOOP", "too many levels of symbolic links"],
    ["ENOTDIR", "a part of the path is not a directory"],
    ["ENOSPC", "no space left on the device"],
    ["EROFS", "read-only file system"],
  ])("%s: %s", (code, words) => {
    expect(describeFsError(Object.assign(new Error(`${code}: whatever, open '/x'`), { code }))).toBe(words);
  });

  it("an unknown code keeps the words of its message, without the code and the call", () => {
    expect(describeFsError(Object.assign(new Error("EWEIRD: something odd happened, open '/x/y.org'"), { code: "EWEIRD" }))).toBe("something odd happened");
  });

  it("in ORG006 messages", async () => {
    const dir = fixture("basic");
    writeFileSync(join(dir, "imports.org"), 'import "gone.org"\nimport "."\nimport "main.org/x.org"\n');
    const result = await run(["check", "imports.org"], { cwd: dir });
    expect(result.stdout).toContain('cannot import "gone.org": no such file or directory\n');
    expect(result.stdout).toContain('cannot import ".": it is a directory\n');
    expect(result.stdout).toContain('cannot import "main.org/x.org": a part of the path is not a directory\n');
    expect(result.stdout).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
