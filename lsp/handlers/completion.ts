// Completion that knows where it is: the keywords the grammar allows at the
// cursor, after `under` the units the hierarchy rule (ORG115) accepts, people
// (the unit's roster first) after `secretary`, `deputy`, `members`, `present`
// and `recommended by`, residences, value words, and `.org` files after
// `import`. Where the cursor is comes from context.ts.
import { dirname, join, relative, sep } from "../../src/util/paths.js";
import { CompletionItemKind, type CompletionItem, type CompletionList, type CompletionParams, type Range } from "vscode-languageserver";
import { COMMITTEE_LEVELS, mayBeUnder, type FileHost, type Model, type Person, type SourceFile, type Unit } from "../api.js";
import { completionContext, type Site, type UnitFilter, type UnitHeader } from "../context.js";
import { unitKindWord } from "../describe.js";
import { toOffset, toRange, uriToPath } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { fileTokens } from "./semantic-tokens.js";

/**
 * Completion reads the cursor's context from the document's current text and
 * names from the program as last resolved: while typing it does not wait for
 * the check of the last keystroke (a name declared by it appears once that
 * check has resolved).
 */
export function completion(workspace: Workspace, params: CompletionParams): CompletionList {
  const path = uriToPath(params.textDocument.uri);
  const program = workspace.lastProgramFor(path) ?? workspace.programFor(path);
  const file = workspace.sourceFile(path);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (!file) return empty;
  const current = workspace.documentTokens(path);
  const text = current?.document.getText() ?? file.text;
  const offset = current ? current.document.offsetAt(params.position) : toOffset(file, params.position);
  const context = completionContext(text, current?.tokens ?? fileTokens(file), offset);
  const toCurrentRange = (span: { start: number; end: number }): Range =>
    current ? { start: current.document.positionAt(span.start), end: current.document.positionAt(span.end) } : toRange(file, span);
  const range = toCurrentRange(context.replace);
  const several = context.sites.length > 1;
  const items = context.sites.flatMap((site, index) =>
    siteItems(site, program?.model ?? null, file, range, toCurrentRange, workspace.cache.host).map((entry) => (several ? { ...entry, sortText: `${index}${entry.sortText ?? ""}` } : entry)),
  );
  return { isIncomplete: false, items };
}

function item(label: string, kind: CompletionItemKind, range: Range, sortText: string, detail?: string): CompletionItem {
  const result: CompletionItem = { label, kind, sortText: `${sortText}${label}`, textEdit: { range, newText: label } };
  if (detail) result.detail = detail;
  return result;
}

function siteItems(
  site: Site,
  model: Model | null,
  file: SourceFile,
  range: Range,
  toCurrentRange: (span: { start: number; end: number }) => Range,
  host: FileHost,
): CompletionItem[] {
  switch (site.type) {
    case "keywords":
      return site.words.map((word, index) => {
        const end = site.ends?.[word];
        const replaced = end === undefined ? range : { start: range.start, end: toCurrentRange({ start: end, end }).end };
        return item(word, CompletionItemKind.Keyword, replaced, String(index).padStart(2, "0"));
      });
    case "values":
      return site.words.map((word, index) => item(word, CompletionItemKind.EnumMember, range, String(index).padStart(2, "0")));
    case "units":
      return model ? unitItems(model, site.filter, range) : [];
    case "people":
      return model ? peopleItems(model, site.rosterOf, range) : [];
    case "residences":
      return model ? residenceItems(model, site.coveredBy, range) : [];
    case "import":
      return importItems(host, file, site.string ? toCurrentRange(site.string) : range, site.string !== null);
  }
}

/**
 * Whether the hierarchy rule (ORG115) accepts `parent` as the `under` of the
 * unit being written: its own judgement (`mayBeUnder`; one it cannot make
 * passes, as in the rule), and no cycle — the unit itself or a unit under it.
 */
export function allowedParent(child: UnitHeader, parent: Unit): boolean {
  if (child.kind === null) return true;
  for (let at: Unit | null = parent, steps = 0; at && steps < 64; at = at.parent, steps++) if (at.id === child.id) return false;
  // A level that is no level word is ORG001, and the rule sees no level.
  const level = COMMITTEE_LEVELS.find((word) => word === child.level) ?? null;
  return mayBeUnder({ unitKind: child.kind, level }, parent) !== false;
}

function unitMatches(filter: UnitFilter, unit: Unit): boolean {
  if ("parentOf" in filter) return allowedParent(filter.parentOf, unit);
  if ("kinds" in filter) return filter.kinds.includes(unit.unitKind);
  return unit.unitKind === "committee";
}

function unitItems(model: Model, filter: UnitFilter, range: Range): CompletionItem[] {
  return model.units
    .filter((unit) => unitMatches(filter, unit))
    .map((unit) => {
      const result = item(unit.id, unit.unitKind === "committee" ? CompletionItemKind.Module : CompletionItemKind.Class, range, "1", unitKindWord(unit));
      if (unit.title) result.labelDetails = { description: unit.title };
      return result;
    });
}

function peopleItems(model: Model, rosterOf: string | null, range: Range): CompletionItem[] {
  const unit = rosterOf ? model.symbols.get(rosterOf) : undefined;
  const rank = (person: Person): string => {
    if (!unit || unit.kind !== "unit") return "1";
    if (person.memberships.some((membership) => membership.unit === unit)) return "0";
    const below = (candidate: Unit | null): boolean => {
      for (let at = candidate, steps = 0; at && steps < 64; at = at.parent, steps++) if (at === unit) return true;
      return false;
    };
    return person.memberships.some((membership) => below(membership.unit)) ? "1" : "2";
  };
  return model.people.map((person) => {
    const membership = person.memberships[0];
    const detail = membership ? `${membership.status} of ${membership.unit.id}` : "in no roster";
    const result = item(person.id, CompletionItemKind.Variable, range, rank(person), detail);
    if (person.name) result.labelDetails = { description: person.name };
    return result;
  });
}

function residenceItems(model: Model, coveredBy: string | null, range: Range): CompletionItem[] {
  const unit = coveredBy ? model.symbols.get(coveredBy) : undefined;
  const covered = unit?.kind === "unit" ? (unit.covers?.residences ?? []) : [];
  return model.residences.map((residence) => {
    const result = item(residence.id, CompletionItemKind.Struct, range, covered.includes(residence) ? "0" : "1", "residence");
    if (residence.title) result.labelDetails = { description: residence.title };
    return result;
  });
}

const MAX_IMPORT_DEPTH = 2;

/** The `.org` files near this one (its folder and two levels below), as import strings. */
function importItems(host: FileHost, file: SourceFile, range: Range, replacesString: boolean): CompletionItem[] {
  const directory = dirname(file.path);
  const imported = new Set(file.ast.statements.flatMap((statement) => (statement.type === "import" ? [join(directory, statement.path.value)] : [])));
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    const listing = host.readDirectory?.(dir);
    if (!listing || "error" in listing) return;
    for (const entry of listing.entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.kind === "directory" && depth < MAX_IMPORT_DEPTH) walk(path, depth + 1);
      else if (entry.kind === "file" && entry.name.endsWith(".org") && path !== file.path && !imported.has(path)) found.push(path);
    }
  };
  walk(directory, 0);
  return found.sort().map((path, index) => {
    const name = relative(directory, path).split(sep).join("/");
    const result = item(name, CompletionItemKind.File, range, String(index).padStart(4, "0"), "import");
    result.textEdit = { range, newText: `"${name}"` };
    result.filterText = replacesString ? `"${name}"` : name;
    return result;
  });
}
