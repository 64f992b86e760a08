import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTariff, Decimal, getBundledTariff, priceRequest, SeekcostError } from '@seekcost/pricing';
import { createLedger, DuplicateShardError, type LedgerTotals } from '@seekcost/pricing/ledger';
import { recordArb, type GeneratedRecord } from './support.ts';

// Property tests run hundreds of ledgers; on a loaded shared machine they can take far past vitest's 5 s default.
const PROPERTY_TIMEOUT_MS = 120_000;

const chatUsage = (hit: number, miss: number, out: number) => ({
  prompt_tokens: hit + miss,
  prompt_cache_hit_tokens: hit,
  prompt_cache_miss_tokens: miss,
  completion_tokens: out,
});

const WARNING_CODES = ['uncertain-cutover', 'beyond-holiday-list', 'unconfirmed-price', 'anthropic-usage-mapping'];

function perRecordSum(
  records: readonly GeneratedRecord[],
  currency: 'USD' | 'CNY',
): { total: InstanceType<typeof Decimal>; priced: number; warnings: Record<string, number> } {
  let total = new Decimal(0);
  let priced = 0;
  const warnings: Record<string, number> = Object.fromEntries(WARNING_CODES.map((c) => [c, 0]));
  for (const r of records) {
    try {
      const quote = priceRequest({ model: r.model, usage: r.usage, at: r.at, currency });
      total = total.plus(quote.total);
      for (const code of new Set(quote.warnings.map((w) => w.code))) warnings[code] = (warnings[code] ?? 0) + 1;
      priced++;
    } catch (error) {
      if (!(error instanceof SeekcostError)) throw error;
    }
  }
  return { total, priced, warnings };
}

function comparable(totals: LedgerTotals) {
  return JSON.parse(
    JSON.stringify({
      ...totals,
      excluded: { ...totals.excluded, samples: totals.excluded.samples.length },
      nearEdge: { ...totals.nearEdge, records: totals.nearEdge.records.length },
    }),
  );
}

