// A file reached by two paths (a symbolic link) is one file in the editor as
// on the command line, and an open document is known by the path it is open
// under: its text is the editor's and its diagnostics go to its URI.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkProgram, diskHost, FileCache, parseDay } from "../../src/index.js";
import { uriToPath } from "../../lsp/positions.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let t: TestWorkspace | undefined;
afterEach(() => t?.dispose());

const PERIOD = "period 2026-01-01 to 2026-06-30\n";

function linked(): TestWorkspace {
  t = testWorkspace({ "real/b.org": 'residence r1 "R"\n' });
  symlinkSync(join(t.root, "real"), join(t.root, "link"));
  return t;
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
});
