import { InvalidArgumentError } from '../errors.ts';
import { currencySchema, type Currency } from '../schema/tariffSchema.ts';
import { DIALECTS } from './sqlDialects.ts';
import { sqlText } from './sqlText.ts';
import type { TariffTable } from './tariffTable.ts';
import { tariffTableValues } from './tariffTableValues.ts';

/**
 * SQL engines {@link warehouseSql} writes for.
 *
 * @example
 * ```ts
 * const dialect: SqlDialect = 'clickhouse';
 * ```
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'clickhouse' | 'bigquery';

/**
 * Options of {@link warehouseSql}.
 *
 * @example
 * ```ts
 * const options: WarehouseSqlOptions = { dialect: 'bigquery', usageTable: 'billing.deepseek_calls', currency: 'USD' };
 * ```
 */
export interface WarehouseSqlOptions {
  readonly dialect: SqlDialect;
  /** The usage table to price (default `usage`); see {@link warehouseSql} for its columns. */
  readonly usageTable?: string;
  /** The currency the view prices in (default USD). */
  readonly currency?: Currency;
  /**
   * Prefix of the created objects (default `seekcost_`): `<prefix>tariff`, `<prefix>holidays`,
   * `<prefix>priced_usage`. May be qualified, e.g. `billing.seekcost_` (BigQuery needs a dataset).
   */
  readonly prefix?: string;
}

// Names are checked, not quoted: a plain identifier means the same in every dialect.
const QUALIFIED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * SQL that loads a {@link TariffTable} into a warehouse and prices a usage table by joining to it,
 * for DuckDB, PostgreSQL, ClickHouse or BigQuery. It creates `<prefix>tariff`, `<prefix>holidays`
 * and the view `<prefix>priced_usage`: one row per usage row that has a price, with its period, tier,
 * `amount_units` (an exact integer in 10^-(scale+6) currency) and `amount` (exact decimal). Usage
 * rows with no price (unknown id, retired, before the history) are absent from the view: count them
 * with an anti-join on `request_id`.
 *
 * The usage table needs `request_id` (unique), `model` (the id as sent), `completed_at` (the completion
 * instant as a UTC timestamp: TIMESTAMP without zone in DuckDB/PostgreSQL, DateTime64 UTC in
 * ClickHouse, TIMESTAMP in BigQuery), `cache_hit_tokens`, `cache_miss_tokens`, `output_tokens`.
 *
 * @example
 * ```ts
 * const sql = warehouseSql(tariffTable({ currency: 'USD' }), { dialect: 'duckdb', usageTable: 'api_calls' });
 * // run it, then: SELECT sum(amount) FROM seekcost_priced_usage;
 * ```
 */
