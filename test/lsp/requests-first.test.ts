// A request that arrives right after an edit is dispatched before the check
// of that edit starts: completion answers from the last model at once
// instead of waiting for the whole program to be resolved again, and an edit
// that arrives meanwhile joins the same check. vscode-jsonrpc dispatches
// each message it reads on a setImmediate; the tests queue theirs the same way.
// A large program is resolved a part at a time, and the requests read between
// the parts are answered there.
import { pathToFileURL } from "node:url";
import type { Range } from "vscode-languageserver";
import { afterEach, describe, expect, it } from "vitest";
import { completion } from "../../lsp/handlers/completion.js";
import { testWorkspace, type TestWorkspace } from "./workspace-helpers.js";

let t: TestWorkspace | undefined;
afterEach(() => t?.dispose());

const SPEC = 'period 2026-01-01 to 2026-06-30\n\ncell mill "Mill" {\n  critique weekly\n  member kim "Kim" joined 2010-01-10\n}\n\non 2026-03-02 meeting mill\n';

/**
 * Dispatched as a message read in the turn the workspace's timer for the
 * edits fires: that timer was set first, and both are due before the event
 * loop next looks (the wait below), so it fires first, then this one queues
 * the message.
 */
function dispatchedAfterTheTimer<T>(request: () => T): Promise<T> {
  const dispatched = new Promise<T>((resolve) => setTimeout(() => setImmediate(() => resolve(request())), 0));
  const due = performance.now() + 3;
  while (performance.now() < due) {
    // Both timers become due while this test holds the thread.
  }
  return dispatched;
}

describe("requests and edits read right after an edit", () => {
  it("a completion is answered before the edit's check resolves anything, from the last model", async () => {
    t = testWorkspace();
    const uri = t.open("main.org", SPEC);
    const resolvedBefore = t.workspace.counts.resolved;
    t.workspace.change(uri, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: "on 2026-03-09 meeting \n" }], 2);
    const answer = await dispatchedAfterTheTimer(() => ({
      items: completion(t!.workspace, { textDocument: { uri }, position: { line: 7, character: 22 } }).items.map((item) => item.label),
      resolved: t!.workspace.counts.resolved,
    }));
    expect(answer.resolved).toBe(resolvedBefore);
    expect(answer.items).toContain("mill");
    await t.workspace.settled();
    expect(t.workspace.counts.resolved).toBe(resolvedBefore + 1);
  });

  it("an edit read in the same turn joins the check of the one before it: one resolve for both, of the last text", async () => {
    t = testWorkspace();
    const uri = t.open("main.org", SPEC);
    const resolvedBefore = t.workspace.counts.resolved;
    // "on 2026-03-02 meeting mill": the day typed over, one digit at a time.
    t.workspace.change(uri, [{ range: { start: { line: 7, character: 11 }, end: { line: 7, character: 13 } }, text: "0" }], 2);
    await dispatchedAfterTheTimer(() =>
      t!.workspace.change(uri, [{ range: { start: { line: 7, character: 12 }, end: { line: 7, character: 12 } }, text: "9" }], 3),
    );
    await t.workspace.settled();
    expect(t.workspace.counts.resolved).toBe(resolvedBefore + 1);
    const mill = t.workspace.checkedProgram(t.workspace.openPaths()[0]!)!.model.units.find((unit) => unit.id === "mill")!;
    expect(mill.timeline.gatherings.meeting.map((occurrence) => occurrence.statement.span.start)).toHaveLength(1);
    expect(t.workspace.document(t.workspace.openPaths()[0]!)!.getText()).toContain("on 2026-03-09 meeting mill");
    expect(t.last("main.org")!.filter((diagnostic) => diagnostic.code === "ORG004")).toEqual([]);
  });

  it("a request that needs the current model still gets it: hover resolves the waiting edit first", async () => {
    t = testWorkspace();
    const uri = t.open("main.org", SPEC);
    const resolvedBefore = t.workspace.counts.resolved;
    t.workspace.change(uri, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } }, text: "Mill Cell" }], 2);
    const program = await dispatchedAfterTheTimer(() => t!.workspace.programFor(t!.workspace.openPaths()[0]!));
    expect(program?.model.units.find((unit) => unit.id === "mill")?.title).toBe("Mill Cell");
    expect(t.workspace.counts.resolved).toBe(resolvedBefore + 1);
    await t.workspace.settled();
    expect(t.workspace.counts.resolved).toBe(resolvedBefore + 1);
  });
});

