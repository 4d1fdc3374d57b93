// Go to definition, find references and rename, across the files of every
// open program.
import {
  LSPErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import { isKeyword, type Reference } from "../api.js";
import { fileTokens } from "./semantic-tokens.js";
import { toOffset, toRange, uriToPath } from "../positions.js";
import { declarationsOf, isDeclaration, referenceAt, referencesTo, sameSymbol, type SymbolLocation } from "../query.js";
import type { Workspace } from "../workspace.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function at(workspace: Workspace, uri: string, position: { line: number; character: number }): Reference | undefined {
  const path = uriToPath(uri);
  const program = workspace.programFor(path);
  const file = workspace.sourceFile(path);
  if (!program || !file) return undefined;
  return referenceAt(program.model, path, toOffset(file, position));
}

function toLocation(workspace: Workspace, location: SymbolLocation): Location | null {
  const file = workspace.sourceFile(location.file);
  return file ? { uri: workspace.uriOf(location.file), range: toRange(file, location.span) } : null;
}

export function definition(workspace: Workspace, params: DefinitionParams): Location[] | null {
  const reference = at(workspace, params.textDocument.uri, params.position);
  if (!reference) return null;
  return declarationsOf(reference.symbol).flatMap((location) => toLocation(workspace, location) ?? []);
}

export function references(workspace: Workspace, params: ReferenceParams): Location[] | null {
  const reference = at(workspace, params.textDocument.uri, params.position);
  if (!reference) return null;
  return referencesTo(reference.symbol, workspace.programs())
    .filter((use) => params.context.includeDeclaration || !isDeclaration(use))
    .flatMap((use) => toLocation(workspace, use) ?? []);
}

export function prepareRename(workspace: Workspace, params: PrepareRenameParams): { range: Range; placeholder: string } {
  const path = uriToPath(params.textDocument.uri);
  const file = workspace.sourceFile(path);
  const reference = at(workspace, params.textDocument.uri, params.position);
  if (reference && file) return { range: toRange(file, reference.span), placeholder: reference.name };
  if (file) {
    const offset = toOffset(file, params.position);
    const token = fileTokens(file).find((candidate) => candidate.start <= offset && offset <= candidate.end && candidate.kind !== "comment");
    if (token?.kind === "keyword") throw new ResponseError(LSPErrorCodes.RequestFailed, `\`${token.text}\` is a keyword, not a name`);
    if (token?.kind === "identifier") throw new ResponseError(LSPErrorCodes.RequestFailed, `\`${token.text}\` is not a declared unit, person or residence`);
  }
  throw new ResponseError(LSPErrorCodes.RequestFailed, "only the name of a unit, person or residence can be renamed");
}

export function rename(workspace: Workspace, params: RenameParams): WorkspaceEdit {
  const reference = at(workspace, params.textDocument.uri, params.position);
  if (!reference) throw new ResponseError(LSPErrorCodes.RequestFailed, "only the name of a unit, person or residence can be renamed");
  const newName = params.newName.trim();
  if (!NAME.test(newName)) throw new ResponseError(LSPErrorCodes.RequestFailed, `\`${newName}\` is not a name: letters, digits and _ , not starting with a digit`);
  if (isKeyword(newName)) throw new ResponseError(LSPErrorCodes.RequestFailed, `\`${newName}\` is a keyword; choose another name`);
  const programs = workspace.programs();
  for (const program of programs) {
    const existing = program.model.symbols.get(newName);
    const local = program.model.symbols.get(reference.symbol.id);
    if (existing && local && sameSymbol(local, reference.symbol) && !sameSymbol(existing, reference.symbol)) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `\`${newName}\` is already declared in this program`);
    }
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const use of referencesTo(reference.symbol, programs)) {
    const file = workspace.sourceFile(use.file);
    if (!file) continue;
    (changes[workspace.uriOf(use.file)] ??= []).push({ range: toRange(file, use.span), newText: newName });
  }
  return { changes };
}
