// The language server's handlers against a Workspace, without a connection.
import { afterEach, describe, expect, it } from "vitest";
import type { CompletionItem, Hover } from "vscode-languageserver";
import { codeActions } from "../../lsp/handlers/code-actions.js";
import { completion } from "../../lsp/handlers/completion.js";
import { hover } from "../../lsp/handlers/hover.js";
import { definition, prepareRename, references, rename } from "../../lsp/handlers/navigation.js";
import { LEGEND, semanticTokens } from "../../lsp/handlers/semantic-tokens.js";
import { documentSymbols, foldingRanges, workspaceSymbols } from "../../lsp/handlers/symbols.js";
import { after, COMMITTEES, inside, MILL, positionAt } from "./fixtures.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let current: TestWorkspace | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
});

function setup(files: Record<string, string> = { "committees.org": COMMITTEES }): TestWorkspace {
  current = testWorkspace(files);
  return current;
}

function hoverText(result: Hover | null): string {
  const contents = result?.contents;
  return contents && typeof contents === "object" && "value" in contents ? contents.value : "";
}

function labels(items: readonly CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
}

describe("diagnostics", () => {
  it("publishes the program's diagnostics for the entry and its imports, with codes and links", () => {
    const t = setup({ "committees.org": COMMITTEES + "\ncell stray {\n  under sinuiju\n}\n" });
    t.open("main.org", MILL.replace("under textile", "under textil"));
    const main = t.last("main.org")!;
    const unresolved = main.find((diagnostic) => diagnostic.code === "ORG002")!;
    expect(unresolved.message).toContain("textil");
    expect(unresolved.source).toBe("orgspec");
    expect(unresolved.codeDescription?.href).toMatch(/rules\.md#org002-unresolved$/);
    expect(unresolved.range.start.line).toBe(MILL.split("\n").findIndex((line) => line.includes("under textile")));
    const imported = t.last("committees.org")!;
    expect(imported.map((diagnostic) => diagnostic.code)).toContain("ORG101");
  });

  it("re-checks the open importer when an imported open file changes, and clears closed files", () => {
    const t = setup();
    const committees = t.open("committees.org", COMMITTEES);
    t.open("main.org", MILL);
    expect(t.last("main.org")!.filter((d) => d.code === "ORG002")).toEqual([]);
    // Rename the city committee in the imported file only: main.org's uses no longer resolve.
    t.workspace.change(committees, [{ text: COMMITTEES.replaceAll("sinuiju", "sinuiju_city") }], 2);
    t.workspace.flush();
    expect(t.last("main.org")!.filter((d) => d.code === "ORG002").length).toBeGreaterThan(0);
    // Closing main.org leaves committees.org as the only entry; main.org's diagnostics are cleared.
    t.workspace.close(t.uri("main.org"));
    t.workspace.flush();
    expect(t.last("main.org")).toEqual([]);
  });

  it("tags a waiver that suppresses nothing as unnecessary", () => {
    const t = setup();
    t.open("main.org", MILL.replace("cell mill3", "// orgspec-waive ORG101 until 2026-12-31 -- merged in July\ncell mill3"));
    const waiver = t.last("main.org")!.find((diagnostic) => diagnostic.code === "ORG010")!;
    expect(waiver.tags).toEqual([1]);
  });
});

describe("hover", () => {
  it("describes a unit, a person and a rule code in a waiver", () => {
    const t = setup();
    const uri = t.open("main.org", MILL.replace("cell weaving", "// orgspec-waive ORG101 -- reason\ncell weaving"));
    const text = t.workspace.document(t.workspace.openPaths()[0]!)!.getText();
    const unit = hoverText(hover(t.workspace, { textDocument: { uri }, position: inside(text, "meeting mill3", 0, 9) }));
    expect(unit).toContain("party cell");
    expect(unit).toContain("Textile Mill Cell No. 3");
    expect(unit).toContain("Sinuiju City Party Committee");
    expect(unit).toContain("size: 6");
    expect(unit).toContain("secretary: Kim Chol");
    expect(unit).toContain("deputy: Ri Yong");
    const person = hoverText(hover(t.workspace, { textDocument: { uri }, position: inside(text, "secretary kim_chol", 0, 12) }));
    expect(person).toContain("full member of Textile Mill Cell No. 3");
    expect(person).toContain("in the party for 14 years 1 month as of the period's end (2026-06-30)");
    const candidate = hoverText(hover(t.workspace, { textDocument: { uri }, position: inside(text, "han_mi") }));
    expect(candidate).toContain("candidate member");
    expect(candidate).toContain("on probation for 7 months");
    const rule = hoverText(hover(t.workspace, { textDocument: { uri }, position: inside(text, "ORG101", 0, 3) }));
    expect(rule).toContain("ORG101 cell-size");
    expect(rule).toContain("**Bylaw**");
  });
});

describe("navigation", () => {
  it("goes to definitions across files and finds references", () => {
    const t = setup();
    const uri = t.open("main.org", MILL);
    const defs = definition(t.workspace, { textDocument: { uri }, position: inside(MILL, "under sinuiju", 0, 8) })!;
    expect(defs).toHaveLength(1);
    expect(defs[0]!.uri).toBe(t.uri("committees.org"));
    expect(defs[0]!.range.start).toEqual(inside(COMMITTEES, "sinuiju \"", 0, 0));
    const person = definition(t.workspace, { textDocument: { uri }, position: inside(MILL, "present kim_chol", 0, 9) })!;
    expect(person[0]!.range.start).toEqual(inside(MILL, "kim_chol \"Kim", 0, 0));
    const refs = references(t.workspace, { textDocument: { uri }, position: inside(MILL, "kim_chol"), context: { includeDeclaration: true } })!;
    expect(refs.map((ref) => ref.range.start.line)).toHaveLength(3);
    const noDecl = references(t.workspace, { textDocument: { uri }, position: inside(MILL, "kim_chol"), context: { includeDeclaration: false } })!;
    expect(noDecl).toHaveLength(2);
  });

  it("renames across files and refuses keywords and non-names", () => {
    const t = setup();
    const uri = t.open("main.org", MILL);
    const prepared = prepareRename(t.workspace, { textDocument: { uri }, position: inside(MILL, "under sinuiju", 0, 9) });
    expect(prepared.placeholder).toBe("sinuiju");
    expect(() => prepareRename(t.workspace, { textDocument: { uri }, position: inside(MILL, "under sinuiju", 0, 2) })).toThrow(/keyword/);
    expect(() => prepareRename(t.workspace, { textDocument: { uri }, position: inside(MILL, "2026-03-09", 0, 2) })).toThrow(/only the name/);
    const edit = rename(t.workspace, { textDocument: { uri }, position: inside(MILL, "under sinuiju", 0, 9), newName: "sinuiju_city" });
    const changes = edit.changes!;
    expect(changes[t.uri("committees.org")]!.length).toBe(1);
    expect(changes[uri]!.length).toBe(3);
    expect(() => rename(t.workspace, { textDocument: { uri }, position: inside(MILL, "under sinuiju", 0, 9), newName: "uiju" })).toThrow(/already declared/);
    expect(() => rename(t.workspace, { textDocument: { uri }, position: inside(MILL, "under sinuiju", 0, 9), newName: "member" })).toThrow(/keyword/);
    expect(() => rename(t.workspace, { textDocument: { uri }, position: inside(MILL, "under sinuiju", 0, 9), newName: "9lives" })).toThrow(/not a name/);
  });
});

describe("completion", () => {
  function complete(t: TestWorkspace, text: string, position: { line: number; character: number }): string[] {
    const uri = t.open("main.org", text);
    return labels(completion(t.workspace, { textDocument: { uri }, position }).items);
  }

  it("offers top-level keywords between statements and unit keywords in a body", () => {
    const t = setup();
    const text = MILL + "\n\n";
    expect(complete(t, text, { line: text.split("\n").length - 1, character: 0 })).toEqual(expect.arrayContaining(["import", "period", "cell", "on", "every"]));
    const body = MILL.replace("  deputy ri_yong\n", "  deputy ri_yong\n  \n");
    const inBody = complete(t, body, after(body, "deputy ri_yong\n  "));
    expect(inBody).toEqual(expect.arrayContaining(["member", "candidate", "critique", "committee"]));
    expect(inBody).not.toContain("import");
    expect(inBody).not.toContain("level");
  });

  it("offers event verbs after `on DATE` and units after the verb", () => {
    const t = setup();
    const text = MILL + "on 2026-04-01 ";
    const verbs = complete(t, text, after(text, "on 2026-04-01 "));
    expect(verbs).toEqual(expect.arrayContaining(["meeting", "committee meeting", "critique", "application", "transfer"]));
    const critique = MILL + "on 2026-04-01 critique ";
    expect(complete(t, critique, after(critique, "on 2026-04-01 critique "))).toEqual(["mill3", "weaving"]);
  });

  it("offers after `under` only the units the hierarchy allows", () => {
    const t = setup();
    const cell = MILL + "cell dye \"Dye Shop Cell\" {\n  under \n}\n";
    expect(complete(t, cell, after(cell, "  under ", 3))).toEqual(["sinuiju", "textile", "uiju"]);
    const branch = MILL + "branch spin \"Spinning Branch\" {\n  under \n}\n";
    expect(complete(t, branch, after(branch, "  under ", 3))).toEqual(["textile"]);
    const city = MILL + "committee sakju \"Sakju County\" {\n  level county\n  under \n}\n";
    expect(complete(t, city, after(city, "  under ", 3))).toEqual(["north_pyongan"]);
    const provincial = MILL + "committee chagang \"Chagang\" {\n  under \n  level provincial\n}\n";
    expect(complete(t, provincial, after(provincial, "  under ", 3))).toEqual(["central"]);
  });

  it("offers people, the unit's roster first, after secretary and present", () => {
    const t = setup();
    const text = MILL.replace("secretary kim_chol", "secretary k");
    const people = complete(t, text, after(text, "secretary k"));
    expect(people.slice(0, 6).sort()).toEqual(["ha_rim", "han_mi", "jo_myong", "kim_chol", "pak_sun", "ri_yong"]);
    expect(people).toContain("kang_il");
    const present = MILL.replace("present kim_chol, ri_yong, pak_sun", "present kim_chol, ");
    const attendees = complete(t, present, after(present, "present kim_chol, "));
    expect(attendees.slice(0, 6)).toContain("jo_myong");
    expect(attendees.indexOf("ro_unjong")).toBeGreaterThanOrEqual(6);
  });

  it("reads the context from the current text without waiting for the check", () => {
    const t = setup();
    const uri = t.open("main.org", MILL);
    const end = positionAt(MILL, MILL.length);
    t.workspace.change(uri, [{ range: { start: end, end }, text: "on 2026-04-01 critique " }], 2);
    expect(t.workspace.pending).toBe(true);
    const items = completion(t.workspace, { textDocument: { uri }, position: { line: end.line, character: "on 2026-04-01 critique ".length } }).items;
    expect(labels(items)).toEqual(["mill3", "weaving"]);
    expect(items[0]!.textEdit).toMatchObject({ range: { start: { line: end.line, character: 23 } } });
    expect(t.workspace.pending).toBe(true);
  });

  it("offers .org files after `import`", () => {
    const t = setup({ "committees.org": COMMITTEES, "units/mine.org": "// mine\n" });
    const text = 'import "committees.org"\nimport \n';
    const uri = t.open("main.org", text);
    const items = completion(t.workspace, { textDocument: { uri }, position: after(text, "import ", 1) }).items;
    expect(items.map((item) => item.label)).toEqual(["units/mine.org"]);
    expect(items[0]!.textEdit).toMatchObject({ newText: '"units/mine.org"' });
  });
});

describe("code actions", () => {
  it("replaces an unresolved name with the closest names", () => {
    const t = setup();
    const text = MILL.replace("present kim_chol", "present kim_cho");
    const uri = t.open("main.org", text);
    const diagnostic = t.last("main.org")!.find((d) => d.code === "ORG002")!;
    const actions = codeActions(t.workspace, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    expect(actions[0]!.title).toBe("Replace with `kim_chol`");
    expect(actions[0]!.edit!.changes![uri]).toEqual([{ range: diagnostic.range, newText: "kim_chol" }]);
    expect(actions.at(-1)!.title).toBe("Waive ORG002 on this line until 2026-09-29");
    expect(actions.at(-1)!.edit!.changes![uri]![0]!.newText).toBe("// orgspec-waive ORG002 until 2026-09-29 -- TODO: reason\n");
  });

  it("adds a missing critique line to a cell", () => {
    const t = setup();
    const text = MILL.replace("  critique weekly\n  secretary ro_unjong", "  secretary ro_unjong");
    const uri = t.open("main.org", text);
    const diagnostic = t.last("main.org")!.find((d) => d.code === "ORG206")!;
    const actions = codeActions(t.workspace, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    expect(actions[0]!.title).toBe("Add `critique weekly`");
    expect(actions[0]!.edit!.changes![uri]![0]!.newText).toBe("\n  critique weekly");
    expect(actions[0]!.edit!.changes![uri]![0]!.range.start).toEqual(after(text, "under textile\n  setting workplace"));
  });
});

describe("more code actions", () => {
  it("offers the rule's fixes for a missing deputy: a full member of the roster each, after the secretary", () => {
    const t = setup();
    const text = MILL.replace("  deputy ri_yong\n", "");
    const uri = t.open("main.org", text);
    const diagnostic = t.last("main.org")!.find((d) => d.code === "ORG110")!;
    expect(diagnostic.message).toContain("has no deputy");
    const actions = codeActions(t.workspace, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    expect(actions.map((action) => `${action.title}${action.isPreferred ? " (preferred)" : ""}`)).toEqual([
      "Add `deputy ri_yong` (preferred)",
      "Add `deputy pak_sun`",
      "Add `deputy jo_myong`",
      "Waive ORG110 on this line until 2026-09-29",
    ]);
    const edit = actions[0]!.edit!.changes![uri]![0]!;
    expect(edit.newText).toBe("\n  deputy ri_yong");
    expect(edit.range.start).toEqual(after(text, "secretary kim_chol"));
  });

  it("removes an unused waiver with the rule's safe fix", () => {
    const t = setup();
    const text = MILL.replace("  deputy ri_yong\n", "  deputy ri_yong\n  // orgspec-waive ORG101 -- was small\n");
    const uri = t.open("main.org", text);
    const diagnostic = t.last("main.org")!.find((d) => d.code === "ORG010")!;
    const actions = codeActions(t.workspace, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    expect(actions.map((action) => action.title)).toEqual(["Remove the unused waiver"]);
    const edit = actions[0]!.edit!.changes![uri]![0]!;
    expect(edit.newText).toBe("");
    expect(edit.range).toEqual({ start: after(text, "deputy ri_yong\n"), end: after(text, "-- was small\n") });
  });
});

describe("completion in events and rosters", () => {
  it("offers recommenders from the target unit's roster and residences after `at`", () => {
    const t = setup();
    const text = MILL + 'residence block12 "Namsan-dong People\'s Unit 12"\non 2026-02-03 application han_ok "Han Ok" to weaving {\n  recommended by \n}\n';
    const uri = t.open("main.org", text);
    const items = completion(t.workspace, { textDocument: { uri }, position: after(text, "recommended by ") }).items;
    expect(labels(items).slice(0, 5).sort()).toEqual(["kang_il", "paek_ok", "ro_unjong", "ryu_mansik", "sim_sonhwa"]);
    const body = completion(t.workspace, { textDocument: { uri }, position: { line: after(text, "recommended by ").line, character: 2 } }).items;
    expect(labels(body)).toEqual(["recommended by", "youth league letter"]);
    const roster = MILL.replace('since 2025-11-02', 'since 2025-11-02 at ') + 'residence block12 "Unit 12"\n';
    const uri2 = t.open("main.org", roster);
    expect(labels(completion(t.workspace, { textDocument: { uri: uri2 }, position: after(roster, "since 2025-11-02 at ") }).items)).toEqual(["block12"]);
    const dated = MILL.replace('since 2025-11-02', 'since 2025-11-02 ');
    const uri3 = t.open("main.org", dated);
    expect(labels(completion(t.workspace, { textDocument: { uri: uri3 }, position: after(dated, "since 2025-11-02 ") }).items)).toEqual(["youth_league", "at"]);
  });

  it("offers nothing inside comments and strings, and series verbs after a series header", () => {
    const t = setup();
    const text = MILL + "// on 2026-01-01 \nevery 2 weeks from 2026-01-05 to 2026-06-29 \n";
    const uri = t.open("main.org", text);
    expect(completion(t.workspace, { textDocument: { uri }, position: after(text, "// on 2026-01-01 ") }).items).toEqual([]);
    expect(completion(t.workspace, { textDocument: { uri }, position: inside(text, '"Textile Mill', 0, 4) }).items).toEqual([]);
    expect(labels(completion(t.workspace, { textDocument: { uri }, position: after(text, "to 2026-06-29 ", 1) }).items)).toEqual([
      "meeting",
      "committee meeting",
      "executive meeting",
      "critique",
      "report",
    ]);
  });
});

describe("outline", () => {
  it("lists units with their rosters, events, folding ranges and semantic tokens", () => {
    const t = setup();
    const uri = t.open("main.org", MILL);
    const symbols = documentSymbols(t.workspace, { textDocument: { uri } });
    const mill = symbols.find((symbol) => symbol.name === "mill3")!;
    expect(mill.children!.map((child) => child.name)).toEqual(["kim_chol", "ri_yong", "pak_sun", "jo_myong", "ha_rim", "han_mi"]);
    expect(symbols.map((symbol) => symbol.name)).toContain("2026-03-09 meeting mill3");
    const found = workspaceSymbols(t.workspace, { query: "sinuiju" }, [t.root]);
    expect(found.map((symbol) => symbol.name)).toEqual(expect.arrayContaining(["sinuiju", "textile"]));
    const folds = foldingRanges(t.workspace, { textDocument: { uri } });
    const cellLine = MILL.split("\n").indexOf('cell mill3 "Textile Mill Cell No. 3" {');
    expect(folds).toContainEqual({ startLine: cellLine, endLine: cellLine + 13 });
    const tokens = semanticTokens(t.workspace, { textDocument: { uri } }).data;
    const types: string[] = [];
    for (let i = 3; i < tokens.length; i += 5) types.push(LEGEND.tokenTypes[tokens[i]!]!);
    expect(types.slice(0, 4)).toEqual(["comment", "keyword", "string", "keyword"]);
    expect(new Set(types)).toEqual(new Set(["comment", "keyword", "string", "number", "class", "namespace", "variable", "enumMember"]));
  });

  it("after edits, answers the outline and folding of the current text as a fresh workspace does, without waiting for the check", () => {
    const t = setup();
    // Enough statements after each edit that the re-parse keeps their nodes.
    const spec = `${MILL}\n${Array.from({ length: 12 }, (_, i) => `on 2026-04-${String(i + 10)} critique mill3 {\n  present kim_chol\n}\n`).join("\n")}`;
    const uri = t.open("main.org", spec);
    documentSymbols(t.workspace, { textDocument: { uri } });
    const line = (text: string, needle: string) => text.split("\n").findIndex((candidate) => candidate.includes(needle));
    // Each edit: a character in the first comment (no line moves), a line break above the cell (every statement after it moves a line),
    // a member renamed (that statement changes), a statement put on the line of another (its column changes).
    const edits: { at: (text: string) => { line: number; character: number }; remove: number; insert: string }[] = [
      { at: () => ({ line: 0, character: 3 }), remove: 0, insert: "x" },
      { at: (text) => ({ line: line(text, "cell mill3"), character: 0 }), remove: 0, insert: "\n" },
      { at: (text) => ({ line: line(text, "ha_rim"), character: 9 }), remove: 6, insert: "ha_rimi" },
      { at: (text) => ({ line: line(text, "every week"), character: 0 }), remove: 0, insert: "period 2026-01-01 to 2026-06-30 " },
      // Edits in white space and comments inside a unit keep its node (src/program/kept-nodes.ts) while its text changes.
      { at: (text) => ({ line: line(text, "member jo_myong"), character: 0 }), remove: 0, insert: "\n" },
      { at: (text) => ({ line: line(text, "member pak_sun"), character: 0 }), remove: 0, insert: "  // moved in\n" },
      { at: (text) => ({ line: line(text, "// moved in"), character: 5 }), remove: 0, insert: " early" },
    ];
    let text = spec;
    let version = 1;
    for (const edit of edits) {
      const start = edit.at(text);
      const offset = text.split("\n").slice(0, start.line).join("\n").length + (start.line > 0 ? 1 : 0) + start.character;
      text = text.slice(0, offset) + edit.insert + text.slice(offset + edit.remove);
      const end = { line: start.line, character: start.character + edit.remove };
      t.workspace.change(uri, [{ range: { start, end }, text: edit.insert }], ++version);
      const symbols = documentSymbols(t.workspace, { textDocument: { uri } });
      const folds = foldingRanges(t.workspace, { textDocument: { uri } });
      expect(t.workspace.pending).toBe(true);
      const fresh = testWorkspace({ "committees.org": COMMITTEES });
      try {
        const freshUri = fresh.open("main.org", text);
        expect(symbols).toEqual(documentSymbols(fresh.workspace, { textDocument: { uri: freshUri } }));
        expect(folds).toEqual(foldingRanges(fresh.workspace, { textDocument: { uri: freshUri } }));
      } finally {
        fresh.dispose();
      }
      t.workspace.flush();
    }
    expect(documentSymbols(t.workspace, { textDocument: { uri } }).find((symbol) => symbol.name === "mill3")!.children!.map((child) => child.name)).toContain("ha_rimi");
  });
});

describe("guards", () => {
  it("logs a handler's exception and answers with an internal error; notifications only log", async () => {
    const { guardRequest, guardAsyncRequest, guardNotification } = await import("../../lsp/guard.js");
    const { ErrorCodes, ResponseError } = await import("vscode-languageserver");
    const logged: string[] = [];
    const log = (message: string) => logged.push(message);
    const broken = guardRequest(log, "hover", (): null => {
      throw new TypeError("boom");
    });
    expect(() => broken({})).toThrow(ResponseError);
    try {
      broken({});
    } catch (error) {
      expect((error as InstanceType<typeof ResponseError>).code).toBe(ErrorCodes.InternalError);
    }
    expect(logged[0]).toMatch(/^orgspec: hover failed: TypeError: boom/);
    const refused = guardRequest(log, "rename", (): null => {
      throw new ResponseError(-32803, "`member` is a keyword, not a name");
    });
    expect(() => refused({})).toThrow("keyword");
    expect(logged).toHaveLength(2);
    await expect(guardAsyncRequest(log, "formatting", () => Promise.reject(new Error("late")))({})).rejects.toThrow(/formatting failed: late/);
    expect(() => guardNotification(log, "didChange", () => {
      throw new Error("bad change");
    })({})).not.toThrow();
    expect(logged.at(-1)).toContain("didChange failed");
  });
});
