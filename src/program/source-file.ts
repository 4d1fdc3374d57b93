// One loaded file: what the program stage hands on to the resolver. It lives
// here, with the stage that produces it, so the program stage needs nothing
// from the model it feeds.
import type { FileAst } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { LineIndex } from "../util/text.js";

export interface SourceFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly ast: FileAst;
  /** ORG001/ORG004 of this file alone. */
  readonly syntaxDiagnostics: readonly Diagnostic[];
}
