import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInstantError, SeekcostError, toEpochMs } from '../src/index.ts';
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from '../src/rules.ts';

/** The InvalidInstantError a call throws (fails the test if it throws anything else or nothing). */
function instantError(value: unknown, field = 'at'): InvalidInstantError {
  try {
    toEpochMs(value as string, field);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInstantError);
    return error as InvalidInstantError;
  }
  throw new Error(`expected ${String(value)} to be refused`);
}

describe('toEpochMs: what it accepts', () => {
  it.each([
    ['2025-02-26T16:30Z', 1_740_587_400_000],
    ['2025-02-26T16:30:00Z', 1_740_587_400_000],
    ['2025-02-26T16:30:00.000Z', 1_740_587_400_000],
    ['2025-02-26T16:30:00.5Z', 1_740_587_400_500],
    ['2025-02-26T16:30:00.12Z', 1_740_587_400_120],
    ['2025-02-26T16:30:00.123456Z', 1_740_587_400_123],
    ['2025-02-26T16:30:00.999999999Z', 1_740_587_400_999],
    ['2025-02-27T00:30+08:00', 1_740_587_400_000],
    ['2025-02-26T11:30:00-05:00', 1_740_587_400_000],
    ['2025-02-26T16:30:00-00:00', 1_740_587_400_000],
    ['2025-02-26t16:30:00z', 1_740_587_400_000],
    ['2025-02-26 16:30:00Z', 1_740_587_400_000],
    ['2024-02-29T00:00:00Z', 1_709_164_800_000],
    ['2000-02-29T00:00:00Z', 951_782_400_000],
  ])('%s is %d', (text, ms) => {
    expect(toEpochMs(text, 'at')).toBe(ms);
    expect(toEpochMs(text, 'at')).toBe(Date.parse(text.replace(' ', 'T')));
  });

  it('accepts Dates and whole epoch milliseconds, and hands back +0 for -0', () => {
    expect(toEpochMs(new Date(1_740_587_400_000), 'at')).toBe(1_740_587_400_000);
    expect(toEpochMs(1_740_587_400_000, 'at')).toBe(1_740_587_400_000);
    expect(Object.is(toEpochMs(-0, 'at'), 0)).toBe(true);
  });

  it('runs from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, inclusive, to the millisecond', () => {
    expect(MIN_INSTANT_MS).toBe(Date.UTC(1970, 0, 1));
    expect(MAX_INSTANT_MS).toBe(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    expect(toEpochMs('1970-01-01T00:00:00.000Z', 'at')).toBe(0);
    expect(toEpochMs(0, 'at')).toBe(0);
    expect(toEpochMs(new Date(0), 'at')).toBe(0);
    expect(toEpochMs('9999-12-31T23:59:59.999Z', 'at')).toBe(253_402_300_799_999);
    expect(toEpochMs(253_402_300_799_999, 'at')).toBe(253_402_300_799_999);
    expect(toEpochMs('1970-01-01T08:00:00.000+08:00', 'at')).toBe(0);
    expect(toEpochMs('9999-12-31T19:59:59.999-04:00', 'at')).toBe(253_402_300_799_999);

    expect(instantError(-1).reason).toBe('-1 is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z');
    expect(instantError(new Date(-1)).reason).toContain('is out of range');
    expect(instantError(253_402_300_800_000).reason).toContain('is out of range');
    expect(instantError('1969-12-31T23:59:59.999Z').reason).toContain('is out of range');
    expect(instantError('1970-01-01T07:59:59.999+08:00').reason).toContain('is out of range');
    expect(instantError('9999-12-31T20:00:00.000-04:00').reason).toContain('is out of range');
  });
});

describe('toEpochMs: what it refuses, with the field named (issue 8, sections 3 and 4)', () => {
  it.each([
    [1e20, 'at: 100000000000000000000 is out of range'],
    [1e16, 'at: 10000000000000000 is out of range'],
    [-1e16, 'at: -10000000000000000 is out of range'],
    [8.64e15, 'at: 8640000000000000 is out of range'],
    [Number.NaN, 'at: must be a finite number of epoch milliseconds, got NaN'],
    [Number.POSITIVE_INFINITY, 'at: must be a finite number of epoch milliseconds, got Infinity'],
    [1_740_587_400_000.5, 'at: must be a whole number of epoch milliseconds, got 1740587400000.5'],
    [new Date(Number.NaN), 'at: is an Invalid Date'],
    ['2025-02-30T12:00:00Z', 'at: "2025-02-30T12:00:00Z" names a date that does not exist (2025-02-30)'],
    ['2026-09-31T00:00Z', 'at: "2026-09-31T00:00Z" names a date that does not exist (2026-09-31)'],
    ['2026-02-29T00:00Z', 'at: "2026-02-29T00:00Z" names a date that does not exist (2026-02-29)'],
    ['2100-02-29T00:00Z', 'at: "2100-02-29T00:00Z" names a date that does not exist (2100-02-29)'],
    ['2025-13-01T00:00Z', 'at: "2025-13-01T00:00Z" names a date that does not exist (2025-13-01)'],
    ['2025-00-10T00:00Z', 'at: "2025-00-10T00:00Z" names a date that does not exist (2025-00-10)'],
    ['2025-01-00T00:00Z', 'at: "2025-01-00T00:00Z" names a date that does not exist (2025-01-00)'],
    ['2025-03-01T24:00:00Z', 'at: "2025-03-01T24:00:00Z" has a time of day that does not exist (24:00:00)'],
    ['2025-03-01T12:60:00Z', 'at: "2025-03-01T12:60:00Z" has a time of day that does not exist (12:60:00)'],
    ['2025-03-01T23:59:60Z', 'at: "2025-03-01T23:59:60Z" has a time of day that does not exist (23:59:60)'],
    ['2025-03-01T12:00:00+24:00', 'at: "2025-03-01T12:00:00+24:00" has an impossible UTC offset (+24:00)'],
    ['2025-03-01T12:00:00+08:60', 'at: "2025-03-01T12:00:00+08:60" has an impossible UTC offset (+08:60)'],
    ['0024-01-01T00:00Z', 'at: "0024-01-01T00:00Z" is out of range'],
    ['2025 3 1 Z', 'at: "2025 3 1 Z" is not an ISO-8601 instant like 2025-03-01T12:00:00Z'],
    ['2025-03-01T12:00:00', 'it has no time zone'],
    ['2025-03-01', 'at: "2025-03-01" is not an ISO-8601 instant'],
    ['2025-03-01T12Z', 'is not an ISO-8601 instant'],
    ['2025-03-01T12:00:00+0800', 'is not an ISO-8601 instant'],
    ['2025-03-01T12:00:00+08', 'is not an ISO-8601 instant'],
    ['20250301T120000Z', 'is not an ISO-8601 instant'],
    ['+002025-03-01T12:00:00Z', 'is not an ISO-8601 instant'],
    ['2025-W09-6T12:00:00Z', 'is not an ISO-8601 instant'],
    [' 2025-03-01T12:00:00Z', 'is not an ISO-8601 instant'],
    ['2025-03-01T12:00:00Z\n', 'is not an ISO-8601 instant'],
    ['2025-03-01T12:00:00.Z', 'is not an ISO-8601 instant'],
    ['2025-03-01T12:00:00.1234567890Z', 'is not an ISO-8601 instant'],
    ['Sat, 01 Mar 2025 12:00:00 GMT', 'is not an ISO-8601 instant'],
    ['1740830400000', 'is not an ISO-8601 instant'],
    ['', 'at: "" is not an ISO-8601 instant'],
    [null, 'at: must be a Date, epoch milliseconds or an ISO-8601 string with a zone, got null'],
    [undefined, 'got undefined'],
    [1_740_830_400_000n, 'got 1740830400000n'],
    [{ valueOf: () => 0 }, 'got an object'],
    [Object.create(null), 'got an object'],
    [Symbol('at'), 'got a symbol'],
    [[2025, 3, 1], 'got an array'],
  ])('%s', (value, message) => {
    const error = instantError(value);
    expect(error.field).toBe('at');
    expect(error.code).toBe('INVALID_INSTANT');
    expect(error.message).toContain(message);
  });

  it('names whatever field it is given, and escapes what it quotes', () => {
    expect(instantError('2026-09-31T00:00Z', 'models.deepseek-chat.periods.3.from').message).toBe(
      'models.deepseek-chat.periods.3.from: "2026-09-31T00:00Z" names a date that does not exist (2026-09-31)',
    );
    expect(instantError('\u001b[31mred', '--at').message).toBe('--at: "\\u001b[31mred" is not an ISO-8601 instant like 2025-03-01T12:00:00Z');
  });

  it('refuses an object that merely inherits from Date', () => {
    expect(instantError(Object.create(Date.prototype)).reason).toBe('is not a real Date');
  });
});

describe('toEpochMs: properties', () => {
  const validMs = fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS });

  it('reads back what toISOString writes, for every valid instant, as a string, a number and a Date', () => {
    fc.assert(
      fc.property(validMs, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(toEpochMs(iso, 'at')).toBe(ms);
        expect(toEpochMs(ms, 'at')).toBe(ms);
        expect(toEpochMs(new Date(ms), 'at')).toBe(ms);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });

  it('reads any offset as Date.parse does, wherever both accept the text', () => {
    const offset = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });
    fc.assert(
      fc.property(fc.integer({ min: 86_400_000, max: MAX_INSTANT_MS - 86_400_000 }), offset, (ms, minutes) => {
        const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23);
        const abs = Math.abs(minutes);
        const text = `${local}${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(toEpochMs(text, 'at')).toBe(ms);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });

  it('refuses every day past the end of its month, which Date would roll over', () => {
    const month = fc.record({ year: fc.integer({ min: 1970, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(month, ({ year, month: m, extra }) => {
        const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
        const day = lastDay + extra;
        if (day > 99) return;
        const text = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`;
        expect(instantError(text).reason).toContain('names a date that does not exist');
      }),
      { seed: 8, numRuns: 2000 },
    );
  });

  it('gives a typed error with the field, never a number, for arbitrary strings that are not an instant', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let result: number | undefined;
        try {
          result = toEpochMs(text, 'at');
        } catch (error) {
          expect(error).toBeInstanceOf(SeekcostError);
          expect((error as InvalidInstantError).field).toBe('at');
          return;
        }
        // The rare random string that is an instant must be one Date.parse agrees with, in range.
        expect(result).toBe(Date.parse(text.replace(' ', 'T')));
      }),
      { seed: 8, numRuns: 5000 },
    );
  });

  it('refuses every mutation of a valid instant that breaks one component', () => {
    const broken = fc.tuple(validMs, fc.integer({ min: 0, max: 5 })).map(([ms, which]) => {
      const iso = new Date(ms).toISOString();
      const parts = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13), iso.slice(14, 16), iso.slice(17, 19)];
      const bad = ['abcd', '13', '32', '25', '61', '61'][which] as string;
      parts[which] = bad;
      return `${parts[0]}-${parts[1]}-${parts[2]}T${parts[3]}:${parts[4]}:${parts[5]}Z`;
    });
    fc.assert(
      fc.property(broken, (text) => {
        expect(instantError(text).field).toBe('at');
      }),
      { seed: 8, numRuns: 1000 },
    );
  });
});
