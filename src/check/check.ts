// The checker's front door in Node: load a program from the disk (or the
// host given), with the configuration found for it, and check it
// (check-model.ts). `checkPaths` does it for every entry a command line
// names and reports a file reached from several entries once.
import { loadConfigFile, loadConfigForPaths } from "../config/config.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/types.js";
import { diskHost } from "../program/disk-host.js";
import { findEntries, type EntryDiscovery } from "../program/entries.js";
import { FileCache } from "../program/load.js";
import type { Rulebook } from "./run-rules.js";
import { resolve } from "../util/paths.js";
import { checkEntry, type CheckOptions, type ProgramResult } from "./check-model.js";

export { checkEntry, checkModel, todayDay } from "./check-model.js";
export type { CheckOptions, ProgramResult } from "./check-model.js";

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

export interface PathsResult {
  readonly programs: ProgramResult[];
  /** Every diagnostic once, however many programs reached its file. */
  readonly diagnostics: Diagnostic[];
  /** Every file checked, entries and imports. */
  readonly files: string[];
  /** How many distinct diagnostics waivers suppressed. */
  readonly waived: number;
  readonly discovery: EntryDiscovery;
}

export function checkPaths(paths: readonly string[], options: CheckOptions = {}): PathsResult {
  const cache = options.cache ?? new FileCache(options.host ?? diskHost);
  const rulebook = resolveRulebook(options, paths);
  const discovery = findEntries(paths, cache);
  const programs = discovery.entries.map((entry) => checkProgram(entry, { ...options, cache, rulebook }));
  return mergePrograms(programs, discovery);
}

/** The result of several programs: each diagnostic once, however many programs reached its file. */
export function mergePrograms(programs: ProgramResult[], discovery: EntryDiscovery): PathsResult {
  const merger = new ProgramMerger();
  for (const program of programs) merger.add(program);
  return merger.result(programs, discovery);
}

/** `mergePrograms` one program at a time, so that a program can be let go once added. */
export class ProgramMerger {
  private readonly seen = new Set<string>();
  private readonly seenWaived = new Set<string>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly files = new Set<string>();

  add(program: ProgramResult): void {
    for (const file of program.model.files) this.files.add(file.path);
    for (const diagnostic of program.waived) this.seenWaived.add(diagnosticKey(diagnostic));
    for (const diagnostic of program.diagnostics) {
      const key = diagnosticKey(diagnostic);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.diagnostics.push(diagnostic);
    }
  }

  result(programs: ProgramResult[], discovery: EntryDiscovery): PathsResult {
    const diagnostics = [...this.diagnostics].sort(compareDiagnostics);
    return { programs, diagnostics, files: [...this.files].sort(), waived: this.seenWaived.size, discovery };
  }
}

/** Identifies a diagnostic across programs that share a file. */
function diagnosticKey(diagnostic: Diagnostic): string {
  return `${diagnostic.file}\0${diagnostic.span.start}\0${diagnostic.span.end}\0${diagnostic.code}\0${diagnostic.message}`;
}
