import { describe, expect, it } from 'vitest';
import type { TariffTableRow } from '@seekcost/pricing/warehouse';
import { DIALECTS } from '../../src/warehouse/sqlDialects.ts';
import { tariffTableValues } from '../../src/warehouse/tariffTableValues.ts';
import { TINY_TABLE } from './tinyTable.ts';

const row = TINY_TABLE.rows[1] as TariffTableRow;
const withRow = (patch: Record<string, unknown>) => ({ ...TINY_TABLE, rows: [{ ...row, ...patch } as TariffTableRow] });
const values = (table: typeof TINY_TABLE) => tariffTableValues(table, 'duckdb', DIALECTS.duckdb);

describe('tariffTableValues', () => {
  it('writes one tuple per row and holiday, with typed literals', () => {
    const out = values(TINY_TABLE);
    expect(out.tariff[1]).toBe(
      "('deepseek-flash', 'deepseek-flash', NULL, 'deepseek-flash/2026-09-10', TIMESTAMP '2026-09-10 04:00:00.000', NULL, 'off-peak', 1, TRUE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'USD', 0.014, 0.14, 0.28, 14000, 140000, 280000, 'https://api-docs.deepseek.com/quick_start/pricing', 'official')",
    );
    expect(out.holidays).toEqual([
      "('cn-public-holidays', DATE '2026-10-01', 'National Day', 1)",
      "('cn-public-holidays', DATE '2027-01-01', decode(from_hex('4e65772059656172277320446179')), 1)",
    ]);
  });

  it('refuses numbers that would not print as SQL integers, naming the field', () => {
    expect(() => values(withRow({ tierRank: Number.NaN }))).toThrow(/^table\.rows\[0\]\.tierRank: must be an integer from 0 to 1000, got NaN$/);
    expect(() => values(withRow({ outputUnits: 1e21 }))).toThrow(/^table\.rows\[0\]\.outputUnits: must be an integer/);
    expect(() => values(withRow({ windowStartMinute: 1441 }))).toThrow(
      /^table\.rows\[0\]\.windowStartMinute: must be an integer from 0 to 1440 or null, got 1441$/,
    );
    expect(() => values(withRow({ weekdayMask: '31; DROP TABLE usage' }))).toThrow(/^table\.rows\[0\]\.weekdayMask/);
    expect(() => values(withRow({ cacheHitUnits: null }))).toThrow(
      /^table\.rows\[0\]\.cacheHitUnits: must be an integer from 0 to 9007199254740991, got null$/,
    );
  });

  it('refuses impossible or malformed instants, dates and decimals, and a non-boolean default flag', () => {
    expect(() => values(withRow({ validFrom: '2026-02-30T00:00:00.000Z' }))).toThrow(/^table\.rows\[0\]\.validFrom: must be a UTC instant/);
    expect(() => values(withRow({ validTo: "2026-01-01T00:00:00.000Z'" }))).toThrow(/^table\.rows\[0\]\.validTo/);
    expect(() => values(withRow({ outputPrice: '1e3' }))).toThrow(/^table\.rows\[0\]\.outputPrice: must be a non-negative decimal string/);
    expect(() => values(withRow({ outputPrice: '0.28); DROP TABLE usage; --' }))).toThrow(/^table\.rows\[0\]\.outputPrice/);
    expect(() => values(withRow({ isDefault: 'TRUE' }))).toThrow(/^table\.rows\[0\]\.isDefault: must be a boolean/);
    expect(() => values({ ...TINY_TABLE, holidays: [{ calendar: 'c', day: '2026-02-29', name: 'x' }] })).toThrow(
      /^table\.holidays\[0\]\.day: must be a date like 2026-10-01, got 2026-02-29$/,
    );
    expect(() => values({ ...TINY_TABLE, rows: 'nope' as never })).toThrow(/^table\.rows: must be an array$/);
  });
});
