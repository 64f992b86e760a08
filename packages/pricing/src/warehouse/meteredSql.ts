import { InvalidArgumentError } from '../errors.ts';
import type { Currency, MeteredItem } from '../schema/tariffSchema.ts';
import type { Dialect } from './sqlDialects.ts';
import { sqlText } from './sqlText.ts';
import type { TariffTable } from './tariffTable.ts';
import type { SqlDialect } from './warehouseSql.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DECIMAL = /^\d{1,30}(\.\d{1,30})?$/;
/**
 * The usage table's count column of each per-call item (ASR has no price, so no column): what
 * `warehouseSql({ metered: true })` reads, and what `seekcost ledger` reads from a CSV export of the
 * same table.
 *
 * @example
 * ```ts
 * import { METERED_COUNT_COLUMNS } from '@seekcost/pricing/warehouse';
 * METERED_COUNT_COLUMNS.ocrPages; // => 'ocr_pages'
 * ```
 */
export const METERED_COUNT_COLUMNS = Object.freeze({
  search: 'search_count',
  fetch: 'fetch_count',
  ocrPages: 'ocr_pages',
  ttsCharacters: 'tts_characters',
} as const satisfies Partial<Record<MeteredItem, string>>);
const COUNT_COLUMNS = Object.entries(METERED_COUNT_COLUMNS);

/**
 * What {@link meteredSql} needs of warehouseSql's checked options.
 *
 * @example
 * ```ts
 * const o: MeteredSqlOptions = { dialect: 'duckdb', d: DIALECTS.duckdb, prefix: 'seekcost_', usage: 'usage', currency: 'CNY', priceCounts: true };
 * ```
 */
export interface MeteredSqlOptions {
  readonly dialect: SqlDialect;
  readonly d: Dialect;
  readonly prefix: string;
  readonly usage: string;
  readonly currency: Currency;
  readonly priceCounts: boolean;
}

/**
 * The per-call part of the warehouse SQL: the table `<prefix>metered_tariff` (when the table has
 * metered rows) and, with `priceCounts`, the view `<prefix>priced_metered_usage` (one row per usage
 * row and item with a count and a published price: `amount_units` exact in 10^-E currency, where E
 * is the largest price exponent, and `amount`). Every value is checked or goes through sqlText, like
 * the token tables; a bad one throws {@link InvalidArgumentError} naming `table.metered[i].field`.
 *
 * @example
 * ```ts
 * meteredSql({ ...table, metered: [] }, o); // => ''
 * ```
 */
