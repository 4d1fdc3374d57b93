// Applying a completion item as a client does: its textEdit (an
// InsertReplaceEdit in insert mode, VS Code's default) on the document text.
import { InsertReplaceEdit, type CompletionItem } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";

/** The text after accepting `item`. */
export function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit;
  if (!edit) throw new Error(`${item.label} has no textEdit`);
  const range = InsertReplaceEdit.is(edit) ? edit.insert : edit.range;
  const document = TextDocument.create("file:///x.org", "orgspec", 1, text);
  return TextDocument.applyEdits(document, [{ range, newText: edit.newText }]);
}
