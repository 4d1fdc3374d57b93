// Property: random, mostly malformed params sent through every protocol
// handler (without a connection) never crash a handler — a notification is
// ignored, a request is answered or refused with an error that is not an
// InternalError — and the workspace still serves a good document afterwards
// (issue 16, item 9).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes, ResponseError, type Hover } from "vscode-languageserver";
import { protocolHandlers, workspaceRoots } from "../../lsp/dispatch.js";
import { Workspace } from "../../lsp/workspace.js";
import { diskHost, parseDay } from "../../src/index.js";
import { COMMITTEES, inside, MILL } from "./fixtures.js";

const RUNS = Number(process.env["LSP_PROPERTY_RUNS"] ?? 150);

let root: string;
const uri = (name: string) => pathToFileURL(join(root, name)).href;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "orgspec-lsp-property-"));
  writeFileSync(join(root, "committees.org"), COMMITTEES);
  writeFileSync(join(root, "main.org"), MILL);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const junk = fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true });
const or = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: junk });
const some = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });

const uris = or(fc.oneof(fc.constant("main.org"), fc.constant("committees.org"), fc.constant("new.org")).map(uri));
const anyUri = fc.oneof(uris, fc.string(), fc.constantFrom("", "untitled:Untitled-1", "file:///%zz", "file://host/x.org", "file:///no/such/x.org"));
const integer = fc.oneof(fc.integer({ min: -3, max: 80 }), fc.constantFrom(0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 1e12));
const position = or(some({ line: or(integer), character: or(integer) }));
const range = or(some({ start: position, end: position }));
const texts = or(fc.oneof(fc.constant(MILL), fc.constant(MILL.replace("under sinuiju", "under sinuij")), fc.string({ maxLength: 60 }), fc.constant('import "comm')));
const textDocument = or(some({ uri: anyUri, languageId: or(fc.constant("orgspec")), version: or(integer), text: texts }));
const diagnostic = some({
  range,
  message: or(fc.string({ maxLength: 20 })),
  code: or(fc.constantFrom("ORG002", "ORG110", "ORG206", "ORG010", "ORG101")),
  source: or(fc.constant("orgspec")),
  severity: or(fc.integer({ min: 0, max: 5 })),
  relatedInformation: junk,
});
const params = fc.oneof(
  { weight: 1, arbitrary: junk },
  {
    weight: 6,
    arbitrary: some({
      textDocument,
      position,
      range,
      context: or(some({ includeDeclaration: or(fc.boolean()), diagnostics: or(fc.array(or(diagnostic), { maxLength: 3 })), only: or(fc.array(or(fc.string()), { maxLength: 2 })) })),
      newName: or(fc.string({ maxLength: 12 })),
      query: or(fc.string({ maxLength: 5 })),
      contentChanges: or(fc.array(or(some({ text: texts, range, rangeLength: junk })), { maxLength: 3 })),
      changes: or(fc.array(or(some({ uri: anyUri, type: or(fc.integer({ min: 1, max: 3 })) })), { maxLength: 3 })),
      options: junk,
    }),
  },
);

type Handlers = ReturnType<typeof protocolHandlers>;
const NOTIFICATIONS = ["didOpen", "didChange", "didClose", "didChangeWatchedFiles"] as const satisfies readonly (keyof Handlers["notifications"])[];
const REQUESTS = [
  "hover",
  "definition",
  "references",
  "prepareRename",
  "rename",
  "documentSymbol",
  "workspaceSymbol",
  "foldingRange",
  "semanticTokens",
  "completion",
  "codeAction",
  "formatting",
  "rangeFormatting",
] as const satisfies readonly (keyof Handlers["requests"])[];
const message = fc.tuple(fc.constantFrom<string>(...NOTIFICATIONS, ...REQUESTS), params);

/** Sends one message; a thrown error that is not the handler's own answer fails the property. */
async function send(handlers: Handlers, method: string, value: unknown): Promise<void> {
  if ((NOTIFICATIONS as readonly string[]).includes(method)) {
    handlers.notifications[method as (typeof NOTIFICATIONS)[number]](value);
    return;
  }
  try {
    await handlers.requests[method as (typeof REQUESTS)[number]](value);
  } catch (error) {
    expect(error, `${method} threw a plain error`).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code, `${method}: ${(error as Error).message}`).not.toBe(ErrorCodes.InternalError);
  }
}