describe('createLedger: exact totals', () => {
  it(
    'equals the sum of per-record priceRequest totals over random records from every era and across tier edges',
    () => {
      fc.assert(
        fc.property(fc.array(recordArb, { maxLength: 60 }), fc.constantFrom('USD' as const, 'CNY' as const), (records, currency) => {
          const ledger = createLedger({ currency, groupBy: ['day', 'model', 'tier', 'key'], timeZone: 'Asia/Shanghai' });
          for (const r of records) ledger.add(r);
          const expected = perRecordSum(records, currency);
          const totals = ledger.totals();
          expect(totals.amount.toString()).toBe(expected.total.toString());
          expect(totals.records.priced).toBe(expected.priced);
          expect(totals.records.excluded).toBe(records.length - expected.priced);
          const groupSum = totals.groups.reduce((sum, g) => sum.plus(g.amount), new Decimal(0));
          expect(groupSum.toString()).toBe(expected.total.toString());
          const warned = Object.fromEntries(WARNING_CODES.map((c) => [c, totals.warnings.find((w) => w.code === c)?.count ?? 0]));
          expect(warned).toEqual(expected.warnings);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'merging shards gives exactly the totals of one ledger over all records',
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(recordArb, fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), (tagged) => {
          const options = { groupBy: ['hour', 'resolved-model', 'period', 'key'] as const, timeZone: 'America/New_York' };
          const one = createLedger(options);
          const shards = [0, 1, 2, 3].map(() => createLedger(options));
          tagged.forEach(([record, shard], i) => {
            one.add({ ...record, id: `r${i}` }, `line ${i}`);
            shards[shard]?.add({ ...record, id: `r${i}` }, `line ${i}`);
          });
          const merged = createLedger(options);
          for (const shard of shards) merged.merge(shard);
          expect(comparable(merged.totals())).toEqual(comparable(one.totals()));
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'merges JSON snapshots (another worker or machine) exactly, ids included',
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(recordArb, fc.integer({ min: 0, max: 2 })), { maxLength: 40 }), (tagged) => {
          const options = { groupBy: ['day', 'tier', 'key'] as const, timeZone: 'Asia/Shanghai' };
          const one = createLedger(options);
          const shards = [0, 1, 2].map(() => createLedger(options));
          tagged.forEach(([record, shard], i) => {
            one.add({ ...record, id: `r${i % 7}` }, `line ${i}`);
            shards[shard]?.add({ ...record, id: `r${i % 7}` }, `line ${i}`);
          });
          const merged = createLedger(options);
          for (const shard of shards) merged.merge(JSON.parse(JSON.stringify(shard.snapshot())));
          const a = merged.totals();
          const b = one.totals();
          // Repeats that landed in different shards are counted in each (and reported); the rest is identical.
          expect(a.records.duplicates + a.duplicates.acrossMerges).toBe(b.records.duplicates);
          if (a.duplicates.acrossMerges === 0) expect(a.amount.toString()).toBe(b.amount.toString());
          expect(a.records.seen).toBe(b.records.seen);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('refuses a snapshot priced with other price data, and merging a ledger into itself', () => {
    const ledger = createLedger();
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: chatUsage(1, 1, 1) });
    const snapshot = ledger.snapshot();
    const tampered = { ...snapshot, buckets: snapshot.buckets.map((b) => ({ ...b, units: { ...b.units, output: b.units.output + 1 } })) };
    expect(() => createLedger().merge(tampered)).toThrow(
      'buckets[0].units: was priced with different price data: deepseek-v4-pro/2026-08-22 peak USD is not priced 44000/1320000/3960001 here',
    );
    expect(() => ledger.merge(ledger)).toThrow(DuplicateShardError);
    const copy = createLedger();
    copy.merge(snapshot);
    expect(copy.totals().amount.toString()).toBe(ledger.totals().amount.toString());
  });

  it('multiplies once per bucket: many records in one minute give one bucket with exact sums', () => {
    const ledger = createLedger();
    for (let i = 0; i < 1000; i++) ledger.add({ model: 'deepseek-v4-pro', at: Date.parse('2026-09-01T02:00:00Z') + i * 10, usage: chatUsage(1, 2, 3) });
    const totals = ledger.totals();
    expect(totals.buckets).toHaveLength(1);
    expect(totals.buckets[0]?.tokens).toEqual({ cacheHitInputTokens: 1000, cacheMissInputTokens: 2000, outputTokens: 3000, reasoningTokens: 0 });
    // 1000 x (1 x 0.044 + 2 x 1.32 + 3 x 3.96) / 1M = 0.014564
    expect(totals.amount.toString()).toBe('0.014564');
  });

  it('keeps token sums exact past 2^53 (they move to BigInt) and the amount exact', () => {
    const ledger = createLedger();
    const big = 2 ** 52;
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 0, outputTokens: big } });
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 0, outputTokens: 3 } });
    const totals = ledger.totals();
    // (2^52 + 3) x 3.96 / 1M
    expect(totals.amount.toString()).toBe(new Decimal(big).plus(3).times('3.96').div(1_000_000).toString());
    expect(totals.tokens.outputTokens).toBe(big + 3);
  });
});

describe('createLedger: warnings follow the price data', () => {
  it('flags exactly the records within 24 hours of a cutover whose instant is not official, in custom price data too', () => {
    // Make the 12:15 UTC start of deepseek-v4-flash/2026-04-26 uncertain: its +24 h edge then falls
    // where no window or midnight does, so only the cutover itself can cut the day there.
    const document = structuredClone(getBundledTariff().document);
    const period = document.models['deepseek-v4-flash']?.periods.find((p) => p.id === 'deepseek-v4-flash/2026-04-26');
    if (period === undefined) throw new Error('fixture period missing');
    (period as { startConfidence?: string }).startConfidence = 'unconfirmed';
    const tariff = compileTariff(document);
    const ledger = createLedger({ tariff, nearEdgeMs: 0 });
    const instants = ['2026-04-27T12:14:00Z', '2026-04-27T12:14:59.999Z', '2026-04-27T12:15:00Z', '2026-04-27T12:16:00Z'];
    for (const at of instants) ledger.add({ model: 'deepseek-v4-flash', at, usage: chatUsage(1, 1, 1) });
    const expected = instants.filter((at) =>
      priceRequest({ model: 'deepseek-v4-flash', at, usage: chatUsage(1, 1, 1), tariff }).warnings.some((w) => w.code === 'uncertain-cutover'),
    ).length;
    expect(expected).toBe(2);
    expect(ledger.totals().warnings.find((w) => w.code === 'uncertain-cutover')?.count).toBe(expected);
  });
});

