// A resolve that throws part way (a bug in the resolver, not in the spec) is
// logged with the program it was resolving; the other open programs are still
// checked and published, and the server goes on with the next edit.
import { afterEach, describe, expect, it, vi } from "vitest";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

vi.mock("../../src/model/resolve.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/model/resolve.js")>();
  return {
    ...original,
    *resolveSteps(...args: Parameters<typeof original.resolveSteps>) {
      const [program] = args;
      if (program.entry.endsWith("broken.org")) {
        yield;
        throw new Error("resolver bug");
      }
      return yield* original.resolveSteps(...args);
    },
  };
});

let t: TestWorkspace | undefined;
afterEach(() => t?.dispose());

const SPEC = (id: string) => `period 2026-01-01 to 2026-06-30\n\ncell ${id} "Mill" {\n  critique weekly\n  member kim_${id} "Kim" joined 2010-01-10\n}\n`;

describe("a resolve that throws", () => {
  it("is logged for its program; the other program is checked and published, and so is its next edit", async () => {
    const logged: string[] = [];
    t = testWorkspace({}, { log: (message) => logged.push(message), sliceMs: 0 });
    const good = t.open("good.org", SPEC("mill"));
    t.open("broken.org", SPEC("farm"));
    expect(logged.filter((line) => line.includes("failed"))).toEqual([expect.stringMatching(/^orgspec: checking \S+broken\.org failed: Error: resolver bug/)]);
    expect(t.last("good.org")!.map((diagnostic) => diagnostic.code)).toContain("ORG101");
    expect(t.last("broken.org")).toBeUndefined();
    t.workspace.change(good, [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } }, text: "mill2" }], 2);
    await t.workspace.settled();
    expect(t.published.at(-1)?.uri).toBe(t.uri("good.org"));
    expect(t.published.at(-1)?.version).toBe(2);
    expect(t.workspace.checkedProgram(t.workspace.openPaths().find((path) => path.endsWith("good.org"))!)!.model.units.map((unit) => unit.id)).toEqual(["mill2"]);
  });
});
