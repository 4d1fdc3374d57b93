// Properties: semantic tokens encoded from the last encoding of a document
// (lsp/semantic-encoding.ts) equal the same text's tokens encoded whole.
// - In a workspace: an open document's tokens after each edit of a random
//   edit sequence, against a workspace that never saw the document before.
// - Directly: token lists that keep any run of the last version's tokens at
//   the start and the end (not only whole lines, as the lexing after an edit
//   keeps), with names that change away from the edit as resolution does.
// The edits move tokens, rename declarations, open and close comments,
// change the word before a value word and turn spaces into line breaks.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { tokenize, type QueryToken } from "../../src/index.js";
import { LineIndex } from "../../src/util/text.js";
import { classify, semanticTokens } from "../../lsp/handlers/semantic-tokens.js";
import { encodeAfter, encodeWhole, encodingCounts, type Encoding, type Names } from "../../lsp/semantic-encoding.js";
import { generatedSpec } from "../../scripts/lsp-latency.js";
import { COMMITTEES, positionAt } from "./fixtures.js";
import { testWorkspace } from "./workspace-helpers.js";

const RUNS = Number(process.env["SEMANTIC_PROPERTY_RUNS"] ?? 120);

const SNIPPETS = [
  "x", " ", "\n", "\r\n", "{", "}", ",", '"', "//", "/*", "*/", "/* note */", "/* two\nlines */", "2026-03-01", "12", "2 ", "weeks",
  "level ", "critique ", "setting ", "weekly", "workplace", "cell2", "cell", "p3_3", "sinuiju", "on ", "every ",
  "on 2026-04-01 meeting cell1\n", '  member kim "Kim" joined 2020-01-01\n',
];

// Without a `period`: the tokens do not depend on it, and a random edit of its years (2026 → 9026) made a
// 7,000-year period whose every check took seconds, which once kept this test running for minutes.
const TEXTS = [
  generatedSpec(4).replace("period 2026-01-01 to 2026-06-30\n", ""),
  'import "committees.org"\n/* a comment\nover lines */\ncell a "A" {\n  under sinuiju\n  critique weekly\n  member kim "Kim" joined 2020-01-01\n}\nevery 2 weeks from 2026-01-01 to 2026-06-30 critique a\n// the end\non 2026-02-01 meeting a { present kim }\n',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 40 })),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 3 })),
});

const edited = testWorkspace({ "committees.org": COMMITTEES });
const reference = testWorkspace({ "committees.org": COMMITTEES });
afterAll(() => {
  edited.dispose();
  reference.dispose();
});

let freshCount = 0;
/** The text's tokens in a workspace where no earlier version of it was encoded. */
function encodedWhole(text: string): number[] {
  const uri = reference.open(`fresh${freshCount++}.org`, text);
  const data = semanticTokens(reference.workspace, { textDocument: { uri } }).data;
  reference.workspace.close(uri);
  return data;
}

describe("semantic tokens encoded from the last encoding", () => {
  it(`equal the tokens encoded whole, over random edit sequences (${RUNS} runs)`, { timeout: 300_000 }, () => {
    const before = { ...encodingCounts };
    let document = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        const uri = edited.open(`doc${document++}.org`, text);
        // Closed even when a run fails: shrinking runs the property again, each with a document of its own.
        try {
          semanticTokens(edited.workspace, { textDocument: { uri } });
          let version = 1;
          for (const change of edits) {
            const from = Math.floor(change.at * text.length);
            const to = Math.min(text.length, from + change.remove);
            const range = { start: positionAt(text, from), end: positionAt(text, to) };
            text = text.slice(0, from) + change.insert + text.slice(to);
            edited.workspace.change(uri, [{ range, text: change.insert }], ++version);
            edited.workspace.flush();
            expect(semanticTokens(edited.workspace, { textDocument: { uri } }).data).toEqual(encodedWhole(text));
          }
        } finally {
          edited.workspace.close(uri);
        }
      }),
      { numRuns: RUNS },
    );
    // Many edits were encoded from the last encoding, not whole again (a small file is mostly lexed again, so encoded whole).
    const fromLast = encodingCounts.fromLast - before.fromLast;
    expect(fromLast).toBeGreaterThan(RUNS);
  });
});

const DIRECT_TEXTS = [
  ...TEXTS,
  'cell a "A" {\n  critique\n  // how often\n  weekly\n  setting /* where */ workplace\n}\non 2026-01-01 meeting a // a\nevery 2\nweeks from 2026-01-01 to 2026-03-01 critique a\ncommittee b "B" { level county }\non 2026-02-01 meeting b\n',
];

