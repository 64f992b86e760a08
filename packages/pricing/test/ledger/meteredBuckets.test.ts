import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, priceRequest, SeekcostError, type MeteredCounts } from '@seekcost/pricing';
import { createLedger, InvalidLedgerStateError, type LedgerSnapshot } from '@seekcost/pricing/ledger';
import { addMeteredCount, meteredSum, type MeteredBucket } from '../../src/ledger/meteredBuckets.ts';

const chatUsage = (hit: number, miss: number, out: number) => ({
  prompt_tokens: hit + miss,
  prompt_cache_hit_tokens: hit,
  prompt_cache_miss_tokens: miss,
  completion_tokens: out,
});
const usage = chatUsage(0, 1000, 100);
const NOV_20 = '2026-11-20T03:00:00Z';

describe('addMeteredCount', () => {
  it('keeps a count exact past 2^53 (the sum moves to BigInt)', () => {
    const m = { records: 0, count: 0, bigCount: 0n } as unknown as MeteredBucket;
    addMeteredCount(m, Number.MAX_SAFE_INTEGER);
    addMeteredCount(m, 1);
    addMeteredCount(m, 2);
    addMeteredCount(m, 5n, 4);
    expect(meteredSum(m)).toBe(9_007_199_254_740_999n);
    expect(m.records).toBe(7);
  });
});

describe('createLedger: metered items', () => {
  it('adds exactly CNY 0.015 for 3 searches on 2026-11-20, with a line per item in totals, groups and buckets', () => {
    const ledger = createLedger({ currency: 'CNY', groupBy: ['key'] });
    ledger.add({ model: 'deepseek-v4-flash', at: NOV_20, usage, key: 'a', metered: { search: 1 } });
    ledger.add({ model: 'deepseek-v4-flash', at: NOV_20, usage, key: 'a', metered: { search: 2, ocrPages: 12 } });
    ledger.add({ model: 'deepseek-v4-flash', at: NOV_20, usage, key: 'b' });
    const tokensOnly = priceRequest({ model: 'deepseek-v4-flash', at: NOV_20, usage, currency: 'CNY' }).total;
    const t = ledger.totals();
    expect(t.metered.map((l) => [l.item, l.count, l.amount.toString()])).toEqual([
      ['search', 3, '0.015'],
      ['ocrPages', 12, '0.018'],
    ]);
    expect(t.amount.toString()).toBe(tokensOnly.times(3).plus('0.033').toString());
    expect(t.groups.map((g) => [g.key.key, g.metered.map((l) => `${l.item}:${l.count}:${l.amount}`)])).toEqual([
      ['a', ['search:3:0.015', 'ocrPages:12:0.018']],
      ['b', []],
    ]);
    // One bucket per (group, price): the counts of both records are summed, then multiplied once.
    expect(
      t.meteredBuckets.map((b) => [
        b.key.key,
        b.item,
        b.via,
        b.periodId,
        b.unitPrice.toString(),
        b.unitSize,
        b.published,
        b.confidence,
        b.count,
        b.amount.toString(),
      ]),
    ).toEqual([
      ['a', 'search', 'tool-call', 'search/2026-10-31', '5', 1000, true, 'official', 3, '0.015'],
      ['a', 'ocrPages', 'tool-call', 'ocrPages/2026-11-13', '1.5', 1000, true, expect.any(String), 12, '0.018'],
    ]);
  });

  it('prices search at 0 until 2026-10-31T15:59:59.999Z and at CNY 5 per 1,000 from 16:00:00.000Z', () => {
    const ledger = createLedger({ currency: 'CNY' });
    ledger.add({ model: 'deepseek-v4-flash', at: '2026-10-31T15:59:59.999Z', usage: chatUsage(0, 0, 0), metered: { search: 1000 } });
    expect(ledger.totals().amount.toString()).toBe('0');
    ledger.add({ model: 'deepseek-v4-flash', at: '2026-10-31T16:00:00.000Z', usage: chatUsage(0, 0, 0), metered: { search: 1000 } });
    const t = ledger.totals();
    expect(t.amount.toString()).toBe('5');
    expect(t.metered).toEqual([{ item: 'search', count: 2000, amount: new Decimal(5) }]);
    expect(t.meteredBuckets.map((b) => [b.periodId, b.count, b.amount.toString()])).toEqual([
      ['search/2026-10-31', 1000, '5'],
      ['search/tool-call/2026-08-12', 1000, '0'],
    ]);
  });

  it('prices stand-alone API calls on their own timeline (meteredVia)', () => {
    const ledger = createLedger({ currency: 'CNY' });
    expect(
      ledger.add({ model: 'deepseek-v4-flash', at: '2026-10-15T00:00:00Z', usage: chatUsage(0, 0, 0), metered: { fetch: 2 }, meteredVia: 'api' }),
    ).toBeUndefined();
    expect(ledger.totals().meteredBuckets.map((b) => [b.via, b.periodId, b.amount.toString()])).toEqual([['api', 'fetch/api/2026-10-01', '0.01']]);
  });

  const bad: [string, Record<string, unknown>, string, string, RegExp][] = [
    ['a fractional count', { metered: { search: 1.5 } }, 'invalid-usage', 'metered.search', /must be a whole number, got 1.5/],
    ['a negative count', { metered: { fetch: -1 } }, 'invalid-usage', 'metered.fetch', /non-negative, got -1/],
    ['a count as a string', { metered: { search: '3' } }, 'invalid-usage', 'metered.search', /got the string "3"/],
    ['counts that are not an object', { metered: [3] }, 'invalid-usage', 'metered', /must be an object/],
    ['an unknown item', { metered: { images: 1 } }, 'unknown-metered-item', 'metered.images', /"images" is not a metered item/],
    ['a hostile item name', { metered: { 'a\u001b[31m': 1 } }, 'unknown-metered-item', 'metered["a\\u001b[31m"]', /not a metered item/],
    [
      'OCR pages before the item existed',
      { at: '2026-11-12T15:59:59.999Z', metered: { ocrPages: 1 } },
      'metered-not-available',
      'metered.ocrPages',
      /priced from 2026-11-12T16:00:00.000Z/,
    ],
    ['ASR, which has no price', { metered: { asr: 1 } }, 'metered-not-available', 'metered.asr', /never 0/],
    ['a bad meteredVia', { metered: { search: 1 }, meteredVia: 'web' }, 'malformed', 'meteredVia', /must be 'tool-call' or 'api', got "web"/],
  ];
  it.each(bad)('excludes a record with %s, naming the field and the reason', (_name, extra, code, field, reason) => {
    const ledger = createLedger({ currency: 'CNY' });
    const issue = ledger.add({ model: 'deepseek-v4-flash', at: NOV_20, usage, ...extra }, 'log:9');
    expect(issue).toMatchObject({ ref: 'log:9', code, field });
    expect(issue?.message).toMatch(reason);
    const t = ledger.totals();
    expect([t.records.priced, t.records.excluded, t.amount.toString(), t.metered]).toEqual([0, 1, '0', []]);
  });

  it('refuses a USD price DeepSeek did not publish unless secondary prices are accepted, and then says so', () => {
    const strict = createLedger();
    expect(strict.add({ model: 'deepseek-v4-flash', at: NOV_20, usage, metered: { search: 4 } })).toMatchObject({
      code: 'metered-price-not-published',
      field: 'metered.search',
    });
    const lenient = createLedger({ acceptSecondaryPrices: true });
    expect(lenient.add({ model: 'deepseek-v4-flash', at: NOV_20, usage, metered: { search: 4 } })).toBeUndefined();
    const t = lenient.totals();
    expect(t.meteredBuckets.map((b) => [b.published, b.amount.toString()])).toEqual([[false, '0.003']]);
    expect(t.warnings.find((w) => w.code === 'secondary-price')?.count).toBe(1);
  });
});

