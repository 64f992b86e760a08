import { describe, expect, it } from 'vitest';
import { Decimal, normalizeUsage, priceRequest } from '@seekcost/pricing';
import { HISTORIES, oracleTier } from './deepseekFacts.ts';
import { RECORDED_USAGE_PATH, readRecordedLines } from './support/recordedUsage.ts';

// The 99 real DeepSeek API calls of the repository's fixture (test/fixtures/recordedUsage): every usage object
// parses and prices, and the price equals the hand-written facts' arithmetic.

interface Recorded {
  readonly model: string;
  readonly request_model: string | null;
  readonly created: number;
  readonly endpoint: string;
  readonly response_id: string;
  readonly response_usage: Record<string, unknown>;
}
const records = readRecordedLines<Recorded>(RECORDED_USAGE_PATH);

function expectedTotal(
  model: string,
  ms: number,
  counts: { cacheHitInputTokens: number; cacheMissInputTokens: number; outputTokens: number },
  currency: 'USD' | 'CNY',
): string {
  const history = HISTORIES.find((h) => h.id === model);
  const era = history?.eras.filter((e) => Date.parse(e.from) <= ms).at(-1);
  if (era === undefined) throw new Error(`facts have no era for ${model} at ${new Date(ms).toISOString()}`);
  const rates = era.prices[oracleTier(era, ms)]?.[currency];
  if (rates === undefined) throw new Error('facts incomplete');
  const [hit, miss, out] = rates.map((r) => new Decimal(r));
  return new Decimal(counts.cacheHitInputTokens)
    .times(hit!)
    .plus(new Decimal(counts.cacheMissInputTokens).times(miss!))
    .plus(new Decimal(counts.outputTokens).times(out!))
    .div(1_000_000)
    .toString();
}

describe('recorded DeepSeek usage (test/fixtures/recordedUsage/deepseek-recorded-usage.jsonl)', () => {
  it('holds 99 records', () => expect(records).toHaveLength(99));

  it.each(records.map((r, i) => [i, r] as const))('record %i parses and prices exactly', (_, record) => {
    const normalized = normalizeUsage(record.response_usage);
    expect(normalized.format).toBe(record.endpoint === 'openai-responses' ? 'responses' : 'openai-chat');
    const u = record.response_usage;
    const prompt = (u.prompt_tokens ?? u.input_tokens) as number;
    const output = (u.completion_tokens ?? u.output_tokens) as number;
    expect(normalized.counts.cacheHitInputTokens + normalized.counts.cacheMissInputTokens).toBe(prompt);
    expect(normalized.counts.outputTokens).toBe(output);
    const model = record.request_model ?? record.model;
    for (const currency of ['USD', 'CNY'] as const) {
      const quote = priceRequest({ model, usage: record.response_usage, at: record.created * 1000, currency, instant: 'request' });
      expect(quote.total.toString()).toBe(expectedTotal(model, record.created * 1000, normalized.counts, currency));
      expect(quote.lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)).equals(quote.total)).toBe(true);
      expect(quote.provenance.instantBasis).toBe('request');
    }
  });

  it('prices a V4-era Responses API call exactly (input_tokens includes cached_tokens)', () => {
    const quote = priceRequest({
      model: 'deepseek-v4-flash',
      usage: {
        input_tokens: 376,
        input_tokens_details: { cached_tokens: 256 },
        output_tokens: 81,
        output_tokens_details: { reasoning_tokens: 21 },
        total_tokens: 457,
      },
      at: '2026-08-05T22:08:39Z',
    });
    expect(quote.tokens).toEqual({ cacheHitInputTokens: 256, cacheMissInputTokens: 120, outputTokens: 81, reasoningTokens: 21 });
    // 256 x 0.0028 + 120 x 0.14 + 81 x 0.28 = 0.7168 + 16.8 + 22.68 = 40.1968 per 1M
    expect(quote.total.toString()).toBe('0.0000401968');
  });
});
