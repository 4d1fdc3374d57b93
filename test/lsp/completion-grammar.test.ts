// Completion driven by the grammar (Chevrotain's content assist on the real
// parser) and by the rules: what it offers after `under` is what ORG115
// accepts, keywords are the grammar's, and names are of the kind the
// grammar's label says (issue 11, item 2).
import { afterEach, describe, expect, it } from "vitest";
import type { CompletionItem, Position } from "vscode-languageserver";
import { warmUpCompletion } from "../../lsp/context.js";
import { completion } from "../../lsp/handlers/completion.js";
import { accept } from "./edits.js";
import { COMMITTEES, MILL, positionAt } from "./fixtures.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let current: TestWorkspace | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
});

function workspace(): TestWorkspace {
  current ??= testWorkspace({ "committees.org": COMMITTEES });
  return current;
}

/** Text with `|` marking the cursor: the text without it and the cursor's position. */
function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf("|");
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: positionAt(marked, at) };
}

function itemsAt(marked: string): { text: string; items: CompletionItem[] } {
  const { text, position } = cursor(marked);
  const t = workspace();
  const uri = t.open("main.org", text);
  return { text, items: completion(t.workspace, { textDocument: { uri }, position }).items };
}

/** The labels in the order a client shows them (by `sortText`). */
const labels = (marked: string) =>
  [...itemsAt(marked).items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);

function accepted(marked: string, label: string): string {
  const { text, items } = itemsAt(marked);
  const chosen = items.find((item) => item.label === label);
  if (!chosen) throw new Error(`no item ${label} among ${items.map((item) => item.label).join(", ")}`);
  return accept(text, chosen);
}

/** Parents of every kind, and committees without a level (which ORG115 cannot judge). */
const PARENTS = `${MILL}
committee nolevel "A committee whose level is not written" {
  under north_pyongan
}

branch spinning "Spinning Branch" {
  under textile
}

subprimary dyeing "Dyeing Sub-primary" {
  under textile
}

team abroad_team "A Party Team" {
  under sinuiju
  approved 2020-01-01 by central
}
`;

const PARENT_IDS = ["central", "north_pyongan", "sinuiju", "uiju", "nolevel", "mill3", "textile", "weaving", "spinning", "dyeing", "abroad_team"];

/** Every shape of unit that can be written with an `under`: each kind, committees at each level and without one. */
const CHILDREN: { readonly header: string; readonly body: string }[] = [
  { header: "cell", body: "" },
  { header: "primary", body: "" },
  { header: "branch", body: "" },
  { header: "subprimary", body: "" },
  { header: "team", body: "" },
  { header: "committee", body: "  level central\n" },
  { header: "committee", body: "  level provincial\n" },
  { header: "committee", body: "  level city\n" },
  { header: "committee", body: "  level county\n" },
  { header: "committee", body: "" },
];

describe("completion after `under` is the hierarchy rule's judgement", () => {
  it("offers exactly the parents ORG115 accepts, for every kind of unit", () => {
    const t = workspace();
    for (const child of CHILDREN) {
      const unit = (under: string) => `${PARENTS}\n${child.header} newunit "New Unit" {\n${child.body}  under ${under}\n}\n`;
      const offered = labels(unit("|"));
      const accepted = PARENT_IDS.filter((parent) => {
        t.open("main.org", unit(parent));
        const line = unit(parent).split("\n").indexOf(`  under ${parent}`, PARENTS.split("\n").length);
        return !t.last("main.org")!.some((diagnostic) => diagnostic.code === "ORG115" && diagnostic.range.start.line === line);
      });
      expect({ child, offered: [...offered].sort() }).toEqual({ child, offered: [...accepted].sort() });
    }
  });

  it("offers a committee without a level to a cell: ORG115 does not judge it (completion used to leave it out)", () => {
    const cell = labels(`${PARENTS}\ncell newcell "New Cell" {\n  under |\n}\n`);
    expect(cell).toContain("nolevel");
    expect(cell).toEqual(expect.arrayContaining(["sinuiju", "uiju", "textile", "spinning", "dyeing"]));
    expect(cell).not.toContain("north_pyongan");
  });

  it("never offers the unit itself or a unit under it (a cycle)", () => {
    const text = MILL.replace("  under textile\n  setting workplace\n  critique weekly", "  under |\n  setting workplace\n  critique weekly");
    const offered = labels(text.replace('primary textile "Sinuiju Textile Mill Primary Party Organization" {\n  under sinuiju', 'primary textile "Sinuiju Textile Mill Primary Party Organization" {\n  under weaving'));
    expect(offered).not.toContain("weaving");
    expect(offered).not.toContain("textile");
  });
});

