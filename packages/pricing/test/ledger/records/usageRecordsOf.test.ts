import { describe, expect, it } from 'vitest';
import { createLedger } from '../../../src/entries/ledger.ts';
import { otlpSpans, usageRecordsOf } from '../../../src/ledger/records/usageRecordsOf.ts';

const genAi = (spanId: string, input: string) => ({
  spanId,
  endTimeUnixNano: '1767130891000000000',
  attributes: [
    { key: 'gen_ai.request.model', value: { stringValue: 'deepseek-chat' } },
    { key: 'gen_ai.usage.input_tokens', value: { intValue: input } },
    { key: 'gen_ai.usage.output_tokens', value: { intValue: '1' } },
  ],
});
const http = { spanId: 'h', endTimeUnixNano: '1767130891000000000', attributes: [{ key: 'http.route', value: { stringValue: '/' } }] };
const exportOf = (...spans: unknown[]) => ({ resourceSpans: [{ resource: {}, scopeSpans: [{ scope: {}, spans }, { scope: {} }] }] });

describe('usageRecordsOf', () => {
  it('splits an export into its GenAI spans, in order, and counts the others as skipped', () => {
    const a = genAi('a', '5');
    const b = genAi('b', '6');
    expect(usageRecordsOf(exportOf(http, a, b))).toEqual({ records: [a, b], skipped: 1 });
  });

  it('skips a lone non-GenAI span and passes any other value through whole', () => {
    expect(usageRecordsOf(http)).toEqual({ records: [], skipped: 1 });
    for (const value of [{ model: 'x' }, null, 7, [1]]) expect(usageRecordsOf(value)).toEqual({ records: [value], skipped: 0 });
  });

  it('hands a broken export on whole, and the ledger excludes it with its reason', () => {
    const broken = { resourceSpans: [{ scopeSpans: 'no' }] };
    expect(otlpSpans(broken)).toBeUndefined();
    expect(usageRecordsOf(broken)).toEqual({ records: [broken], skipped: 0 });
    const ledger = createLedger();
    expect(ledger.add(broken, 'x:1')).toMatchObject({ code: 'malformed', field: 'resourceSpans' });
    expect(ledger.add(exportOf(genAi('a', '5'), genAi('b', '6')), 'x:2')).toMatchObject({
      code: 'malformed',
      message: 'resourceSpans: an OTLP export with 2 GenAI model-call spans (of 2); add each span (usageRecordsOf splits an export)',
    });
    expect(ledger.add(exportOf(http, genAi('a', '5')), 'x:3')).toBeUndefined();
    expect(ledger.totals().records).toMatchObject({ priced: 1, excluded: 2 });
  });
});
