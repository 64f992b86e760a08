import { describe, expect, it } from 'vitest';
import { InvalidUsageError, priceMetered } from '@seekcost/pricing';
import { validateMeteredCount } from '../src/priceMetered.ts';

describe('priceMetered', () => {
  it('prices stand-alone API calls and sums the lines', () => {
    const q = priceMetered({ counts: { search: 1000, fetch: 2000 }, via: 'api', at: '2026-10-15T00:00:00Z', currency: 'CNY' });
    expect(q.lines.map((l) => [l.item, l.provenance.periodId, l.amount.toString()])).toEqual([
      ['search', 'search/api/2026-10-01', '5'],
      ['fetch', 'fetch/api/2026-10-01', '10'],
    ]);
    expect(q.total.toString()).toBe('15');
  });

  it('returns no lines and a zero total for zero counts, and rejects a counts value that is not an object', () => {
    const q = priceMetered({ counts: { search: 0 }, at: '2026-11-20T00:00:00Z', currency: 'CNY' });
    expect([q.lines.length, q.total.toString()]).toEqual([0, '0']);
    expect(() => priceMetered({ counts: [3] as never, at: '2026-11-20T00:00:00Z' })).toThrow(
      new InvalidUsageError('metered', 'must be an object of counts by item, got an array'),
    );
  });
});

describe('validateMeteredCount', () => {
  it.each([
    [-1, 'must be non-negative, got -1'],
    [0.5, 'must be a whole number, got 0.5'],
    [Infinity, 'must be a non-negative whole number, got Infinity'],
    [Number.NaN, 'must be a non-negative whole number, got NaN'],
    ['3', 'must be a non-negative whole number, got the string "3"'],
    ['\u001b[2J', 'must be a non-negative whole number, got the string "\\u001b[2J"'],
    [null, 'must be a non-negative whole number, got null'],
    [2 ** 53, `is too large to count exactly (${2 ** 53})`],
  ])('%s is rejected: %s', (value, reason) => {
    expect(() => validateMeteredCount(value, 'metered.search')).toThrow(new InvalidUsageError('metered.search', reason));
  });
  it('accepts whole numbers', () => expect(validateMeteredCount(12, 'metered.ocrPages')).toBe(12));
});