describe('createLedger: metered items in snapshots and merges', () => {
  const shard = (shardId: string, acceptSecondaryPrices = false) => {
    const ledger = createLedger({ currency: 'CNY', groupBy: ['day'], shardId, acceptSecondaryPrices });
    ledger.add({ id: `${shardId}-1`, model: 'deepseek-v4-flash', at: NOV_20, usage, metered: { search: 3, ttsCharacters: 5400 } });
    return ledger;
  };
  const stateOf = (shardId: string) => JSON.parse(JSON.stringify(shard(shardId).snapshot())) as LedgerSnapshot & { meteredBuckets: Record<string, unknown>[] };
  const mergeError = (state: unknown): InvalidLedgerStateError => {
    try {
      createLedger({ currency: 'CNY', groupBy: ['day'], shardId: 'total' }).merge(state as LedgerSnapshot);
    } catch (error) {
      if (error instanceof InvalidLedgerStateError) return error;
      throw error;
    }
    throw new Error('the state was accepted');
  };

  it('carries metered counts through a JSON snapshot, exactly', () => {
    const total = createLedger({ currency: 'CNY', groupBy: ['day'], shardId: 'total' });
    total.merge(stateOf('a'));
    total.merge(shard('b'));
    const t = total.totals();
    expect(t.metered.map((l) => [l.item, l.count, l.amount.toString()])).toEqual([
      ['search', 6, '0.03'],
      ['ttsCharacters', 10800, '3.24'],
    ]);
    expect(t.groups[0]?.metered.map((l) => l.count)).toEqual([6, 10800]);
    expect(stateOf('a').meteredBuckets[0]).toEqual({
      bucket: 0,
      item: 'search',
      via: 'tool-call',
      periodId: 'search/2026-10-31',
      discountId: null,
      currency: 'CNY',
      published: true,
      confidence: 'official',
      warningCodes: [],
      units: 5,
      exponent: 3,
      unitSize: 1000,
      records: 1,
      count: '3',
    });
  });

  const cases: [string, (m: Record<string, unknown>) => void, string, RegExp][] = [
    ['a count of 0', (m) => (m.count = '0'), 'meteredBuckets[0].count', /at least 1/],
    ['a count as a number', (m) => (m.count = 3), 'meteredBuckets[0].count', /decimal string/],
    ['a bucket index past the token buckets', (m) => (m.bucket = 5), 'meteredBuckets[0].bucket', /index of a token bucket/],
    ['more records than its token bucket', (m) => (m.records = 2), 'meteredBuckets[0].records', /more than the 1 record/],
    ['an unknown item', (m) => (m.item = 'images'), 'meteredBuckets[0].item', /expected one of/],
    ['an unknown field', (m) => (m.extra = 1), 'meteredBuckets[0].extra', /not a field/],
    [
      'a third-party price in a state that does not accept them',
      (m) => (m.published = false),
      'meteredBuckets[0].published',
      /does not accept secondary prices/,
    ],
    ['a tampered price', (m) => (m.units = 1), 'meteredBuckets[0].units', /different price data: search search\/2026-10-31 CNY is not priced 1e-3 per 1000/],
    ['a period the price data does not have', (m) => (m.periodId = 'search/1999'), 'meteredBuckets[0].units', /different price data/],
  ];
  it.each(cases)('refuses a state with %s, naming the field', (_name, edit, field, reason) => {
    const state = stateOf('a');
    edit(state.meteredBuckets[0] as Record<string, unknown>);
    const error = mergeError(state);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it('refuses a repeated metered bucket and a mismatched acceptSecondaryPrices', () => {
    const state = stateOf('a');
    state.meteredBuckets.push({ ...(state.meteredBuckets[0] as Record<string, unknown>) });
    expect(mergeError(state).reason).toMatch(/repeats an earlier metered bucket/);
    const other = JSON.parse(JSON.stringify(shard('c', true).snapshot())) as unknown;
    expect(mergeError(other).field).toBe('options.acceptSecondaryPrices');
  });
});

describe('createLedger: a ledger with metered items equals the sum of its quotes', () => {
  const counts = fc.record(
    { search: fc.nat({ max: 5000 }), fetch: fc.nat({ max: 5000 }), ocrPages: fc.nat({ max: 300 }), ttsCharacters: fc.nat({ max: 2 ** 40 }) },
    { requiredKeys: [] },
  );
  const instant = fc.oneof(
    fc.integer({ min: Date.parse('2026-08-01T00:00:00Z'), max: Date.parse('2027-02-01T00:00:00Z') }),
    fc.constantFrom('2026-10-31T16:00:00Z', '2026-11-12T16:00:00Z').chain((edge) => fc.integer({ min: -3, max: 3 }).map((d) => Date.parse(edge) + d)),
  );
  const record = fc.record({
    model: fc.constantFrom('deepseek-v4-flash', 'deepseek-flash', 'deepseek-v4-pro', 'deepseek-chat'),
    at: instant,
    usage: fc.tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 100_000 }), fc.nat({ max: 10_000 })).map(([h, m, o]) => chatUsage(h, m, o)),
    metered: fc.option(counts, { nil: undefined }),
    meteredVia: fc.constantFrom(undefined, 'tool-call' as const, 'api' as const),
    key: fc.constantFrom('a', 'b'),
  });

  it('totals, per-item lines and excluded records agree with priceRequest record by record', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        fc.constantFrom('USD' as const, 'CNY' as const),
        fc.boolean(),
        (records, currency, acceptSecondaryPrices) => {
          const ledger = createLedger({ currency, acceptSecondaryPrices, groupBy: ['day', 'key'], dedupe: false });
          let sum = new Decimal(0);
          let failed = 0;
          const byItem = new Map<string, Decimal>();
          for (const r of records) {
            const clean = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
            let quote: ReturnType<typeof priceRequest> | undefined;
            try {
              quote = priceRequest({
                model: r.model,
                at: r.at,
                usage: r.usage,
                currency,
                acceptSecondaryPrices,
                ...(r.metered === undefined ? {} : { metered: r.metered as MeteredCounts }),
                ...(r.meteredVia === undefined ? {} : { meteredVia: r.meteredVia }),
              });
            } catch (error) {
              if (!(error instanceof SeekcostError)) throw error;
            }
            const issue = ledger.add(clean);
            expect(issue === undefined).toBe(quote !== undefined);
            if (quote === undefined) failed++;
            else {
              sum = sum.plus(quote.total);
              for (const line of quote.meteredLines) byItem.set(line.item, (byItem.get(line.item) ?? new Decimal(0)).plus(line.amount));
            }
          }
          const t = ledger.totals();
          expect(t.amount.toString()).toBe(sum.toString());
          expect(t.records.excluded).toBe(failed);
          expect(Object.fromEntries(t.metered.map((l) => [l.item, l.amount.toString()]))).toEqual(
            Object.fromEntries([...byItem].map(([k, v]) => [k, v.toString()])),
          );
          expect(t.groups.reduce((total, g) => total.plus(g.amount), new Decimal(0)).toString()).toBe(sum.toString());
        },
      ),
      { numRuns: 150 },
    );
  });
});
