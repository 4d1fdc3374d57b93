// The prettier plugin for .org specs: `prettier --plugin=orgspec/prettier`.
//
// The parser reuses the project's parser (`parseText`) and refuses files with
// a syntax error (ORG001). The printer builds the whole Doc from the root: it
// walks the token stream of each AST node and prints every comment in place
// itself (see print.ts). Prettier still sees every comment: they are the
// root's dangling comments (`canAttachComment` accepts no node), the root
// says it prints its own comments, and prettier's own check that each comment
// was printed guards against a comment ever being dropped.
import type { AstPath, Doc, Parser, ParserOptions, Plugin, Printer, SupportLanguage, SupportOptions } from "prettier";
import { OrgDocPrinter, printCommentText } from "./print.js";
import { buildFormatTree, type CommentTok, type OrgFormatRoot } from "./tree.js";

/** Any node prettier may hand back to the plugin: the root or one of its comments. */
export type OrgFormatNode = OrgFormatRoot | CommentTok;

export const languages: SupportLanguage[] = [
  {
    name: "orgspec",
    parsers: ["orgspec"],
    extensions: [".org"],
    vscodeLanguageIds: ["orgspec"],
  },
];

const locStart = (node: OrgFormatNode): number => node.start;
const locEnd = (node: OrgFormatNode): number => node.end;

const parser: Parser<OrgFormatNode> = {
  astFormat: "orgspec-ast",
  parse(text: string, options: ParserOptions<OrgFormatNode>): OrgFormatRoot {
    return buildFormatTree(text, typeof options.filepath === "string" && options.filepath !== "" ? options.filepath : "<input>");
  },
  locStart,
  locEnd,
};

export const parsers: Record<string, Parser<OrgFormatNode>> = { orgspec: parser };

function isRoot(node: OrgFormatNode): node is OrgFormatRoot {
  return (node as OrgFormatRoot).type === "orgspec-root";
}

const printer: Printer<OrgFormatNode> = {
  print(path: AstPath<OrgFormatNode>): Doc {
    const node = path.node;
    if (!isRoot(node)) throw new Error("orgspec printer: only the root is printed");
    return new OrgDocPrinter(node).printRoot(node);
  },
  // Comments are placed by the root's printer from the token stream.
  canAttachComment: () => false,
  getCommentChildNodes: () => [],
  willPrintOwnComments: () => true,
  isBlockComment: (node: OrgFormatNode) => !isRoot(node) && node.kind === "block",
  printComment(path: AstPath<OrgFormatNode>): Doc {
    const node = path.node;
    if (isRoot(node)) return "";
    node.printed = true;
    return printCommentText(node.text, node.kind);
  },
  // The root holds token arrays, not child nodes.
  getVisitorKeys: () => [],
};

export const printers: Record<string, Printer<OrgFormatNode>> = { "orgspec-ast": printer };

/** The plugin takes no options of its own; printWidth, tabWidth and useTabs apply as usual. */
export const options: SupportOptions = {};

/**
 * Specs are lists of long one-line statements (`every 2 months from ... report
 * x to a, b`): at 100 columns the common ones stay on one line, where grep and
 * the `// expect:`-style comments beside them want them. A `.prettierrc` may
 * still set any width.
 */
export const defaultOptions = { printWidth: 100 };

const plugin: Plugin<OrgFormatNode> = { languages, parsers, printers, options, defaultOptions };

export default plugin;
