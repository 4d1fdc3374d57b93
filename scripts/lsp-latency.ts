// Measures the language server's latency as an editor sees it (not a test):
// from a one-character edit to the published diagnostics, and hover and
// completion response times, on the examples/ program and on a generated
// 20,000-line spec. Drives the real server over stdio.
//
//   npm run build && node dist/scripts/lsp-latency.js [--server dist/lsp/main.js] [--runs 30]
//     [--only 0,1,2,3] [--debounce default,0] [--warmup 6] [--context dist/lsp/context.js] [--context-only]
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tokenize, type QueryToken } from "../src/index.js";
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

const root = fileURLToPath(new URL("../../", import.meta.url));
const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const serverScript = argument("--server", join(root, "dist/lsp/main.js"));
// The completion-context module timed in process (another build's, to compare).
const contextModule = argument("--context", join(root, "dist/lsp/context.js"));
const runs = Number(argument("--runs", "30"));
// Edits of each kind made before the timed ones, while the server's code is
// still being compiled (typing goes on far longer than this); reported on
// their own row, not left out unseen. Even, so that the text is as it was.
const warmup = 2 * Math.ceil(Number(argument("--warmup", "6")) / 2);

interface Server {
  readonly connection: ProtocolConnection;
  waitFor(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/** `debounceMs` null: the server's default. */
async function startServer(debounceMs: number | null): Promise<Server> {
  const env = { ...process.env };
  if (debounceMs === null) delete env["ORGSPEC_LSP_DEBOUNCE_MS"];
  else env["ORGSPEC_LSP_DEBOUNCE_MS"] = String(debounceMs);
  const child = spawn(process.execPath, [serverScript, "--stdio"], { env, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting: { uri: string; version: number; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (process.env["LATENCY_DEBUG"]) process.stderr.write(`published ${params.uri} v${params.version}\n`);
    for (const waiter of [...waiting]) {
      if (waiter.uri === params.uri && (params.version ?? -1) >= waiter.version) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification("initialized", {});
  return {
    connection,
    waitFor: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    async stop() {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      await new Promise((resolve) => child.on("exit", resolve));
      connection.dispose();
    },
  };
}

function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function stats(samples: number[]): string {
  return `median ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms`;
}

/** Every sample, in the order taken. */
function each(samples: readonly number[]): string {
  return samples.length > 0 ? `${samples.map((sample) => sample.toFixed(1)).join(", ")} ms` : "none";
}

function positionOf(text: string, needle: string, delta: number, last = false): Position {
  const offset = (last ? text.lastIndexOf(needle) : text.indexOf(needle)) + delta;
  if (offset < delta) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - before.lastIndexOf("\n") - 1 };
}

async function time<T>(action: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

interface Subject {
  readonly label: string;
  /** The files opened, the edited one first (its program is the last one's when that imports it). */
  readonly open: readonly string[];
  /** Where a character is typed and deleted again: in a comment, and in a statement (a person's name). */
  readonly commentEdit: string;
  readonly statementEdit: string;
  readonly hover: string;
  /** Definition is asked for on the name right after this text. */
  readonly definition: string;
  /** Where completion is asked: after the first occurrence, and after the last (near the end of the file). */
  readonly completion: string;
}

/**
 * One character typed at `needle`'s end and deleted again, alternately,
 * `count` times; each sample from the change until that version's
 * diagnostics. `then`, timed on its own, is sent `delayMs` after the change.
 */
async function typeAndWait(
  server: Server,
  uri: string,
  at: Position,
  count: number,
  next: () => number,
  then?: () => Promise<unknown>,
  delayMs = 0,
): Promise<{ edits: number[]; after: number[] }> {
  const edits: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < count; i++) {
    const version = next();
    const insert = i % 2 === 0;
    const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    const published = server.waitFor(uri, version);
    const start = performance.now();
    await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? "x" : "" }] });
    if (then) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      after.push(await time(then));
    }
    await published;
    edits.push(performance.now() - start);
  }
  return { edits, after };
}

