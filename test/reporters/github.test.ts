// `orgspec check --format github`: workflow-command annotations with the
// spec's escaping, and the check's progress on a terminal's stderr.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkProgress } from "../../src/cli/check-run.js";
import { readPaths } from "../../src/cli/input.js";
import type { CliIo } from "../../src/cli/io.js";
import { escapeData, escapeProperty } from "../../src/reporters/github.js";
import { cleanUp, fixture, run, tempDir, writeConfig } from "../fixtures/support.js";

afterAll(cleanUp);

const REPO = fileURLToPath(new URL("../../", import.meta.url));

describe("escaping", () => {
  it("percent-encodes %, CR and LF in a message", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
  });

  it("also encodes : and , in a property value", () => {
    expect(escapeProperty("specs/a,b:c%\n.org")).toBe("specs/a%2Cb%3Ac%25%0A.org");
  });
});

describe("orgspec check --format github", () => {
  it("writes one annotation per diagnostic, then the summary, and keeps the exit status", async () => {
    const result = await run(["check", "main.org", "--format", "github"], { cwd: fixture("basic") });
    expect(result).toEqual({
      status: 1,
      stderr: "",
      stdout:
        "::error file=main.org,line=4,col=6,endLine=4,endColumn=10,title=ORG101 cell-size::Sawmill Cell has 4 members and candidates; a party cell needs 5 to 30" +
        '%0Abylaw: Party Cells: "The party cell consists of between five (5) and 30 party members and candidate party members"\n' +
        "::warning file=main.org,line=12,col=1,endLine=12,endColumn=27,title=ORG007 outside-period::this event on 2026-07-01 is after the period's end (2026-06-30)\n" +
        "1 error, 1 warning in 1 file (2 files checked)\n",
    });
  });

  it("gives a range over several lines without columns, and an info as a notice", async () => {
    const result = await run(["check", "examples", "--format", "github"], { cwd: REPO });
    const recommendations = result.stdout.split("\n").find((line) => line.includes("ORG302"))!;
    expect(recommendations.startsWith("::error file=examples/sinuiju.org,line=123,endLine=125,title=ORG302 recommendations::the application of Thae Myong-chol")).toBe(true);
    const dir = tempDir();
    writeConfig(dir);
    writeFileSync(join(dir, "empty.org"), "// no period\n");
    const info = await run(["check", "empty.org", "--format", "github"], { cwd: dir });
    expect(info.stdout.split("\n")[0]).toMatch(/^::notice file=empty\.org,line=1,col=1,endLine=1,endColumn=\d+,title=ORG009 no-period::/);
  });

  it("escapes a file name's comma and colon", async () => {
    const dir = fixture("basic");
    writeFileSync(join(dir, "a,b:c.org"), 'import "committees.org"\ncell tiny "Tiny" { under sinuiju }\n');
    const result = await run(["check", "a,b:c.org", "--format", "github"], { cwd: dir });
    expect(result.stdout).toContain("::error file=a%2Cb%3Ac.org,line=2,col=6,endLine=2,endColumn=10,title=ORG101 cell-size::");
  });
});

describe("progress on stderr", () => {
  function capture(stderrIsTTY: boolean): { io: CliIo; written: () => string } {
    let stderr = "";
    const io: CliIo = { stdout: () => {}, stderr: (text) => void (stderr += text), cwd: REPO, isTTY: false, stderrIsTTY };
    return { io, written: () => stderr };
  }

  it("counts files read, in place, once the check has run a quarter of a second, and erases itself", () => {
    const { io, written } = capture(true);
    let now = 1_000;
    const progress = checkProgress(io, readPaths(["examples"], {}, io), () => now);
    const examples = ["committees.org", "factory.org", "abroad.org", "sinuiju.org"].map((name) => join(REPO, "examples", name));
    progress.host.readFile(examples[0]!);
    expect(written()).toBe("");
    now += 300;
    progress.host.readFile(examples[1]!);
    now += 50;
    progress.host.readFile(examples[2]!);
    now += 10;
    progress.host.readFile(examples[3]!);
    progress.finish();
    expect(written()).toBe("\r\u001b[2Korgspec: reading 2/4 files\r\u001b[2Korgspec: checking 4 files\r\u001b[2K");
  });

  it("writes nothing when stderr is not a terminal, whatever the format", async () => {
    const { io, written } = capture(false);
    const progress = checkProgress(io, readPaths(["examples"], {}, io), () => 0);
    expect("text" in progress.host.readFile(join(REPO, "examples", "sinuiju.org"))).toBe(true);
    progress.finish();
    expect(written()).toBe("");
    const json = await run(["check", "examples", "--format", "json"], { cwd: REPO, isTTY: true });
    expect(json.stderr).toBe("");
  });
});
