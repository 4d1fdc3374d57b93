// The checker's front door in Node: load a program from the disk (or the
// host given), with the configuration found for it, and check it
// (check-model.ts). `checkPaths` does it for every entry a command line
// names and reports a file reached from several entries once.
import { loadConfigFile, loadConfigForPaths } from "../config/config.js";
import { diskHost } from "../program/disk-host.js";
import { findEntries } from "../program/entries.js";
import { FileCache } from "../program/load.js";
import type { Rulebook } from "./run-rules.js";
import { resolve } from "../util/paths.js";
import { checkEntry, leanResult, ProgramMerger, type CheckOptions, type PathsOptions, type PathsResult, type ProgramResult } from "./check-model.js";

export { checkEntry, checkModel, mergePrograms, ProgramMerger, todayDay } from "./check-model.js";
export type { CheckOptions, PathsOptions, PathsResult, ProgramResult } from "./check-model.js";

export function checkProgram(entry: string, options: CheckOptions = {}): ProgramResult {
  const cache = options.cache ?? new FileCache(options.host ?? diskHost);
  const rulebook = resolveRulebook(options, [entry]);
  return checkEntry(resolve(entry), cache, { ...options, rulebook });
}

/** The rulebook a check runs with: the one given, else the configuration `config` names (see `CheckOptions`). */
export function resolveRulebook(options: CheckOptions, paths: readonly string[]): Rulebook {
  if (options.rulebook) return options.rulebook;
  const config = options.config ?? "auto";
  if (typeof config !== "string") return config;
  if (config === "none") return new Map();
  if (config === "auto") return loadConfigForPaths(undefined, paths, process.cwd(), diskHost).rulebook;
  return loadConfigFile(resolve(config), diskHost).rulebook;
}

export function checkPaths(paths: readonly string[], options: PathsOptions = {}): PathsResult {
  const cache = options.cache ?? new FileCache(options.host ?? diskHost);
  const rulebook = resolveRulebook(options, paths);
  const discovery = findEntries(paths, cache);
  const merger = new ProgramMerger();
  const programs = discovery.entries.map((entry) => {
    const program = checkProgram(entry, { ...options, cache, rulebook });
    merger.add(program);
    // Without `keepModels`, the model (units, people, events, symbols…) goes here, not at the end.
    return options.keepModels === false ? leanResult(program) : program;
  });
  return merger.result(programs, discovery);
}
