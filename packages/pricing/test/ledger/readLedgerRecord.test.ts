import { describe, expect, it } from 'vitest';
import { priceRequest } from '../../src/index.ts';
import { createLedger } from '../../src/entries/ledger.ts';
import { readLedgerRecord, type RecordFields } from '../../src/ledger/readLedgerRecord.ts';

// Instants in ledger records go through the same strict parser as priceRequest (issue 8, sections
// 3 and 4): a bad one excludes its record with the reason, and the run goes on.

const usage = { prompt_tokens: 10, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 10, completion_tokens: 5 };
const fields = (): RecordFields => ({ model: '', atMs: 0, basis: 'completion', usage: {}, id: undefined, key: undefined });

describe('readLedgerRecord: instants', () => {
  it.each([
    [{ at: -1e16 }, 'at', 'at: -10000000000000000 is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z'],
    [{ at: 1e16 }, 'at', 'at: 10000000000000000 is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z'],
    [{ at: 1e20 }, 'at', 'at: 100000000000000000000 is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z'],
    [{ at: 1_767_130_891_000.5 }, 'at', 'at: must be a whole number of epoch milliseconds, got 1767130891000.5'],
    [{ at: '2025-02-30T12:00:00Z' }, 'at', 'at: "2025-02-30T12:00:00Z" names a date that does not exist (2025-02-30)'],
    [{ at: '2025 3 1 Z' }, 'at', 'at: "2025 3 1 Z" is not an ISO-8601 instant like 2025-03-01T12:00:00Z'],
    [
      { at: '0024-03-01T00:00:00Z' },
      'at',
      'at: "0024-03-01T00:00:00Z" is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z',
    ],
    [{ at: new Date(Number.NaN) }, 'at', 'at: is an Invalid Date'],
    [{ at: Number.POSITIVE_INFINITY }, 'at', 'at: must be a finite number of epoch milliseconds, got Infinity'],
    [{ created: -5e10 }, 'created', 'created: -50000000000000 is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z'],
    [{ completed_at: Number.NaN }, 'completed_at', 'completed_at: must be unix seconds (a number), got NaN'],
  ])('%o is invalid-timestamp at %s', (instant, field, message) => {
    const failure = readLedgerRecord({ model: 'deepseek-chat', usage, ...instant }, 'completion', undefined, fields());
    expect(failure).toEqual({ code: 'invalid-timestamp', field, message });
  });

  it('reads the same text to the same millisecond as priceRequest', () => {
    for (const at of ['2025-03-01T12:00:00Z', '2025-03-01T20:00:00.123456+08:00', '2025-03-01 12:00Z', 1_740_830_400_000]) {
      const into = fields();
      expect(readLedgerRecord({ model: 'deepseek-chat', usage, at }, 'completion', undefined, into)).toBeUndefined();
      expect(into.atMs).toBe(priceRequest({ model: 'deepseek-chat', usage, at }).provenance.pricedAt.getTime());
    }
  });

  it('keeps its own codes for the wrong unit and for dates past 2100', () => {
    expect(readLedgerRecord({ model: 'deepseek-chat', usage, at: 1_767_130_891 }, 'completion', undefined, fields())?.code).toBe('timestamp-in-seconds');
    expect(readLedgerRecord({ model: 'deepseek-chat', usage, created: 1_767_130_891_000 }, 'completion', undefined, fields())?.code).toBe(
      'timestamp-in-milliseconds',
    );
    expect(readLedgerRecord({ model: 'deepseek-chat', usage, at: '2100-01-01T00:00:00Z' }, 'completion', undefined, fields())?.code).toBe('absurd-timestamp');
    expect(readLedgerRecord({ model: 'deepseek-chat', usage, at: '2099-12-31T23:59:59.999Z' }, 'completion', undefined, fields())).toBeUndefined();
    expect(readLedgerRecord({ model: 'deepseek-chat', usage, created: 4_102_444_800 }, 'completion', undefined, fields())).toEqual({
      code: 'absurd-timestamp',
      field: 'created',
      message: 'created: 2100-01-01T00:00:00.000Z is after 2100; the clock or the unit is wrong',
    });
    const read = fields();
    expect(readLedgerRecord({ model: 'deepseek-chat', usage, created: 4_102_444_799 }, 'completion', undefined, read)).toBeUndefined();
    expect(read.atMs).toBe(4_102_444_799_000);
  });
});

describe('a ledger with bad instants among good records', () => {
  it('excludes and counts each bad one with its reason, and prices every record after it', () => {
    const ledger = createLedger();
    const good = { model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage };
    const records = [good, { ...good, at: -1e16 }, good, { ...good, at: '2025-02-30T12:00:00Z' }, { ...good, at: 1e20 }, good];
    const issues = records.map((record, i) => ledger.add(record, `usage.jsonl:${i + 1}`));
    expect(issues.map((issue) => issue?.code)).toEqual([undefined, 'invalid-timestamp', undefined, 'invalid-timestamp', 'invalid-timestamp', undefined]);
    const totals = ledger.totals();
    expect(totals.records).toMatchObject({ seen: 6, priced: 3, excluded: 3 });
    expect(totals.excluded.byCode).toEqual({ 'invalid-timestamp': 3 });
    expect(totals.amount.toString()).toBe(priceRequest(good).total.times(3).toString());
    expect(totals.excluded.samples.map((s) => [s.ref, s.field])).toEqual([
      ['usage.jsonl:2', 'at'],
      ['usage.jsonl:4', 'at'],
      ['usage.jsonl:5', 'at'],
    ]);
  });
});

describe('a ledger reading foreign shapes after a record with per-call counts', () => {
  it('charges a LiteLLM row none of the previous record’s per-call counts (the read fields are reused)', () => {
    const atMs = Date.parse('2026-11-20T00:00:00Z');
    const withSearch = { model: 'deepseek-v4-flash', at: atMs, usage: { prompt_tokens: 10, completion_tokens: 5 }, metered: { search: 1000 } };
    const liteLlm = {
      id: 'chatcmpl-1',
      model: 'deepseek/deepseek-v4-flash',
      startTime: atMs / 1000 - 1,
      endTime: atMs / 1000,
      prompt_tokens: 900,
      completion_tokens: 50,
      total_tokens: 950,
      metadata: { usage_object: { prompt_tokens: 900, completion_tokens: 50, prompt_tokens_details: { cached_tokens: 800 } } },
    };
    const both = createLedger({ currency: 'CNY' });
    expect([both.add(withSearch), both.add(liteLlm)]).toEqual([undefined, undefined]);
    const alone = createLedger({ currency: 'CNY' });
    expect(alone.add(liteLlm)).toBeUndefined();
    expect(alone.totals().amount.toString()).toBe('0.000316');
    expect(both.totals().amount.toString()).toBe('5.000346');
  });
});
