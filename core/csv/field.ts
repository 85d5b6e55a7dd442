/**
 * One CSV field, safe for spreadsheets: shared by every CSV SecureJoin writes (the roster and the
 * attendance exports), so the formula-injection care is written once.
 */

/**
 * Always quoted (RFC 4180, `"` doubled), so a tab, `;` or `,` inside a name never starts a new
 * cell whatever separator the spreadsheet assumes, and a leading `= + - @`, tab or CR prefixed
 * with `'` so a spreadsheet never runs a name as a formula (OWASP's CSV injection advice).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows as CSV text: every field through {@link csvField}, CRLF line ends (RFC 4180). */
export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
