import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceRecord, priceRequest } from '../src/index.ts';

describe('priceRecord', () => {
  it('prices a log line, an API response and a wrapped response like priceRequest', () => {
    const usage = { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800 };
    const line = priceRecord({ id: 'r1', model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage });
    expect(line.ok && [line.atMs, line.id, line.quote.total.toString()]).toEqual([Date.parse('2025-03-01T12:00:00Z'), 'r1', '0.0025']);
    const response = priceRecord({ id: 'r2', model: 'deepseek-chat', created: 1_740_830_400, usage }, { currency: 'CNY' });
    expect(response.ok && response.quote.total.toString()).toBe(
      priceRequest({ model: 'deepseek-chat', usage, at: 1_740_830_400_000, currency: 'CNY' }).total.toString(),
    );
    expect(response.ok && response.quote.provenance.instantBasis).toBe('request');
    const wrapped = priceRecord({ response: { id: 'r3', model: 'deepseek-chat', created: 1_740_830_400, usage } });
    expect(wrapped.ok && wrapped.id).toBe('r3');
  });

  it('says why a record cannot be priced, never throwing', () => {
    expect(priceRecord({ model: 'deepseek-chat', usage: {} })).toMatchObject({ ok: false, code: 'missing-timestamp' });
    expect(priceRecord({ model: 'deepseek-caht', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: 1, completion_tokens: 1 } })).toMatchObject({
      ok: false,
      code: 'unknown-model',
      field: undefined,
    });
    expect(priceRecord({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: -1, completion_tokens: 1 } })).toMatchObject({
      ok: false,
      code: 'invalid-usage',
      field: 'usage.prompt_tokens',
    });
    expect(priceRecord({ model: 'deepseek-chat', at: '2023-01-01T00:00:00Z', usage: { prompt_tokens: 1, completion_tokens: 1 } })).toMatchObject({
      ok: false,
      code: 'before-history',
    });
    expect(priceRecord(null)).toMatchObject({ ok: false, code: 'malformed' });
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = priceRecord(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
