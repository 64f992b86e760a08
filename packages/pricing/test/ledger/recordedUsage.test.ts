import { describe, expect, it } from 'vitest';
import { Decimal, priceRequest } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import { RECORDED_USAGE_PATH, readRecordedLines } from '../../../../test/support/recordedUsage.ts';

// The 99 real recorded DeepSeek API calls of the repository's fixture (test/fixtures/recordedUsage): the ledger reads
// each line as it is (model, created, response_usage, response_id) and prices every one of them.

describe('ledger over the recorded DeepSeek usage (test/fixtures/recordedUsage/deepseek-recorded-usage.jsonl)', () => {
  const lines = readRecordedLines(RECORDED_USAGE_PATH).map((record) => JSON.stringify(record));

  it('prices all 99 records, and the total equals the sum of per-record priceRequest totals', () => {
    expect(lines).toHaveLength(99);
    const ledger = createLedger({ groupBy: ['model'] });
    let expected = new Decimal(0);
    lines.forEach((line, i) => {
      const record = JSON.parse(line) as { model: string; created: number; response_usage: Record<string, unknown> };
      expect(ledger.add(record, `deepseek-recorded-usage.jsonl:${i + 1}`)).toBeUndefined();
      expected = expected.plus(priceRequest({ model: record.model, usage: record.response_usage, at: record.created * 1000 }).total);
    });
    const totals = ledger.totals();
    expect(totals.records).toEqual({ seen: 99, priced: 99, excluded: 0, duplicates: 0 });
    expect(totals.basis).toEqual({ completion: 0, request: 99 });
    expect(totals.amount.toString()).toBe(expected.toString());
    expect(totals.groups.map((g) => [g.key.model, g.records])).toEqual([
      ['deepseek-chat', 36],
      ['deepseek-reasoner', 8],
      ['deepseek-v4-flash', 54],
      ['deepseek-v4-pro', 1],
    ]);
  });
});
