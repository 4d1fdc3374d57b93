// What-if: the clerk's question before a meeting. The entry file is checked as
// it is and again with hypothetical statements appended (read by the same
// parser, through a host that adds them to the entry's text in memory), and
// the two results are compared by fingerprint: which findings would go away
// and which would appear. A finding on the assumed lines is marked `assumed`.
import { resolve } from "../util/paths.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { diskHost } from "../program/disk-host.js";
import type { FileHost } from "../program/load.js";
import { checkProgram, resolveRulebook, type CheckOptions, type ProgramResult } from "./check.js";

/** What separates the records from the assumptions in the entry's text, so a reader of the offsets can tell them apart. */
export const ASSUMED_MARK = "\n// orgspec: assumed statements (what-if) below\n";

export interface WhatIfResult {
  readonly before: ProgramResult;
  readonly after: ProgramResult;
  /** Findings of the records that the assumptions would make go away. */
  readonly gone: Diagnostic[];
  /** Findings that would appear, those on the assumed lines marked `assumed`. */
  readonly appeared: (Diagnostic & { readonly assumed: boolean })[];
}

/** Checks `entry` as it is and with `assumptions` (statements, one each) added to it. */
export function whatIf(entry: string, assumptions: readonly string[], options: CheckOptions = {}): WhatIfResult {
  const path = resolve(entry);
  const host = options.host ?? diskHost;
  const rulebook = resolveRulebook(options, [path]);
  const before = checkProgram(path, { ...options, host, rulebook, cache: undefined });
  let assumedFrom = Infinity;
  const assuming: FileHost = {
    ...host,
    readFile(file) {
      const read = host.readFile(file);
      if (file !== path || "error" in read) return read;
      assumedFrom = read.text.length + ASSUMED_MARK.length;
      return { ...read, text: `${read.text}${ASSUMED_MARK}${assumptions.join("\n")}\n` };
    },
  };
  const after = checkProgram(path, { ...options, host: assuming, rulebook, cache: undefined });
  const ids = (result: ProgramResult) => new Set(result.diagnostics.map((diagnostic) => diagnostic.fingerprint));
  const beforeIds = ids(before);
  const afterIds = ids(after);
  return {
    before,
    after,
    gone: before.diagnostics.filter((diagnostic) => !afterIds.has(diagnostic.fingerprint)),
    appeared: after.diagnostics
      .filter((diagnostic) => !beforeIds.has(diagnostic.fingerprint))
      .map((diagnostic) => ({ ...diagnostic, assumed: diagnostic.file === path && diagnostic.span.start >= assumedFrom })),
  };
}
