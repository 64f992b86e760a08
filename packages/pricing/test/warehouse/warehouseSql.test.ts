import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@seekcost/pricing';
import { tariffTable, warehouseSql, type SqlDialect, type TariffTable } from '@seekcost/pricing/warehouse';
import { TINY_TABLE } from './tinyTable.ts';

const DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'clickhouse', 'bigquery'];
const expected = (dialect: SqlDialect) => readFileSync(join(import.meta.dirname, 'expected', `tiny.${dialect}.sql`), 'utf8');

/** The statement with every literal, and every hex decoder around one, replaced by `?`. */
function skeleton(sql: string): string {
  return sql
    .replace(/'[^'\\]*'/g, '?')
    .replace(/decode\(from_hex\(\?\)\)|convert_from\(decode\(\?, \?\), \?\)|unhex\(\?\)|CAST\(FROM_HEX\(\?\) AS STRING\)/g, '?');
}

/** TINY_TABLE with `strings` in every text field of every row and holiday. */
function withText(strings: readonly string[]): TariffTable {
  let i = 0;
  const next = () => strings[i++ % strings.length] as string;
  return {
    ...TINY_TABLE,
    rows: TINY_TABLE.rows.map((r) => ({
      ...r,
      model: next(),
      resolvedModel: next(),
      mode: next() as never,
      periodId: next(),
      tier: next() as never,
      currency: next() as never,
      source: next(),
      confidence: next() as never,
      holidayCalendar: next(),
    })),
    holidays: TINY_TABLE.holidays.map((h) => ({ ...h, calendar: next(), name: next() })),
  };
}

describe('warehouseSql', () => {
  it.each(DIALECTS)('writes the full %s statement for a tiny tariff, as reviewed in expected/', (dialect) => {
    const sql = warehouseSql(TINY_TABLE, {
      dialect,
      usageTable: 'api_calls',
      metered: true,
      ...(dialect === 'bigquery' ? { prefix: 'billing.seekcost_' } : {}),
    });
    expect(sql).toBe(expected(dialect));
  });

  it('writes exact decimal literals for BigQuery, and no float anywhere', () => {
    const sql = warehouseSql(tariffTable({ model: 'deepseek-v4-pro', currency: 'USD' }), {
      dialect: 'bigquery',
      prefix: 'billing.seekcost_',
      usageTable: 'billing.calls',
    });
    expect(sql).toContain("BIGNUMERIC '3.96'");
    expect(sql).not.toMatch(/FLOAT|DOUBLE|REAL/i);
  });

  it('refuses identifiers that are not plain SQL names, and unknown dialects or currencies, with the field named', () => {
    expect(() => warehouseSql(TINY_TABLE, { dialect: 'duckdb', usageTable: 'usage; DROP TABLE x' })).toThrow(/^usageTable: must be a plain/);
    expect(() => warehouseSql(TINY_TABLE, { dialect: 'duckdb', usageTable: 'a..b' })).toThrow(/^usageTable: must be a plain/);
    expect(() => warehouseSql(TINY_TABLE, { dialect: 'duckdb', prefix: 'a-b' })).toThrow(/^prefix: must be a plain SQL identifier prefix/);
    for (const dialect of ['oracle', 'toString', '__proto__', 'constructor']) {
      expect(() => warehouseSql(TINY_TABLE, { dialect: dialect as never })).toThrow(
        new InvalidArgumentError('dialect', `must be one of duckdb, postgres, clickhouse, bigquery, got ${dialect}`),
      );
    }
    expect(() => warehouseSql(TINY_TABLE, { dialect: 'clickhouse', currency: "USD' OR 1=1 --" as never })).toThrow(/^currency: must be one of USD, CNY/);
  });

  it('refuses a table whose scale or checked date could break out of a type or a comment', () => {
    expect(() => warehouseSql({ ...TINY_TABLE, checked: '2026-11-22\nDROP TABLE usage;' }, { dialect: 'postgres' })).toThrow(/^table\.checked: must be a date/);
    expect(() => warehouseSql({ ...TINY_TABLE, scale: Number.NaN }, { dialect: 'postgres' })).toThrow(
      /^table\.scale: must be an integer from 0 to 18, got NaN/,
    );
    expect(() => warehouseSql({ ...TINY_TABLE, scale: 19 }, { dialect: 'postgres' })).toThrow(/^table\.scale/);
  });

  it('refuses NUL in any text field, naming it, in every dialect', () => {
    for (const dialect of DIALECTS) {
      const row = TINY_TABLE.rows[1];
      if (row === undefined) throw new Error('fixture');
      expect(() => warehouseSql({ ...TINY_TABLE, rows: [TINY_TABLE.rows[0] as never, { ...row, source: 'https://x/\u0000' }] }, { dialect })).toThrow(
        /^table\.rows\[1\]\.source: contains NUL/,
      );
      expect(() => warehouseSql({ ...TINY_TABLE, holidays: [{ calendar: 'c', day: '2026-10-01', name: 'a\u0000' }] }, { dialect })).toThrow(
        /^table\.holidays\[0\]\.name: contains NUL/,
      );
    }
  });

  it('property: no text in any field changes the statement around its literals, in any dialect', () => {
    const plain = DIALECTS.map((dialect) => skeleton(warehouseSql(withText(['x']), { dialect })));
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom("'", '\\', '--', '/*', '*/', ';', '\n', '\r', '"', '`', '$$', 'E', ')', '(') }),
    );
    fc.assert(
      fc.property(
        fc.array(
          text.filter((s) => !s.includes('\0')),
          { minLength: 1, maxLength: 24 },
        ),
        (strings) => {
          DIALECTS.forEach((dialect, i) => {
            const sql = warehouseSql(withText(strings), { dialect });
            expect(sql).toMatch(/^[\x20-\x5b\x5d-\x7e\n]*$/); // printable ASCII and newlines only; no backslash anywhere
            expect(skeleton(sql)).toBe(plain[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
