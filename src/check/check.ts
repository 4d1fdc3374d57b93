// The checker's front door: load a program, resolve it, run the rules, apply
// waivers. `checkPaths` does it for every entry a command line names and
// reports a file reached from several entries once.
import { resolve } from "node:path";
import type { Day } from "../ast/types.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/types.js";
import { resolveProgram } from "../model/resolve.js";
import type { Model } from "../model/types.js";
import { findEntries, type EntryDiscovery } from "../program/entries.js";
import { FileCache, loadProgram, type FileHost } from "../program/load.js";
import { applyWaivers } from "./waivers.js";
import { runRules, type Rulebook } from "./run-rules.js";

export interface CheckOptions {
  /** Rule severities and options; the catalogue's defaults where absent. */
  readonly rulebook?: Rulebook;
  /** Judge deadlines at this day instead of the period's end. */
  readonly asOf?: Day | null;
  /** Today, for waiver expiry (defaults to the real date). */
  readonly today?: Day;
  /** Parsed files shared between programs (the language server keeps one). */
  readonly cache?: FileCache;
  /** Where texts come from when no cache is given. */
  readonly host?: FileHost;
}

export interface ProgramResult {
  readonly model: Model;
  /** Language and rule diagnostics left after waivers, sorted. */
  readonly diagnostics: Diagnostic[];
  /** The diagnostics waivers suppressed. */
  readonly waived: Diagnostic[];
}

export function todayDay(): Day {
  return Math.floor(Date.now() / 86_400_000);
}

export function checkProgram(entry: string, options: CheckOptions = {}): ProgramResult {
  const cache = options.cache ?? new FileCache(options.host);
  const loaded = loadProgram(resolve(entry), cache);
  const model = resolveProgram(loaded);
  const asOf = options.asOf ?? model.period?.to ?? null;
  const ruleDiagnostics = runRules(model, options.rulebook ?? new Map(), asOf);
  const { diagnostics, waived } = applyWaivers(model, [...model.diagnostics, ...ruleDiagnostics], options.today ?? todayDay());
  diagnostics.sort(compareDiagnostics);
  return { model, diagnostics, waived };
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
  const cache = options.cache ?? new FileCache(options.host);
  const discovery = findEntries(paths, cache);
  const programs = discovery.entries.map((entry) => checkProgram(entry, { ...options, cache }));
  const seen = new Set<string>();
  const seenWaived = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const files = new Set<string>();
  for (const program of programs) {
    for (const file of program.model.files) files.add(file.path);
    for (const diagnostic of program.waived) seenWaived.add(diagnosticKey(diagnostic));
    for (const diagnostic of program.diagnostics) {
      const key = diagnosticKey(diagnostic);
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(diagnostic);
    }
  }
  const waived = seenWaived.size;
  diagnostics.sort(compareDiagnostics);
  return { programs, diagnostics, files: [...files].sort(), waived, discovery };
}

/** Identifies a diagnostic across programs that share a file. */
function diagnosticKey(diagnostic: Diagnostic): string {
  return `${diagnostic.file}\0${diagnostic.span.start}\0${diagnostic.span.end}\0${diagnostic.code}\0${diagnostic.message}`;
}
