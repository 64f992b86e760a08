import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayOf, InvalidInstantError, isoDateOfEpochDay } from '../src/index.ts';
import { MAX_EPOCH_DAY, MIN_EPOCH_DAY } from '../src/rules.ts';

function dateError(value: unknown, field?: string): InvalidInstantError {
  try {
    epochDayOf(value as string, field);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInstantError);
    return error as InvalidInstantError;
  }
  throw new Error(`expected ${String(value)} to be refused`);
}

describe('epochDayOf', () => {
  it('counts days from 1970-01-01 through 9999-12-31, inclusive', () => {
    expect(epochDayOf('1970-01-01')).toBe(0);
    expect(epochDayOf('1970-01-02')).toBe(1);
    expect(epochDayOf('2026-10-01')).toBe(20_727);
    expect(epochDayOf('2024-02-29')).toBe(19_782);
    expect(epochDayOf('9999-12-31')).toBe(MAX_EPOCH_DAY);
    expect(MIN_EPOCH_DAY).toBe(0);
    expect(MAX_EPOCH_DAY).toBe(Date.UTC(9999, 11, 31) / 86_400_000);
  });

  it.each([
    ['2026-02-30', 'date: "2026-02-30" names a date that does not exist'],
    ['2025-02-29', 'date: "2025-02-29" names a date that does not exist'],
    ['2026-09-31', 'date: "2026-09-31" names a date that does not exist'],
    ['2026-13-01', 'names a date that does not exist'],
    ['0024-01-01', 'date: "0024-01-01" is out of range: dates run from 1970-01-01 to 9999-12-31'],
    ['1969-12-31', 'is out of range'],
    ['2026-1-01', 'date: "2026-1-01" is not a date like 2026-10-01'],
    ['2026-10-01T00:00Z', 'is not a date like 2026-10-01'],
    [' 2026-10-01', 'is not a date like 2026-10-01'],
    ['', 'is not a date like 2026-10-01'],
    [20_727, 'date: must be a date like 2026-10-01, got 20727'],
    [null, 'got null'],
  ])('refuses %s', (value, message) => {
    expect(dateError(value).message).toContain(message);
  });

  it('names the field it is given (a holiday in price data, say)', () => {
    const error = dateError('2026-02-30', 'calendars.cn-holidays.dates.2.from');
    expect(error.field).toBe('calendars.cn-holidays.dates.2.from');
    expect(error.message).toBe('calendars.cn-holidays.dates.2.from: "2026-02-30" names a date that does not exist');
  });

  it('is the inverse of isoDateOfEpochDay over the whole range', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_EPOCH_DAY, max: MAX_EPOCH_DAY }), (day) => {
        expect(epochDayOf(isoDateOfEpochDay(day))).toBe(day);
      }),
      { seed: 8, numRuns: 3000 },
    );
  });
});
