// What the editor shows of a program's suppressed findings: a waived one and
// one the baseline accepts are published as hints saying what suppresses them
// (never hidden, so the records' known faults stay visible while editing).
// The baseline is the one `orgspec check` would apply from this folder: the
// configuration's `baseline` key, else the nearest `orgspec-baseline.json`
// above the entry.
import { applyBaseline, BASELINE_FILE_NAME, findFileAbove, parseBaseline, type Baseline, type Diagnostic, type FileHost, type ProgramResult } from "./api.js";
import type { Log } from "./guard.js";
import type { Suppression } from "./handlers/diagnostics.js";
import { dirname } from "../src/util/paths.js";

export interface LoadedBaseline {
  readonly file: string;
  readonly baseline: Baseline;
}

/** A finding to publish, and what suppresses it when it is shown as a hint. */
export interface ShownFinding {
  readonly diagnostic: Diagnostic;
  readonly suppression?: Suppression;
}

/** Baseline files read through the workspace's host, each once until a file changes on disk. */
export class BaselineFiles {
  private readonly read = new Map<string, LoadedBaseline | null>();

  constructor(
    private readonly host: FileHost,
    private readonly log?: Log,
  ) {}

  /** Forgets what was read (a file changed on disk). */
  clear(): void {
    this.read.clear();
  }

  /** The baseline of a program: `configured` (the configuration's key) when given, else the nearest file above the entry. */
  forEntry(entry: string, configured: string | null): LoadedBaseline | null {
    const file = configured ?? findFileAbove(dirname(entry), BASELINE_FILE_NAME, this.host);
    return file === null ? null : this.load(file);
  }

  private load(file: string): LoadedBaseline | null {
    if (this.read.has(file)) return this.read.get(file) ?? null;
    const text = this.host.readFile(file);
    let loaded: LoadedBaseline | null = null;
    if ("text" in text) {
      try {
        loaded = { file, baseline: parseBaseline(text.text) };
      } catch (error) {
        this.log?.(`orgspec: ignoring the baseline ${file}: ${(error as Error).message}`);
      }
    }
    this.read.set(file, loaded);
    return loaded;
  }
}

/** A program's findings as the editor shows them: the new ones, then the baselined and waived ones as hints. */
export function shownFindings(result: ProgramResult, baseline: LoadedBaseline | null): ShownFinding[] {
  const waived = result.waived.map((diagnostic): ShownFinding => ({ diagnostic, suppression: { by: "waiver" } }));
  if (baseline === null) return [...result.diagnostics.map((diagnostic) => ({ diagnostic })), ...waived];
  const applied = applyBaseline(result.diagnostics, baseline.baseline);
  return [
    ...applied.fresh.map((diagnostic) => ({ diagnostic })),
    ...applied.baselined.map(({ diagnostic, entry }): ShownFinding => ({ diagnostic, suppression: { by: "baseline", file: baseline.file, reason: entry.reason } })),
    ...waived,
  ];
}

/** Identifies a diagnostic across programs that share its file. */
export function diagnosticKey(diagnostic: Diagnostic): string {
  return `${diagnostic.file}\0${diagnostic.span.start}\0${diagnostic.span.end}\0${diagnostic.code}\0${diagnostic.message}`;
}

/**
 * What each file of the programs shows, by path: every file of every
 * program (an empty list clears it), each finding once however many
 * programs share its file.
 */
export function findingsByFile(results: ReadonlyMap<string, ProgramResult>, baselineFor: (entry: string) => LoadedBaseline | null): Map<string, ShownFinding[]> {
  const byFile = new Map<string, ShownFinding[]>();
  const seen = new Set<string>();
  for (const [entry, result] of results) {
    for (const file of result.model.files) if (!byFile.has(file.path)) byFile.set(file.path, []);
    for (const finding of shownFindings(result, baselineFor(entry))) {
      const key = diagnosticKey(finding.diagnostic);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byFile.get(finding.diagnostic.file);
      if (list) list.push(finding);
      else byFile.set(finding.diagnostic.file, [finding]);
    }
  }
  return byFile;
}
