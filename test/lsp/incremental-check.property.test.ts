// Property (issue 13): what the language server reports after each edit of a
// random edit sequence equals a check of the same texts from scratch
// (`checkProgram` with a fresh cache): every diagnostic, waived ones too,
// with its range, fingerprint, related locations, data and fixes. Edits go
// through `didChange` with ranges, as an editor sends them, in the entry and
// in a file it imports, both open; the edited file is re-parsed in part
// (src/program/incremental.ts) and the rest of the program is reused.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { checkProgram, diskHost, FileCache, LineIndex, parseDay } from "../../src/index.js";
import { uriToPath } from "../../lsp/positions.js";
import { generatedSpec } from "../../scripts/lsp-latency.js";
import { COMMITTEES, ENTRY, FACTORY } from "./fixtures.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

const RUNS = Number(process.env["INCREMENTAL_CHECK_RUNS"] ?? 80);
const TODAY = parseDay("2026-07-01")!;

/** What is typed: names, keywords, dates and pieces of broken input. */
const SNIPPETS = [
  "x", " ", "\n", "{", "}", ",", '"', "//", "/*", "*/", "2026-03-01", "2026-02-30", "12", "on ", "every ",
  "on 2026-04-01 meeting mill3\n", "on 2026-08-01 critique weaving\n", "on 2025-11-03 meeting mill3\n", "every week from 2026-01-01 to 2026-06-30 critique mill3\n",
  "  member kim \"Kim\" joined 2020-01-01\n", "  deputy ri_yong\n", "  secretary nobody\n", "cell c9 \"C\" {\n  under sinuiju\n}\n",
  "person kim_chol \"Kim\"\n", "residence r1\n", "// orgspec-waive ORG201 until 2026-12-31 -- moved\n", "sinuiju", "uiju", "mill3",
  'import "factory.org"\n', 'import "nowhere.org"\n',
];

const edit = fc.record({
  file: fc.constantFrom("main.org", "main.org", "factory.org"),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 60 })),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 3 })),
});

let t: TestWorkspace | undefined;
afterEach(() => t?.dispose());

/** A check of the current texts from nothing: a new cache over the open documents' texts, else the disk. */
function fromScratch(workspace: TestWorkspace, entry: string) {
  const texts = new Map(workspace.workspace.openPaths().map((path) => [path, workspace.workspace.document(path)!.getText()]));
  const host = { readFile: (path: string) => (texts.has(path) ? { text: texts.get(path)! } : diskHost.readFile(path)) };
  return checkProgram(entry, { cache: new FileCache(host), rulebook: new Map(), today: TODAY });
}

