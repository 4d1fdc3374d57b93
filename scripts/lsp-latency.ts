// Measures the language server's latency as an editor sees it (not a test):
// from a one-character edit to the published diagnostics, and hover and
// completion response times, on the examples/ program and on a generated
// 20,000-line spec. Drives the real server over stdio.
//
//   npm run build && node dist/scripts/lsp-latency.js [--server dist/lsp/main.js] [--runs 30]
//     [--context dist/lsp/context.js] [--context-only]
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

interface Server {
  readonly connection: ProtocolConnection;
  waitFor(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

async function startServer(debounceMs: number): Promise<Server> {
  const child = spawn(process.execPath, [serverScript, "--stdio"], { env: { ...process.env, ORGSPEC_LSP_DEBOUNCE_MS: String(debounceMs) }, stdio: ["pipe", "pipe", "inherit"] });
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

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
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
  readonly path: string;
  /** Where a character is inserted and deleted again (inside a comment). */
  readonly edit: string;
  readonly hover: string;
  /** Where completion is asked: after the first occurrence, and after the last (near the end of the file). */
  readonly completion: string;
}

async function measure(subject: Subject, debounceMs: number): Promise<string[]> {
  const server = await startServer(debounceMs);
  const uri = pathToFileURL(subject.path).href;
  const text = readFileSync(subject.path, "utf8");
  const lines = text.split("\n").length;
  let version = 1;
  const opened = performance.now();
  const first = server.waitFor(uri, 1);
  await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "orgspec", version, text } });
  const initial = await first;
  const openMs = performance.now() - opened;
  const editAt = positionOf(text, subject.edit, subject.edit.length);
  const editSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    version++;
    const insert = version % 2 === 0;
    const range = insert ? { start: editAt, end: editAt } : { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } };
    const published = server.waitFor(uri, version);
    editSamples.push(
      await time(async () => {
        await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? "x" : "" }] });
        await published;
      }),
    );
  }
  if (version % 2 === 0) {
    version++;
    const published = server.waitFor(uri, version);
    await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range: { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } }, text: "" }] });
    await published;
  }
  const hoverAt = positionOf(text, subject.hover, 1);
  const completionAt = positionOf(text, subject.completion, subject.completion.length);
  const hoverSamples: number[] = [];
  const completionSamples: number[] = [];
  const lateAt = positionOf(text, subject.completion, subject.completion.length, true);
  const lateSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    hoverSamples.push(await time(() => server.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: hoverAt })));
    completionSamples.push(await time(() => server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: completionAt })));
    lateSamples.push(await time(() => server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: lateAt })));
  }
  const tokenSamples: number[] = [];
  const symbolSamples: number[] = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    tokenSamples.push(await time(() => server.connection.sendRequest("textDocument/semanticTokens/full", { textDocument: { uri } })));
    symbolSamples.push(await time(() => server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })));
  }
  // Typing: an edit, then at once a completion request (which must first check the edited text).
  const typingSamples: number[] = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    version++;
    const insert = version % 2 === 0;
    const range = insert ? { start: editAt, end: editAt } : { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } };
    const published = server.waitFor(uri, version);
    await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? "x" : "" }] });
    typingSamples.push(await time(() => server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: completionAt })));
    await published;
  }
  await server.stop();
  const tag = `${subject.label} (${lines} lines), debounce ${debounceMs} ms`;
  return [
    `| ${tag} | open → diagnostics | ${openMs.toFixed(1)} ms (${initial.diagnostics.length} diagnostics) |`,
    `| ${tag} | 1-character edit → diagnostics | ${stats(editSamples)} |`,
    `| ${tag} | hover | ${stats(hoverSamples)} |`,
    `| ${tag} | completion | ${stats(completionSamples)} |`,
    `| ${tag} | completion near the end of the file | ${stats(lateSamples)} |`,
    `| ${tag} | completion right after an edit | ${stats(typingSamples)} |`,
    `| ${tag} | semantic tokens (whole file) | ${stats(tokenSamples)} |`,
    `| ${tag} | document symbols | ${stats(symbolSamples)} |`,
  ];
}

/** A 20,000-line spec: committees and 834 cells of ten members, each with meetings, critiques and reports. */
export function generatedSpec(cells = 834): string {
  const out: string[] = ["// Generated for the latency measurement: 834 cells under a city and a county committee.", 'import "committees.org"', "", "period 2026-01-01 to 2026-06-30", ""];
  for (let c = 0; c < cells; c++) {
    const id = `cell${c}`;
    out.push(`cell ${id} "Generated Cell No. ${c}" {`, `  under ${c % 2 === 0 ? "sinuiju" : "uiju"}`, "  setting workplace", "  critique weekly", `  secretary p${c}_0`, `  deputy p${c}_1`, "");
    for (let m = 0; m < 10; m++) out.push(`  member p${c}_${m} "Person ${c}-${m}" joined 20${10 + (m % 10)}-0${1 + (m % 9)}-1${m % 10}`);
    out.push("}", "", `every month from 2026-01-1${c % 10} to 2026-06-1${c % 10} meeting ${id}`, `every week from 2026-01-0${1 + (c % 5)} to 2026-06-30 critique ${id}`);
    out.push(`every 2 months from 2026-02-15 to 2026-06-15 report ${id} to ${c % 2 === 0 ? "sinuiju" : "uiju"}, north_pyongan`, `on 2026-03-0${1 + (c % 9)} meeting ${id} { present p${c}_0, p${c}_1, p${c}_2 }`, "");
  }
  return out.join("\n");
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
    writeFileSync(join(dir, "generated.org"), generatedSpec());
    const subjects: Subject[] = [
      { label: "examples/sinuiju.org", path: join(dir, "sinuiju.org"), edit: "// Sinuiju City Party Committee", hover: "chaeha \"", completion: "  under " },
      { label: "generated.org", path: join(dir, "generated.org"), edit: "// Generated", hover: "cell400 \"", completion: "  under " },
    ];
    const rows = ["| file | measure | result |", "| --- | --- | --- |"];
    for (const subject of subjects) rows.push(await measureContext(`${subject.label}`, readFileSync(subject.path, "utf8")));
    if (process.argv.includes("--context-only")) return void console.log(rows.join("\n"));
    for (const subject of subjects) for (const debounce of [150, 0]) rows.push(...(await measure(subject, debounce)));
    console.log(rows.join("\n"));
    console.log(`\n${runs} runs each; node ${process.version}; server ${serverScript.replace(root, "")}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
