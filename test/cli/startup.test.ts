// What a command loads at start-up (docs/performance.md, *Cold start*): the
// installed command runs the bundle, `check` never loads prettier, the
// language server, the formatter or the HTML report, and the parse workers
// run from the bundle too. Asserted on the list of modules the process
// loaded (bundle files mapped back to their sources with esbuild's
// metafile), not on timing. Needs `npm run build` (as `npm test` runs it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../fixtures/support.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPO, "bin/orgspec.js");
const LOGGER = join(REPO, "test/fixtures/module-log/register.mjs");
const scratch = mkdtempSync(join(tmpdir(), "orgspec-startup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Metafile {
  readonly outputs: Record<string, { readonly inputs: Record<string, unknown> }>;
}

/** Runs `node bin/orgspec.js ARGS` and returns the sources it loaded: repository paths, bundles resolved through the metafile. */
function loadedSources(args: readonly string[]): { status: number | null; files: string[]; sources: string[] } {
  const log = join(scratch, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, "");
  const child = spawnSync(process.execPath, ["--import", LOGGER, BIN, ...args], { cwd: REPO, env: { ...process.env, ORGSPEC_MODULE_LOG: log }, encoding: "utf8" });
  const meta = JSON.parse(readFileSync(join(REPO, "dist/bundle/meta.json"), "utf8")) as Metafile;
  const files = [...new Set(readFileSync(log, "utf8").split("\n").filter((url) => url.startsWith("file://")).map((url) => fileURLToPath(url).slice(REPO.length)))];
  const sources = files.flatMap((file) => (meta.outputs[file] ? Object.keys(meta.outputs[file].inputs) : [file]));
  return { status: child.status, files, sources };
}

const never = [/node_modules\/prettier\//, /node_modules\/vscode-languageserver/, /node_modules\/vscode-jsonrpc/, /^lsp\//, /^src\/format\//, /^src\/report\//];

describe("start-up", () => {
  it("check runs from the bundle and loads neither prettier, the language server, the formatter nor the report", () => {
    const spec = join(scratch, "tiny.org");
    writeFileSync(spec, "period from 2026-01-01 to 2026-12-31\n");
    const { status, files, sources } = loadedSources(["check", spec]);
    expect(status).toBe(1); // ORG001: `period` takes no `from` (a parse happened)
    expect(files).toContain("dist/bundle/cli.js");
    expect(files.filter((file) => file.startsWith("dist/src/"))).toEqual([]);
    expect(sources).toContain("src/check/check.ts");
    expect(sources.some((source) => source.startsWith("node_modules/chevrotain/"))).toBe(true);
    expect(sources.filter((source) => never.some((pattern) => pattern.test(source)))).toEqual([]);
  });

  it("the parse workers run from the bundle", () => {
    const { status, files, sources } = loadedSources(["check", "examples", "--jobs", "2"]);
    expect(status).toBe(1);
    expect(files).toContain("dist/bundle/worker.js");
    expect(files.filter((file) => file.startsWith("dist/src/"))).toEqual([]);
    expect(sources.filter((source) => never.some((pattern) => pattern.test(source)))).toEqual([]);
  });

  it("fmt loads prettier, the only command that does besides lsp", () => {
    const { sources } = loadedSources(["fmt", "examples/abroad.org"]);
    expect(sources.some((source) => source.startsWith("node_modules/prettier/"))).toBe(true);
  });

  it("--version prints package.json's version, as the CLI itself does, without loading it", async () => {
    const version = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
    const printed = (await run(["--version"], { cwd: REPO })).stdout;
    expect(printed).toBe(`${version}\n`);
    for (const flag of ["--version", "-V"]) {
      const child = spawnSync(process.execPath, [BIN, flag], { encoding: "utf8" });
      expect(child.stdout).toBe(printed);
      expect(child.status).toBe(0);
    }
    const { files } = loadedSources(["--version"]);
    expect(files).toEqual(["bin/orgspec.js"]);
  });
});