function hoverText(result: Hover | null): string {
  const contents = result?.contents;
  return contents && typeof contents === "object" && "value" in contents ? contents.value : "";
}

describe("malformed messages through the handlers", () => {
  it("never crash a handler, and the workspace still serves a good document", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 12 }), async (messages) => {
        const logs: string[] = [];
        const published: string[] = [];
        const workspace = new Workspace({ disk: diskHost, publish: (target) => published.push(target), log: (line) => logs.push(line), debounceMs: 0, today: () => parseDay("2026-07-01")! });
        const handlers = protocolHandlers(workspace, (line) => logs.push(line), () => [root]);
        try {
          for (const [method, value] of messages) await send(handlers, method, value);
          workspace.flush();
          // No handler crashed (the guards log a crash as "<method> failed").
          expect(logs.filter((line) => /^orgspec: \w+ failed:/.test(line))).toEqual([]);
          const good = uri("good.org");
          const since = published.length;
          handlers.notifications.didOpen({ textDocument: { uri: good, languageId: "orgspec", version: 1, text: MILL } });
          workspace.flush();
          expect(published.slice(since)).toContain(good);
          const hover = await handlers.requests.hover({ textDocument: { uri: good }, position: inside(MILL, "meeting mill3", 0, 9) });
          expect(hoverText(hover)).toContain("Textile Mill Cell No. 3");
        } finally {
          workspace.dispose();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("logs and ignores a malformed notification; refuses a malformed request with InvalidParams", () => {
    const logs: string[] = [];
    const workspace = new Workspace({ disk: diskHost, publish: () => undefined, log: (line) => logs.push(line), debounceMs: 0 });
    const handlers = protocolHandlers(workspace, (line) => logs.push(line));
    try {
      handlers.notifications.didOpen({ textDocument: { uri: uri("x.org"), languageId: "orgspec", version: 1, text: 42 } });
      expect(logs).toEqual(["orgspec: didOpen: ignored: textDocument must have a string uri, languageId and text and an integer version"]);
      expect(workspace.openPaths()).toEqual([]);
      expect(() => handlers.requests.hover({ textDocument: { uri: uri("x.org") }, position: { line: -1, character: 0 } })).toThrow(
        expect.objectContaining({ code: ErrorCodes.InvalidParams, message: "orgspec: hover: position must have non-negative integer line and character" }),
      );
      expect(() => handlers.requests.hover(null)).toThrow(expect.objectContaining({ code: ErrorCodes.InvalidParams, message: "orgspec: hover: params must be an object" }));
    } finally {
      workspace.dispose();
    }
  });

  it("checks the other documents when one cannot even be loaded (a Workspace fed past the checks)", () => {
    const logs: string[] = [];
    const published: string[] = [];
    const workspace = new Workspace({ disk: diskHost, publish: (target) => published.push(target), log: (line) => logs.push(line), debounceMs: 0 });
    try {
      workspace.open(uri("bad.org"), 42 as unknown as string, 1);
      workspace.open(uri("main.org"), MILL, 1);
      workspace.flush();
      expect(published).toEqual([uri("main.org")]);
      const bad = join(root, "bad.org");
      expect(logs.map((line) => line.slice(0, line.indexOf(" failed")))).toEqual([`orgspec: loading ${bad}`, `orgspec: checking ${bad}`]);
    } finally {
      workspace.dispose();
    }
  });

  it("reads the workspace folders of any initialize params", () => {
    expect(workspaceRoots({ workspaceFolders: [{ uri: "file:///a" }, null, { uri: 3 }, { uri: "https://x" }], rootUri: "file:///b" })).toEqual(["/a"]);
    expect(workspaceRoots({ workspaceFolders: null, rootUri: "file:///b" })).toEqual(["/b"]);
    expect(workspaceRoots({ rootUri: 5 })).toEqual([]);
    expect(workspaceRoots(null)).toEqual([]);
  });
});
