// A baseline (ratchet): the findings a project already had when it adopted
// the checker, by fingerprint, so that CI fails only on new ones. A finding
// is known by its code and subject (`unit:mill3/month:2026-04`), never its
// line or a count per file: fixing one finding and adding another of the
// same code in the same file leaves one baselined finding gone (reported, to
// prune) and one new finding (reported). The file is sorted, one entry a
// line, so merges are clean. Pure: the command line reads and writes it.
import type { Diagnostic } from "../diagnostics/types.js";

export const BASELINE_VERSION = 1;
export const BASELINE_FILE_NAME = "orgspec-baseline.json";

export interface BaselineEntry {
  /** The finding's fingerprint. */
  readonly id: string;
  readonly code: string;
  /** The file it anchors in, relative to the baseline's folder, `/`-separated. */
  readonly file: string;
  readonly subject: string;
  /** Why it is accepted for now; empty until someone says. */
  readonly reason: string;
}

export interface Baseline {
  readonly version: number;
  readonly findings: readonly BaselineEntry[];
}

export class BaselineError extends Error {}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return ["id", "code", "file", "subject", "reason"].every((key) => typeof entry[key] === "string");
}

/** Reads a baseline's text; throws a BaselineError saying what is wrong. */
export function parseBaseline(text: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not valid JSON: ${(error as Error).message}`);
  }
  const root = json as { version?: unknown; findings?: unknown };
  if (typeof json !== "object" || json === null || root.version !== BASELINE_VERSION || !Array.isArray(root.findings)) {
    throw new BaselineError(`not an orgspec baseline (version ${BASELINE_VERSION} with a "findings" list)`);
  }
  const bad = root.findings.findIndex((entry) => !isEntry(entry));
  if (bad >= 0) throw new BaselineError(`finding ${bad + 1} needs string fields id, code, file, subject and reason`);
  return { version: BASELINE_VERSION, findings: root.findings as BaselineEntry[] };
}

/** A baseline's text: sorted by file, code and subject, one finding a line. */
export function serializeBaseline(baseline: Baseline): string {
  const sorted = [...baseline.findings].sort(
    (a, b) => compare(a.file, b.file) || compare(a.code, b.code) || compare(a.subject, b.subject) || compare(a.id, b.id),
  );
  const lines = sorted.map((entry) => `    ${JSON.stringify({ id: entry.id, code: entry.code, file: entry.file, subject: entry.subject, reason: entry.reason })}`);
  return `{\n  "version": ${BASELINE_VERSION},\n  "findings": [\n${lines.join(",\n")}${lines.length > 0 ? "\n" : ""}  ]\n}\n`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The baseline of today's findings: every diagnostic with a fingerprint, with
 * the reasons an earlier baseline gave kept. `relativePath` maps a file to the
 * path the baseline records.
 */
export function baselineOf(diagnostics: readonly Diagnostic[], relativePath: (file: string) => string, previous?: Baseline): Baseline {
  const reasons = new Map((previous?.findings ?? []).map((entry) => [entry.id, entry.reason]));
  const findings = diagnostics.flatMap((diagnostic): BaselineEntry[] =>
    diagnostic.fingerprint
      ? [{ id: diagnostic.fingerprint, code: diagnostic.code, file: relativePath(diagnostic.file), subject: subjectLine(diagnostic), reason: reasons.get(diagnostic.fingerprint) ?? "" }]
      : [],
  );
  return { version: BASELINE_VERSION, findings };
}

/** What an entry says it is about: the rule's subject, or for a language diagnostic (which has none) its message, so a reader knows it. */
function subjectLine(diagnostic: Diagnostic): string {
  if (diagnostic.subject) return diagnostic.subject;
  const message = diagnostic.message.replace(/\s+/g, " ").trim();
  return `message:${message.length > 200 ? `${message.slice(0, 199)}…` : message}`;
}

export interface BaselineResult {
  /** The findings the baseline does not hold: what CI fails on. */
  readonly fresh: Diagnostic[];
  /** The findings it holds, suppressed (with the entry that holds each). */
  readonly baselined: { readonly diagnostic: Diagnostic; readonly entry: BaselineEntry }[];
  /** Entries whose finding no longer occurs: `orgspec baseline prune` removes them. */
  readonly gone: BaselineEntry[];
}

/** Splits diagnostics into new and baselined, and finds the entries that no longer occur. */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline): BaselineResult {
  const byId = new Map(baseline.findings.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  const fresh: Diagnostic[] = [];
  const baselined: { diagnostic: Diagnostic; entry: BaselineEntry }[] = [];
  for (const diagnostic of diagnostics) {
    const entry = diagnostic.fingerprint ? byId.get(diagnostic.fingerprint) : undefined;
    if (entry) {
      seen.add(entry.id);
      baselined.push({ diagnostic, entry });
    } else fresh.push(diagnostic);
  }
  return { fresh, baselined, gone: baseline.findings.filter((entry) => !seen.has(entry.id)) };
}

/** The baseline without the entries that no longer occur. */
export function pruneBaseline(baseline: Baseline, gone: readonly BaselineEntry[]): Baseline {
  const drop = new Set(gone.map((entry) => entry.id));
  return { version: BASELINE_VERSION, findings: baseline.findings.filter((entry) => !drop.has(entry.id)) };
}
