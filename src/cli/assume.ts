// `orgspec check FILE --assume 'on 2026-07-01 admit han_mi by mill3'`: the
// clerk's question before a meeting. The entry is checked as it is and with
// the assumed statements added (the same parser reads them), and the answer
// is which findings would go away and which would appear, each finding on
// the assumed text marked so. Exit status: that of the check with the
// assumptions (1 if errors would remain).
import { ASSUMED_MARK, whatIf, type WhatIfResult } from "../check/what-if.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import { jsonFinding } from "../reporters/json.js";
import { clipMiddle, displayPath, printable, SourceLookup, summaryLine } from "../reporters/locate.js";
import { TOOL_VERSION } from "../reporters/version.js";
import { checkOptions, readInput, UsageError, type CheckSeams, type InputFlags } from "./input.js";
import type { CliIo } from "./io.js";

/** Where each assumption starts in the entry's text as checked with them. */
function assumptionStarts(result: WhatIfResult, assumptions: readonly string[]): number[] {
  const entry = result.before.model.files.find((file) => file.path === result.before.model.entry);
  let offset = (entry?.text.length ?? 0) + ASSUMED_MARK.length;
  return assumptions.map((assumption) => {
    const start = offset;
    offset += assumption.length + 1;
    return start;
  });
}

/** The number (1-based) of the assumption a finding is on, or 0 when it is in the records. */
function assumptionOf(diagnostic: Diagnostic & { assumed?: boolean }, starts: readonly number[]): number {
  if (!diagnostic.assumed) return 0;
  let index = 0;
  while (index + 1 < starts.length && diagnostic.span.start >= starts[index + 1]!) index++;
  return index + 1;
}

export function runAssume(paths: readonly string[], assumptions: readonly string[], flags: InputFlags & { format: string }, io: CliIo, seams: CheckSeams, maxWarnings: number): number {
  if (flags.format !== "text" && flags.format !== "json") throw new UsageError(`--assume writes text or json, not ${flags.format}`);
  const input = readInput(paths, flags, io);
  const entry = input.named.length === 1 && input.named[0]!.kind === "file" ? input.absolute[0]! : null;
  if (entry === null) throw new UsageError("--assume checks one entry file: name it (orgspec check main.org --assume '...')");
  const { host } = input;
  const read = host.readFile(entry);
  if ("error" in read) throw new UsageError(printable(`cannot read ${paths[0]}: ${read.error}`));
  const result = whatIf(entry, assumptions, checkOptions(input, seams, host));
  const starts = assumptionStarts(result, assumptions);
  // An assumption that does not parse is the command line's mistake, said as such.
  const unreadable = result.appeared.filter((diagnostic) => diagnostic.assumed && diagnostic.code === LANGUAGE_CODES.syntax.code);
  if (unreadable.length > 0) {
    const first = unreadable[0]!;
    const number = assumptionOf(first, starts);
    throw new UsageError(printable(`--assume ${JSON.stringify(assumptions[number - 1] ?? "")} does not parse: ${first.message}`));
  }
  const before = new SourceLookup([result.before]);
  const after = new SourceLookup([result.after]);
  const where = (diagnostic: Diagnostic & { assumed?: boolean }, lookup: SourceLookup) => {
    const at = lookup.range(diagnostic.file, diagnostic.span).start;
    const number = assumptionOf(diagnostic, starts);
    if (number > 0) return `assumed statement ${number}:${at.column}`;
    return `${printable(displayPath(diagnostic.file, io.cwd))}:${at.line}:${at.column}`;
  };
  if (flags.format === "json") {
    const report = {
      version: 1,
      tool: { name: "orgspec", version: TOOL_VERSION },
      assumed: assumptions,
      gone: result.gone.map((diagnostic) => jsonFinding(diagnostic, before, io.cwd)),
      appeared: result.appeared.map((diagnostic) => ({ ...jsonFinding(diagnostic, after, io.cwd), assumed: diagnostic.assumed, assumption: assumptionOf(diagnostic, starts) || null })),
    };
    io.stdout(JSON.stringify(report, null, 2) + "\n");
  } else {
    const line = (diagnostic: Diagnostic & { assumed?: boolean }, lookup: SourceLookup) =>
      `  ${where(diagnostic, lookup)} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.name}${diagnostic.assumed ? " (assumed)" : ""}\n    ${printable(clipMiddle(diagnostic.message))}\n`;
    let text = "assumed, not in the records:\n" + assumptions.map((assumption, index) => `  ${index + 1}. ${printable(assumption)}\n`).join("");
    text += `\nwould go away (${result.gone.length}):\n${result.gone.map((diagnostic) => line(diagnostic, before)).join("")}`;
    text += `\nwould appear (${result.appeared.length}):\n${result.appeared.map((diagnostic) => line(diagnostic, after)).join("")}`;
    const files = result.after.model.files.length;
    text += `\nwith the assumptions: ${summaryLine(result.after.diagnostics, files, result.after.waived.length)}\n`;
    io.stdout(text);
  }
  const errors = result.after.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = result.after.diagnostics.filter((diagnostic) => diagnostic.severity === "warning").length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