describe('createLedger: grouping', () => {
  it('groups by local day in the chosen zone, model, resolved model and caller key', () => {
    const ledger = createLedger({ groupBy: ['day', 'model', 'resolved-model', 'key'], timeZone: 'Asia/Shanghai' });
    ledger.add({ model: 'deepseek-chat', at: '2026-05-01T15:59:00Z', usage: chatUsage(0, 1_000_000, 0), key: 'team-a' });
    ledger.add({ model: 'deepseek-chat', at: '2026-05-01T16:00:00Z', usage: chatUsage(0, 1_000_000, 0), key: 'team-a' });
    ledger.add({ model: 'deepseek-v4-flash', at: '2026-05-01T16:00:00Z', usage: chatUsage(0, 1_000_000, 0) });
    const groups = ledger.totals().groups.map((g) => [g.key, g.amount.toString()]);
    expect(groups).toEqual([
      [{ day: '2026-05-01', model: 'deepseek-chat', 'resolved-model': 'deepseek-v4-flash', key: 'team-a' }, '0.14'],
      [{ day: '2026-05-02', model: 'deepseek-chat', 'resolved-model': 'deepseek-v4-flash', key: 'team-a' }, '0.14'],
      [{ day: '2026-05-02', model: 'deepseek-v4-flash', 'resolved-model': 'deepseek-v4-flash', key: '' }, '0.14'],
    ]);
  });

  it('groups by hour and tier across a peak edge', () => {
    const ledger = createLedger({ groupBy: ['hour', 'tier'] });
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T00:59:59.999Z', usage: chatUsage(0, 0, 1_000_000) });
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T01:00:00.000Z', usage: chatUsage(0, 0, 1_000_000) });
    expect(ledger.totals().groups.map((g) => [g.key, g.amount.toString()])).toEqual([
      [{ hour: '2026-09-01T00', tier: 'off-peak' }, '1.98'],
      [{ hour: '2026-09-01T01', tier: 'peak' }, '3.96'],
    ]);
  });

  it(
    'puts each record in the local hour and day of zones with daylight saving and half-hour offsets',
    () => {
      const localHour = (ms: number, timeZone: string) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' })
            .formatToParts(ms)
            .map((p) => [p.type, p.value]),
        );
        return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}`;
      };
      const nearTransitions = fc.oneof(
        fc.integer({ min: Date.parse('2026-03-08T05:00:00Z'), max: Date.parse('2026-03-08T09:00:00Z') }),
        fc.integer({ min: Date.parse('2026-11-01T04:00:00Z'), max: Date.parse('2026-11-01T08:00:00Z') }),
        fc.integer({ min: Date.parse('2026-04-04T14:00:00Z'), max: Date.parse('2026-04-05T16:00:00Z') }),
        fc.integer({ min: Date.parse('2026-05-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }),
      );
      fc.assert(
        fc.property(nearTransitions, fc.constantFrom('America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Shanghai'), (at, timeZone) => {
          const model = at < Date.parse('2026-04-24T00:00:00Z') ? 'deepseek-chat' : 'deepseek-v4-pro';
          const ledger = createLedger({ groupBy: ['hour'], timeZone });
          ledger.add({ model, at, usage: chatUsage(1, 1, 1) });
          expect(ledger.totals().groups[0]?.key.hour).toBe(localHour(at, timeZone));
          const byDay = createLedger({ groupBy: ['day'], timeZone });
          byDay.add({ model, at, usage: chatUsage(1, 1, 1) });
          expect(byDay.totals().groups[0]?.key.day).toBe(localHour(at, timeZone).slice(0, 10));
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'keeps every cached day right when a day with more intervals widens the plan cache mid-stream',
    () => {
      const localHour = (ms: number, timeZone: string) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' })
            .formatToParts(ms)
            .map((p) => [p.type, p.value]),
        );
        return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}`;
      };
      // Ordinary days first (plans of few intervals), then Lord Howe's half-hour daylight-saving change
      // (about twice the hour edges, so the cache widens with those days in it), then the first days again.
      const ordinary = fc.integer({ min: Date.parse('2026-05-01T00:00:00Z'), max: Date.parse('2026-05-04T00:00:00Z') });
      const change = fc.integer({ min: Date.parse('2026-04-04T00:00:00Z'), max: Date.parse('2026-04-05T23:59:59Z') });
      fc.assert(
        fc.property(
          fc.array(ordinary, { minLength: 1, maxLength: 20 }),
          fc.array(change, { minLength: 1, maxLength: 20 }),
          fc.constantFrom<('hour' | 'day')[]>(['hour'], ['day']),
          (first, middle, groupBy) => {
            const instants = [...first, ...middle, ...first];
            const ledger = createLedger({ groupBy, timeZone: 'Australia/Lord_Howe' });
            for (const at of instants) ledger.add({ model: 'deepseek-chat', at, usage: chatUsage(1, 2, 3) });
            const expected = new Map<string, number>();
            for (const at of instants) {
              const hour = localHour(at, 'Australia/Lord_Howe');
              const key = groupBy[0] === 'hour' ? hour : hour.slice(0, 10);
              expected.set(key, (expected.get(key) ?? 0) + 1);
            }
            const totals = ledger.totals();
            expect(new Map(totals.groups.map((g) => [g.key.hour ?? g.key.day, g.records]))).toEqual(expected);
            const sum = instants.reduce(
              (total, at) => total.plus(priceRequest({ model: 'deepseek-chat', usage: chatUsage(1, 2, 3), at }).total),
              new Decimal(0),
            );
            expect(totals.amount.toString()).toBe(sum.toString());
          },
        ),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('refuses an unknown dimension, zone or currency with a typed error naming the option', () => {
    expect(() => createLedger({ groupBy: ['week' as never] })).toThrow(/groupBy: unknown dimension 'week'/);
    expect(() => createLedger({ timeZone: 'Mars/Olympus' })).toThrow(/timeZone: 'Mars\/Olympus' is not an IANA time zone/);
    expect(() => createLedger({ currency: 'EUR' as never })).toThrow(/currency: must be 'USD' or 'CNY'/);
  });
});

