import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, drawDownBalances, InvalidArgumentError, type BalanceSpend } from '../src/index.ts';

const spend = (iso: string, amount: string): BalanceSpend => ({ atMs: Date.parse(iso), amount: new Decimal(amount) });

describe('drawDownBalances', () => {
  it('takes the granted balance first, then the topped-up one, in time order, and says when each runs out', () => {
    // Off-peak output of deepseek-v4-pro: 1.98 per 1M tokens; given out of order.
    const spends = [
      spend('2026-09-01T12:00:00Z', '1.98'),
      spend('2026-09-01T12:00:10Z', '1.98'),
      spend('2026-09-01T12:00:20Z', '1.98'),
      spend('2026-09-01T12:00:05Z', '1.98'),
    ];
    const d = drawDownBalances(spends, { granted: '2', toppedUp: '5' });
    expect(d.spent.toString()).toBe('7.92');
    expect(d.granted.left.toString()).toBe('0');
    expect(d.granted.runsOutAt?.toISOString()).toBe('2026-09-01T12:00:05.000Z');
    expect(d.toppedUp.left.toString()).toBe('0');
    expect(d.toppedUp.runsOutAt?.toISOString()).toBe('2026-09-01T12:00:20.000Z');
    expect(d.uncovered.toString()).toBe('0.92');
  });

  it('leaves a balance no spend reached, and runs out exactly at a spend equal to what is left', () => {
    const d = drawDownBalances([spend('2026-01-01T00:00:00Z', '2'), spend('2026-01-01T00:00:01Z', '0')], { granted: new Decimal(2), toppedUp: '5' });
    expect(d.granted.runsOutAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(d.toppedUp).toEqual({ start: new Decimal(5), left: new Decimal(5), runsOutAt: null });
    expect(drawDownBalances([], { granted: '0', toppedUp: '0' }).granted.runsOutAt).toBeNull();
  });

  it('rejects negative or malformed balances and spends with a typed error naming the field', () => {
    expect(() => drawDownBalances([], { granted: '-1', toppedUp: '0' })).toThrow(
      new InvalidArgumentError('granted', `must be a non-negative amount like "10" or "2.50", got '-1'`),
    );
    expect(() => drawDownBalances([], { granted: '1', toppedUp: new Decimal(NaN) })).toThrow(InvalidArgumentError);
    expect(() => drawDownBalances([spend('2026-01-01T00:00:00Z', '-0.5')], { granted: '1', toppedUp: '1' })).toThrow(/spends\[0\]\.amount/);
    expect(() => drawDownBalances([{ atMs: Number.NaN, amount: new Decimal(1) }], { granted: '1', toppedUp: '1' })).toThrow(/spends\[0\]\.atMs/);
    expect(() => drawDownBalances([{ atMs: 0, amount: 1.5 as unknown as Decimal }], { granted: '1', toppedUp: '1' })).toThrow(/spends\[0\]\.amount/);
  });

  it('conserves money: what left both balances plus what neither covered is what was spent, and granted goes first', () => {
    const cents = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(100));
    fc.assert(
      fc.property(
        fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 1000 }), amount: cents }), { maxLength: 30 }),
        cents,
        cents,
        (spends, granted, toppedUp) => {
          const d = drawDownBalances(spends, { granted, toppedUp });
          const total = spends.reduce((sum, s) => sum.plus(s.amount), new Decimal(0));
          expect(d.spent.toString()).toBe(total.toString());
          expect(granted.minus(d.granted.left).plus(toppedUp.minus(d.toppedUp.left)).plus(d.uncovered).toString()).toBe(total.toString());
          // The topped-up balance is touched only once the granted one is empty.
          if (!d.toppedUp.left.equals(toppedUp) || d.uncovered.greaterThan(0)) expect(d.granted.left.isZero()).toBe(true);
          expect(d.uncovered.toString()).toBe(Decimal.max(0, total.minus(granted).minus(toppedUp)).toString());
        },
      ),
      { numRuns: 300 },
    );
  });
});