const DIRECT_SNIPPETS = [...SNIPPETS, "committee ", "a", "b", "critique", "level", "\n// c\n", "  "];

const directEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 40 })),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...DIRECT_SNIPPETS), fc.string({ maxLength: 3 })),
  /** Whether the new list keeps the last version's tokens where they are equal (else every token is new). */
  keep: fc.integer({ min: 0, max: 5 }),
  /** How much of the equal start is kept (the lexing after an edit keeps less than all of it). */
  head: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

const CLASS = 2;
const NAMESPACE = 1;

/** Names as resolution gives them: each identifier declared somewhere by `cell` or `committee`, everywhere it occurs. */
function namesOf(tokens: readonly QueryToken[]): Names {
  const declared = new Map<string, { type: number; start: number }>();
  let previous: QueryToken | undefined;
  for (const token of tokens) {
    if (token.kind === "identifier" && previous?.kind === "keyword" && (previous.text === "cell" || previous.text === "committee") && !declared.has(token.text)) {
      declared.set(token.text, { type: previous.text === "cell" ? CLASS : NAMESPACE, start: token.start });
    }
    if (token.kind !== "comment") previous = token;
  }
  const found = tokens.filter((token) => token.kind === "identifier" && declared.has(token.text));
  return {
    count: found.length,
    starts: Int32Array.from(found, (token) => token.start),
    ends: Int32Array.from(found, (token) => token.end),
    types: Uint8Array.from(found, (token) => declared.get(token.text)!.type),
    modifiers: Uint8Array.from(found, (token) => (declared.get(token.text)!.start === token.start ? 1 : 0)),
  };
}

/** `fresh` with the last version's token objects wherever they are equal at the start and, moved in place by `by`, at the end. */
function keptFrom(previous: QueryToken[], fresh: QueryToken[], by: number, headShare = 1): QueryToken[] {
  const equal = (a: QueryToken, b: QueryToken, shift: number) => a.kind === b.kind && a.text === b.text && a.start + shift === b.start && a.end + shift === b.end && !!a.unterminated === !!b.unterminated;
  const tokens = fresh.slice();
  const most = Math.min(previous.length, fresh.length);
  let head = 0;
  while (head < most && equal(previous[head]!, fresh[head]!, 0)) head++;
  head = Math.floor(head * headShare);
  for (let i = 0; i < head; i++) tokens[i] = previous[i]!;
  let tail = 0;
  while (tail < most - head && equal(previous[previous.length - 1 - tail]!, fresh[fresh.length - 1 - tail]!, by)) tail++;
  for (let i = 1; i <= tail; i++) {
    const token = previous[previous.length - i] as { start: number; end: number };
    token.start += by;
    token.end += by;
    tokens[fresh.length - i] = token as QueryToken;
  }
  return tokens;
}