describe('createLedger: bad records are counted and reported, never dropped in silence', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['not an object', 'hello', 'malformed', /must be an object, got string/],
    ['no model', { at: '2026-05-01T00:00:00Z', usage: chatUsage(0, 1, 1) }, 'missing-model', /model: is missing/],
    ['no usage', { model: 'deepseek-chat', at: '2026-05-01T00:00:00Z' }, 'missing-usage', /usage: is missing/],
    [
      'negative count',
      { model: 'deepseek-chat', at: '2026-05-01T00:00:00Z', usage: { prompt_tokens: 1, completion_tokens: -1 } },
      'invalid-usage',
      /usage.completion_tokens: must be a non-negative integer, got -1/,
    ],
    [
      'fractional count',
      { model: 'deepseek-chat', at: '2026-05-01T00:00:00Z', usage: { prompt_tokens: 1.5, completion_tokens: 1 } },
      'invalid-usage',
      /usage.prompt_tokens: must be a whole number of tokens, got 1.5/,
    ],
    [
      'inconsistent usage',
      {
        model: 'deepseek-chat',
        at: '2026-05-01T00:00:00Z',
        usage: { prompt_tokens: 10, prompt_cache_hit_tokens: 3, prompt_cache_miss_tokens: 3, completion_tokens: 1 },
      },
      'invalid-usage',
      /usage.prompt_tokens: is 10 but/,
    ],
    ['unknown model', { model: 'deepseek-caht', at: '2026-05-01T00:00:00Z', usage: chatUsage(0, 1, 1) }, 'unknown-model', /did you mean 'deepseek-chat'/],
    [
      'retired alias after retirement',
      { model: 'deepseek-chat', at: '2026-07-24T15:59:00Z', usage: chatUsage(0, 1, 1) },
      'retired-model',
      /was retired at 2026-07-24T15:59:00.000Z/,
    ],
    ['before the history', { model: 'deepseek-chat', at: '2024-01-01T00:00:00Z', usage: chatUsage(0, 1, 1) }, 'before-history', /before the price history/],
    [
      'milliseconds in created',
      { model: 'deepseek-chat', created: 1_767_130_891_000, usage: chatUsage(0, 1, 1) },
      'timestamp-in-milliseconds',
      /looks like milliseconds \(2025-12-30T21:41:31.000Z\)/,
    ],
    [
      'seconds in at',
      { model: 'deepseek-chat', at: 1_767_130_891, usage: chatUsage(0, 1, 1) },
      'timestamp-in-seconds',
      /looks like unix seconds \(2025-12-30T21:41:31.000Z\)/,
    ],
    ['absurd date', { model: 'deepseek-chat', at: '2226-01-01T00:00:00Z', usage: chatUsage(0, 1, 1) }, 'absurd-timestamp', /after 2100/],
    ['no timestamp', { model: 'deepseek-chat', usage: chatUsage(0, 1, 1) }, 'missing-timestamp', /no timestamp/],
    ['zone-less ISO', { model: 'deepseek-chat', at: '2026-05-01T00:00:00', usage: chatUsage(0, 1, 1) }, 'invalid-timestamp', /has no time zone/],
  ];
  it.each(cases)('%s', (_name, record, code, message) => {
    const ledger = createLedger();
    ledger.add({ model: 'deepseek-chat', at: '2026-05-01T00:00:00Z', usage: chatUsage(0, 1_000_000, 0) }, 'log:1');
    const issue = ledger.add(record, 'log:2');
    expect(issue?.code).toBe(code);
    expect(issue?.ref).toBe('log:2');
    expect(issue?.message).toMatch(message);
    const totals = ledger.totals();
    expect(totals.records).toEqual({ seen: 2, priced: 1, excluded: 1, duplicates: 0 });
    expect(totals.excluded.byCode).toEqual({ [code]: 1 });
    expect(totals.excluded.samples).toEqual([issue]);
    expect(totals.amount.toString()).toBe('0.14');
    expect(totals.warnings[0]).toEqual({
      code: 'excluded-records',
      count: 1,
      message: '1 record(s) could not be priced and are not in the totals (see excluded)',
    });
  });

  it('counts records the caller could not parse via reject()', () => {
    const ledger = createLedger();
    ledger.reject('log.jsonl:3', 'malformed', 'not JSON: Unexpected token');
    expect(ledger.totals().records).toEqual({ seen: 1, priced: 0, excluded: 1, duplicates: 0 });
  });

  it('counts a repeated response id once with a warning, or every time with dedupe: false', () => {
    const response = { id: 'abc', object: 'chat.completion', model: 'deepseek-chat', created: 1_767_130_891, usage: chatUsage(0, 1_000_000, 0) };
    const deduped = createLedger();
    deduped.add(response, 'a:1');
    expect(deduped.add(response, 'a:2')).toEqual({
      ref: 'a:2',
      code: 'duplicate-id',
      field: 'id',
      message: "id: response id 'abc' was already counted; this copy is not",
    });
    expect(deduped.totals().amount.toString()).toBe('0.28');
    expect(deduped.totals().records).toEqual({ seen: 2, priced: 1, excluded: 0, duplicates: 1 });
    expect(deduped.totals().warnings.map((w) => w.code)).toContain('duplicate-id');
    const counted = createLedger({ dedupe: false });
    counted.add(response);
    counted.add(response);
    expect(counted.totals().amount.toString()).toBe('0.56');
  });

  it('reports ids repeated across merged shards (counted in each) instead of hiding them', () => {
    const a = createLedger();
    const b = createLedger();
    const response = { id: 'abc', model: 'deepseek-chat', created: 1_767_130_891, usage: chatUsage(0, 1_000_000, 0) };
    a.add(response);
    b.add(response);
    a.merge(b);
    const totals = a.totals();
    expect(totals.duplicates.acrossMerges).toBe(1);
    expect(totals.warnings.map((w) => w.code)).toContain('duplicate-id-across-merges');
  });

  it('refuses to merge ledgers with different options', () => {
    expect(() => createLedger({ groupBy: ['day'] }).merge(createLedger({ groupBy: ['model'] }))).toThrow(/groups by \[model\], this ledger by \[day\]/);
    expect(() => createLedger().merge(createLedger({ currency: 'CNY' }))).toThrow(/totals in CNY, this ledger in USD/);
  });
});