describe("incremental checking equals checking from scratch", () => {
  it(`after every edit of random edit sequences (${RUNS} runs)`, { timeout: 600_000 }, () => {
    let checks = 0;
    fc.assert(
      fc.property(fc.constantFrom(ENTRY, generatedSpec(6).replace('import "committees.org"', 'import "committees.org"\nimport "factory.org"')), fc.array(edit, { minLength: 1, maxLength: 6 }), (entry, edits) => {
        t?.dispose();
        t = testWorkspace({ "committees.org": COMMITTEES });
        const uris = { "main.org": t.open("main.org", entry), "factory.org": t.open("factory.org", FACTORY) };
        const versions = { "main.org": 1, "factory.org": 1 };
        const mainPath = uriToPath(uris["main.org"]);
        for (const change of edits) {
          const document = t.workspace.document(uriToPath(uris[change.file]))!;
          const text = document.getText();
          const lines = new LineIndex(text);
          const at = Math.floor(change.at * text.length);
          const end = Math.min(text.length, at + change.remove);
          const position = (offset: number) => {
            const { line, column } = lines.position(offset);
            return { line: line - 1, character: column - 1 };
          };
          t.workspace.change(uris[change.file], [{ range: { start: position(at), end: position(end) }, text: change.insert }], ++versions[change.file]);
          const program = t.workspace.checkedProgram(mainPath);
          const expected = fromScratch(t, mainPath);
          expect(program?.model.files.map((file) => file.path)).toEqual(expected.model.files.map((file) => file.path));
          expect(program?.diagnostics).toEqual(expected.diagnostics);
          expect(program?.waived).toEqual(expected.waived);
          checks++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(checks).toBeGreaterThanOrEqual(RUNS);
  });

  it(`keeps the model after edits in comments and white space, equal to a resolve from scratch (${RUNS} runs)`, { timeout: 600_000 }, () => {
    let checks = 0;
    let kept = 0;
    // Comments between and inside statements, so that edits in them fall in every place a re-parse can start, end or keep.
    const commented = (text: string) =>
      text
        .split("\n")
        .map((line, i) => (i % 4 === 1 && line.trim() !== "" && !line.startsWith("import") ? `${line} // note ${i}` : i % 5 === 2 ? `// line ${i}\n${line}` : line))
        .join("\n");
    const trivia = fc.record({
      file: fc.constantFrom("main.org", "main.org", "factory.org"),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom("into a comment", "out of a comment", "indent", "line break", "comment line"),
      text: fc.stringMatching(/^[a-z0-9 -]{1,8}$/),
      waiver: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.constantFrom(commented(ENTRY), commented(generatedSpec(6).replace('import "committees.org"', 'import "committees.org"\nimport "factory.org"'))), fc.array(trivia, { minLength: 1, maxLength: 8 }), (entry, edits) => {
        t?.dispose();
        t = testWorkspace({ "committees.org": COMMITTEES });
        const uris = { "main.org": t.open("main.org", entry), "factory.org": t.open("factory.org", commented(FACTORY)) };
        const versions = { "main.org": 1, "factory.org": 1 };
        const mainPath = uriToPath(uris["main.org"]);
        for (const change of edits) {
          const text = t.workspace.document(uriToPath(uris[change.file]))!.getText();
          const lines = new LineIndex(text);
          // A line comment (its text after `//`), or a line start.
          const comments = [...text.matchAll(/\/\/[^\n]*/g)].map((match) => ({ from: match.index + 2, to: match.index + match[0].length }));
          const comment = comments[Math.min(comments.length - 1, Math.floor(change.at * comments.length))]!;
          const lineStart = lines.lineStart(1 + Math.floor(change.at * (lines.lineCount - 1)));
          const inside = comment.from + Math.floor(change.at * (comment.to - comment.from + 1));
          const [at, end, insert] = {
            "into a comment": [inside, inside, change.waiver ? " orgspec-waive ORG201 -- moved" : change.text],
            "out of a comment": [comment.from, Math.min(comment.to, comment.from + change.text.length), ""],
            indent: [lineStart, lineStart, "  "],
            "line break": [lineStart, lineStart, "\n"],
            "comment line": [lineStart, lineStart, `// ${change.text}\n`],
          }[change.kind] as [number, number, string];
          const position = (offset: number) => {
            const { line, column } = lines.position(offset);
            return { line: line - 1, character: column - 1 };
          };
          const before = t.workspace.counts.kept;
          t.workspace.change(uris[change.file], [{ range: { start: position(at), end: position(end) }, text: insert }], ++versions[change.file]);
          const program = t.workspace.checkedProgram(mainPath)!;
          kept += t.workspace.counts.kept - before;
          const expected = fromScratch(t, mainPath);
          expect(program.diagnostics).toEqual(expected.diagnostics);
          expect(program.waived).toEqual(expected.waived);
          // What requests read from the model: every resolved name where it is, and each unit's declaration.
          const references = (model: typeof expected.model) => model.references.map((reference) => [reference.file, reference.span.start, reference.span.end, reference.name, reference.symbol.kind]);
          expect(references(program.model)).toEqual(references(expected.model));
          expect(program.model.units.map((unit) => [unit.id, unit.decl.span, unit.decl.id.span, unit.size])).toEqual(expected.model.units.map((unit) => [unit.id, unit.decl.span, unit.decl.id.span, unit.size]));
          expect(program.model.files.map((file) => file.text)).toEqual(expected.model.files.map((file) => file.text));
          checks++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(checks).toBeGreaterThanOrEqual(RUNS);
    // Nearly all of these edits keep the model (329 of 330 when this was written).
    expect(kept).toBeGreaterThan(checks * 0.8);
  });

  it("re-parses an edited 2,000-line file in part, not whole", () => {
    t = testWorkspace({ "committees.org": COMMITTEES });
    const text = generatedSpec(83);
    const uri = t.open("main.org", text);
    const before = { ...t.workspace.cache.counts };
    const offset = text.indexOf('"Person 40-3') + 5;
    const lines = new LineIndex(text);
    const { line, column } = lines.position(offset);
    t.workspace.change(uri, [{ range: { start: { line: line - 1, character: column - 1 }, end: { line: line - 1, character: column - 1 } }, text: "x" }], 2);
    const program = t.workspace.checkedProgram(uriToPath(uri));
    expect(t.workspace.cache.counts).toEqual({ partial: before.partial + 1, whole: before.whole });
    expect(program?.diagnostics).toEqual(fromScratch(t, uriToPath(uri)).diagnostics);
  });
});
