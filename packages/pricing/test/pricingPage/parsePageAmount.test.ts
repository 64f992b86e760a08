import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePageAmount } from '../../src/pricingPage/parsePageAmount.ts';

describe('parsePageAmount', () => {
  it('reads USD and CNY cells exactly, as printed', () => {
    expect(parsePageAmount('$0.0028')).toEqual({ currency: 'USD', amount: '0.0028' });
    expect(parsePageAmount(' 0.10元 ')).toEqual({ currency: 'CNY', amount: '0.10' });
    expect(parsePageAmount('27.0元')).toEqual({ currency: 'CNY', amount: '27.0' });
    expect(parsePageAmount('5元')).toEqual({ currency: 'CNY', amount: '5' });
  });
  it('reads nothing else', () => {
    for (const cell of ['€1', '$', '$-1', '$1e3', '1.5', 'USD 0.14', '$0.1.2', '0.5 元/次', '', '¥3', '$0x10']) expect(parsePageAmount(cell)).toBeUndefined();
  });
  it('round-trips any decimal written either way', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 999999 }), (whole, fraction) => {
        const amount = `${whole}.${fraction}`;
        expect(parsePageAmount(`$${amount}`)).toEqual({ currency: 'USD', amount });
        expect(parsePageAmount(`${amount}元`)).toEqual({ currency: 'CNY', amount });
      }),
    );
  });
});
