// The formatter refuses a file that does not parse (ORG001) and names the
// first error's file:line:column; ORG004 (an impossible date) is no syntax error.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/format/index.js";
import plugin from "../../src/format/plugin.js";

describe("files that do not parse", () => {
  it("throws naming file:line:column of the first syntax error", async () => {
    const text = 'cell a "A" {\n  under x\n  member y "Y" joined 2010-01-01 @\n}\non 2026-01-01 meting a\n';
    await expect(formatText(text, { filepath: "specs/a.org" })).rejects.toThrow(/specs\/a\.org:3:34: syntax error/);
  });

  it("names the position of a missing token at the end of the file", async () => {
    await expect(formatText('cell a "A" {\n  member y "Y"\n', { filepath: "b.org" })).rejects.toThrow(/b\.org:2:15:/);
  });

  it("refuses unknown value words, which are syntax errors too", async () => {
    await expect(formatText('cell a "A" {\n  setting workshop\n}\n')).rejects.toThrow(/<input>:2:11: syntax error: unknown setting/);
  });

  it("refuses unterminated strings and comments", async () => {
    await expect(formatText('person a "A\n')).rejects.toThrow(/:1:10:/);
    await expect(formatText("person a /* never closed\n")).rejects.toThrow(/:1:10:/);
  });

  it("gives prettier a location, so its CLI prints a code frame", async () => {
    const error = await prettier
      .format("on 2026-01-01 meting a\n", { parser: "orgspec", plugins: [plugin], filepath: "c.org" })
      .then(() => undefined, (e: unknown) => e as Error & { loc?: unknown });
    expect(error?.message).toMatch(/^c\.org:1:15: syntax error/);
    expect(error?.loc).toEqual({ start: { line: 1, column: 15 } });
  });

  it("formats a file with an impossible date (ORG004), keeping the date as written", async () => {
    expect(await formatText("on   2026-02-30 meeting a\n")).toBe("on 2026-02-30 meeting a\n");
  });
});
