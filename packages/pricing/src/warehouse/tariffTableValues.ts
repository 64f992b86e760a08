import { InvalidArgumentError } from '../errors.ts';
import { DAY_MINUTES } from '../rules.ts';
import type { Dialect } from './sqlDialects.ts';
import { sqlText } from './sqlText.ts';
import type { TariffTable, TariffTableRow } from './tariffTable.ts';
import type { SqlDialect } from './warehouseSql.ts';

// A TariffTable is a plain object anyone can build (or read from JSON), so every value that becomes
// SQL is checked here, field by field, before a line is written: text goes through sqlText; numbers,
// instants, dates and decimals must match a shape whose literal cannot hold anything but digits and
// separators (String(NaN) would be the identifier NaN; 1e21 would print as 1e+21).

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d{1,30}(\.\d{1,30})?$/;

/**
 * The VALUES tuples of the tariff and holiday tables in `dialect`, after checking every field of
 * `table`. Throws {@link InvalidArgumentError} naming the first bad field, e.g. `rows[3].validFrom`.
 *
 * @example
 * ```ts
 * const { holidays } = tariffTableValues({ rows: [], holidays: [{ calendar: 'cn', day: '2026-10-01', name: 'National Day' }], calendars: [], scale: 6, checked: '2026-11-22' }, 'duckdb', DIALECTS.duckdb);
 * holidays; // => ["('cn', DATE '2026-10-01', 'National Day', 1)"]
 * ```
 */
export function tariffTableValues(table: TariffTable, dialect: SqlDialect, d: Dialect): { readonly tariff: string[]; readonly holidays: string[] } {
  if (!Array.isArray(table.rows)) throw new InvalidArgumentError('table.rows', 'must be an array');
  if (!Array.isArray(table.holidays)) throw new InvalidArgumentError('table.holidays', 'must be an array');
  const tariff = table.rows.map((row, i) => `(${rowValues(row, `table.rows[${i}]`, dialect, d).join(', ')})`);
  const holidays = table.holidays.map((h, i) => {
    const at = `table.holidays[${i}]`;
    return `(${sqlText(h.calendar, dialect, `${at}.calendar`)}, ${d.date(day(h.day, `${at}.day`))}, ${sqlText(h.name, dialect, `${at}.name`)}, 1)`;
  });
  return { tariff, holidays };
}

function rowValues(row: TariffTableRow, at: string, dialect: SqlDialect, d: Dialect): string[] {
  const text = (field: keyof TariffTableRow) => sqlText(row[field] as string, dialect, `${at}.${field}`);
  const maybeText = (field: keyof TariffTableRow) => (row[field] === null ? 'NULL' : text(field));
  const int = (field: keyof TariffTableRow, min: number, max: number, nullable = false) => {
    const value = row[field];
    if (value === null && nullable) return 'NULL';
    if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
      throw new InvalidArgumentError(`${at}.${field}`, `must be an integer from ${min} to ${max}${nullable ? ' or null' : ''}, got ${String(value)}`);
    }
    return String(value);
  };
  const decimal = (field: keyof TariffTableRow) => {
    const value = row[field];
    if (typeof value !== 'string' || !DECIMAL.test(value))
      throw new InvalidArgumentError(`${at}.${field}`, `must be a non-negative decimal string like 0.28, got ${String(value)}`);
    return d.decimal(value);
  };
  if (typeof row.isDefault !== 'boolean') throw new InvalidArgumentError(`${at}.isDefault`, `must be a boolean, got ${String(row.isDefault)}`);
  return [
    text('model'),
    text('resolvedModel'),
    maybeText('mode'),
    text('periodId'),
    d.timestamp(instant(row.validFrom, `${at}.validFrom`)),
    row.validTo === null ? 'NULL' : d.timestamp(instant(row.validTo, `${at}.validTo`)),
    text('tier'),
    int('tierRank', 0, 1_000),
    row.isDefault ? 'TRUE' : 'FALSE',
    int('windowStartMinute', 0, DAY_MINUTES, true),
    int('windowEndMinute', 0, DAY_MINUTES, true),
    int('windowOffsetMinutes', -DAY_MINUTES, DAY_MINUTES, true),
    int('weekdayMask', 0, 127, true),
    int('weekdayOffsetMinutes', -DAY_MINUTES, DAY_MINUTES, true),
    maybeText('holidayCalendar'),
    int('holidayOffsetMinutes', -DAY_MINUTES, DAY_MINUTES, true),
    text('currency'),
    decimal('cacheHitPrice'),
    decimal('cacheMissPrice'),
    decimal('outputPrice'),
    int('cacheHitUnits', 0, Number.MAX_SAFE_INTEGER),
    int('cacheMissUnits', 0, Number.MAX_SAFE_INTEGER),
    int('outputUnits', 0, Number.MAX_SAFE_INTEGER),
    text('source'),
    text('confidence'),
  ];
}

/** A UTC instant as toISOString writes it, and a real one (no 2026-02-30). */
function instant(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString() !== value) {
    throw new InvalidArgumentError(field, `must be a UTC instant like 2026-09-10T04:00:00.000Z, got ${String(value)}`);
  }
  return value;
}

/** A calendar date `YYYY-MM-DD` that exists. */
function day(value: unknown, field: string): string {
  if (
    typeof value !== 'string' ||
    !ISO_DATE.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidArgumentError(field, `must be a date like 2026-10-01, got ${String(value)}`);
  }
  return value;
}