describe("keywords and names from the grammar", () => {
  it("offers the items the kind of unit takes, in the grammar's order", () => {
    expect(labels('committee c "C" {\n  |\n}\n')).toEqual(["level", "under", "secretary", "deputy", "established", "member", "candidate"]);
    expect(labels('cell c "C" {\n  |\n}\n')).toEqual(["under", "setting", "secretary", "deputy", "established", "critique", "covers", "committee", "member", "candidate"]);
    expect(labels('team c "C" {\n  |\n}\n')).toEqual(["under", "setting", "secretary", "deputy", "established", "approved", "member", "candidate"]);
  });

  it("offers the interval words after `every`", () => {
    expect(labels(`${MILL}every |`)).toEqual(["day", "week", "month", "year"]);
    expect(labels(`${MILL}every 2 |`)).toEqual(["days", "weeks", "months", "years"]);
    expect(labels(`${MILL}every 2 weeks |`)).toEqual(["from"]);
    expect(labels(`${MILL}every 2 weeks from 2026-01-05 |`)).toEqual(["to"]);
  });

  it("offers a roster entry's options once each", () => {
    const entry = (rest: string) => MILL.replace('candidate han_mi "Han Mi" since 2025-11-02', `candidate han_mi "Han Mi" since 2025-11-02 ${rest}`);
    expect(labels(entry("|"))).toEqual(["youth_league", "at"]);
    expect(labels(entry("youth_league |"))).toEqual(["at"]);
    expect(labels(entry("at block12 |"))).toEqual(["youth_league"]);
    expect(labels(entry("at block12 youth_league |"))).toEqual([]);
  });

  it("completes the rest of a keyword phrase without writing the written words twice", () => {
    const application = `${MILL}on 2026-02-03 application han_ok "Han Ok" to weaving {\n  youth |\n}\n`;
    expect(labels(application)).toEqual(["league letter"]);
    expect(accepted(application.replace("youth |", "youth le|ague letter"), "league letter")).toBe(application.replace("youth |", "youth league letter"));
    const verb = `${MILL}on 2026-04-01 comm|ittee meeting textile\n`;
    expect(accepted(verb, "executive meeting")).toBe(`${MILL}on 2026-04-01 executive meeting textile\n`);
    expect(accepted(verb, "committee meeting")).toBe(`${MILL}on 2026-04-01 committee meeting textile\n`);
  });

  it("finds the statement of a line that continues one (a comment between its tokens)", () => {
    const text = `${MILL}on 2026-05-02 transfer pak_sun from mill3\n  // approved by both committees\n  to |\n`;
    expect(labels(text)).toEqual(["mill3", "textile", "weaving"]);
  });

  it("reads each item of a block on its own: an unfinished line above does not hide the next one", () => {
    const text = MILL.replace("  secretary kim_chol\n", "  secretary\n  under |\n");
    expect(labels(text)).toEqual(["sinuiju", "textile", "uiju"]);
  });

  it("reads a long name list across lines as the list it is", () => {
    const names = Array.from({ length: 300 }, (_, i) => `p${i}`).join(",\n    ");
    const text = MILL.replace("present kim_chol, ri_yong, pak_sun", `present ${names},\n    |`);
    const offered = labels(text);
    expect(offered.slice(0, 6).sort()).toEqual(["ha_rim", "han_mi", "jo_myong", "kim_chol", "pak_sun", "ri_yong"]);
    expect(labels(text.replace(",\n    |", " |"))).toEqual([]);
  });

  it("offers the units a decision is taken by, and nothing while a comment is being typed", () => {
    expect(labels(`${MILL}on 2026-03-01 approve han_mi by |`)).toEqual(["central", "north_pyongan", "sinuiju", "uiju"]);
    expect(labels(`${MILL}on 2026-03-01 admit han_mi by |`)).toEqual(["mill3", "textile", "weaving"]);
    expect(labels(`${MILL}/|`)).toEqual([]);
  });
});

describe("warming up", () => {
  it("completes a unit's `under` when the server starts (the costliest kind of position, so the parser's content assist is built then)", () => {
    expect(warmUpCompletion()).toEqual({ sites: [{ type: "units", filter: { parentOf: { kind: "cell", id: "x", level: null } } }], replace: { start: 21, end: 21 } });
  });
});
