import { describe, expect, it } from 'vitest';
import { getBundledTariff } from '@seekcost/pricing';
import { LedgerIssues } from '../../src/ledger/ledgerIssues.ts';
import { PricePlanCache } from '../../src/ledger/pricePlanCache.ts';
import type { RecordFields } from '../../src/ledger/readLedgerRecord.ts';

const fields = (model: string, at: string): RecordFields => ({ model, atMs: Date.parse(at), basis: 'completion', usage: {}, id: 'x', key: undefined });

describe('LedgerIssues', () => {
  it('counts every exclusion by code and keeps only the first maxDetails as samples', () => {
    const issues = new LedgerIssues(2, 'USD', getBundledTariff());
    for (let i = 0; i < 5; i++) issues.exclude(`log:${i}`, i % 2 === 0 ? 'malformed' : 'invalid-usage', undefined, 'bad');
    expect(issues.excluded).toBe(5);
    expect([...issues.excludedByCode]).toEqual([
      ['malformed', 3],
      ['invalid-usage', 2],
    ]);
    expect(issues.excludedSamples.map((s) => s.ref)).toEqual(['log:0', 'log:1']);
  });

  it("builds an unpriced record's message from resolvePrice, for samples at once and for others when read", () => {
    const issues = new LedgerIssues(1, 'USD', getBundledTariff());
    const kept = issues.excludeUnpriced(fields('deepseek-chat', '2024-01-01T00:00:00Z'), 'log:1', 'before-history');
    const late = issues.excludeUnpriced(fields('deepseek-chat', '2026-07-24T15:59:00Z'), 'log:2', 'retired-model');
    expect(issues.excludedSamples).toEqual([kept]);
    expect(kept.message).toMatch(/^at: 2024-01-01T00:00:00.000Z is before the price history/);
    expect(late.message).toBe("model: 'deepseek-chat' was retired at 2026-07-24T15:59:00.000Z; no price at 2026-07-24T15:59:00.000Z");
    expect(issues.excluded).toBe(2);
  });

  it('counts duplicates with a message naming the id', () => {
    const issues = new LedgerIssues(10, 'USD', getBundledTariff());
    expect(issues.duplicate('a:2', 'abc')).toEqual({
      ref: 'a:2',
      code: 'duplicate-id',
      field: 'id',
      message: "id: response id 'abc' was already counted; this copy is not",
    });
    expect(issues.duplicates).toBe(1);
  });

  it('adds the exact amount at stake of a near-edge record (difference, or all of it when there is no other price)', () => {
    const cache = new PricePlanCache(getBundledTariff(), 'USD', 'UTC', 'none');
    const state = cache.modelState('deepseek-v4-pro');
    if (state === undefined) throw new Error('unknown model');
    const peak = cache.seek(state, state.main, Date.parse('2026-09-01T01:00:00Z')).entry;
    const offPeak = cache.seek(state, state.main, Date.parse('2026-09-01T00:59:00Z')).entry;
    if (peak === undefined || offPeak === undefined) throw new Error('no entries');
    const issues = new LedgerIssues(10, 'USD', getBundledTariff());
    const counts = { hit: 0, miss: 0, output: 1_000_000, reasoning: 0, format: 'openai-chat' as const };
    issues.nearEdge('log:1', fields('deepseek-v4-pro', '2026-09-01T00:59:00Z'), counts, offPeak, peak, Date.parse('2026-09-01T01:09:00Z'));
    issues.nearEdge('log:2', fields('deepseek-v4-pro', '2026-09-01T00:59:00Z'), counts, offPeak, undefined, Date.parse('2026-09-01T01:09:00Z'));
    // 1M output tokens: 3.96 at peak, 1.98 off-peak, in units of 10^-12 (scale 6 + per 1M).
    expect(issues.nearEdgeDetails.map((d) => [d.amountUnits, d.alternativeUnits])).toEqual([
      [1_980_000_000_000n, 3_960_000_000_000n],
      [1_980_000_000_000n, null],
    ]);
    expect(issues.nearEdgeStakeUnits).toBe(1_980_000_000_000n * 2n);
    expect(issues.nearEdgeCount).toBe(2);
  });
});
