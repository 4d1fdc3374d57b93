// The lexer and parser the process shares skip Chevrotain's definition
// validations to start faster (docs/performance.md, *Cold start*); here they
// run, so an ambiguous alternative, left recursion or a bad token pattern
// still fails the build's tests.
import { describe, expect, it } from "vitest";
import { createOrgLexer } from "../../grammar/lexer.js";
import { getOrgParser, OrgParser } from "../../grammar/parser.js";

describe("grammar definition", () => {
  it("passes Chevrotain's parser validations (performSelfAnalysis throws on any)", () => {
    expect(() => new OrgParser({ validate: true })).not.toThrow();
  });

  it("passes Chevrotain's lexer validations", () => {
    expect(createOrgLexer({ validate: true }).lexerDefinitionErrors).toEqual([]);
  });

  it("parses with the shared, unvalidated parser exactly as with a validated one", () => {
    const validated = new OrgParser({ validate: true });
    const lexer = createOrgLexer({ validate: true });
    const text = 'cell c "C" {\n  under x\n  member a "A" joined 2020-01-01\n}\non 2026-01-07 meeting c { present a }\nevery month from 2026-01-01 to 2026-12-31 meeting c\ncell broken {\n';
    const cstOf = (parser: OrgParser) => {
      parser.input = lexer.tokenize(text).tokens;
      const cst = parser.file();
      return { cst: JSON.stringify(cst, (key, value: unknown) => (key === "tokenType" ? undefined : value)), errors: parser.errors.map((error) => error.message) };
    };
    const expected = cstOf(validated);
    expect(expected.errors.length).toBeGreaterThan(0);
    expect(cstOf(getOrgParser())).toEqual(expected);
  });
});
