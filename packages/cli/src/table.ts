/**
 * A plain-text table: columns padded to their widest cell, numbers (cells in `rightAligned`)
 * aligned right, a rule under the header.
 *
 * @example
 * ```ts
 * renderTable(['model', 'amount'], [['deepseek-chat', '0.0025']], new Set([1]));
 * // 'model          amount\n-------------  ------\ndeepseek-chat  0.0025\n'
 * ```
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}

/**
 * A CSV field, quoted when it holds a comma, a quote or a line break.
 *
 * @example
 * ```ts
 * csvField('a,b'); // '"a,b"'
 * ```
 */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
