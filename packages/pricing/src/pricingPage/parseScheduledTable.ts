import { parsePageAmount } from './parsePageAmount.ts';
import type { PageModel, PageTokenPrice, UnreadableTable } from './pricingPageTypes.ts';
import { MODEL_ID, tierOf, tokenKindOf, type TableRow } from './tableRow.ts';

/**
 * An announced price table (models as rows, token kinds as columns, a tier per row), as the page
 * printed it before the 2026-08-16 change. Rows cut off by a partial copy are simply absent; a
 * row present but unreadable is reported.
 *
 * @example
 * ```ts
 * import { parseScheduledTable, splitTableRow } from '@seekcost/pricing';
 * const rows = ['| MODEL | | 1M INPUT TOKENS (CACHE HIT) | 1M INPUT TOKENS (CACHE MISS) | 1M OUTPUT TOKENS |', '| deepseek-v4-pro | PEAK | $0.044 | $1.32 | $3.96 |']
 *   .map((raw, i) => ({ cells: splitTableRow(raw), line: i + 1, raw }));
 * parseScheduledTable(rows).models[0]?.prices.map((p) => p.amount); // => ['0.044', '1.32', '3.96']
 * ```
 */
export function parseScheduledTable(rows: readonly TableRow[], table = 'announced prices'): { models: PageModel[]; unreadable: UnreadableTable[] } {
  const unreadable: UnreadableTable[] = [];
  const [head, ...body] = rows;
  const kinds = (head?.cells ?? [])
    .filter((c) => c !== '')
    .slice(1)
    .map(tokenKindOf);
  if (head === undefined || kinds.length === 0 || kinds.some((k) => k === undefined)) {
    unreadable.push({ table, reason: 'header is not MODEL followed by token kinds', line: head?.line ?? 0 });
    return { models: [], unreadable };
  }
  const models: { id: string; prices: PageTokenPrice[] }[] = [];
  for (const row of body) {
    const cells = row.cells.filter((c) => c !== '');
    if (cells[0] !== undefined && MODEL_ID.test(cells[0])) models.push({ id: cells.shift() as string, prices: [] });
    const tier = tierOf(cells[0] ?? '');
    const amounts = cells.slice(1).map(parsePageAmount);
    const model = models.at(-1);
    if (model === undefined || tier === undefined || amounts.length !== kinds.length || amounts.some((a) => a === undefined)) {
      unreadable.push({ table, reason: `row not read as model, tier and ${kinds.length} prices: ${row.raw.trim()}`, line: row.line });
      continue;
    }
    amounts.forEach((a, i) => {
      const amount = a as NonNullable<typeof a>;
      model.prices.push({
        kind: kinds[i] as PageTokenPrice['kind'],
        tier,
        currency: amount.currency,
        amount: amount.amount,
        words: `${row.raw.trim()} → ${cells[i + 1] ?? ''}`,
        line: row.line,
      });
    });
  }
  return { models: models.map((m) => ({ ...m, version: undefined, contextTokens: undefined, maxOutputTokens: undefined })), unreadable };
}
