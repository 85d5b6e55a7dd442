/**
 * Escaping for everything SecureJoin writes into markup: the invite block (subjects, names and
 * aliases stay text) and the add-in manifest's XML.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const XML_ESCAPES: Readonly<Record<string, string>> = { ...HTML_ESCAPES, "'": '&apos;' };

/** `text` safe inside HTML element content and inside double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** `text` safe in XML content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/**
 * `text` on one line: control characters, tabs and line breaks become spaces, runs of spaces
 * collapse, ends are trimmed, and the result is cut to `maxLength` characters. Stops a subject
 * like "x\n-- End of SecureJoin secure access --" from forging a marker line in the text block.
 */
export function singleLine(text: string, maxLength = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}
