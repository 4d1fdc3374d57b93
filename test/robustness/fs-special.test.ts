// Issue 16.8: special files. Only regular files are read, within a size
// limit (`--max-file-size`, default 256 MB): a FIFO, /dev/zero or a device
// is an ORG006 (or a named path that cannot be read), never a hang or a
// read without end, whether imported, checked, formatted or a configuration.
// A read that blocks would block the test runner too, so the commands run in
// a child process with a timeout (on the compiled dist/, as bin.test.ts).
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createDiskHost, formatSize, parseSize } from "../../src/program/disk-host.js";
import { cleanUp, fixture, run } from "../fixtures/support.js";

afterAll(cleanUp);

const BIN = fileURLToPath(new URL("../../bin/orgspec.js", import.meta.url));
const WORKSPACE = fileURLToPath(new URL("../../dist/lsp/workspace.js", import.meta.url));
const DISK_HOST = fileURLToPath(new URL("../../dist/src/program/disk-host.js", import.meta.url));
const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

function orgspec(args: readonly string[], cwd: string) {
  const child = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, ...args], { cwd, encoding: "utf8", timeout: 15_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, timedOut: child.error !== undefined || child.signal !== null };
}

function withFifo(): string {
  const dir = fixture("basic");
  execFileSync("mkfifo", [join(dir, "pipe.org")]);
  return dir;
}

describe.skipIf(!hasMkfifo)("a FIFO", () => {
  it("imported: ORG006 'it is not a regular file (a FIFO)', no hang", () => {
    const dir = withFifo();
    writeFileSync(join(dir, "imports.org"), 'import "pipe.org"\nperiod 2026-01-01 to 2026-06-30\n');
    const child = orgspec(["check", "imports.org"], dir);
    expect(child.timedOut).toBe(false);
    expect(child.stdout).toContain('imports.org:1:1 error ORG006 import\n  cannot import "pipe.org": it is not a regular file (a FIFO)\n');
    expect(child.status).toBe(1);
  });

  it("named or in a folder: an unreadable path, exit 2, the rest checked", () => {
    const dir = withFifo();
    const named = orgspec(["check", "pipe.org"], dir);
    expect([named.timedOut, named.status, named.stderr]).toEqual([false, 2, "orgspec: cannot read pipe.org: it is not a regular file (a FIFO)\n"]);
    const folder = orgspec(["check", "."], dir);
    expect([folder.timedOut, folder.status, folder.stderr]).toEqual([false, 2, "orgspec: cannot read pipe.org: it is not a regular file (a FIFO)\n"]);
    expect(folder.stdout).toContain("main.org:4:6 error ORG101 cell-size");
  });

  it("as the configuration file or a fmt target", () => {
    const dir = withFifo();
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
    const config = orgspec(["check", "main.org", "--config", "fifo.json"], dir);
    expect([config.timedOut, config.status, config.stderr]).toEqual([false, 2, "orgspec: fifo.json: cannot read the configuration: it is not a regular file (a FIFO)\n"]);
    const fmt = orgspec(["fmt", "--check", "pipe.org"], dir);
    expect([fmt.timedOut, fmt.status, fmt.stderr]).toEqual([false, 2, "orgspec: cannot read pipe.org: it is not a regular file (a FIFO)\n"]);
  });

  it("imported by a file open in the language server: an ORG006, no hang", () => {
    const dir = withFifo();
    const script = `
      import { Workspace } from ${JSON.stringify(WORKSPACE)};
      import { pathToFileURL } from "node:url";
      import { diskHost } from ${JSON.stringify(DISK_HOST)};
      const published = [];
      const workspace = new Workspace({ disk: diskHost, publish: (uri, diagnostics) => published.push(...diagnostics.map((d) => d.message)), debounceMs: 0 });
      workspace.open(pathToFileURL(${JSON.stringify(join(dir, "open.org"))}).href, 'import "pipe.org"\\n', 1);
      workspace.flush();
      console.log(JSON.stringify(published));
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 15_000 });
    expect(child.signal).toBe(null);
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toContain('cannot import "pipe.org": it is not a regular file (a FIFO)');
  });
});

describe.skipIf(process.platform === "win32")("devices", () => {
  it('import "/dev/zero" is an ORG006 at once, not a read without end', () => {
    const dir = fixture("basic");
    writeFileSync(join(dir, "zero.org"), 'import "/dev/zero"\nimport "/dev/null"\nimport "."\n');
    const child = orgspec(["check", "zero.org"], dir);
    expect(child.timedOut).toBe(false);
    expect(child.stdout).toContain('cannot import "/dev/zero": it is not a regular file (a character device)\n');
    expect(child.stdout).toContain('cannot import "/dev/null": it is not a regular file (a character device)\n');
    expect(child.stdout).toContain('cannot import ".": it is a directory\n');
  });
});

describe("the size limit", () => {
  it("a file larger than --max-file-size is not read: ORG006 when imported, an unreadable path when named", async () => {
    const dir = fixture("basic");
    writeFileSync(join(dir, "big.org"), `// ${"x".repeat(2 * 1024 * 1024)}\n`);
    writeFileSync(join(dir, "imports.org"), 'import "big.org"\n');
    const named = await run(["check", "big.org", "--max-file-size", "1MB"], { cwd: dir });
    expect(named).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot read big.org: it is larger than the 1 MB limit (--max-file-size)\n" });
    const imported = await run(["check", "imports.org", "--max-file-size", "1m"], { cwd: dir });
    expect(imported.stdout).toContain('cannot import "big.org": it is larger than the 1 MB limit (--max-file-size)\n');
    // Under the default limit it is read.
    expect((await run(["check", "big.org"], { cwd: dir })).stderr).toBe("");
    const fmt = await run(["fmt", "--check", "big.org", "--max-file-size", "1048576"], { cwd: dir });
    expect(fmt).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot read big.org: it is larger than the 1 MB limit (--max-file-size)\n" });
  });

  it("is 256 MB by default, and --max-file-size takes a size", async () => {
    expect(parseSize("256MB")).toBe(256 * 1024 * 1024);
    expect([parseSize("1G"), parseSize("64 kb"), parseSize("1000"), parseSize("1000 bytes")]).toEqual([1024 ** 3, 65536, 1000, 1000]);
    expect([parseSize("0"), parseSize("-1"), parseSize("1.5MB"), parseSize("big")]).toEqual([null, null, null, null]);
    expect([formatSize(256 * 1024 * 1024), formatSize(1000)]).toEqual(["256 MB", "1000 bytes"]);
    const dir = fixture("basic");
    const bad = await run(["check", "main.org", "--max-file-size", "lots"], { cwd: dir });
    expect(bad).toEqual({ status: 2, stdout: "", stderr: 'orgspec: --max-file-size takes a size such as 256MB, 1GB, 512KB or a number of bytes, not "lots"\n' });
    const host = createDiskHost({ maxFileSize: 10 });
    writeFileSync(join(dir, "eleven.org"), "01234567890");
    expect(host.readFile(join(dir, "eleven.org"))).toEqual({ error: "it is larger than the 10 bytes limit (--max-file-size)" });
  });
});