async function measure(subject: Subject, debounceMs: number | null): Promise<string[]> {
  const server = await startServer(debounceMs);
  const [editedPath] = subject.open;
  const uri = pathToFileURL(editedPath!).href;
  const text = readFileSync(editedPath!, "utf8");
  const versions = new Map<string, number>();
  const opened = performance.now();
  for (const path of [...subject.open].reverse()) {
    const fileUri = pathToFileURL(path).href;
    const first = server.waitFor(fileUri, 1);
    versions.set(fileUri, 1);
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: fileUri, languageId: "orgspec", version: 1, text: readFileSync(path, "utf8") } });
    await first;
  }
  const openMs = performance.now() - opened;
  let version = 1;
  const next = () => ++version;
  const commentAt = positionOf(text, subject.commentEdit, subject.commentEdit.length);
  const statementAt = positionOf(text, subject.statementEdit, subject.statementEdit.length);
  const commentWarmup = await typeAndWait(server, uri, commentAt, warmup, next);
  const commentEdits = await typeAndWait(server, uri, commentAt, runs, next);
  const statementWarmup = await typeAndWait(server, uri, statementAt, warmup, next);
  const statementEdits = await typeAndWait(server, uri, statementAt, runs, next);
  const hoverAt = positionOf(text, subject.hover, 1);
  const definitionAt = positionOf(text, subject.definition, subject.definition.length + 1);
  const completionAt = positionOf(text, subject.completion, subject.completion.length);
  const lateAt = positionOf(text, subject.completion, subject.completion.length, true);
  const hoverSamples: number[] = [];
  const definitionSamples: number[] = [];
  const completionSamples: number[] = [];
  const lateSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    hoverSamples.push(await time(() => server.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: hoverAt })));
    definitionSamples.push(await time(() => server.connection.sendRequest("textDocument/definition", { textDocument: { uri }, position: definitionAt })));
    completionSamples.push(await time(() => server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: completionAt })));
    lateSamples.push(await time(() => server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: lateAt })));
  }
  const tokenSamples: number[] = [];
  const deltaSamples: number[] = [];
  const symbolSamples: number[] = [];
  const tokenRuns = Math.min(runs, 30);
  for (let i = 0; i < tokenRuns; i++) {
    let resultId: string | undefined;
    // An edit first, so that the whole-file answer is of a version not encoded yet (a repeated request reuses the encoding).
    await typeAndWait(server, uri, statementAt, 1, next);
    tokenSamples.push(
      await time(async () => {
        resultId = ((await server.connection.sendRequest("textDocument/semanticTokens/full", { textDocument: { uri } })) as { resultId?: string } | null)?.resultId;
      }),
    );
    // An edit, its diagnostics, then the delta against the tokens before it.
    await typeAndWait(server, uri, statementAt, 1, next);
    if (resultId !== undefined) {
      const previousResultId = resultId;
      deltaSamples.push(await time(() => server.connection.sendRequest("textDocument/semanticTokens/full/delta", { textDocument: { uri }, previousResultId })));
    }
    symbolSamples.push(await time(() => server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })));
  }
  // Typing: an edit, then at once a request (completion, or hover, which needs the edited text's model).
  const typing = await typeAndWait(server, uri, statementAt, tokenRuns, next, () => server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: completionAt }));
  const hoverTyping = await typeAndWait(server, uri, statementAt, tokenRuns, next, () => server.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: hoverAt }));
  // VS Code asks for completion as one types 10 ms after the keystroke (`editor.quickSuggestionsDelay`): by then the check has begun.
  const quickSuggestions = await typeAndWait(server, uri, statementAt, tokenRuns, next, () => server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: completionAt }), 10);
  await server.stop();
  const tag = `${subject.label}, debounce ${debounceMs === null ? "default" : `${debounceMs} ms`}`;
  return [
    `| ${tag} | open → diagnostics | ${openMs.toFixed(1)} ms |`,
    `| ${tag} | the first ${warmup} edits in a comment → diagnostics (warm-up, not in the next row) | ${each(commentWarmup.edits)} |`,
    `| ${tag} | 1-character edit in a comment → diagnostics | ${stats(commentEdits.edits)} |`,
    `| ${tag} | the first ${warmup} edits in a statement → diagnostics (warm-up, not in the next row) | ${each(statementWarmup.edits)} |`,
    `| ${tag} | 1-character edit in a statement → diagnostics | ${stats(statementEdits.edits)} |`,
    `| ${tag} | hover | ${stats(hoverSamples)} |`,
    `| ${tag} | definition | ${stats(definitionSamples)} |`,
    `| ${tag} | completion | ${stats(completionSamples)} |`,
    `| ${tag} | completion near the end of the file | ${stats(lateSamples)} |`,
    `| ${tag} | completion right after an edit | ${stats(typing.after)} |`,
    `| ${tag} | completion 10 ms after an edit | ${stats(quickSuggestions.after)} |`,
    `| ${tag} | hover right after an edit | ${stats(hoverTyping.after)} |`,
    `| ${tag} | semantic tokens (whole file) | ${stats(tokenSamples)} |`,
    `| ${tag} | semantic tokens delta after an edit | ${deltaSamples.length > 0 ? stats(deltaSamples) : "not offered"} |`,
    `| ${tag} | document symbols | ${stats(symbolSamples)} |`,
  ];
}

/** A 20,000-line spec: committees and 834 cells of ten members, each with meetings, critiques and reports. */
export function generatedSpec(cells = 834): string {
  return ["// Generated for the latency measurement: cells under a city and a county committee.", 'import "committees.org"', "", "period 2026-01-01 to 2026-06-30", "", generatedCells(0, cells)].join("\n");
}

