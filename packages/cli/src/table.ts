import { terminalText } from './terminalText.ts';

/**
 * A plain-text table: columns padded to their widest cell, numbers (cells in `rightAligned`)
 * aligned right, a rule under the header. Every cell is passed through {@link terminalText}, so a
 * key holding an escape sequence, a line break or a bidi override prints as a visible escape and
 * cannot redraw the screen or break the columns.
 *
 * @example
 * ```ts
 * renderTable(['model', 'amount'], [['deepseek-chat', '0.0025']], new Set([1]));
 * // 'model          amount\n-------------  ------\ndeepseek-chat  0.0025\n'
 * ```
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const safeHeader = header.map(terminalText);
  const safeRows = rows.map((r) => r.map(terminalText));
  const widths = safeHeader.map((h, i) => Math.max(h.length, ...safeRows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(safeHeader), widths.map((w) => '-'.repeat(w)).join('  '), ...safeRows.map(line)].join('\n')}\n`;
}

/** A plain decimal number, like `12`, `0.0025` or `-1.5`: a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet may read as the start of a formula (OWASP CSV injection), after any leading spaces. */
const FORMULA_START = /^ *[=+\-@\t\r]/;

/**
 * A CSV field, safe to open in a spreadsheet and to print. Quoted (quotes doubled) when it holds a
 * comma or a quote. Following the OWASP CSV-injection guidance, a cell that starts with `=`, `+`,
 * `-` or `@` (leading spaces skipped: some spreadsheets trim them) could be run as a formula
 * (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(1+1)`): it gets a single quote in front, inside a
 * quoted field, so it shows as the text it is. A leading tab or carriage return (OWASP's other two
 * characters) is written as the escape `\x09` / `\x0d`, like every control character (below), so no
 * cell starts with one. A plain decimal number (`-1.5`,
 * `12`) is left alone: a spreadsheet reads it as a number, which is what it is, and a quote would
 * turn amounts into text that no longer sums (seekcost's own amounts and counts are never negative,
 * so only a user's key could look like `-1.5`; it is then a number in the sheet, never a formula).
 * Control characters (line breaks included), DEL, C1 and bidi controls are written as visible
 * escapes by {@link terminalText} first, so a cell is always one line and prints safely; the exact
 * strings are in the JSON output. Every CSV writer of the CLI (ledger --out csv, tariff CSV and
 * segments) writes its cells with it.
 *
 * @example
 * ```ts
 * csvField('a,b'); // '"a,b"'
 * csvField('=HYPERLINK("http://x")'); // `"'=HYPERLINK(""http://x"")"`
 * csvField('-1.5'); // '-1.5'
 * ```
 */
export function csvField(value: string | number | boolean | null): string {
  const text = terminalText(value === null ? '' : String(value));
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV line from cells, each written by {@link csvField}.
 *
 * @example
 * ```ts
 * csvLine(['key', '@SUM(1+1)', 3]); // `key,"'@SUM(1+1)",3`
 * ```
 */
export function csvLine(cells: readonly (string | number | boolean | null)[]): string {
  return cells.map(csvField).join(',');
}
