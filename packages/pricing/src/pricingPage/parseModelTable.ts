import { parsePageAmount } from './parsePageAmount.ts';
import { parseTokenLimit } from './parseTokenLimit.ts';
import type { PageModel, PageTokenPrice, UnreadableTable } from './pricingPageTypes.ts';
import { MODEL_ID, tierOf, tokenKindOf, type TableRow } from './tableRow.ts';

type MutableModel = { -readonly [K in keyof PageModel]: PageModel[K] } & { prices: PageTokenPrice[] };

/**
 * The page's "Model Details" table read by meaning, not by column position: the layouts differ by
 * date and language (merged cells dropped, empty cells added), so a value row is read as its label
 * cells followed by one value per model or one value for all. A row that holds prices but cannot be
 * read, or a complete table missing a price, limit or version, is reported as unreadable.
 *
 * @example
 * ```ts
 * import { parseModelTable, splitTableRow } from '@seekcost/pricing';
 * const rows = ['| MODEL | deepseek-v4-pro |', '| PRICING | 1M OUTPUT TOKENS | $0.87 |'].map((raw, i) => ({ cells: splitTableRow(raw), line: i + 1, raw }));
 * const { models, unreadable } = parseModelTable(rows, true);
 * models[0]?.prices[0]?.amount; // => '0.87'
 * unreadable; // => []
 * ```
 */
export function parseModelTable(
  rows: readonly TableRow[],
  truncated: boolean,
  table = 'model details',
): { models: PageModel[]; unreadable: UnreadableTable[] } {
  const unreadable: UnreadableTable[] = [];
  const fail = (row: TableRow, reason: string): void => void unreadable.push({ table, reason: `${reason}: ${row.raw.trim()}`, line: row.line });
  const headIndex = rows.findIndex((r) => isLabel(r.cells.find((c) => c !== '') ?? '', 'MODEL', '模型') && r.cells.some((c) => MODEL_ID.test(c)));
  const head = rows[headIndex];
  if (head === undefined) {
    unreadable.push({ table, reason: 'no MODEL row naming deepseek model ids', line: rows[0]?.line ?? 0 });
    return { models: [], unreadable };
  }
  const models: MutableModel[] = head.cells
    .filter((c) => MODEL_ID.test(c))
    .map((id) => ({ id, version: undefined, contextTokens: undefined, maxOutputTokens: undefined, prices: [] }));
  let kind: PageTokenPrice['kind'] | undefined;
  for (const row of rows.slice(headIndex + 1)) {
    const cells = row.cells.filter((c) => c !== '');
    const label = cells[0] ?? '';
    const values = cells.slice(1);
    if (isLabel(label, 'MODEL VERSION', '模型版本')) {
      if (values.length !== models.length) fail(row, `${values.length} versions for ${models.length} models`);
      else
        models.forEach((m, i) => {
          m.version = { value: values[i] as string, words: row.raw.trim(), line: row.line };
        });
      continue;
    }
    const limitField = isLabel(label, 'CONTEXT LENGTH', '上下文长度')
      ? 'contextTokens'
      : isLabel(label, 'MAX OUTPUT', '输出长度')
        ? 'maxOutputTokens'
        : undefined;
    if (limitField !== undefined) {
      const parsed = values.map(parseTokenLimit);
      if ((values.length !== 1 && values.length !== models.length) || parsed.some((v) => v === undefined)) fail(row, 'limit not read');
      else
        models.forEach((m, i) => {
          m[limitField] = { value: parsed[values.length === 1 ? 0 : i] as number, words: row.raw.trim(), line: row.line };
        });
      continue;
    }
    const amounts = cells.map(parsePageAmount);
    // A row that names a currency, a token kind or a tier is a price row: if it cannot be read it
    // fails rather than being skipped like a feature row.
    const money = (c: string): boolean => /[$¥€£]|元|\b(?:USD|CNY|RMB)\b/i.test(c);
    const priceRow = cells.some((c) => money(c) || tokenKindOf(c) !== undefined || tierOf(c) !== undefined) || isLabel(label, 'PRICING', '价格');
    if (!priceRow) continue;
    if (cells.some((c, i) => money(c) && amounts[i] === undefined)) {
      fail(row, 'a price cell in an unknown format');
      continue;
    }
    const priceCells = cells.flatMap((c, i) => (amounts[i] === undefined ? [] : [{ cell: c, amount: amounts[i] as NonNullable<(typeof amounts)[number]> }]));
    let tier: PageTokenPrice['tier'] = 'standard';
    let understood = true;
    for (const text of cells.filter((_, i) => amounts[i] === undefined)) {
      if (isLabel(text, 'PRICING', '价格')) continue;
      const k = tokenKindOf(text);
      const t = tierOf(text);
      if (k !== undefined) kind = k;
      else if (t !== undefined) tier = t;
      else understood = false;
    }
    if (!understood) fail(row, 'a price label that is not a token kind or tier');
    else if (priceCells.length === 0) fail(row, 'a pricing row without prices');
    else if (kind === undefined) fail(row, 'prices before any token-kind label');
    else if (priceCells.length !== models.length) fail(row, `${priceCells.length} prices for ${models.length} models`);
    else {
      const k = kind;
      models.forEach((m, i) => {
        const p = priceCells[i] as (typeof priceCells)[number];
        m.prices.push({ kind: k, tier, currency: p.amount.currency, amount: p.amount.amount, words: `${row.raw.trim()} → ${p.cell}`, line: row.line });
      });
    }
  }
  if (!truncated) {
    for (const m of models) {
      const missing = [
        ...(['cacheHit', 'cacheMiss', 'output'] as const).filter((k) => !m.prices.some((p) => p.kind === k)).map((k) => `${k} price`),
        ...(m.version === undefined ? ['version'] : []),
        ...(m.contextTokens === undefined ? ['context length'] : []),
        ...(m.maxOutputTokens === undefined ? ['max output'] : []),
      ];
      if (missing.length > 0) unreadable.push({ table, reason: `no readable ${missing.join(', ')} for ${m.id}`, line: head.line });
    }
  }
  return { models, unreadable };
}

function isLabel(cell: string, english: string, chinese: string): boolean {
  return cell.toUpperCase() === english || cell === chinese;
}
