import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/decimal.ts';
import { createLedger, usageRecordsOf } from '../../../src/entries/ledger.ts';
import { priceRequest } from '../../../src/index.ts';

// The three fixtures are written from the published specs (quoted in ../../fixtures/records/README.md
// and at the top of each reader). Each test prices the fixture through the ledger, as the CLI does,
// and checks the exact total against priceRequest on the counts read off the fixture by hand.

function ledgerOf(name: string) {
  const ledger = createLedger({ groupBy: ['model'] });
  const issues = [];
  let skipped = 0;
  const lines = readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
  for (const [n, line] of lines.entries()) {
    const split = usageRecordsOf(JSON.parse(line));
    skipped += split.skipped;
    for (const record of split.records) {
      const issue = ledger.add(record, `${name}:${n + 1}`);
      if (issue !== undefined) issues.push(issue);
    }
  }
  return { totals: ledger.totals(), issues, skipped };
}

function sum(...quotes: { model: string; at: string; usage: Record<string, number> }[]): Decimal {
  return quotes.reduce((total, q) => total.plus(priceRequest(q).total), new Decimal(0));
}

describe('record fixtures, priced through the ledger', () => {
  it('OpenTelemetry GenAI spans: two chat spans of one export, one single span, one excluded; HTTP, agent and tool spans skipped', () => {
    const { totals, issues, skipped } = ledgerOf('otel-genai-spans.jsonl');
    const expected = sum(
      { model: 'deepseek-chat', at: '2025-11-03T09:15:02.345Z', usage: { cacheHitInputTokens: 3840, cacheMissInputTokens: 360, outputTokens: 310 } },
      { model: 'deepseek-chat', at: '2025-11-03T09:15:02.850Z', usage: { cacheHitInputTokens: 4480, cacheMissInputTokens: 140, outputTokens: 95 } },
      { model: 'deepseek-reasoner', at: '2026-01-15T16:00:01.999Z', usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 1500, outputTokens: 2200 } },
    );
    expect(totals.amount.toFixed()).toBe(expected.toFixed());
    expect(totals.amount.toFixed()).toBe('0.00188706');
    expect(totals.records).toMatchObject({ seen: 4, priced: 3, excluded: 1 });
    expect(skipped).toBe(3);
    expect(issues).toEqual([
      {
        ref: 'otel-genai-spans.jsonl:3',
        code: 'invalid-timestamp',
        field: 'endTimeUnixNano',
        message: 'endTimeUnixNano: 1768493099000000000 is before startTimeUnixNano 1768493100000000000',
      },
    ]);
  });

  it('AI SDK usage: v5 usage, v6 totalUsage (all steps) over usage (last step), one excluded', () => {
    const { totals, issues } = ledgerOf('ai-sdk-usage.jsonl');
    const expected = sum(
      { model: 'deepseek-chat', at: '2025-11-03T09:20:00.250Z', usage: { cacheHitInputTokens: 1024, cacheMissInputTokens: 1024, outputTokens: 512 } },
      { model: 'deepseek-reasoner', at: '2026-01-15T16:10:00Z', usage: { cacheHitInputTokens: 1600, cacheMissInputTokens: 1400, outputTokens: 1900 } },
    );
    expect(totals.amount.toFixed()).toBe(expected.toFixed());
    expect(totals.amount.toFixed()).toBe('0.001765232');
    expect(totals.tokens.reasoningTokens).toBe(1300);
    expect(issues.map((i) => [i.ref, i.code, i.field])).toEqual([['ai-sdk-usage.jsonl:3', 'invalid-usage', 'usage.totalTokens']]);
  });

  it('LiteLLM: payload and spend-log rows priced at endTime, the proxy-cache hit at zero, spend never read, one excluded', () => {
    const { totals, issues } = ledgerOf('litellm-spend-logs.jsonl');
    const expected = sum(
      { model: 'deepseek-chat', at: '2025-11-03T09:15:05.123Z', usage: { cacheHitInputTokens: 5120, cacheMissInputTokens: 880, outputTokens: 800 } },
      { model: 'deepseek-reasoner', at: '2026-01-15T16:20:09.877Z', usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 2000, outputTokens: 600 } },
    );
    expect(totals.amount.toFixed()).toBe(expected.toFixed());
    expect(totals.amount.toFixed()).toBe('0.00153776');
    expect(totals.records).toMatchObject({ seen: 4, priced: 3, excluded: 1 });
    expect(issues.map((i) => [i.ref, i.code, i.field])).toEqual([
      ['litellm-spend-logs.jsonl:4', 'invalid-usage', 'metadata.usage_object.prompt_tokens_details.cached_tokens'],
    ]);
  });
});

describe('every record format, property', () => {
  it('a record in each format is priced to the same exact amount as priceRequest on its counts, or excluded when priceRequest throws', async () => {
    const fc = (await import('fast-check')).default;
    const { instantArb, MODEL_IDS } = await import('../support.ts');
    const count = fc.integer({ min: 0, max: 2_000_000 });
    // One ledger per format over every run (building one per record is slow): after each record its
    // exact total must still equal the running sum of priceRequest totals.
    const ledgers = [createLedger({ dedupe: false }), createLedger({ dedupe: false }), createLedger({ dedupe: false })];
    let expectedSum = new Decimal(0);
    fc.assert(
      fc.property(
        fc.constantFrom(...MODEL_IDS),
        instantArb,
        count,
        count,
        count,
        fc.integer({ min: 0, max: 999_999 }),
        (model, atMs, hit, miss, out, subMsNanos) => {
          const usage = { cacheHitInputTokens: hit, cacheMissInputTokens: miss, outputTokens: out };
          let expected: Decimal | undefined;
          try {
            expected = priceRequest({ model, usage, at: atMs }).total;
          } catch {
            expected = undefined;
          }
          const records = [
            {
              spanId: 's',
              endTimeUnixNano: (BigInt(atMs) * 1_000_000n + BigInt(subMsNanos)).toString(),
              attributes: [
                { key: 'gen_ai.request.model', value: { stringValue: model } },
                { key: 'gen_ai.usage.input_tokens', value: { intValue: String(hit + miss) } },
                { key: 'gen_ai.usage.cache_read.input_tokens', value: { intValue: hit } },
                { key: 'gen_ai.usage.output_tokens', value: { intValue: String(out) } },
              ],
            },
            {
              model,
              at: atMs,
              totalUsage: {
                inputTokens: hit + miss,
                inputTokenDetails: { noCacheTokens: miss, cacheReadTokens: hit },
                outputTokens: out,
                totalTokens: hit + miss + out,
              },
            },
            {
              model: `deepseek/${model}`,
              endTime: atMs / 1000,
              prompt_tokens: hit + miss,
              completion_tokens: out,
              metadata: { usage_object: { prompt_tokens_details: { cached_tokens: hit } } },
            },
          ];
          if (expected !== undefined) expectedSum = expectedSum.plus(expected);
          for (const [i, record] of records.entries()) {
            const issue = (ledgers[i] as ReturnType<typeof createLedger>).add(record);
            if (expected === undefined) expect(issue).toBeDefined();
            else expect(issue).toBeUndefined();
            expect((ledgers[i] as ReturnType<typeof createLedger>).totals().amount.toFixed()).toBe(expectedSum.toFixed());
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
