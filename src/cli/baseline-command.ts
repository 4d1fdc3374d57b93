// `orgspec baseline write PATHS` records today's findings in the baseline
// (orgspec-baseline.json), keeping the reasons given and the entries of files
// not checked this time; `orgspec baseline prune PATHS` removes the entries of
// the checked files whose finding no longer occurs. See docs/ci.md.
import type { Command } from "commander";
import { baselineOf, pruneBaseline, serializeBaseline, BASELINE_VERSION, type Baseline } from "../check/baseline.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import { displayPath } from "../reporters/locate.js";
import { baselineLocation, baselinePath, checkedEntries, goneEntries, readBaseline, type BaselineFlags } from "./baseline-file.js";
import { isInternal, runChecks, waivedOf, type RunFlags } from "./check-run.js";
import { writeOutput } from "./files.js";
import { inputOptions, UsageError, type CheckSeams } from "./input.js";
import type { CliIo } from "./io.js";

type Flags = RunFlags & BaselineFlags;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

async function runBaseline(action: "write" | "prune", paths: readonly string[], flags: Flags, io: CliIo, seams: CheckSeams): Promise<number> {
  const run = await runChecks(paths, flags, io, seams);
  if (run === null) return 2;
  // A run that could not read everything, or where a rule failed, is no record of today's findings.
  const internal = run.result.diagnostics.filter(isInternal);
  if (run.unreadable > 0 || internal.length > 0) {
    io.stderr(`orgspec: the baseline was not ${action === "write" ? "written" : "pruned"}: ${run.unreadable > 0 ? "a path could not be read" : `a rule failed (${LANGUAGE_CODES.internal.code})`}\n`);
    return 2;
  }
  const location = baselineLocation(flags, run.input, io.cwd);
  if (location === null) throw new UsageError(`baseline ${action} needs a baseline file: drop --no-baseline`);
  const shown = displayPath(location.path, io.cwd);
  const previous = readBaseline(location.path, io.cwd);
  const relativePath = (file: string) => baselinePath(location.path, file);
  if (action === "prune") {
    if (previous === null) throw new UsageError(`no baseline at ${shown}; \`orgspec baseline write\` makes one`);
    const gone = goneEntries(previous, location.path, run.result, waivedOf(run.result));
    const pruned = pruneBaseline(previous, gone);
    if (gone.length > 0) writeOutput(location.path, shown, serializeBaseline(pruned), io);
    io.stdout(`${shown}: removed ${plural(gone.length, "finding")} that no longer occur${gone.length === 1 ? "s" : ""}, ${pruned.findings.length} left\n`);
    return 0;
  }
  const today = baselineOf(run.result.diagnostics, relativePath, previous ?? undefined);
  // The entries of files this run did not check stay as they were.
  const kept = previous ? previous.findings.filter((entry) => !checkedEntries(previous, location.path, run.result).has(entry)) : [];
  const next: Baseline = { version: BASELINE_VERSION, findings: [...kept, ...today.findings] };
  writeOutput(location.path, shown, serializeBaseline(next), io);
  const before = new Set((previous?.findings ?? []).map((entry) => entry.id));
  const after = new Set(next.findings.map((entry) => entry.id));
  const added = next.findings.filter((entry) => !before.has(entry.id)).length;
  const removed = (previous?.findings ?? []).filter((entry) => !after.has(entry.id)).length;
  const change = previous ? ` (${added} added, ${removed} removed)` : "";
  io.stdout(`${shown}: ${plural(next.findings.length, "finding")} recorded${change}\n`);
  return 0;
}

export function registerBaselineCommand(program: Command, io: CliIo, setExit: (code: number) => void, seams: CheckSeams): void {
  const baseline = program.command("baseline").description("record today's findings so that `check` fails only on new ones (see docs/ci.md)");
  for (const [action, description] of [
    ["write", "record the findings of the paths in the baseline (reasons already given are kept)"],
    ["prune", "remove the baseline's entries whose finding no longer occurs"],
  ] as const) {
    const command = baseline
      .command(action)
      .description(description)
      .argument("<paths...>", "entry files, or directories whose .org files no other file there imports")
      .option("--baseline <path>", "the baseline file (default: the configuration's \"baseline\", else orgspec-baseline.json)");
    inputOptions(command)
      .option("-j, --jobs <n>", "parse files on this many worker threads")
      .action(async (paths: string[], flags: Flags) => setExit(await runBaseline(action, paths, flags, io, seams)));
  }
}
