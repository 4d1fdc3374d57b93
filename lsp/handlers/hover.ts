// Hover: a unit's kind, title, parent, size and leaders; a person's status,
// unit and time in the party as of the period's end; a residence's cells; a
// rule's documentation on its code in a waiver comment.
import type { Hover, HoverParams } from "vscode-languageserver";
import { catalogueEntry, docsUrl, ruleHelpMarkdown, type SourceFile } from "../api.js";
import { personMarkdown, residenceMarkdown, unitMarkdown } from "../describe.js";
import { toOffset, toRange, uriToPath } from "../positions.js";
import { referenceAt } from "../query.js";
import type { Workspace } from "../workspace.js";

export function hover(workspace: Workspace, params: HoverParams): Hover | null {
  const path = uriToPath(params.textDocument.uri);
  const program = workspace.programFor(path);
  const file = workspace.sourceFile(path);
  if (!program || !file) return null;
  const offset = toOffset(file, params.position);
  const waiver = waiverCodeAt(file, offset);
  if (waiver) return waiver;
  const reference = referenceAt(program.model, path, offset);
  if (!reference) return null;
  const symbol = reference.symbol;
  const value =
    symbol.kind === "unit"
      ? unitMarkdown(symbol)
      : symbol.kind === "person"
        ? personMarkdown(symbol, program.model, workspace.today())
        : residenceMarkdown(symbol, program.model);
  return { contents: { kind: "markdown", value }, range: toRange(file, reference.span) };
}

/** The rule named by the word under the cursor in an `orgspec-waive` comment. */
function waiverCodeAt(file: SourceFile, offset: number): Hover | null {
  const comment = file.ast.comments.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
  if (!comment || !/orgspec-waive\b/.test(comment.text)) return null;
  const reasonAt = comment.text.indexOf("--", comment.text.indexOf("orgspec-waive"));
  const at = offset - comment.span.start;
  if (reasonAt >= 0 && at > reasonAt) return null;
  const word = /[A-Za-z0-9_-]+/g;
  for (let match = word.exec(comment.text); match; match = word.exec(comment.text)) {
    if (at < match.index || at > match.index + match[0].length) continue;
    const entry = catalogueEntry(match[0]);
    if (!entry || match[0] === "orgspec-waive") return null;
    const start = comment.span.start + match.index;
    const value = [
      `**${entry.code} ${entry.name}** (${entry.severity}, ${entry.category})`,
      "",
      entry.summary,
      "",
      ruleHelpMarkdown(entry),
      "",
      `[Documentation](${docsUrl(entry)})`,
    ].join("\n");
    return { contents: { kind: "markdown", value }, range: toRange(file, { start, end: start + match[0].length }) };
  }
  return null;
}
