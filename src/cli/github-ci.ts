// What `check` does for GitHub Actions beyond the annotations: the files a
// pull request changes (`--changed-since REF`, asked of git) and the Markdown
// job summary (`--summary FILE`, or `$GITHUB_STEP_SUMMARY` with --format github).
import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/types.js";
import { describeFsError } from "../program/disk-host.js";
import { printable, type SourceLookup } from "../reporters/locate.js";
import { renderSummary, type SummaryOptions } from "../reporters/summary.js";
import { writeOutput } from "./files.js";
import { UsageError } from "./input.js";
import type { CliIo } from "./io.js";

export interface GithubFlags {
  format: string;
  changedSince?: string;
  summary?: string;
}

/** The files (absolute) that differ between `ref` and the working tree under `cwd`, as git sees them. */
export function changedFiles(ref: string, cwd: string): Set<string> {
  if (ref.startsWith("-")) throw new UsageError(`--changed-since takes a git ref, not "${ref}"`);
  let output: string;
  try {
    // --relative: paths relative to cwd (and only those under it), so they resolve as the check's do.
    output = execFileSync("git", ["diff", "--name-only", "-z", "--relative", ref, "--"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    const said = failure.code === "ENOENT" ? "git is not installed" : (failure.stderr ?? failure.message).trim().split("\n")[0];
    throw new UsageError(printable(`--changed-since ${ref}: cannot list the changed files: ${said}`));
  }
  return new Set(output.split("\0").filter(Boolean).map((path) => resolve(cwd, path)));
}

/** Writes the job summary where the flags say, if anywhere. */
export function writeJobSummary(flags: GithubFlags, reported: readonly Diagnostic[], lookup: SourceLookup, options: SummaryOptions, io: CliIo): void {
  const stepSummary = flags.format === "github" ? process.env["GITHUB_STEP_SUMMARY"] : undefined;
  if (flags.summary === undefined && !stepSummary) return;
  const markdown = renderSummary(reported, lookup, options);
  if (flags.summary !== undefined) {
    writeOutput(resolve(io.cwd, flags.summary), flags.summary, markdown, io);
    return;
  }
  // The runner's file for this step: other tools may append to it too.
  try {
    appendFileSync(stepSummary!, markdown);
  } catch (error) {
    throw new UsageError(printable(`cannot write $GITHUB_STEP_SUMMARY (${stepSummary}): ${describeFsError(error)}`));
  }
}
