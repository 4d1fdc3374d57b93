// Golden input/output pairs: test/format/fixtures/NAME.in.org formats to
// NAME.out.org at 80 columns, so that the wrapping cases stay short (an input
// whose first line is `// printWidth: N` is formatted at that width; the
// plugin's own default, 100, is tested in plugin.test.ts). Every output is
// also a fixed point of the formatter.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assertCommentsKept, assertWellFormed, format, tokenTexts } from "./helpers.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const names = readdirSync(fixtures)
  .filter((file) => file.endsWith(".in.org"))
  .map((file) => file.slice(0, -".in.org".length))
  .sort();

function widthOf(input: string): number {
  const match = /^\/\/ printWidth: (\d+)/.exec(input);
  return match ? Number(match[1]) : 80;
}

describe("golden files", () => {
  it("has fixtures", () => {
    expect(names.length).toBeGreaterThan(20);
  });

  describe.each(names)("%s", (name) => {
    const input = readFileSync(join(fixtures, `${name}.in.org`), "utf8");
    const expected = readFileSync(join(fixtures, `${name}.out.org`), "utf8");
    const width = widthOf(input);

    it("formats to the expected output", async () => {
      expect(await format(input, width)).toBe(expected);
    });

    it("is a fixed point", async () => {
      expect(await format(expected, width)).toBe(expected);
    });

    it("keeps every token and comment in place", () => {
      expect(tokenTexts(expected)).toEqual(tokenTexts(input));
      assertCommentsKept(input, expected);
      assertWellFormed(expected);
    });
  });
});
