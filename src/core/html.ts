/**
 * HTML escaping and plain text to HTML, for the HTML part of thank-you drafts.
 *
 * Why: template text and customer values come from sheet cells anyone with
 * edit access can type into; in the HTML part they must show as text, never
 * become markup.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes & < > " ' so the result is safe as element content and in quoted attributes. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Plain text to HTML: escaped, one `<p>` per paragraph (paragraphs are separated
 * by one or more blank lines; a line of only spaces counts as blank), `<br>`
 * for single line breaks inside a paragraph. CRLF and CR count as newlines.
 * Leading and trailing blank lines are dropped. Empty or blank text gives ''.
 */
export function textToHtml(s: string): string {
  const text = String(s).replace(/\r\n?/g, '\n');
  return text
    .split(/\n[ \t]*(?:\n[ \t]*)+/)
    .map((p) => p.replace(/^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => '<p>' + escapeHtml(p).replace(/\n/g, '<br>\n') + '</p>')
    .join('\n');
}
