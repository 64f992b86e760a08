import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal, normalizeUsage, priceRequest } from '@seekcost/pricing';
import { HISTORIES, oracleTier } from './deepseekFacts.ts';

// The 99 real DeepSeek API calls in ../shared (never copied into the repo): every usage object
// parses and prices, and the price equals the hand-written facts' arithmetic.

const DATASET = resolve(import.meta.dirname, '../../shared/datasets/deepseek-recorded-usage.jsonl');
const present = existsSync(DATASET);
if (!present) console.warn(`recorded-usage tests SKIPPED: ${DATASET} is absent (it lives in ../shared beside the repo)`);

interface Recorded {
  readonly model: string;
  readonly request_model: string | null;
  readonly created: number;
  readonly endpoint: string;
  readonly response_id: string;
  readonly response_usage: Record<string, unknown>;
}
const records: Recorded[] = present
  ? readFileSync(DATASET, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Recorded)
  : [];

function expectedTotal(model: string, ms: number, counts: { cacheHitInputTokens: number; cacheMissInputTokens: number; outputTokens: number }, currency: 'USD' | 'CNY'): string {
  const history = HISTORIES.find((h) => h.id === model);
  const era = history?.eras.filter((e) => Date.parse(e.from) <= ms).at(-1);
  if (era === undefined) throw new Error(`facts have no era for ${model} at ${new Date(ms).toISOString()}`);
  const rates = era.prices[oracleTier(era, ms)]?.[currency];
  if (rates === undefined) throw new Error('facts incomplete');
  const [hit, miss, out] = rates.map((r) => new Decimal(r));
  return new Decimal(counts.cacheHitInputTokens).times(hit!).plus(new Decimal(counts.cacheMissInputTokens).times(miss!)).plus(new Decimal(counts.outputTokens).times(out!)).div(1_000_000).toString();
}

describe.skipIf(!present)('recorded DeepSeek usage (../shared/datasets/deepseek-recorded-usage.jsonl)', () => {
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
      usage: { input_tokens: 376, input_tokens_details: { cached_tokens: 256 }, output_tokens: 81, output_tokens_details: { reasoning_tokens: 21 }, total_tokens: 457 },
      at: '2026-08-05T22:08:39Z',
    });
    expect(quote.tokens).toEqual({ cacheHitInputTokens: 256, cacheMissInputTokens: 120, outputTokens: 81, reasoningTokens: 21 });
    // 256 x 0.0028 + 120 x 0.14 + 81 x 0.28 = 0.7168 + 16.8 + 22.68 = 40.1968 per 1M
    expect(quote.total.toString()).toBe('0.0000401968');
  });
});
