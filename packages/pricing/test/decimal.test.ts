import DecimalJs from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Decimal, priceRequest } from '../src/index.ts';

describe('the private Decimal clone', () => {
  afterEach(() => {
    DecimalJs.set({ precision: 20, rounding: DecimalJs.ROUND_HALF_UP });
  });

  it('is not the global decimal.js constructor, and ignores its global config', () => {
    expect(Decimal).not.toBe(DecimalJs);
    DecimalJs.set({ precision: 2, rounding: DecimalJs.ROUND_DOWN });
    const quote = priceRequest({
      model: 'deepseek-v4-pro',
      usage: { inputTokens: 123_457, cacheHitInputTokens: 11_111, outputTokens: 98_765 },
      at: '2026-05-10T00:00:00Z',
    });
    // 11111 x 0.003625 + 112346 x 0.435 + 98765 x 0.87 = 40.277375 + 48870.51 + 85925.55 = 134836.337375 per 1M
    expect(quote.total.toString()).toBe('0.134836337375');
  });
});
