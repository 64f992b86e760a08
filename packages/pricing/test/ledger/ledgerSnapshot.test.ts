import { describe, expect, it } from 'vitest';
import { getBundledTariff } from '@seekcost/pricing';
import { createLedger, parseLedgerSnapshot, tariffFingerprint } from '@seekcost/pricing/ledger';

describe('ledgerSnapshot', () => {
  it('writes the whole state as JSON that reads back whole: identity, options with the fingerprint, exact sums past 2^53', () => {
    const ledger = createLedger({ groupBy: ['model'], shardId: 'worker-1' });
    for (let i = 0; i < 3; i++)
      ledger.add({
        id: `r${i}`,
        model: 'deepseek-v4-pro',
        at: '2026-09-01T02:00:00Z',
        usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 1, outputTokens: 2 ** 52 },
      });
    const state = JSON.parse(JSON.stringify(ledger.snapshot()));
    expect(state.format).toBe('seekcost-ledger/3');
    expect([state.shardId, state.shards]).toEqual(['worker-1', ['worker-1']]);
    expect(state.options).toEqual({
      groupBy: ['model'],
      timeZone: 'UTC',
      currency: 'USD',
      dedupe: true,
      nearEdgeMs: 600_000,
      scale: getBundledTariff().scale,
      tariff: tariffFingerprint(getBundledTariff()),
      acceptSecondaryPrices: false,
    });
    expect(state.meteredBuckets).toEqual([]);
    expect(state.buckets[0].tokens).toEqual({ cacheHit: '0', cacheMiss: '3', output: '13510798882111488', reasoning: '0' });
    expect(state.ids).toEqual(['r0', 'r1', 'r2']);
    expect(parseLedgerSnapshot(state).sums).toEqual([[0n, 3n, 13_510_798_882_111_488n, 0n]]);
  });

  it('gives each ledger its own random identity unless one is given', () => {
    const a = createLedger().snapshot().shardId;
    const b = createLedger().snapshot().shardId;
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(() => createLedger({ shardId: '' })).toThrow(/shardId: must be a string of 1 to 200 characters/);
  });

  it('lists every shard a merged ledger holds, its own first', () => {
    const total = createLedger({ shardId: 'total' });
    total.merge(createLedger({ shardId: 'a' }));
    total.merge(createLedger({ shardId: 'b' }).snapshot());
    expect(total.snapshot().shards).toEqual(['total', 'a', 'b']);
  });
});
