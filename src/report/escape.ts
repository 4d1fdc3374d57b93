// Escaping for the report page: text in HTML, data in a <script> element, and
// code inlined into one.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&`
 * as `\u` escapes, so no `</script>` or `<!--` can end or bend the element,
 * and U+2028/U+2029 escaped for old parsers. `JSON.parse` reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Code for an inline `<script>`: refused if it could end the element early. */
export function inlineScript(code: string, what: string): string {
  if (/<\/script|<!--/i.test(code)) throw new Error(`${what} cannot be inlined: it contains "</script" or "<!--"`);
  return code;
}
