// Issue 16.4: the text reporter survives long lines. A code frame shows a
// window of at most FRAME_WIDTH characters around the range, "…" where the
// line is cut, with the carets still under the range; a report too large
// for one string is still written.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/types.js";
import { sourceFile } from "../../src/program/load.js";
import { SourceLookup } from "../../src/reporters/locate.js";
import { FRAME_WIDTH, frameWindow, renderText } from "../../src/reporters/text.js";
import type { ProgramResult } from "../../src/check/check.js";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

/** The frame of one diagnostic over a one-line file: the source line and the caret line, gutters removed. */
function frame(text: string, start: number, end: number): { line: string; carets: string } {
  const file = sourceFile("/virtual/one.org", text);
  const program = { model: { files: [file] } } as unknown as ProgramResult;
  const diagnostic: Diagnostic = { code: "ORG001", name: "syntax", severity: "error", message: "m", file: file.path, span: { start, end }, related: [] };
  const output = renderText([diagnostic], new SourceLookup([program]), { cwd: "/virtual", color: false, checkedFiles: 1, waived: 0 });
  const lines = output.split("\n");
  return { line: lines[2]!.replace(/^ {2}1 \| /, ""), carets: lines[3]!.replace(/^ {2} {2}\| /, "") };
}

describe("code frames of long lines", () => {
  it("a 65 KB one-line file with thousands of diagnostics is reported, not an internal error", async () => {
    const dir = fixture("clean", false);
    const members = Array.from({ length: 1900 }, (_, i) => `member m${i} "A" joined 2010-01-01`).join(" ");
    const events = "on 2026-07-01 meeting x ".repeat(3000);
    writeFileSync(join(dir, "long.org"), `import "committees.org"\nperiod 2026-01-01 to 2026-06-30\ncell x "X" { under uiju ${members} } ${events}\n`);
    const result = await run(["check", "long.org"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const frames = result.stdout.split("\n").filter((line) => line.startsWith("  3 | "));
    expect(frames.length).toBeGreaterThan(3000);
    for (const line of frames) expect(line.length).toBeLessThanOrEqual(FRAME_WIDTH + 8);
    expect(result.stdout.endsWith("in 1 file (2 files checked)\n")).toBe(true);
  });

  it("cut ends show an ellipsis; a short line is shown whole", () => {
    const long = `${"a".repeat(300)}XYZ${"b".repeat(300)}`;
    expect(frame(long, 300, 303)).toEqual({ line: `…${"a".repeat(40)}XYZ${"b".repeat(77)}…`, carets: `${" ".repeat(41)}^^^` });
    expect(frame("short line", 6, 10)).toEqual({ line: "short line", carets: "      ^^^^" });
    // At the end of the line: only the start is cut.
    expect(frame(long, 601, 603)).toEqual({ line: `…${long.slice(-FRAME_WIDTH)}`, carets: `${" ".repeat(FRAME_WIDTH - 1)}^^` });
  });

  it("for any line and range, the window is at most FRAME_WIDTH characters around the range, and the carets are under it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", " ", "\t", "é", "한"), minLength: 1, maxLength: 1000, size: "max" }),
        fc.nat(),
        fc.nat({ max: 400 }),
        (text, startSeed, width) => {
          const start = startSeed % text.length;
          const end = Math.min(text.length, start + width);
          const { from, to } = frameWindow(text, start);
          expect(to - from).toBeLessThanOrEqual(FRAME_WIDTH);
          expect(from).toBeLessThanOrEqual(start);
          expect(start).toBeLessThan(to);
          const { line, carets } = frame(text, start, end);
          expect(line).toBe(`${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`);
          const indent = `${from > 0 ? " " : ""}${text.slice(from, start).replace(/[^\t]/g, " ")}`;
          expect(carets).toBe(`${indent}${"^".repeat(Math.max(1, Math.min(end, to) - start))}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
