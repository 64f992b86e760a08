import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBundledTariff } from '@seekcost/pricing';
import { addCounts, addSums, bucketSums, LedgerBuckets } from '../../src/ledger/ledgerBuckets.ts';
import { PricePlanCache, type PriceEntry } from '../../src/ledger/pricePlanCache.ts';
import type { CountsScratch } from '../../src/ledger/readUsageCounts.ts';
import { EXACT_DOUBLE_COUNT_LIMIT } from '../../src/rules.ts';

function anEntry(): PriceEntry {
  const cache = new PricePlanCache(getBundledTariff(), 'USD', 'UTC', 'none');
  const state = cache.modelState('deepseek-v4-pro');
  const entry = state && cache.seek(state, state.main, Date.parse('2026-09-01T02:00:00Z')).entry;
  if (entry === undefined) throw new Error('no entry');
  return entry;
}
const counts = (hit: number, miss: number, output: number, reasoning: number): CountsScratch => ({ hit, miss, output, reasoning, format: 'openai-chat' });

describe('ledger buckets', () => {
  const entry = anEntry();

  it('makes one bucket per model, price entry, time key and caller key', () => {
    const buckets = new LedgerBuckets();
    const a = buckets.bucketFor('deepseek-v4-pro', entry, 0, 'team-a');
    expect(buckets.bucketFor('deepseek-v4-pro', entry, 0, 'team-a')).toBe(a);
    expect(buckets.bucketFor('deepseek-v4-pro', entry, 1, 'team-a')).not.toBe(a);
    expect(buckets.bucketFor('deepseek-v4-pro', entry, 0, 'team-b')).not.toBe(a);
    expect(buckets.bucketFor('deepseek-chat', entry, 0, 'team-a')).not.toBe(a);
    expect(buckets.size).toBe(4);
  });

  it('sends a count of 2^40 or more straight to BigInt, and one just below it to the double sums', () => {
    const bucket = new LedgerBuckets().bucketFor('m', entry, 0, '');
    addCounts(bucket, counts(EXACT_DOUBLE_COUNT_LIMIT - 1, 0, 0, 0));
    expect([bucket.hit, bucket.bigHit]).toEqual([EXACT_DOUBLE_COUNT_LIMIT - 1, 0n]);
    addCounts(bucket, counts(0, EXACT_DOUBLE_COUNT_LIMIT, 0, 0));
    expect([bucket.miss, bucket.bigMiss]).toEqual([0, BigInt(EXACT_DOUBLE_COUNT_LIMIT)]);
    expect(bucket.records).toBe(2);
  });

  it('spills the double sums to BigInt once one passes 2^52, so none ever reaches 2^53', () => {
    const bucket = new LedgerBuckets().bucketFor('m', entry, 0, '');
    const step = EXACT_DOUBLE_COUNT_LIMIT - 1;
    let expected = 0n;
    for (let i = 0; i < 4097; i++) {
      addCounts(bucket, counts(0, 0, step, 0));
      expected += BigInt(step);
      expect(bucket.output).toBeLessThanOrEqual(2 ** 52);
    }
    expect(bucket.bigOutput).toBeGreaterThan(0n);
    expect(bucketSums(bucket)[2]).toBe(expected);
  });

  it('keeps exact sums for any sequence of counts (property, against BigInt sums)', () => {
    const count = fc.oneof(
      fc.integer({ min: 0, max: 2_000_000 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.constantFrom(EXACT_DOUBLE_COUNT_LIMIT - 1, EXACT_DOUBLE_COUNT_LIMIT),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(count, count, count, count), { maxLength: 200 }), (rows) => {
        const bucket = new LedgerBuckets().bucketFor('m', entry, 0, '');
        const sums = [0n, 0n, 0n, 0n];
        // Reasoning tokens are part of output (readUsageCounts guarantees it), so never above it.
        for (const [hit, miss, output, anyReasoning] of rows) {
          const reasoning = Math.min(anyReasoning, output);
          addCounts(bucket, counts(hit, miss, output, reasoning));
          [hit, miss, output, reasoning].forEach((n, i) => (sums[i] = (sums[i] as bigint) + BigInt(n)));
        }
        expect(bucketSums(bucket)).toEqual(sums);
        expect(bucket.records).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it("adds a merged state's exact sums", () => {
    const bucket = new LedgerBuckets().bucketFor('m', entry, 0, '');
    addCounts(bucket, counts(1, 2, 3, 1));
    addSums(bucket, 5, [10n, 2n ** 60n, 0n, 0n]);
    expect(bucket.records).toBe(6);
    expect(bucketSums(bucket)).toEqual([11n, 2n ** 60n + 2n, 3n, 1n]);
  });
});