export function meteredSql(table: TariffTable, o: MeteredSqlOptions): string {
  const rows = table.metered ?? [];
  if (!Array.isArray(rows)) throw new InvalidArgumentError('table.metered', 'must be an array');
  if (rows.length === 0 && !o.priceCounts) return '';
  const { d, dialect } = o;
  const t = d.types;
  const name = `${o.prefix}metered_tariff`;
  let exponent = 0;
  rows.forEach((r, i) => {
    if (!Number.isSafeInteger(r.exponent) || r.exponent < 0 || r.exponent > 18)
      throw new InvalidArgumentError(`table.metered[${i}].exponent`, `must be an integer from 0 to 18, got ${String(r.exponent)}`);
    exponent = Math.max(exponent, r.exponent);
  });
  const values = rows.map((r, i) => {
    const at = `table.metered[${i}]`;
    const int = (value: unknown, field: string, max = Number.MAX_SAFE_INTEGER) => {
      if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > max)
        throw new InvalidArgumentError(`${at}.${field}`, `must be an integer from 0 to ${max}, got ${String(value)}`);
      return String(value);
    };
    const instant = (value: unknown, field: string) => {
      if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString() !== value) {
        throw new InvalidArgumentError(`${at}.${field}`, `must be a UTC instant like 2026-10-31T16:00:00.000Z, got ${String(value)}`);
      }
      return d.timestamp(value);
    };
    if (typeof r.price !== 'string' || !DECIMAL.test(r.price))
      throw new InvalidArgumentError(`${at}.price`, `must be a non-negative decimal string like 1.5, got ${String(r.price)}`);
    if (typeof r.published !== 'boolean') throw new InvalidArgumentError(`${at}.published`, `must be a boolean, got ${String(r.published)}`);
    // Every price at one exponent, so a count times it is an exact integer in 10^-exponent.
    const perCount = BigInt(int(r.units, 'units')) * 10n ** BigInt(exponent - r.exponent);
    if (perCount > BigInt(Number.MAX_SAFE_INTEGER)) throw new InvalidArgumentError(`${at}.units`, 'is too large once scaled to the common exponent');
    return `(${[
      sqlText(r.item, dialect, `${at}.item`),
      sqlText(r.via, dialect, `${at}.via`),
      sqlText(r.periodId, dialect, `${at}.periodId`),
      r.discountId === null ? 'NULL' : sqlText(r.discountId, dialect, `${at}.discountId`),
      instant(r.validFrom, 'validFrom'),
      r.validTo === null ? 'NULL' : instant(r.validTo, 'validTo'),
      sqlText(r.unit, dialect, `${at}.unit`),
      int(r.unitSize, 'unitSize'),
      sqlText(r.currency, dialect, `${at}.currency`),
      d.decimal(r.price),
      int(r.units, 'units'),
      int(r.exponent, 'exponent', 18),
      String(perCount),
      r.published ? 'TRUE' : 'FALSE',
      sqlText(r.confidence, dialect, `${at}.confidence`),
      sqlText(r.source, dialect, `${at}.source`),
    ].join(', ')})`;
  });
  const nullable = (type: string) => (dialect === 'clickhouse' ? `Nullable(${type})` : type);
  const columns = [
    `item ${t.text}`,
    `via ${t.text}`,
    `period_id ${t.text}`,
    `discount_id ${nullable(t.text)}`,
    `valid_from ${t.timestamp}`,
    `valid_to ${nullable(t.timestamp)}`,
    `unit ${t.text}`,
    `unit_size ${t.big}`,
    `currency ${t.text}`,
    `price ${t.decimal(exponent)}`,
    `units ${t.big}`,
    `exponent ${t.int}`,
    `units_per_count ${t.big}`,
    `published ${t.bool}`,
    `confidence ${t.text}`,
    `source ${t.text}`,
  ];
  let sql = `-- Per-call (metered) prices: price per unit_size units; units_per_count is the price in 10^-${exponent} of its currency per unit.
${d.createTable(name, `\n  ${columns.join(',\n  ')}\n`)};
${values.length === 0 ? `-- (no rows for ${name})` : `INSERT INTO ${name} VALUES\n  ${values.join(',\n  ')};`}
`;
  if (!o.priceCounts) return sql;
  const counts = COUNT_COLUMNS.map(
    ([item, column]) => `  SELECT request_id, model, completed_at, ${sqlText(item, dialect, 'item')} AS item, ${column} AS item_count FROM ${o.usage}`,
  ).join('\n  UNION ALL\n');
  sql += `-- Prices the per-call counts of ${o.usage}(request_id, model, completed_at, ${COUNT_COLUMNS.map(([, column]) => column).join(', ')})
-- in ${o.currency}, as tool calls made during the request, at published prices only (a third-party figure is not
-- used): one row per usage row and item with a count; amount_units is exact in 10^-${exponent} ${o.currency}.
${d.createView(`${o.prefix}priced_metered_usage`)}
WITH counts AS (
${counts}
),
priced AS (
  SELECT c.request_id, c.model, c.completed_at, c.item, c.item_count, m.period_id, m.discount_id, m.currency, m.confidence,
         ${d.wide('c.item_count')} * m.units_per_count AS amount_units
  FROM counts c
  JOIN ${name} m ON m.item = c.item AND m.via = ${sqlText('tool-call', dialect, 'via')} AND m.currency = ${sqlText(o.currency, dialect, 'currency')} AND m.published
  WHERE c.item_count > 0 AND c.completed_at >= m.valid_from AND (m.valid_to IS NULL OR c.completed_at < m.valid_to)
)
SELECT priced.*, ${exponent === 0 ? 'amount_units' : d.scaled('amount_units', exponent)} AS amount
FROM priced;
`;
  return sql;
}
