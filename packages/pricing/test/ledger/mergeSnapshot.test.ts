import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTariff, getBundledTariff } from '@seekcost/pricing';
import { createLedger, DuplicateShardError, InvalidLedgerStateError, type Ledger, type LedgerOptions, type LedgerSnapshot } from '@seekcost/pricing/ledger';
import { recordArb } from './support.ts';

const chatUsage = (hit: number, miss: number, out: number) => ({
  prompt_tokens: hit + miss,
  prompt_cache_hit_tokens: hit,
  prompt_cache_miss_tokens: miss,
  completion_tokens: out,
});

// What a ledger shows of itself, as JSON: equal before and after a refused merge means untouched.
const observable = (ledger: Ledger) => JSON.stringify({ totals: ledger.totals(), snapshot: { ...ledger.snapshot() } });

function shard(options: LedgerOptions, days: number): Ledger {
  const ledger = createLedger(options);
  for (let day = 0; day < days; day++) {
    ledger.add(
      {
        id: `${options.shardId}-${day}`,
        model: 'deepseek-v4-pro',
        at: Date.parse('2026-09-01T02:00:00Z') + day * 86_400_000,
        usage: chatUsage(day, 2 * day + 1, 3 * day),
      },
      `log:${day}`,
    );
  }
  return ledger;
}

function errorOf(run: () => void): InvalidLedgerStateError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidLedgerStateError) return error;
    throw error;
  }
  throw new Error('the merge was accepted');
}

describe('merge: all or nothing', () => {
  const options = { groupBy: ['day'] as const, shardId: 'target' };

  it.each([
    ['a negative token sum', (b: Record<string, unknown>) => ((b.tokens as Record<string, unknown>).output = '-99999999999'), /tokens\.output$/],
    ['unit prices other than this price data', (b: Record<string, unknown>) => ((b.units as { output: number }).output += 1), /\.units$/],
    ['a bucket relabelled CNY', (b: Record<string, unknown>) => (b.currency = 'CNY'), /\.currency$/],
  ])('leaves the ledger exactly as it was when only the LAST bucket is bad (%s)', (_name, spoil, field) => {
    const target = shard(options, 3);
    const before = observable(target);
    const state = JSON.parse(JSON.stringify(shard({ groupBy: ['day'], shardId: 'other' }, 6).snapshot())) as { buckets: Record<string, unknown>[] };
    expect(state.buckets).toHaveLength(6);
    spoil(state.buckets[5] as Record<string, unknown>);
    const error = errorOf(() => target.merge(state as unknown as LedgerSnapshot));
    expect(error.field).toMatch(/^buckets\[5\]/);
    expect(error.field).toMatch(field);
    expect(observable(target)).toBe(before);
    // And the ledger still works: the good state merges afterwards.
    target.merge(shard({ groupBy: ['day'], shardId: 'other' }, 6).snapshot());
    expect(target.totals().records.priced).toBe(9);
  });

  it('refuses the same shard twice, with dedupe on or off, and a state that already holds it', () => {
    for (const dedupe of [true, false]) {
      const a = shard({ dedupe, shardId: 'a' }, 2);
      const b = shard({ dedupe, shardId: 'b' }, 2);
      const total = createLedger({ dedupe, shardId: 'total' });
      total.merge(JSON.parse(JSON.stringify(a.snapshot())));
      const before = observable(total);
      const twice = errorOf(() => total.merge(JSON.parse(JSON.stringify(a.snapshot()))));
      expect(twice).toBeInstanceOf(DuplicateShardError);
      expect(twice.code).toBe('DUPLICATE_SHARD');
      expect(twice.field).toBe('shardId');
      expect(twice.message).toMatch(/shard "a" is already in this ledger/);
      // b has merged a: its state holds a, so merging it after a would count a twice.
      b.merge(a);
      const holding = errorOf(() => total.merge(b.snapshot()));
      expect(holding.field).toBe('shards[1]');
      expect(observable(total)).toBe(before);
      expect(() => a.merge(a.snapshot())).toThrow(DuplicateShardError);
      expect(() => a.merge(a)).toThrow(DuplicateShardError);
    }
  });

  it('refuses states made with other options or price data, naming the option', () => {
    const cases: [LedgerOptions, string, RegExp][] = [
      [{ currency: 'CNY' }, 'options.currency', /totals in CNY, this ledger in USD/],
      [{ timeZone: 'Asia/Shanghai' }, 'options.timeZone', /groups in "Asia\/Shanghai", this ledger in UTC/],
      [{ groupBy: ['model'] }, 'options.groupBy', /groups by \[model\], this ledger by \[\]/],
      [{ dedupe: false }, 'options.dedupe', /does not de-duplicate response ids, this ledger does/],
      [{ nearEdgeMs: 1 }, 'options.nearEdgeMs', /within 1 ms of a price edge, this ledger within 600000 ms/],
    ];
    for (const [other, field, reason] of cases) {
      const error = errorOf(() => createLedger().merge(shard(other, 1)));
      expect([error.field, error.reason]).toEqual([field, expect.stringMatching(reason)]);
    }
    // Price data that differs anywhere (here only a note) has another fingerprint.
    const document = structuredClone(getBundledTariff().document) as { checked: string };
    document.checked = '2099-01-01';
    const edited = compileTariff(document);
    const error = errorOf(() => createLedger().merge(shard({ tariff: edited }, 1)));
    expect(error.field).toBe('options.tariff');
    expect(error.reason).toMatch(/^was priced with other price data \(sha256:[0-9a-f]{64}\); this ledger's price data is sha256:[0-9a-f]{64}$/);
  });

  it('merging shards equals one ledger over all records, through JSON, with dedupe on or off', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(recordArb, fc.integer({ min: 0, max: 3 })), { maxLength: 40 }), fc.boolean(), (tagged, dedupe) => {
        const options = { groupBy: ['day', 'model', 'tier', 'key'] as const, timeZone: 'Asia/Shanghai', dedupe };
        const one = createLedger(options);
        const shards = [0, 1, 2, 3].map(() => createLedger(options));
        tagged.forEach(([record, at], i) => {
          one.add({ ...record, id: `r${i}` }, `line ${i}`);
          shards[at]?.add({ ...record, id: `r${i}` }, `line ${i}`);
        });
        const merged = createLedger(options);
        for (const s of shards) merged.merge(JSON.parse(JSON.stringify(s.snapshot())));
        const a = merged.totals();
        const b = one.totals();
        expect(a.amount.toString()).toBe(b.amount.toString());
        expect(JSON.stringify(a.groups)).toBe(JSON.stringify(b.groups));
        expect(a.records).toEqual(b.records);
        expect(a.nearEdge.atStake.toString()).toBe(b.nearEdge.atStake.toString());
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
