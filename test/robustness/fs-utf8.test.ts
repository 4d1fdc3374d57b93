// Issue 16.5: `fmt --write` never corrupts a file. A file that is not valid
// UTF-8 is never formatted (its bytes would be lost to U+FFFD) and `check`
// reports it: ORG001 at the first invalid byte of an entry, ORG006 on the
// import of one. A write goes to a temporary file that replaces the file
// only when complete, keeping its mode: a full disk leaves it as it was.
import { existsSync, readdirSync, readFileSync, statSync, chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { nodeWriteFs, writeFileAtomic, type WriteFs } from "../../src/cli/files.js";
import { decodeUtf8, firstInvalidUtf8 } from "../../src/program/disk-host.js";
import { cleanUp, fixture, run, tempDir } from "../fixtures/support.js";

afterAll(cleanUp);

/** An EUC-KR spec: `cell t "한국 Cell"` with the name in EUC-KR bytes (0xC7 0xD1 0xB1 0xB9). */
const EUC_KR = Buffer.concat([
  Buffer.from('import "committees.org"\nperiod 2026-01-01 to 2026-06-30\ncell t "'),
  Buffer.from([0xc7, 0xd1, 0xb1, 0xb9]),
  Buffer.from(' Cell" {\n  under uiju\n}\n'),
]);

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

describe("a spec that is not valid UTF-8", () => {
  it("is not formatted: fmt --write names the file, line, column and byte, and leaves it byte for byte", async () => {
    const dir = fixture("clean");
    writeFileSync(join(dir, "euc.org"), EUC_KR);
    const result = await run(["fmt", "--write", "euc.org"], { cwd: dir });
    expect(result).toEqual({
      status: 1,
      stdout: "",
      stderr: "orgspec: euc.org:3:9: not valid UTF-8 (byte 0xC7 at offset 64): convert it to UTF-8; the file was not formatted\n",
    });
    expect(readFileSync(join(dir, "euc.org")).equals(EUC_KR)).toBe(true);
    // Nor printed or checked as if it were text.
    expect((await run(["fmt", "euc.org"], { cwd: dir })).stdout).toBe("");
    expect((await run(["fmt", "--check", "euc.org"], { cwd: dir })).status).toBe(1);
  });

  it("as an entry, is ORG001 at its first invalid byte", async () => {
    const dir = fixture("clean");
    writeFileSync(join(dir, "euc.org"), EUC_KR);
    const result = await run(["check", "euc.org", "--format", "json"], { cwd: dir });
    const report = JSON.parse(result.stdout) as { diagnostics: { code: string; range: { start: object }; message: string }[] };
    expect(report.diagnostics.filter((diagnostic) => diagnostic.code !== "ORG009")).toEqual([
      expect.objectContaining({
        code: "ORG001",
        range: { start: { line: 3, column: 9 }, end: { line: 3, column: 10 } },
        message: "this file is not valid UTF-8 (byte 0xC7 at offset 64): convert it to UTF-8; until then only its imports are checked",
      }),
    ]);
    expect(result.status).toBe(1);
  });

  it("as an import, is ORG006 on the import, naming line, column and byte", async () => {
    const dir = fixture("clean");
    writeFileSync(join(dir, "euc.org"), EUC_KR);
    writeFileSync(join(dir, "main2.org"), 'import "euc.org"\nperiod 2026-01-01 to 2026-06-30\n');
    const result = await run(["check", "main2.org"], { cwd: dir });
    expect(result.stdout).toContain(
      'main2.org:1:1 error ORG006 import\n  cannot import "euc.org": it is not valid UTF-8 (byte 0xC7 at offset 64, line 3, column 9); convert it to UTF-8\n',
    );
  });

  it("keeps a UTF-8 byte order mark (as reading always did)", () => {
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: "\ufeffa" });
  });

  it("for any bytes: the first invalid byte is found exactly where a strict decoder stops", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      // Mostly valid text with a few bytes spliced in.
      fc.tuple(fc.string({ unit: "grapheme", maxLength: 20 }), fc.uint8Array({ maxLength: 3 }), fc.string({ maxLength: 10 })).map(
        ([a, junk, b]) => new Uint8Array([...Buffer.from(a), ...junk, ...Buffer.from(b)]),
      ),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        const at = firstInvalidUtf8(input);
        expect(at === -1).toBe(valid(input));
        if (at === -1) return;
        // Everything before it decodes, and no longer prefix is valid UTF-8 followed by a complete character.
        expect(valid(input.subarray(0, at))).toBe(true);
        expect(valid(input.subarray(0, at + 4)) && at + 4 <= input.length).toBe(false);
        const decoded = decodeUtf8(input);
        expect("undecodable" in decoded && decoded.undecodable).toEqual({
          byteOffset: at,
          byte: input[at],
          offset: new TextDecoder().decode(input.subarray(0, at)).length,
        });
        expect("text" in decoded && decoded.text[decoded.undecodable!.offset]).toBe("\ufffd");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("writing a file", () => {
  it("on a full disk, fmt --write reports it and leaves the file as it was, with no temporary file", async () => {
    const dir = fixture("clean");
    const unformatted = 'import "committees.org"\nperiod   2026-01-01 to 2026-06-30\n';
    writeFileSync(join(dir, "main.org"), unformatted);
    // The disk fills up half way through the write.
    const full: WriteFs = {
      ...nodeWriteFs,
      writeSync: (fd, data, offset, length) => {
        if (offset > 0) throw enospc();
        return nodeWriteFs.writeSync(fd, data, offset, Math.max(1, Math.floor(length / 2)));
      },
    };
    const result = await run(["fmt", "--write", "main.org"], { cwd: dir, writeFs: full });
    expect(result).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot write main.org: no space left on the device; the file is unchanged\n" });
    expect(readFileSync(join(dir, "main.org"), "utf8")).toBe(unformatted);
    expect(readdirSync(dir).filter((name) => name.includes("orgspec-tmp"))).toEqual([]);
  });

  it("never opens the file itself for writing: it is replaced whole by a renamed temporary file", () => {
    const dir = tempDir();
    const file = join(dir, "a.org");
    writeFileSync(file, "old\n");
    const opened: string[] = [];
    const renamed: [string, string][] = [];
    const spy: WriteFs = {
      ...nodeWriteFs,
      openSync: (path, flags, mode) => (opened.push(path), nodeWriteFs.openSync(path, flags, mode)),
      renameSync: (from, to) => (renamed.push([from, to]), nodeWriteFs.renameSync(from, to)),
    };
    writeFileAtomic(file, "new\n", spy);
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(opened).toHaveLength(1);
    expect(opened[0]).not.toBe(file);
    expect(renamed).toEqual([[opened[0], file]]);
    expect(existsSync(opened[0]!)).toBe(false);
  });

  it("keeps the file's mode", async () => {
    const dir = fixture("clean");
    writeFileSync(join(dir, "main.org"), 'import "committees.org"\nperiod   2026-01-01 to 2026-06-30\n');
    chmodSync(join(dir, "main.org"), 0o640);
    const result = await run(["fmt", "--write", "main.org"], { cwd: dir });
    expect(result.stdout).toBe("formatted main.org\n");
    expect(statSync(join(dir, "main.org")).mode & 0o777).toBe(0o640);
  });

  it("when the rename fails, the file is unchanged and the temporary file removed", () => {
    const dir = tempDir();
    const file = join(dir, "a.org");
    writeFileSync(file, "old\n");
    const failing: WriteFs = { ...nodeWriteFs, renameSync: () => { throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" }); } };
    expect(() => writeFileAtomic(file, "new\n", failing)).toThrow("EIO");
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["a.org"]);
  });

  it("a write error of report and agenda is in words, as /dev/full gives it", async () => {
    const dir = fixture("clean");
    const missing = await run(["report", "main.org", "--out", "missing-dir/x.html"], { cwd: dir });
    expect(missing).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot write missing-dir/x.html: no such file or directory\n" });
    const ics = await run(["agenda", "main.org", "--ics", "missing-dir/x.ics"], { cwd: dir });
    expect(ics).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot write missing-dir/x.ics: no such file or directory\n" });
    if (existsSync("/dev/full")) {
      const full = await run(["report", "main.org", "--out", "/dev/full"], { cwd: dir });
      expect(full).toEqual({ status: 2, stdout: "", stderr: "orgspec: cannot write /dev/full: no space left on the device\n" });
    }
  });
});
