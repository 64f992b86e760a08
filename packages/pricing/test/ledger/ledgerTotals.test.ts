import { describe, expect, it } from 'vitest';
import { Decimal } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import type { LedgerCore } from '../../src/ledger/ledgerCore.ts';
import { ledgerTotals } from '../../src/ledger/ledgerTotals.ts';

const chatUsage = (hit: number, miss: number, out: number) => ({
  prompt_tokens: hit + miss,
  prompt_cache_hit_tokens: hit,
  prompt_cache_miss_tokens: miss,
  completion_tokens: out,
});

describe('ledgerTotals', () => {
  it('prices each bucket as its token sums times its unit prices, and groups and the total as their sums', () => {
    const ledger = createLedger({ groupBy: ['day', 'tier'] });
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T00:30:00Z', usage: chatUsage(7, 11, 13) });
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: chatUsage(1, 2, 3) });
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T02:30:00Z', usage: chatUsage(4, 5, 6) });
    const totals = ledgerTotals(ledger as unknown as LedgerCore);
    expect(totals.groups.map((g) => [g.key, g.records, g.amount.toString()])).toEqual([
      // off-peak: 7 x 0.022 + 11 x 0.66 + 13 x 1.98 per 1M
      [{ day: '2026-09-01', tier: 'off-peak' }, 1, '0.000033154'],
      // peak: 5 x 0.044 + 7 x 1.32 + 9 x 3.96 per 1M
      [{ day: '2026-09-01', tier: 'peak' }, 2, '0.0000451'],
    ]);
    for (const bucket of totals.buckets) {
      const expected = new Decimal(bucket.tokens.cacheHitInputTokens)
        .times(bucket.rates.cacheHit)
        .plus(new Decimal(bucket.tokens.cacheMissInputTokens).times(bucket.rates.cacheMiss))
        .plus(new Decimal(bucket.tokens.outputTokens).times(bucket.rates.output))
        .div(1_000_000);
      expect(bucket.amount.toString()).toBe(expected.toString());
    }
    expect(totals.amount.toString()).toBe('0.000078254');
    expect(totals.tokens).toEqual({ cacheHitInputTokens: 12, cacheMissInputTokens: 18, outputTokens: 22, reasoningTokens: 0 });
  });

  it('lists the warnings in a fixed order: exclusions, duplicates, basis, then price warnings by code', () => {
    const ledger = createLedger();
    ledger.reject('log:1', 'malformed', 'not JSON');
    ledger.add({ id: 'a', model: 'deepseek-chat', created: 1_767_130_891, usage: chatUsage(0, 1, 1) });
    ledger.add({ id: 'a', model: 'deepseek-chat', created: 1_767_130_891, usage: chatUsage(0, 1, 1) });
    expect(ledgerTotals(ledger as unknown as LedgerCore).warnings.map((w) => [w.code, w.count])).toEqual([
      ['excluded-records', 1],
      ['duplicate-id', 1],
      ['request-time-basis', 1],
    ]);
  });

  it('refuses to show a token total past 2^53 as a number, with a typed error', () => {
    const ledger = createLedger();
    for (let i = 0; i < 3; i++)
      ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 0, outputTokens: 2 ** 52 } });
    expect(() => ledger.totals()).toThrow(/a token total \(13510798882111488\) is beyond 2\^53/);
  });
});