export function warehouseSql(table: TariffTable, options: WarehouseSqlOptions): string {
  const dialect = options.dialect;
  if (typeof dialect !== 'string' || !Object.hasOwn(DIALECTS, dialect)) throw new InvalidArgumentError('dialect', `must be one of ${Object.keys(DIALECTS).join(', ')}, got ${String(dialect)}`);
  const d = DIALECTS[dialect];
  const prefix = options.prefix ?? 'seekcost_';
  if (typeof prefix !== 'string' || !QUALIFIED_NAME.test(prefix)) throw new InvalidArgumentError('prefix', 'must be a plain SQL identifier prefix, optionally qualified (e.g. billing.seekcost_)');
  const usage = options.usageTable ?? 'usage';
  if (typeof usage !== 'string' || !QUALIFIED_NAME.test(usage)) throw new InvalidArgumentError('usageTable', 'must be a plain (optionally qualified) table name');
  const currency = options.currency ?? 'USD';
  if (!currencySchema.options.includes(currency)) throw new InvalidArgumentError('currency', `must be one of ${currencySchema.options.join(', ')}, got ${String(currency)}`);
  // scale and checked are written into types and comments, so they are held to exact shapes too.
  if (!Number.isSafeInteger(table.scale) || table.scale < 0 || table.scale > 18) throw new InvalidArgumentError('table.scale', `must be an integer from 0 to 18, got ${String(table.scale)}`);
  if (typeof table.checked !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(table.checked)) throw new InvalidArgumentError('table.checked', `must be a date like 2026-11-22, got ${String(table.checked)}`);
  const values = tariffTableValues(table, dialect, d);
  const t = d.types;
  const tariffName = `${prefix}tariff`;
  const holidaysName = `${prefix}holidays`;
  const exponent = table.scale + 6;

  const tariffColumns = [
    `model ${t.text}`, `resolved_model ${t.text}`, `mode ${nullableText(dialect, t.text)}`, `period_id ${t.text}`,
    `valid_from ${t.timestamp}`, `valid_to ${dialect === 'clickhouse' ? `Nullable(${t.timestamp})` : t.timestamp}`,
    `tier ${t.text}`, `tier_rank ${t.int}`, `is_default ${t.bool}`,
    `window_start_minute ${t.int}`, `window_end_minute ${t.int}`, `window_offset_minutes ${t.int}`,
    `weekday_mask ${t.int}`, `weekday_offset_minutes ${t.int}`,
    `holiday_calendar ${nullableText(dialect, t.text)}`, `holiday_offset_minutes ${t.int}`,
    `currency ${t.text}`,
    `cache_hit_price ${t.decimal(table.scale)}`, `cache_miss_price ${t.decimal(table.scale)}`, `output_price ${t.decimal(table.scale)}`,
    `cache_hit_units ${t.big}`, `cache_miss_units ${t.big}`, `output_units ${t.big}`,
    `source ${t.text}`, `confidence ${t.text}`,
  ];

  const local = (offsetColumn: string) => d.addMinutes('c.completed_at', `c.${offsetColumn}`);
  const inWindow = `((c.window_start_minute < c.window_end_minute AND c.minute_of_day >= c.window_start_minute AND c.minute_of_day < c.window_end_minute)
        OR (c.window_start_minute >= c.window_end_minute AND (c.minute_of_day >= c.window_start_minute OR c.minute_of_day < c.window_end_minute)))`;
  const amountUnits = `${d.wide('cache_hit_tokens')} * cache_hit_units + ${d.wide('cache_miss_tokens')} * cache_miss_units + ${d.wide('output_tokens')} * output_units`;

  return `-- Generated by seekcost (warehouseSql, dialect ${dialect}) from price data checked ${table.checked}.
-- Regenerate with: seekcost tariff --format sql --dialect ${dialect}
-- Prices are integers in 10^-${table.scale} ${currency} per 1M tokens (the *_units columns), so
-- amount_units = sum(tokens x units) is an exact integer in 10^-${exponent} ${currency}.
${d.createTable(tariffName, `\n  ${tariffColumns.join(',\n  ')}\n`)};
${insert(tariffName, values.tariff)}
${d.createTable(holidaysName, `calendar ${t.text}, day ${t.date}, name ${t.text}, is_holiday ${t.int}`)};
${insert(holidaysName, values.holidays)}
-- Prices ${usage}(request_id, model, completed_at, cache_hit_tokens, cache_miss_tokens, output_tokens) in ${currency}:
-- the conditional tier whose window, weekday and holiday conditions hold, else the period's default tier.
${d.createView(`${prefix}priced_usage`)}
WITH candidates AS (
  SELECT u.request_id, u.model, u.completed_at, u.cache_hit_tokens, u.cache_miss_tokens, u.output_tokens,
         t.resolved_model, t.mode, t.period_id, t.tier, t.tier_rank, t.is_default, t.currency,
         t.cache_hit_units, t.cache_miss_units, t.output_units, t.confidence,
         t.window_start_minute, t.window_end_minute, t.window_offset_minutes,
         t.weekday_mask, t.weekday_offset_minutes, t.holiday_calendar, t.holiday_offset_minutes
  FROM ${usage} u
  JOIN ${tariffName} t ON t.model = u.model AND t.currency = ${sqlText(currency, dialect, 'currency')}
  WHERE u.completed_at >= t.valid_from AND (t.valid_to IS NULL OR u.completed_at < t.valid_to)
),
localised AS (
  SELECT c.*,
         ${d.minuteOfDay(local('window_offset_minutes'))} AS minute_of_day,
         ${d.isoWeekday(local('weekday_offset_minutes'))} AS iso_weekday,
         ${d.toDate(local('holiday_offset_minutes'))} AS holiday_day
  FROM candidates c
),
-- A candidate holds if it is its period's default tier, or if its window, weekday and holiday
-- conditions all hold at the request's instant.
holding AS (
  SELECT c.request_id, c.model, c.completed_at, c.resolved_model, c.mode, c.period_id, c.tier, c.tier_rank, c.is_default,
         c.currency, c.confidence, c.cache_hit_tokens, c.cache_miss_tokens, c.output_tokens,
         c.cache_hit_units, c.cache_miss_units, c.output_units
  FROM localised c
  LEFT JOIN ${holidaysName} h ON h.calendar = c.holiday_calendar AND h.day = c.holiday_day
  WHERE c.is_default
     OR (${inWindow}
         AND (c.weekday_mask IS NULL OR ${d.bit('c.weekday_mask', 'c.iso_weekday')} = 1)
         AND (c.holiday_calendar IS NULL OR COALESCE(h.is_holiday, 0) = 0))
),
-- Conditional windows never overlap (the price data is checked for it), so at most one conditional
-- row holds per request; ranked before the default row, it wins, and the default applies when none
-- holds. One pass with a window function, not a self-join on request_id: a planner without
-- statistics on the usage table (a fresh load) would otherwise pick a quadratic nested loop.
chosen AS (
  SELECT holding.*,
         ROW_NUMBER() OVER (PARTITION BY request_id, period_id ORDER BY CASE WHEN is_default THEN 1 ELSE 0 END, tier_rank) AS choice
  FROM holding
),
priced AS (
  SELECT request_id, model, completed_at, resolved_model, mode, period_id, tier, currency, confidence,
         cache_hit_tokens, cache_miss_tokens, output_tokens,
         ${amountUnits} AS amount_units
  FROM chosen
  WHERE choice = 1
)
SELECT priced.*, ${d.scaled('amount_units', exponent)} AS amount
FROM priced;
`;
}

function insert(table: string, values: readonly string[]): string {
  if (values.length === 0) return `-- (no rows for ${table})`;
  return `INSERT INTO ${table} VALUES\n  ${values.join(',\n  ')};`;
}

function nullableText(dialect: SqlDialect, text: string): string {
  return dialect === 'clickhouse' ? `Nullable(${text})` : text;
}