describe("semantic tokens encoded from the last encoding, directly", () => {
  it(`equal the whole encoding, data and bookkeeping, for any kept start and end (${RUNS * 4} runs)`, { timeout: 300_000 }, () => {
    let fromLast = 0;
    fc.assert(
      fc.property(fc.constantFrom(...DIRECT_TEXTS), fc.array(directEdit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let tokens = tokenize(text);
        let encoding: Encoding = encodeWhole({ text, lines: new LineIndex(text) }, tokens, namesOf(tokens), classify);
        for (const change of edits) {
          const from = Math.floor(change.at * text.length);
          const to = Math.min(text.length, from + change.remove);
          const edited = text.slice(0, from) + change.insert + text.slice(to);
          const fresh = tokenize(edited);
          const names = namesOf(fresh);
          const whole = encodeWhole({ text: edited, lines: new LineIndex(edited) }, fresh, names, classify);
          tokens = change.keep > 0 ? keptFrom(tokens, tokenize(edited), edited.length - text.length, change.head) : tokenize(edited);
          const before = encodingCounts.fromLast;
          encoding = encodeAfter(encoding, { text: edited, lines: new LineIndex(edited) }, tokens, names, classify);
          fromLast += encodingCounts.fromLast - before;
          expect(encoding.data).toEqual(whole.data);
          expect([...encoding.offsets]).toEqual([...whole.offsets]);
          expect([...encoding.starts]).toEqual([...whole.starts]);
          text = edited;
        }
      }),
      { numRuns: RUNS * 4 },
    );
    expect(fromLast).toBeGreaterThan(RUNS * 4);
  });

  /** `text` encoded whole, then `edited` encoded from it keeping all equal tokens: both encodings' data. */
  function encodedBoth(text: string, edited: string): { after: number[]; whole: number[]; fromLast: boolean } {
    const tokens = tokenize(text);
    const last = encodeWhole({ text, lines: new LineIndex(text) }, tokens, namesOf(tokens), classify);
    const fresh = tokenize(edited);
    const whole = encodeWhole({ text: edited, lines: new LineIndex(edited) }, fresh, namesOf(fresh), classify);
    const before = encodingCounts.fromLast;
    const after = encodeAfter(last, { text: edited, lines: new LineIndex(edited) }, keptFrom(tokens, tokenize(edited), edited.length - text.length), namesOf(fresh), classify);
    return { after: after.data, whole: whole.data, fromLast: encodingCounts.fromLast > before };
  }

  it("encodes whole again when an edited declaration changes what a use before the edited line is", () => {
    const text = 'on 2026-01-01 meeting a\n\ncell a "A" {\n}\n';
    // The use becomes a committee's, then resolves to nothing.
    for (const edited of [text.replace("cell a", "committee a"), text.replace("cell a", "cell b")]) {
      const tokens = tokenize(text);
      const last = encodeWhole({ text, lines: new LineIndex(text) }, tokens, namesOf(tokens), classify);
      const fresh = tokenize(edited);
      const whole = encodeWhole({ text: edited, lines: new LineIndex(edited) }, fresh, namesOf(fresh), classify);
      // As the lexing after an edit keeps them: the tokens of the lines before the edited one, and those after it moved.
      const line = text.indexOf("cell");
      const lineEnd = text.indexOf("\n", line) + 1;
      const by = edited.length - text.length;
      const tail = tokens.filter((token) => token.start >= lineEnd);
      for (const token of tail as { start: number; end: number }[]) (token.start += by), (token.end += by);
      const kept = [...tokens.filter((token) => token.start < line), ...fresh.filter((token) => token.start >= line && token.start < lineEnd + by), ...tail];
      expect(kept.map((token) => token.text)).toEqual(fresh.map((token) => token.text));
      const after = encodeAfter(last, { text: edited, lines: new LineIndex(edited) }, kept, namesOf(fresh), classify);
      expect(after.data).toEqual(whole.data);
      // The first line's numbers changed: the use (its fourth token) is another type, or not shown.
      expect(whole.data.slice(0, 20)).not.toEqual(last.data.slice(0, 20));
    }
  });

  it("encodes whole again when a declaration's kind changes the type of its uses before and after it", () => {
    const body = 'cell a "A" {\n  critique weekly\n}\n';
    for (const text of [`on 2026-01-01 meeting a\n${body}`, `${body}on 2026-02-01 meeting a\n`]) {
      for (const edited of [text.replace("cell a", "committee a"), text.replace("cell a", "cell  a")]) {
        const { after, whole, fromLast } = encodedBoth(text, edited);
        expect(after).toEqual(whole);
        // A space more moves the names after it, which stay what they were.
        expect(fromLast).toBe(edited.includes("cell  a"));
      }
    }
  });

  it("encodes an edit that replaces most of a large file (a paste) in part, with no stack overflow", () => {
    // 500 of 834 cells replaced by 450 others: about 170,000 numbers encoded again, more than a call's arguments.
    const text = generatedSpec(834);
    const from = text.indexOf("cell cell100 ");
    const to = text.indexOf("cell cell600 ");
    const edited = text.slice(0, from) + generatedSpec(450).replaceAll("cell", "cellx") + text.slice(to);
    const { after, whole, fromLast } = encodedBoth(text, edited);
    expect(fromLast).toBe(true);
    expect(whole.length).toBeGreaterThan(250_000);
    expect(after).toEqual(whole);
  });

  it("encodes whole again when only the white space after the kept start changed", () => {
    // The same tokens at the same offsets, but the last date is now on a line of its own.
    const text = "on 2026-01-01 meeting a 2026-01-02 2026-01-03\n";
    const edited = "on 2026-01-01 meeting a 2026-01-02\n2026-01-03\n";
    const tokens = tokenize(text);
    const last = encodeWhole({ text, lines: new LineIndex(text) }, tokens, namesOf(tokens), classify);
    const fresh = tokenize(edited);
    const whole = encodeWhole({ text: edited, lines: new LineIndex(edited) }, fresh, namesOf(fresh), classify);
    // Kept: the first token at the start; the rest at the end, not moved (the length is the same).
    const kept = [tokens[0]!, ...fresh.slice(1, 2), ...tokens.slice(2)];
    expect(encodeAfter(last, { text: edited, lines: new LineIndex(edited) }, kept, namesOf(fresh), classify).data).toEqual(whole.data);
  });
});
