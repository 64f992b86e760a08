import type { SqlDialect } from './warehouseSql.ts';

// How each engine spells the few things the warehouse SQL needs. No string from price data passes
// through here: text goes through sqlText, and the other literals are checked by tariffTableValues.

/**
 * One dialect's types, literals and functions.
 *
 * @example
 * ```ts
 * DIALECTS.clickhouse.date('2026-10-01'); // => "toDate('2026-10-01')"
 * ```
 */
export interface Dialect {
  readonly types: { text: string; int: string; big: string; bool: string; timestamp: string; date: string; decimal: (scale: number) => string };
  readonly timestamp: (iso: string) => string;
  /** An exact decimal literal (a plain `0.044` is a float in BigQuery). */
  readonly decimal: (text: string) => string;
  readonly date: (day: string) => string;
  readonly addMinutes: (ts: string, minutes: string) => string;
  readonly minuteOfDay: (ts: string) => string;
  readonly isoWeekday: (ts: string) => string;
  readonly toDate: (ts: string) => string;
  readonly bit: (mask: string, bit: string) => string;
  readonly wide: (expr: string) => string;
  readonly scaled: (units: string, exponent: number) => string;
  readonly createTable: (name: string, columns: string) => string;
  readonly createView: (name: string) => string;
}

export const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    types: { text: 'VARCHAR', int: 'INTEGER', big: 'BIGINT', bool: 'BOOLEAN', timestamp: 'TIMESTAMP', date: 'DATE', decimal: (s) => `DECIMAL(18, ${s})` },
    timestamp: (iso) => `TIMESTAMP '${iso.replace('T', ' ').replace('Z', '')}'`,
    decimal: (text) => text,
    date: (day) => `DATE '${day}'`,
    addMinutes: (ts, m) => `(${ts} + ${m} * INTERVAL 1 MINUTE)`,
    minuteOfDay: (ts) => `(extract('hour' FROM ${ts}) * 60 + extract('minute' FROM ${ts}))`,
    isoWeekday: (ts) => `isodow(${ts})`,
    toDate: (ts) => `CAST(${ts} AS DATE)`,
    bit: (mask, bit) => `((${mask} >> (${bit} - 1)) & 1)`,
    wide: (e) => `CAST(${e} AS HUGEINT)`,
    scaled: (u, e) => `(${u} * CAST('${tenToMinus(e)}' AS DECIMAL(${e + 1}, ${e})))`,
    createTable: (n, c) => `CREATE OR REPLACE TABLE ${n} (${c})`,
    createView: (n) => `CREATE OR REPLACE VIEW ${n} AS`,
  },
  postgres: {
    types: { text: 'TEXT', int: 'INTEGER', big: 'BIGINT', bool: 'BOOLEAN', timestamp: 'TIMESTAMP', date: 'DATE', decimal: (s) => `NUMERIC(18, ${s})` },
    timestamp: (iso) => `TIMESTAMP '${iso.replace('T', ' ').replace('Z', '')}'`,
    decimal: (text) => text,
    date: (day) => `DATE '${day}'`,
    addMinutes: (ts, m) => `(${ts} + ${m} * INTERVAL '1 minute')`,
    minuteOfDay: (ts) => `(EXTRACT(HOUR FROM ${ts})::int * 60 + EXTRACT(MINUTE FROM ${ts})::int)`,
    isoWeekday: (ts) => `EXTRACT(ISODOW FROM ${ts})::int`,
    toDate: (ts) => `CAST(${ts} AS DATE)`,
    bit: (mask, bit) => `((${mask} >> (${bit} - 1)) & 1)`,
    wide: (e) => `CAST(${e} AS NUMERIC)`,
    scaled: (u, e) => `(${u} * ${tenToMinus(e)})`,
    createTable: (n, c) => `DROP TABLE IF EXISTS ${n} CASCADE;\nCREATE TABLE ${n} (${c})`,
    createView: (n) => `CREATE OR REPLACE VIEW ${n} AS`,
  },
  clickhouse: {
    types: {
      text: 'String',
      int: 'Nullable(Int32)',
      big: 'Nullable(Int64)',
      bool: 'Bool',
      timestamp: "DateTime64(3, 'UTC')",
      date: 'Date',
      decimal: (s) => `Decimal(18, ${s})`,
    },
    timestamp: (iso) => `toDateTime64('${iso.replace('T', ' ').replace('Z', '')}', 3, 'UTC')`,
    decimal: (text) => text,
    date: (day) => `toDate('${day}')`,
    addMinutes: (ts, m) => `addMinutes(${ts}, ${m})`,
    minuteOfDay: (ts) => `(toHour(${ts}) * 60 + toMinute(${ts}))`,
    isoWeekday: (ts) => `toDayOfWeek(${ts})`,
    toDate: (ts) => `toDate(${ts})`,
    bit: (mask, bit) => `bitAnd(bitShiftRight(${mask}, ${bit} - 1), 1)`,
    wide: (e) => `toInt128(${e})`,
    scaled: (u, e) => `(toDecimal128(${u}, 0) * toDecimal128('${tenToMinus(e)}', ${e}))`,
    createTable: (n, c) => `DROP TABLE IF EXISTS ${n};\nCREATE TABLE ${n} (${c}) ENGINE = MergeTree ORDER BY tuple()`,
    createView: (n) => `CREATE OR REPLACE VIEW ${n} AS`,
  },
  bigquery: {
    types: { text: 'STRING', int: 'INT64', big: 'INT64', bool: 'BOOL', timestamp: 'TIMESTAMP', date: 'DATE', decimal: () => 'BIGNUMERIC' },
    timestamp: (iso) => `TIMESTAMP '${iso.replace('T', ' ').replace('Z', '')}+00'`,
    decimal: (text) => `BIGNUMERIC '${text}'`,
    date: (day) => `DATE '${day}'`,
    addMinutes: (ts, m) => `TIMESTAMP_ADD(${ts}, INTERVAL ${m} MINUTE)`,
    minuteOfDay: (ts) => `(EXTRACT(HOUR FROM ${ts}) * 60 + EXTRACT(MINUTE FROM ${ts}))`,
    isoWeekday: (ts) => `(MOD(EXTRACT(DAYOFWEEK FROM ${ts}) + 5, 7) + 1)`,
    toDate: (ts) => `DATE(${ts})`,
    bit: (mask, bit) => `((${mask} >> (${bit} - 1)) & 1)`,
    wide: (e) => `CAST(${e} AS BIGNUMERIC)`,
    scaled: (u, e) => `(${u} * BIGNUMERIC '${tenToMinus(e)}')`,
    createTable: (n, c) => `CREATE OR REPLACE TABLE ${n} (${c})`,
    createView: (n) => `CREATE OR REPLACE VIEW ${n} AS`,
  },
};

/** 10^-exponent as a plain decimal literal's digits, e.g. 0.001 for 3. */
function tenToMinus(exponent: number): string {
  return `0.${'0'.repeat(exponent - 1)}1`;
}
