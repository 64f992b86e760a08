import { describe, expect, it } from 'vitest';
import { createLedger, InvalidLedgerStateError, parseLedgerSnapshot, type LedgerSnapshot } from '@seekcost/pricing/ledger';

const chatUsage = (hit: number, miss: number, out: number) => ({
  prompt_tokens: hit + miss,
  prompt_cache_hit_tokens: hit,
  prompt_cache_miss_tokens: miss,
  completion_tokens: out,
});

/** A state with two buckets (two days), an excluded record, a duplicate and a near-edge record. */
function validState(): LedgerSnapshot {
  const ledger = createLedger({ groupBy: ['day'], shardId: 'shard-a' });
  ledger.add({ id: 'a', model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: chatUsage(10, 20, 30) }, 'log:1');
  ledger.add({ id: 'b', model: 'deepseek-v4-pro', at: '2026-09-02T04:05:00Z', usage: chatUsage(1, 2, 3) }, 'log:2');
  ledger.add({ id: 'b', model: 'deepseek-v4-pro', at: '2026-09-02T04:05:00Z', usage: chatUsage(1, 2, 3) }, 'log:3');
  ledger.add({ model: 'nope', at: '2026-09-02T04:05:00Z', usage: chatUsage(1, 2, 3) }, 'log:4');
  return JSON.parse(JSON.stringify(ledger.snapshot())) as LedgerSnapshot;
}

type Mutable = { [key: string]: unknown };
const mutate = (edit: (state: Mutable & { buckets: Mutable[]; counts: Mutable; options: Mutable }) => void): unknown => {
  const state = validState() as unknown as Mutable & { buckets: Mutable[]; counts: Mutable; options: Mutable };
  edit(state);
  return state;
};
const lastBucket = (state: { buckets: Mutable[] }): Mutable => state.buckets[state.buckets.length - 1] as Mutable;

function errorOf(state: unknown): InvalidLedgerStateError {
  try {
    parseLedgerSnapshot(state);
  } catch (error) {
    if (error instanceof InvalidLedgerStateError) return error;
    throw error;
  }
  throw new Error('the state was accepted');
}

