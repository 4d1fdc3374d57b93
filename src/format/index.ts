// Formatting .org text with the prettier plugin. `formatText` is what the CLI
// (`orgspec fmt`) and the language server call.
import * as prettier from "prettier";
import { tokenizeOrg } from "../../grammar/lexer.js";
import { canonicalString } from "./print.js";
import plugin from "./plugin.js";

export { default as plugin, languages, parsers, printers, options } from "./plugin.js";
export { OrgSyntaxError } from "./tree.js";

export interface FormatOptions {
  /** Used in error messages (`file:line:column`). */
  filepath?: string;
  /** Default 80. */
  printWidth?: number;
}

/**
 * Formats the text of one .org file. Throws (naming `file:line:column`) when
 * the file has a syntax error, leaving it to the caller to keep the text as is.
 */
export async function formatText(text: string, options: FormatOptions = {}): Promise<string> {
  const formatted = await prettier.format(text, {
    parser: "orgspec",
    plugins: [plugin],
    ...(options.filepath !== undefined ? { filepath: options.filepath } : {}),
    ...(options.printWidth !== undefined ? { printWidth: options.printWidth } : {}),
  });
  assertSameTokens(text, formatted, options.filepath ?? "<input>");
  return formatted;
}

/**
 * The tokens and comments of a text, in order, as the formatter may print
 * them: strings in their canonical spelling, comments without trailing
 * whitespace (and, for block comments, with whitespace runs collapsed since
 * `/** ... *\/` comments are re-indented).
 */
export function canonicalTokens(text: string): string[] {
  const lexed = tokenizeOrg(text);
  const all = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])].sort((x, y) => x.startOffset - y.startOffset);
  return all.map((token) => {
    switch (token.tokenType.name) {
      case "StringLiteral":
        return canonicalString(token.image);
      case "LineComment":
        return token.image.trimEnd();
      case "BlockComment":
        return token.image.replace(/\s+/g, " ");
      default:
        return token.image;
    }
  });
}

/** A safety net: the formatter only ever changes whitespace and the documented canonical spellings. */
function assertSameTokens(before: string, after: string, file: string): void {
  const a = canonicalTokens(before);
  const b = canonicalTokens(after);
  const at = a.findIndex((token, i) => token !== b[i]);
  if (a.length !== b.length || at >= 0) {
    const where = at >= 0 ? at : Math.min(a.length, b.length);
    throw new Error(
      `${file}: the orgspec formatter would change the file's tokens (token ${where + 1}: \`${a[where] ?? "end of file"}\` became \`${b[where] ?? "end of file"}\`); please report this. The file was not formatted.`,
    );
  }
}