describe('createLedger: raw API responses, timestamp basis and the near-edge report', () => {
  it('reads chat completions (created = request time), Responses API (completed_at wins) and wrapped Anthropic messages', () => {
    const ledger = createLedger();
    ledger.add({ id: 'c', object: 'chat.completion', model: 'deepseek-chat', created: 1_767_130_891, usage: chatUsage(0, 1_000_000, 0) });
    ledger.add({
      id: 'r',
      object: 'response',
      model: 'deepseek-chat',
      created_at: 1_767_130_000,
      completed_at: 1_767_130_891,
      usage: { input_tokens: 1_000_000, output_tokens: 0 },
    });
    ledger.add({
      at: '2025-12-30T21:41:31Z',
      response: { id: 'm', type: 'message', model: 'deepseek-chat', usage: { input_tokens: 1_000_000, cache_read_input_tokens: 0, output_tokens: 0 } },
    });
    const totals = ledger.totals();
    expect(totals.records.priced).toBe(3);
    expect(totals.basis).toEqual({ completion: 2, request: 1 });
    expect(totals.amount.toString()).toBe('0.84');
    expect(totals.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['request-time-basis', 'anthropic-usage-mapping']));
  });

  it('lists request-time records whose price would change by completion, with the amount at stake', () => {
    const ledger = createLedger();
    // 00:55 UTC, 5 minutes before the 01:00 peak of 2026-09-01 (a Tuesday): off-peak now, peak if it completed after 01:00.
    ledger.add({ id: 'near', model: 'deepseek-v4-pro', created: Date.parse('2026-09-01T00:55:00Z') / 1000, usage: chatUsage(0, 0, 1_000_000) }, 'log:1');
    ledger.add({ id: 'far', model: 'deepseek-v4-pro', created: Date.parse('2026-09-01T00:30:00Z') / 1000, usage: chatUsage(0, 0, 1_000_000) }, 'log:2');
    const { nearEdge } = ledger.totals();
    expect(nearEdge.count).toBe(1);
    expect(nearEdge.atStake.toString()).toBe('1.98');
    expect(JSON.parse(JSON.stringify(nearEdge.records))).toEqual([
      {
        ref: 'log:1',
        id: 'near',
        model: 'deepseek-v4-pro',
        at: '2026-09-01T00:55:00.000Z',
        basis: 'request',
        alternativeAt: '2026-09-01T01:05:00.000Z',
        tier: 'off-peak',
        periodId: 'deepseek-v4-pro/2026-08-22',
        amount: '1.98',
        alternativeAmount: '3.96',
        atStake: '1.98',
      },
    ]);
  });

  it('checks completion-time records against their possible request time, and can be turned off', () => {
    const at = '2026-09-01T04:05:00Z'; // 5 minutes into off-peak: sent during peak, priced off-peak
    const ledger = createLedger();
    ledger.add({ model: 'deepseek-v4-pro', at, usage: chatUsage(0, 0, 1_000_000) });
    expect(ledger.totals().nearEdge.records[0]?.alternativeAt).toBe('2026-09-01T03:55:00.000Z');
    const off = createLedger({ nearEdgeMs: 0 });
    off.add({ model: 'deepseek-v4-pro', at, usage: chatUsage(0, 0, 1_000_000) });
    expect(off.totals().nearEdge.count).toBe(0);
  });

  it('reports a request that may complete after its model retires as wholly at stake', () => {
    const ledger = createLedger();
    ledger.add({ model: 'deepseek-chat', created: Date.parse('2026-07-24T15:55:00Z') / 1000, usage: chatUsage(0, 1_000_000, 0) });
    const { nearEdge } = ledger.totals();
    expect(nearEdge.records[0]?.alternativeAmount).toBeNull();
    expect(nearEdge.atStake.toString()).toBe('0.14');
  });
});
