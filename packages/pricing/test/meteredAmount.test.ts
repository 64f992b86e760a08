import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, type CompiledMeteredPrice } from '@seekcost/pricing';
import { meteredAmount } from '../src/meteredAmount.ts';

function priceOf(price: string, unitSize: number): CompiledMeteredPrice {
  const [whole = '0', fraction = ''] = price.split('.');
  return {
    item: 'search',
    currency: 'CNY',
    price: new Decimal(price),
    unitSize,
    units: Number(whole + fraction),
    exponent: fraction.length + Math.log10(unitSize),
    confidence: 'official',
    secondaryOnly: false,
    note: undefined,
    discountId: undefined,
  };
}

describe('meteredAmount', () => {
  it('prices counts exactly per unit size', () => {
    expect(meteredAmount(3, priceOf('5', 1000)).toString()).toBe('0.015');
    expect(meteredAmount(5400, priceOf('3', 10_000)).toString()).toBe('1.62');
    expect(meteredAmount(0, priceOf('1.5', 1000)).toString()).toBe('0');
    expect(meteredAmount(2n ** 70n, priceOf('0.75', 1000)).toString()).toBe('885443715538058477.568');
  });

  it('property: equals count x price / unitSize done in integer arithmetic', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (count, cents, priceScale, sizeExp) => {
          const price = new Decimal(cents).div(10 ** priceScale);
          const got = meteredAmount(count, priceOf(price.toString(), 10 ** sizeExp));
          // count x cents / 10^(priceScale + sizeExp), exactly, from integers.
          const expected = new Decimal((BigInt(count) * BigInt(cents)).toString()).div(new Decimal(10).pow(priceScale + sizeExp));
          expect(got.equals(expected)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