/** Cells `first` to `first + count - 1`, 24 lines each. */
function generatedCells(first: number, count: number): string {
  const out: string[] = [];
  for (let c = first; c < first + count; c++) {
    const id = `cell${c}`;
    out.push(`cell ${id} "Generated Cell No. ${c}" {`, `  under ${c % 2 === 0 ? "sinuiju" : "uiju"}`, "  setting workplace", "  critique weekly", `  secretary p${c}_0`, `  deputy p${c}_1`, "");
    for (let m = 0; m < 10; m++) out.push(`  member p${c}_${m} "Person ${c}-${m}" joined 20${10 + (m % 10)}-0${1 + (m % 9)}-1${m % 10}`);
    out.push("}", "", `every month from 2026-01-1${c % 10} to 2026-06-1${c % 10} meeting ${id}`, `every week from 2026-01-0${1 + (c % 5)} to 2026-06-30 critique ${id}`);
    out.push(`every 2 months from 2026-02-15 to 2026-06-15 report ${id} to ${c % 2 === 0 ? "sinuiju" : "uiju"}, north_pyongan`, `on 2026-03-0${1 + (c % 9)} meeting ${id} { present p${c}_0, p${c}_1, p${c}_2 }`, "");
  }
  return out.join("\n");
}

/**
 * A workspace of 200 files of about 100 lines (four cells each, 834 cells in
 * all, as generated.org) and an entry importing them all with the period.
 */
function writeWorkspace(dir: string): { entry: string; edited: string } {
  mkdirSync(join(dir, "units"));
  const imports: string[] = [];
  for (let f = 0; f < 200; f++) {
    const name = `units/cells${String(f).padStart(3, "0")}.org`;
    const first = Math.floor((f * 834) / 200);
    const count = Math.floor(((f + 1) * 834) / 200) - first;
    writeFileSync(join(dir, name), [`// Cells ${first} to ${first + count - 1}.`, 'import "../committees.org"', "", generatedCells(first, count)].join("\n"));
    imports.push(`import "${name}"`);
  }
  writeFileSync(join(dir, "workspace.org"), ["// The 200-file workspace's entry.", 'import "committees.org"', ...imports, "", "period 2026-01-01 to 2026-06-30", ""].join("\n"));
  return { entry: join(dir, "workspace.org"), edited: join(dir, "units/cells100.org") };
}

type ContextFunction = (text: string, tokens: readonly QueryToken[], offset: number) => unknown;

/**
 * The completion context alone, in process (no protocol, no items): at 400
 * positions spread over the file, each after a space, as when a name or
 * keyword is about to be typed.
 */
async function measureContext(label: string, text: string): Promise<string> {
  const { completionContext } = (await import(pathToFileURL(contextModule).href)) as { completionContext: ContextFunction };
  const tokens = tokenize(text);
  const offsets: number[] = [];
  for (let i = 1; i <= 400; i++) {
    const space = text.indexOf(" ", Math.floor((text.length * i) / 401));
    if (space > 0) offsets.push(space + 1);
  }
  for (const offset of offsets.slice(0, 50)) completionContext(text, tokens, offset);
  const samples = offsets.map((offset) => {
    const start = performance.now();
    completionContext(text, tokens, offset);
    return performance.now() - start;
  });
  return `| ${label} | completion context in process, 400 positions | ${stats(samples)}, max ${Math.max(...samples).toFixed(1)} ms |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "orgspec-latency-"));
  try {
    cpSync(join(root, "examples"), dir, { recursive: true });
    writeFileSync(join(dir, "generated-2k.org"), generatedSpec(83));
    writeFileSync(join(dir, "generated.org"), generatedSpec());
    const workspace = writeWorkspace(dir);
    const cells = (label: string, path: string, cell: number, open: readonly string[] = [path]): Subject => ({
      label,
      open,
      commentEdit: "// ",
      statementEdit: `"Person ${cell}-3`,
      hover: `cell${cell} "`,
      definition: "  secretary ",
      completion: "  under ",
    });
    const lines = (path: string) => readFileSync(path, "utf8").split("\n").length;
    const subjects: Subject[] = [
      { label: `examples/sinuiju.org (${lines(join(dir, "sinuiju.org"))} lines)`, open: [join(dir, "sinuiju.org")], commentEdit: "// Sinuiju City Party Committee", statementEdit: "under ", hover: "chaeha \"", definition: "under ", completion: "  under " },
      cells(`generated, ${lines(join(dir, "generated-2k.org"))} lines`, join(dir, "generated-2k.org"), 40),
      cells(`generated, ${lines(join(dir, "generated.org"))} lines`, join(dir, "generated.org"), 400),
      cells("200-file workspace, 20,000 lines (an edit in units/cells100.org)", workspace.edited, 418, [workspace.edited, workspace.entry]),
    ];
    const only = argument("--only", "");
    const chosen = only ? subjects.filter((_, index) => only.split(",").includes(String(index))) : subjects;
    const rows = ["| file | measure | result |", "| --- | --- | --- |"];
    for (const subject of chosen) rows.push(await measureContext(subject.label, readFileSync(subject.open[0]!, "utf8")));
    if (process.argv.includes("--context-only")) return void console.log(rows.join("\n"));
    const debounces = argument("--debounce", "default,0").split(",").map((value) => (value === "default" ? null : Number(value)));
    for (const subject of chosen) for (const debounce of debounces) rows.push(...(await measure(subject, debounce)));
    console.log(rows.join("\n"));
    console.log(`\n${runs} runs each; node ${process.version}; server ${serverScript.replace(root, "")}; load average ${loadavg().map((load) => load.toFixed(2)).join(", ")} at the end.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