describe('parseLedgerSnapshot', () => {
  it('accepts a state written by snapshot(), as JSON, and reads its sums as BigInts', () => {
    const state = validState();
    expect(state.buckets).toHaveLength(2);
    const parsed = parseLedgerSnapshot(state);
    expect(parsed.sums).toEqual([
      [10n, 20n, 30n, 0n],
      [1n, 2n, 3n, 0n],
    ]);
    expect(parsed.snapshot.counts).toEqual({ seen: 4, priced: 2, excluded: 1, duplicates: 1, duplicatesAcrossMerges: 0, requestBasis: 0, anthropicFormat: 0 });
  });

  const cases: [string, unknown, string, RegExp][] = [
    [
      'a negative token sum as a string',
      mutate((s) => ((lastBucket(s).tokens as Mutable).output = '-99999999999')),
      'buckets[1].tokens.output',
      /whole number written as a decimal string.*got "-99999999999"/,
    ],
    ['a fractional token sum', mutate((s) => ((lastBucket(s).tokens as Mutable).cacheMiss = '1.5')), 'buckets[1].tokens.cacheMiss', /got "1.5"/],
    ['a token sum as a number', mutate((s) => ((lastBucket(s).tokens as Mutable).cacheHit = 5)), 'buckets[1].tokens.cacheHit', /decimal string/],
    ['a token sum with a leading zero', mutate((s) => ((lastBucket(s).tokens as Mutable).cacheHit = '01')), 'buckets[1].tokens.cacheHit', /decimal string/],
    ['records as a string', mutate((s) => (lastBucket(s).records = '5')), 'buckets[1].records', /whole number of at least 1, got "5"/],
    ['fractional records', mutate((s) => (lastBucket(s).records = 1.5)), 'buckets[1].records', /at least 1, got 1.5/],
    ['negative records', mutate((s) => (lastBucket(s).records = -1)), 'buckets[1].records', /at least 1, got -1/],
    ['a count as a string', mutate((s) => (s.counts.seen = '4')), 'counts.seen', /non-negative whole number \(a JSON number\), got "4"/],
    ['a negative count', mutate((s) => (s.counts.excluded = -99999999999)), 'counts.excluded', /got -99999999999/],
    [
      'a bucket relabelled CNY inside a USD state',
      mutate((s) => (lastBucket(s).currency = 'CNY')),
      'buckets[1].currency',
      /is CNY in a state that totals in USD/,
    ],
    ['an unknown currency', mutate((s) => (lastBucket(s).currency = 'EUR')), 'buckets[1].currency', /expected one of/],
    ['a unit price as a string', mutate((s) => ((lastBucket(s).units as Mutable).output = '3960000')), 'buckets[1].units.output', /got "3960000"/],
    ['an older format', mutate((s) => (s.format = 'seekcost-ledger/1')), 'format', /older snapshot format.*re-create the state/],
    ['the format before per-call charges', mutate((s) => (s.format = 'seekcost-ledger/2')), 'format', /older snapshot format.*writes 'seekcost-ledger\/3'/],
    ['an unknown format', mutate((s) => (s.format = 'seekcost-ledger/4')), 'format', /must be 'seekcost-ledger\/3', got "seekcost-ledger\/4"/],
    ['a field the format does not have', mutate((s) => (lastBucket(s).bonus = 1)), 'buckets[1].bonus', /is not a field of a ledger snapshot/],
    ['a terminal escape in a warning code', mutate((s) => (lastBucket(s).warningCodes = ['\u001b[2J'])), 'buckets[1].warningCodes[0]', /expected one of/],
    ['a terminal escape as a key', mutate((s) => (s.counts['\u001b[2J'] = 1)), 'counts["\\u001b[2J"]', /is not a field/],
    [
      'a __proto__ key in excludedByCode',
      JSON.parse(JSON.stringify(validState()).replace('"excludedByCode":{', '"excludedByCode":{"__proto__":1,')),
      'excludedByCode.__proto__',
      /is not a ledger issue code/,
    ],
    ['priced that does not match the buckets', mutate((s) => (s.counts.priced = 3)), 'counts.priced', /is 3, but the buckets hold 2 record\(s\)/],
    ['seen that does not add up', mutate((s) => (s.counts.seen = 5)), 'counts.seen', /is 5, but priced \+ excluded \+ duplicates is 4/],
    [
      'excluded that does not match excludedByCode',
      mutate((s) => (s.excludedByCode = { 'unknown-model': 2 })),
      'counts.excluded',
      /excludedByCode adds up to 2/,
    ],
    [
      'reasoning above output',
      mutate((s) => ((lastBucket(s).tokens as Mutable).reasoning = '4')),
      'buckets[1].tokens.reasoning',
      /more than the bucket's output tokens/,
    ],
    ['no ids in a de-duplicating state', mutate((s) => (s.ids = null)), 'ids', /must list the response ids/],
    ['a repeated id', mutate((s) => (s.ids = ['a', 'a'])), 'ids[1]', /repeats response id "a"/],
    ['a shard list without the own id first', mutate((s) => (s.shards = ['other'])), 'shards[0]', /own shardId "shard-a"/],
    ['an empty shard id', mutate((s) => (s.shardId = '')), 'shardId', /1 to 200 characters/],
    ['a bad fingerprint', mutate((s) => (s.options.tariff = 'md5:x')), 'options.tariff', /sha256:/],
    ['a time key when grouping by neither day nor hour', mutate((s) => (s.options.groupBy = [])), 'buckets[0].timeKey', /must be 0/],
    ['null', null, '(root)', /must be a ledger snapshot object, got null/],
    ['an array', [], '(root)', /got an array/],
    ['a string', 'seekcost-ledger/2', '(root)', /got "seekcost-ledger\/2"/],
  ];

  it.each(cases)('rejects %s, naming the field', (_name, state, field, reason) => {
    const error = errorOf(state);
    expect(error.code).toBe('INVALID_LEDGER_STATE');
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.reason).toMatch(reason);
    // Nothing from the state reaches a terminal raw.
    expect(error.message).not.toMatch(/\u001b/);
  });
});
