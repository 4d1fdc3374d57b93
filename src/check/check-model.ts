// The check of one program, whatever its files are read from: load it
// through a cache (and the cache's host), resolve it, run the rules, apply
// waivers. No disk and no configuration lookup here: that is check.ts, for
// Node; the language server (in Node or in a browser's worker) calls this.
import type { Day, FileAst } from "../ast/types.js";
import { compareDiagnostics, type Diagnostic, type Location } from "../diagnostics/types.js";
import { resolveProgram } from "../model/resolve.js";
import type { Model } from "../model/types.js";
import type { SourceFile } from "../program/source-file.js";
import type { EntryDiscovery } from "../program/entries.js";
import { loadProgram, type FileCache, type FileHost } from "../program/load.js";
import type { AnyRule } from "../rules/rule.js";
import { withFingerprints } from "./fingerprint.js";
import { runRules, type RuleRun, type Rulebook } from "./run-rules.js";
import { applyWaivers } from "./waivers.js";

export interface CheckOptions {
  /**
   * Where rule severities and options come from, as for `orgspec check`:
   * `"auto"` (the default) finds `orgspec.config.json` walking up from the
   * first path (or entry), a path names a configuration file, `"none"` uses
   * the catalogue's defaults, and a rulebook is used as given. A file that
   * cannot be read or is invalid throws a `ConfigError`.
   */
  readonly config?: "auto" | "none" | string | Rulebook;
  /** Rule severities and options, as given (wins over `config`). */
  readonly rulebook?: Rulebook;
  /** Judge deadlines at this day instead of the period's end. */
  readonly asOf?: Day | null;
  /** Today, for waiver expiry (defaults to the real date). */
  readonly today?: Day;
  /** Parsed files shared between programs (the language server keeps one). */
  readonly cache?: FileCache;
  /** Where texts come from when no cache is given. */
  readonly host?: FileHost;
  /** The rules to run (all of them by default; tests pass others). */
  readonly rules?: readonly AnyRule[];
}

/** `checkPaths`'s options: a check's, and whether the programs' models are kept. */
export interface PathsOptions extends CheckOptions {
  /**
   * \`false\`: keep of each program only its diagnostics and the text and
   * line index of the files they name (\`leanResult\`: the models in the
   * result are empty but for those \`files\`, which have an empty AST), each
   * program's model let go as soon as its diagnostics are merged, and (on the
   * parallel path) each file let go once no later program needs it. The
   * diagnostics, \`files\` and \`waived\` are the same. Default \`true\`.
   */
  readonly keepModels?: boolean;
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

/** One entry's program checked with the rulebook given (none: the catalogue's defaults), its files read through `cache`. */
export function checkEntry(entry: string, cache: FileCache, options: Omit<CheckOptions, "cache" | "host" | "config"> = {}): ProgramResult {
  const model = resolveProgram(loadProgram(entry, cache));
  return checkModel(model, options);
}

/** The rules and waivers over a resolved model (the part of `checkProgram` after resolution). */
export function checkModel(model: Model, options: CheckOptions = {}): ProgramResult {
  return completeCheck(model, runRules(model, options.rulebook ?? new Map(), ruleAsOf(model, options), options.rules), options);
}

/** The day the rules judge deadlines at: `asOf`, else the period's end. */
export function ruleAsOf(model: Model, options: CheckOptions): Day | null {
  return options.asOf ?? model.period?.to ?? null;
}

/** The rest of `checkModel` once the rules have run (the language server runs them one at a time). */
export function completeCheck(model: Model, run: RuleRun, options: CheckOptions = {}): ProgramResult {
  // An error that kept rules from checking something says so in its notes.
  const language = model.diagnostics.map((diagnostic) => {
    const costs = run.costs.get(diagnostic);
    return costs ? { ...diagnostic, related: [...diagnostic.related, ...costs] } : diagnostic;
  });
  const { diagnostics, waived } = applyWaivers(model, [...language, ...run.diagnostics], options.today ?? todayDay());
  diagnostics.sort(compareDiagnostics);
  const located = withRanges(model);
  return { model, diagnostics: withFingerprints(model, diagnostics.map(located)), waived: withFingerprints(model, waived.map(located)) };
}

/** Adds line and column ranges to a diagnostic and its related locations, from the model's files. */
function withRanges(model: Model): (diagnostic: Diagnostic) => Diagnostic {
  const files = new Map(model.files.map((file) => [file.path, file.lines]));
  const range = (location: Location) => {
    const lines = files.get(location.file);
    return lines ? { range: { start: lines.position(location.span.start), end: lines.position(location.span.end) } } : {};
  };
  return (diagnostic) => ({ ...diagnostic, ...range(diagnostic), related: diagnostic.related.map((related) => ({ ...related, ...range(related) })) });
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

const EMPTY_AST: FileAst = { statements: [], comments: [] };

/** A program's result reduced to what reporters read: its diagnostics and the files they name. */
export function leanResult(result: ProgramResult): ProgramResult {
  const named = new Set<string>();
  for (const diagnostic of [...result.diagnostics, ...result.waived]) {
    named.add(diagnostic.file);
    for (const related of diagnostic.related) named.add(related.file);
  }
  const files: SourceFile[] = result.model.files
    .filter((file) => named.has(file.path))
    .map((file) => ({ path: file.path, text: file.text, lines: file.lines, ast: EMPTY_AST, syntaxDiagnostics: file.syntaxDiagnostics }));
  return { model: leanModel(result.model, files), diagnostics: result.diagnostics, waived: result.waived };
}

/** A model with nothing resolved: the entry, period and language diagnostics of \`model\`, and \`files\`. */
export function leanModel(model: Pick<Model, "entry" | "period" | "diagnostics">, files: SourceFile[]): Model {
  return { entry: model.entry, files, period: model.period, units: [], symbols: new Map(), people: [], residences: [], events: [], series: [], references: [], diagnostics: model.diagnostics };
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
