// What the handlers read from a message's params, checked before they see
// them: a client may send anything (`text: 42`, no `textDocument`, a negative
// line). Only what a handler reads is checked; anything else may be missing
// or malformed. The checks are the protocol library's own (`Position.is`,
// `TextDocumentItem.is`…), made safe for hostile values and strict about
// integers.
import {
  Diagnostic,
  ErrorCodes,
  Position,
  Range,
  ResponseError,
  TextDocumentIdentifier,
  TextDocumentItem,
  VersionedTextDocumentIdentifier,
} from "vscode-languageserver";

/** What is wrong with a message's params, or null when the check passes. */
export type Check = (params: Readonly<Record<string, unknown>>) => string | null;

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A library check that may throw on a hostile value (it reads fields of `null` in arrays): false then. */
function safely(is: (value: unknown) => boolean, value: unknown): boolean {
  try {
    return is(value);
  } catch {
    return false;
  }
}

function isPosition(value: unknown): boolean {
  return isObject(value) && Position.is(value) && Number.isInteger(value["line"]) && Number.isInteger(value["character"]);
}

function isRange(value: unknown): boolean {
  return isObject(value) && Range.is(value) && isPosition(value["start"]) && isPosition(value["end"]);
}

/** A whole new text, or the text of a range (TextDocumentContentChangeEvent). */
function isChange(value: unknown): boolean {
  if (!isObject(value) || typeof value["text"] !== "string") return false;
  return value["range"] === undefined || isRange(value["range"]);
}

const check =
  (test: (params: Readonly<Record<string, unknown>>) => boolean, problem: string): Check =>
  (params) =>
    test(params) ? null : problem;

export const textDocument = check((p) => isObject(p["textDocument"]) && TextDocumentIdentifier.is(p["textDocument"]), "textDocument.uri must be a string");
export const openedDocument = check(
  (p) => isObject(p["textDocument"]) && TextDocumentItem.is(p["textDocument"]) && Number.isInteger(p["textDocument"]["version"]),
  "textDocument must have a string uri, languageId and text and an integer version",
);
export const versionedDocument = check(
  (p) => isObject(p["textDocument"]) && VersionedTextDocumentIdentifier.is(p["textDocument"]) && Number.isInteger(p["textDocument"]["version"]),
  "textDocument must have a string uri and an integer version",
);
export const contentChanges = check(
  (p) => Array.isArray(p["contentChanges"]) && p["contentChanges"].every(isChange),
  "contentChanges must be changes with a string text and, if any, a range of non-negative integer positions",
);
export const position = check((p) => isPosition(p["position"]), "position must have non-negative integer line and character");
export const range = check((p) => isRange(p["range"]), "range must have start and end positions of non-negative integers");
export const referenceContext = check((p) => isObject(p["context"]) && typeof p["context"]["includeDeclaration"] === "boolean", "context.includeDeclaration must be a boolean");
export const newName = check((p) => typeof p["newName"] === "string", "newName must be a string");
export const previousResultId = check((p) => typeof p["previousResultId"] === "string", "previousResultId must be a string");
/** `previousResultId` of a document diagnostic request, if any. */
export const optionalResultId = check((p) => p["previousResultId"] === undefined || typeof p["previousResultId"] === "string", "previousResultId must be a string");
/** `previousResultIds` of a workspace diagnostic request. */
export const previousResultIds = check(
  (p) => Array.isArray(p["previousResultIds"]) && p["previousResultIds"].every((id) => isObject(id) && typeof id["uri"] === "string" && typeof id["value"] === "string"),
  "previousResultIds must be a list of { uri, value } strings",
);
export const query = check((p) => typeof p["query"] === "string", "query must be a string");
export const codeActionContext = check((p) => {
  const context = p["context"];
  if (!isObject(context)) return false;
  const { diagnostics, only } = context;
  const validDiagnostics = Array.isArray(diagnostics) && diagnostics.every((diagnostic) => isObject(diagnostic) && safely(Diagnostic.is, diagnostic) && isRange(diagnostic["range"]));
  return validDiagnostics && (only === undefined || (Array.isArray(only) && only.every((kind) => typeof kind === "string")));
}, "context must have diagnostics (and `only`, if any, must list strings)");
export const fileChanges = check(
  (p) => Array.isArray(p["changes"]) && p["changes"].every((change) => isObject(change) && typeof change["uri"] === "string"),
  "changes must be file events with a string uri",
);

/** The first problem the checks find in `params`, or null. */
export function problemWith(params: unknown, checks: readonly Check[]): string | null {
  if (!isObject(params)) return "params must be an object";
  for (const test of checks) {
    const problem = test(params);
    if (problem) return problem;
  }
  return null;
}

/** `params` as the handler's type once the checks pass; otherwise an InvalidParams error for the client. */
export function checked<P>(method: string, params: unknown, checks: readonly Check[]): P {
  const problem = problemWith(params, checks);
  if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `orgspec: ${method}: ${problem}`);
  return params as P;
}
