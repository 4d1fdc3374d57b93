// Property: an open document's tokens after each edit of a random edit
// sequence, lexed in part from the last version's (lsp/tokens.ts), equal
// `tokenize` of the whole text. Edits arrive as an editor sends them: ranges
// in line and character, sometimes several in one change event, sometimes
// several events before the tokens are asked for, now and then the whole
// text replaced.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import { tokenize } from "../../src/index.js";
import { composeChanges, DocumentTokens, retokenize } from "../../lsp/tokens.js";
import { generatedSpec } from "../../scripts/lsp-latency.js";
import { ENTRY, MILL } from "./fixtures.js";

const RUNS = Number(process.env["TOKENS_PROPERTY_RUNS"] ?? 300);

/** What is typed: the tokens whose kind or extent depends on what follows them, and broken input. */
const SNIPPETS = [
  "x", " ", "\n", "\r\n", "\r", "{", "}", ",", '"', '\\"', "//", "/*", "*/", "/* note */", "/* two\nlines */", "*", "/",
  "2026-03-01", "2026-03-0", "-", "12", "on", "on ", "every ", "every 2 ", "weeks", "month", "@", "é",
  "on 2026-04-01 meeting mill3\n", "every week from 2026-01-01 to 2026-06-30 critique mill3\n", '  member kim "Kim" joined 2020-01-01\n',
];

const TEXTS = [
  ENTRY,
  MILL,
  generatedSpec(3),
  "/* a comment\nover lines */\non 2026-01-01 meeting x\nevery\n2 weeks\non\n// c\n2026-01-02 meeting y\n",
  'cell a "unterminated\n  on\n/* open\n\nevery month\n*/ x\n',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 80 })),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })),
  /** Whether the tokens are asked for after this edit (else the next edit comes first). */
  ask: fc.boolean(),
  /** Whether another change follows in the same event. */
  together: fc.boolean(),
  whole: fc.integer({ min: 0, max: 30 }),
});

function changeOf(document: TextDocument, change: { at: number; remove: number; insert: string; whole: number }): TextDocumentContentChangeEvent {
  const text = document.getText();
  if (change.whole === 0) return { text: text.slice(0, Math.floor(change.at * text.length)) + change.insert };
  const start = Math.floor(change.at * text.length);
  const end = Math.min(text.length, start + change.remove);
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: change.insert };
}

describe("tokens after an edit", () => {
  it(`equal a lexing of the whole text, over random edit sequences (${RUNS} runs)`, { timeout: 300_000 }, () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(edit, { minLength: 1, maxLength: 12 }), (text, edits) => {
        const tokens = new DocumentTokens();
        let document = TextDocument.create("file:///t.org", "orgspec", 1, text);
        expect(tokens.tokens("t", document)).toEqual(tokenize(text));
        let version = 1;
        let event: TextDocumentContentChangeEvent[] = [];
        // The event's changes are taken against the text as the earlier changes of the event leave it.
        let scratch = TextDocument.create("file:///s.org", "orgspec", 1, text);
        for (const [index, change] of edits.entries()) {
          const content = changeOf(scratch, change);
          event.push(content);
          scratch = TextDocument.update(scratch, [content], ++version);
          if (change.together && index < edits.length - 1) continue;
          document = tokens.edit("t", document, event, version);
          event = [];
          expect(document.getText()).toBe(scratch.getText());
          if (!change.ask && index < edits.length - 1) continue;
          expect(tokens.tokens("t", document)).toEqual(tokenize(document.getText()));
          compared++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThanOrEqual(RUNS);
  });

  it("lexes only the lines around a one-character edit of a 20,000-line file", () => {
    const text = generatedSpec();
    const previous = tokenize(text);
    const at = text.indexOf('"Person 400-3') + 5;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const lexed: string[] = [];
    const counting = (slice: string) => (lexed.push(slice), tokenize(slice));
    const change = composeChanges(null, at, at, 1);
    expect(retokenize(text, previous, edited, change, counting)).toEqual(tokenize(edited));
    expect(lexed).toHaveLength(1);
    expect(lexed[0]!.split("\n").length).toBeLessThan(10);
  });

  it("lexes a paste of 150,000 tokens in part, with no stack overflow", () => {
    const text = generatedSpec(50);
    const at = text.indexOf("cell cell20 ");
    const pasted = generatedSpec(1500);
    const edited = text.slice(0, at) + pasted + text.slice(at);
    const tokens = retokenize(text, tokenize(text), edited, composeChanges(null, at, at, pasted.length));
    expect(tokens.length).toBeGreaterThan(150_000);
    expect(tokens).toEqual(tokenize(edited));
  });

  it("gives `on` and `every` the kind the next line's edited token decides", () => {
    for (const [text, from, to] of [
      ["on\n// note\n2026-01-02 meeting y\n", "2026-01-02", "y"],
      ["x\non\n\ny meeting z\n", "y", "2026-01-02"],
      ["every\nweeks from 2026-01-01\n", "weeks", "wakes"],
    ] as const) {
      const at = text.indexOf(from);
      const edited = text.slice(0, at) + to + text.slice(at + from.length);
      const tokens = retokenize(text, tokenize(text), edited, composeChanges(null, at, at + from.length, to.length));
      expect(tokens).toEqual(tokenize(edited));
    }
  });

  it("composes the changes of one event into one change covering them all", () => {
    // "abcdef" → replace [1, 3) by "XYZ" → "aXYZdef" → replace [5, 6) by "" → "aXYZdf"
    const first = composeChanges(null, 1, 3, 3);
    expect(first).toEqual({ start: 1, oldEnd: 3, newEnd: 4 });
    expect(composeChanges(first, 5, 6, 0)).toEqual({ start: 1, oldEnd: 5, newEnd: 5 });
    // A change inside the last one's new text keeps the old end.
    expect(composeChanges(first, 2, 3, 0)).toEqual({ start: 1, oldEnd: 3, newEnd: 3 });
  });
});
