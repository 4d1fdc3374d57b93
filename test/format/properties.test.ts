// Properties over generated specs (see arbitraries.ts): formatting is
// idempotent, keeps the sequence of tokens and comments (up to the documented
// canonical spellings), keeps each comment's placement, and yields a file
// that parses; a spec that does not parse is refused with its position.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenizeOrg } from "../../grammar/lexer.js";
import { parseText } from "../../src/syntax/parse.js";
import { LineIndex } from "../../src/util/text.js";
import { printWidth, spec } from "./arbitraries.js";
import { assertCommentsKept, assertWellFormed, format, syntaxErrorCount, tokenTexts } from "./helpers.js";

/** Runs of the main property; FORMAT_PROPERTY_RUNS raises it for a longer search. */
const RUNS = Number(process.env["FORMAT_PROPERTY_RUNS"] ?? 400);

describe("generated specs", () => {
  it("format(format(x)) == format(x), with the same tokens and comments in the same places", async () => {
    let formatted = 0;
    await fc.assert(
      fc.asyncProperty(spec, printWidth, async (text, width) => {
        if (syntaxErrorCount(text) > 0) {
          await expect(format(text, width)).rejects.toThrow(/test\.org:\d+:\d+: syntax error/);
          return;
        }
        formatted++;
        const once = await format(text, width);
        const twice = await format(once, width);
        expect(twice).toBe(once);
        expect(tokenTexts(once)).toEqual(tokenTexts(text));
        assertCommentsKept(text, once);
        assertWellFormed(once);
        expect(syntaxErrorCount(once)).toBe(0);
      }),
      { numRuns: RUNS },
    );
    // The generator is meant to produce mostly valid specs.
    expect(formatted).toBeGreaterThan(200);
  });

  it("the layout does not depend on the input's spacing", async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (text) => {
        if (syntaxErrorCount(text) > 0) return;
        // Any spacing of the same tokens gives the same output.
        const images = tokenizeOrg(text).tokens.map((token) => token.image);
        const squashed = images.join(" ");
        // (The one exception: a unit's single property stays on the `{` line only if written there.)
        const spread = images.map((image, i) => (i === 0 ? "" : images[i - 1] === "{" ? " " : "\n\n   ") + image).join("");
        const a = await format(squashed);
        // Blank lines are the user's: compare without them.
        const b = (await format(spread)).replace(/\n\n+/g, "\n");
        expect(b).toBe(a.replace(/\n\n+/g, "\n"));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("a spec with a token removed either still formats or is refused at its first syntax error", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(spec, fc.nat(), async (text, pick) => {
        const tokens = tokenizeOrg(text).tokens;
        if (tokens.length === 0) return;
        const victim = tokens[pick % tokens.length]!;
        const broken = text.slice(0, victim.startOffset) + " " + text.slice(victim.endOffset! + 1);
        const errors = parseText("test.org", broken).diagnostics.filter((d) => d.code === "ORG001");
        if (errors.length === 0) {
          const once = await format(broken);
          expect(tokenTexts(once)).toEqual(tokenTexts(broken));
          return;
        }
        refused++;
        const first = errors.reduce((x, y) => (y.span.start < x.span.start ? y : x));
        const { line, column } = new LineIndex(broken).position(first.span.start);
        await expect(format(broken)).rejects.toThrow(`test.org:${line}:${column}: syntax error`);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    expect(refused).toBeGreaterThan(50);
  });
});
