import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDay } from '../src/civilDay.ts';

describe('civilDay', () => {
  it('numbers days from 1970-01-01, before it too', () => {
    expect(civilDay(1970, 1, 1)).toBe(0);
    expect(civilDay(1969, 12, 31)).toBe(-1);
    expect(civilDay(2000, 3, 1)).toBe(11_017);
    expect(civilDay(1, 1, 1)).toBe(-719_162);
  });

  it('knows which days exist: leap years every 4, not every 100, again every 400', () => {
    expect(civilDay(2024, 2, 29)).toBe(19_782);
    expect(civilDay(2000, 2, 29)).toBe(11_016);
    expect(civilDay(2025, 2, 29)).toBeUndefined();
    expect(civilDay(2100, 2, 29)).toBeUndefined();
    expect(civilDay(2026, 9, 31)).toBeUndefined();
    expect(civilDay(2026, 4, 31)).toBeUndefined();
    expect(civilDay(2026, 1, 31)).toBe(20_484);
    expect(civilDay(2026, 0, 1)).toBeUndefined();
    expect(civilDay(2026, 13, 1)).toBeUndefined();
    expect(civilDay(2026, 1, 0)).toBeUndefined();
    expect(civilDay(2026, 1.5, 1)).toBeUndefined();
    expect(civilDay(Number.NaN, 1, 1)).toBeUndefined();
  });

  it('agrees with Date.UTC on every real date from year 100 (Date maps 0-99 to 1900-1999) to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const utc = Date.UTC(year, month - 1, day);
        const real = new Date(utc).getUTCDate() === day;
        expect(civilDay(year, month, day)).toBe(real ? utc / 86_400_000 : undefined);
      }),
      { seed: 8, numRuns: 5000 },
    );
  });
});
