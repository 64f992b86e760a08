/**
 * The cells of one markdown table row, trimmed, links reduced to their text, footnote marks like
 * `(2)` removed and full-width brackets made ASCII; the outer pipes do not make empty cells.
 *
 * @example
 * ```ts
 * import { splitTableRow } from '@seekcost/pricing';
 * splitTableRow('| PRICING(2) | [Tool Calls](../guides/tool_calls.md) | $0.14 | |'); // => ['PRICING', 'Tool Calls', '$0.14', '']
 * ```
 */
export function splitTableRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').map(cleanCell);
}

function cleanCell(cell: string): string {
  return cell
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\(\d\)/g, '')
    .replace(/<([^>]*)>/g, '$1')
    .trim();
}
