// A file reached by two paths (a symbolic link) is one file in the editor as
// on the command line, and an open document is known by the path it is open
// under: its text is the editor's and its diagnostics go to its URI.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkProgram, diskHost, FileCache, parseDay } from "../../src/index.js";
import { protocolHandlers } from "../../lsp/dispatch.js";
import { uriToPath, withUri } from "../../lsp/positions.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let t: TestWorkspace | undefined;
afterEach(() => t?.dispose());

const PERIOD = "period 2026-01-01 to 2026-06-30\n";

function linked(): TestWorkspace {
  t = testWorkspace({ "real/b.org": 'residence r1 "R"\n' });
  symlinkSync(join(t.root, "real"), join(t.root, "link"));
  return t;
}

/** `text` as real/b.org, with link/ a link to real/, open under both paths (link/b.org, the first by name, is the one programs read). */
function openTwice(text: string): { t: TestWorkspace; link: string; real: string } {
  const opened = (t = testWorkspace({ "real/b.org": text }));
  symlinkSync(join(opened.root, "real"), join(opened.root, "link"));
  const link = opened.uri("link/b.org");
  const real = opened.uri("real/b.org");
  opened.workspace.open(link, text, 1);
  opened.workspace.open(real, text, 1);
  opened.workspace.flush();
  return { t: opened, link, real };
}

describe("files reached through a symbolic link", () => {
  it("are one file when imported by the link and by the real path, as `orgspec check` has them", () => {
    const t = linked();
    const main = 'import "link/b.org"\nimport "real/b.org"\n' + PERIOD;
    const uri = t.open("main.org", main);
    const program = t.workspace.checkedProgram(uriToPath(uri))!;
    const cli = checkProgram(join(t.root, "main.org"), { cache: new FileCache(diskHost), rulebook: new Map(), today: parseDay("2026-07-01")! });
    expect(cli.diagnostics).toEqual([]);
    expect(program.diagnostics).toEqual([]);
    expect(program.model.files.map((file) => file.path)).toEqual(cli.model.files.map((file) => file.path));
    expect(t.published.filter((entry) => entry.diagnostics.length > 0)).toEqual([]);
  });

  it("read an open document's text under the path it is open under, and publish there; the disk's once it is closed", () => {
    const t = linked();
    // Open under the link, with a duplicate the disk does not have (not saved).
    const b = t.uri("link/b.org");
    t.workspace.open(b, 'residence r1 "R"\nresidence r1 "R again"\n', 1);
    const uri = t.open("main.org", 'import "real/b.org"\n' + PERIOD);
    const program = t.workspace.checkedProgram(uriToPath(uri))!;
    expect(program.model.files.map((file) => file.path)).toEqual([uriToPath(b), uriToPath(uri)]);
    expect(program.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.file])).toEqual([["ORG003", uriToPath(b)]]);
    expect(t.last("link/b.org")!.map((diagnostic) => diagnostic.code)).toEqual(["ORG003"]);
    expect(t.last("real/b.org")).toBeUndefined();

    t.workspace.close(b);
    const closed = t.workspace.checkedProgram(uriToPath(uri))!;
    expect(closed.model.files.map((file) => file.path)).toEqual([join(t.root, "real/b.org"), uriToPath(uri)]);
    expect(closed.diagnostics).toEqual([]);
    expect(t.last("link/b.org")).toEqual([]);
  });

  it("open under both paths at once: each tab shows the diagnostics while the texts agree, and the other tab says where they are when they do not", () => {
    const { t, link, real } = openTwice(PERIOD + 'residence r1 "R"\nresidence r1 "R again"\n');
    const shown = t.last("link/b.org")!;
    expect(shown.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([["ORG003", 2]]);
    expect(t.last("real/b.org")).toEqual(shown);

    // An unsaved edit under the real path: programs read the link's text (the path first by name), so the diagnostics stay there.
    t.workspace.change(real, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// moved\n" }], 2);
    t.workspace.flush();
    expect(t.last("link/b.org")).toEqual(shown);
    expect(t.last("real/b.org")!.map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line, diagnostic.message])).toEqual([
      [3, 0, `this file is also open as ${link}, with other text; orgspec checks the text open there and shows its diagnostics there`],
    ]);
    expect(t.published.at(-1)).toMatchObject({ uri: real, version: 2 });

    // Closed under the link: the real path's text is what programs read, and its diagnostics are its own.
    t.workspace.close(link);
    t.workspace.flush();
    expect(t.last("real/b.org")!.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([["ORG003", 3]]);
    expect(t.last("link/b.org")).toEqual([]);
  });

  it("open under both paths at once: requests on the second tab are answered as on the first while the texts agree, in the second tab's URI", async () => {
    const { t, link, real } = openTwice(PERIOD + 'residence r1 "R"\ncell c1 "C" {\n  covers r1\n  member kim "Kim" joined 2020-01-01\n}\non 2026-02-01 meeting c1\n');
    const handlers = protocolHandlers(t.workspace, () => {});
    const ask = async (method: keyof typeof handlers.requests, uri: string, extra: object = {}) => await handlers.requests[method]({ textDocument: { uri }, ...extra });
    // `covers r1` in the cell: its definition is the declaration on line 1.
    const at = { position: { line: 3, character: 10 } };
    const definition = await ask("definition", real, at);
    expect(definition).toEqual([{ uri: real, range: { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } } }]);
    expect(await ask("definition", link, at)).toEqual(withUri(definition, real, link));
    expect(await ask("hover", real, at)).toMatchObject({ contents: expect.anything() });
    const range = { range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } } };
    for (const [method, extra] of [["hover", at], ["completion", at], ["documentSymbol", {}], ["semanticTokens", {}], ["foldingRange", {}], ["codeLens", {}], ["inlayHint", range]] as const) {
      // Each semantic tokens answer has its own result ID.
      const answer = async (uri: string) => ((value) => (method === "semanticTokens" ? { ...(value as object), resultId: "" } : value))(await ask(method, uri, extra));
      const first = await answer(link);
      expect(first, method).not.toEqual(null);
      expect(await answer(real), method).toEqual(withUri(first, link, real));
    }
    const references = (await ask("references", link, { ...at, context: { includeDeclaration: true } })) as { uri: string }[];
    expect(references.map((location) => location.uri)).toEqual([link, link]);
    const renamed = (await ask("rename", real, { ...at, newName: "r2" })) as { changes: Record<string, unknown[]> };
    expect(Object.keys(renamed.changes)).toEqual([real]);
    expect(renamed.changes[real]).toHaveLength(2);

    // Other text under the second path: it is not answered as the first.
    t.workspace.change(link, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// moved\n" }], 2);
    t.workspace.flush();
    expect(t.workspace.answeredAs(real)).toBe(real);
    expect(await ask("definition", real, at)).toBeNull();
  });
});