/** A cell and 600 meetings: several parts of `STATEMENTS_PER_STEP` statements to resolve. */
const LARGE =
  'period 2026-01-01 to 2026-06-30\n\ncell mill "Mill" {\n  critique weekly\n  member kim "Kim" joined 2010-01-10\n}\n\n' +
  Array.from({ length: 600 }, (_, index) => `on 2026-0${1 + (index % 6)}-${String(1 + (index % 28)).padStart(2, "0")} meeting mill\n`).join("");

/**
 * Lets the event loop turn, one setImmediate at a time, until `ready` holds.
 * Bounded by a time, not a count of turns: the check begins on a timer (at
 * least 1 ms), and on a fast machine 200 turns took less than that.
 */
async function turnsUntil(ready: () => boolean): Promise<void> {
  const giveUp = performance.now() + 10_000;
  while (!ready() && performance.now() < giveUp) await new Promise((resolve) => setImmediate(resolve));
  expect(ready()).toBe(true);
}

/** The diagnostics last published for main.org, as JSON with the workspace's folder left out. */
function publishedJson(workspace: TestWorkspace): string {
  return JSON.stringify(workspace.last("main.org")).replaceAll(pathToFileURL(workspace.root).href, "ROOT");
}

/** What a workspace that opens `text` from the start publishes for it. */
function publishedFromScratch(text: string): string {
  const fresh = testWorkspace();
  try {
    fresh.open("main.org", text);
    return publishedJson(fresh);
  } finally {
    fresh.dispose();
  }
}

describe("requests read while a large program is resolved again", () => {
  const insertMeeting = { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: "on 2026-03-09 meeting \n" };

  /** Opens LARGE with a slice of 0 ms (one part of the resolve per turn), makes `edit`, and waits until its resolve is under way. */
  async function resolvingAfter(edit: { range: Range; text: string }): Promise<{ opened: TestWorkspace; uri: string; resolvedBefore: number }> {
    const opened = (t = testWorkspace({}, { sliceMs: 0 }));
    const uri = opened.open("main.org", LARGE);
    const resolvedBefore = opened.workspace.counts.resolved;
    opened.workspace.change(uri, [edit], 2);
    await turnsUntil(() => opened.workspace.resolving);
    return { opened, uri, resolvedBefore };
  }

  it("a completion is answered between the resolve's parts, from the last model, and the resolve goes on", async () => {
    const { opened, uri, resolvedBefore } = await resolvingAfter(insertMeeting);
    const items = completion(opened.workspace, { textDocument: { uri }, position: { line: 7, character: 22 } }).items.map((item) => item.label);
    expect(items).toContain("mill");
    // Answered without finishing the resolve.
    expect(opened.workspace.resolving).toBe(true);
    expect(opened.workspace.counts.resolved).toBe(resolvedBefore);
    await opened.workspace.settled();
    expect(opened.workspace.counts.resolved).toBe(resolvedBefore + 1);
    expect(publishedJson(opened)).toBe(publishedFromScratch(opened.workspace.document(opened.workspace.openPaths()[0]!)!.getText()));
  });

  it("a request that needs the current model finishes the resolve under way", async () => {
    const { opened, resolvedBefore } = await resolvingAfter({ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } }, text: "Mill Cell" });
    const program = opened.workspace.programFor(opened.workspace.openPaths()[0]!);
    expect(program?.model.units.find((unit) => unit.id === "mill")?.title).toBe("Mill Cell");
    expect(opened.workspace.resolving).toBe(false);
    expect(opened.workspace.counts.resolved).toBe(resolvedBefore + 1);
    await opened.workspace.settled();
    expect(opened.workspace.counts.resolved).toBe(resolvedBefore + 1);
  });

  it("an edit read while a resolve is under way drops it: only the newer text is resolved to the end", async () => {
    const { opened, uri, resolvedBefore } = await resolvingAfter(insertMeeting);
    opened.workspace.change(uri, [{ range: { start: { line: 7, character: 22 }, end: { line: 7, character: 22 } }, text: "mill" }], 3);
    await opened.workspace.settled();
    expect(opened.workspace.counts.resolved).toBe(resolvedBefore + 1);
    const text = opened.workspace.document(opened.workspace.openPaths()[0]!)!.getText();
    expect(text).toContain("on 2026-03-09 meeting mill\n");
    const mill = opened.workspace.checkedProgram(opened.workspace.openPaths()[0]!)!.model.units.find((unit) => unit.id === "mill")!;
    expect(mill.timeline.gatherings.meeting).toHaveLength(601);
    expect(publishedJson(opened)).toBe(publishedFromScratch(text));
  });
});
