import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUsage, priceRequest } from '../src/index.ts';
import { isAiSdkUsage, readAiSdkUsage } from '../src/readAiSdkUsage.ts';

// Shapes from the AI SDK's own types: v5 LanguageModelV2Usage (inputTokens, outputTokens,
// totalTokens, reasoningTokens?, cachedInputTokens?) and v6 LanguageModelUsage (inputTokenDetails
// { noCacheTokens, cacheReadTokens, cacheWriteTokens }, outputTokenDetails { textTokens, reasoningTokens }).

const v6 = (hit: number, miss: number, text: number, reasoning: number) => ({
  inputTokens: hit + miss,
  inputTokenDetails: { noCacheTokens: miss, cacheReadTokens: hit, cacheWriteTokens: 0 },
  outputTokens: text + reasoning,
  outputTokenDetails: { textTokens: text, reasoningTokens: reasoning },
  totalTokens: hit + miss + text + reasoning,
});

describe('readAiSdkUsage', () => {
  it('reads v5: cachedInputTokens are hits, the rest of inputTokens misses', () => {
    expect(readAiSdkUsage({ inputTokens: 2048, outputTokens: 512, totalTokens: 2560, reasoningTokens: 0, cachedInputTokens: 1024 })).toEqual({
      cacheHitInputTokens: 1024,
      cacheMissInputTokens: 1024,
      outputTokens: 512,
      reasoningTokens: 0,
    });
  });

  it('is what normalizeUsage and priceRequest use, so v5 cache hits are never billed as misses', () => {
    const usage = { inputTokens: 1000, outputTokens: 10, totalTokens: 1010, cachedInputTokens: 1000 };
    expect(normalizeUsage(usage)).toMatchObject({ format: 'ai-sdk', counts: { cacheHitInputTokens: 1000, cacheMissInputTokens: 0 } });
    const at = '2026-01-15T16:10:00Z';
    expect(priceRequest({ model: 'deepseek-chat', usage, at }).total.toFixed()).toBe(
      priceRequest({ model: 'deepseek-chat', usage: { cacheHitInputTokens: 1000, cacheMissInputTokens: 0, outputTokens: 10 }, at }).total.toFixed(),
    );
  });

  it('property: v6 details read back exactly, with the deprecated v5 fields agreeing or absent', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 40), fc.nat(2 ** 40), fc.nat(2 ** 40), fc.nat(2 ** 40), fc.boolean(), (hit, miss, text, reasoning, withV5) => {
        const usage = withV5 ? { ...v6(hit, miss, text, reasoning), cachedInputTokens: hit, reasoningTokens: reasoning } : v6(hit, miss, text, reasoning);
        expect(readAiSdkUsage(usage)).toEqual({
          cacheHitInputTokens: hit,
          cacheMissInputTokens: miss,
          outputTokens: text + reasoning,
          reasoningTokens: reasoning,
        });
      }),
    );
  });

  it('reads v6 cache writes as misses (DeepSeek has no cache-write price)', () => {
    const usage = { inputTokens: 100, inputTokenDetails: { noCacheTokens: 50, cacheReadTokens: 30, cacheWriteTokens: 20 }, outputTokens: 1 };
    expect(readAiSdkUsage(usage)).toEqual({ cacheHitInputTokens: 30, cacheMissInputTokens: 70, outputTokens: 1 });
  });

  it.each([
    [
      { inputTokens: 10, outputTokens: 2, totalTokens: 13 },
      'usage.totalTokens',
      'is 13 but inputTokens + outputTokens = 12; DeepSeek bills exactly those two, so they must agree',
    ],
    [{ inputTokens: 10, outputTokens: 2, cachedInputTokens: 11 }, 'usage.cachedInputTokens', '11 exceeds inputTokens (10)'],
    [
      { inputTokens: 10, outputTokens: 2, totalTokens: 12, inputTokenDetails: { cacheReadTokens: 11 } },
      'usage.inputTokenDetails.cacheReadTokens',
      '11 exceeds inputTokens (10)',
    ],
    [{ ...v6(5, 5, 1, 1), cachedInputTokens: 4 }, 'usage.cachedInputTokens', 'is 4 but inputTokenDetails.cacheReadTokens is 5; they must agree'],
    [{ ...v6(5, 5, 1, 1), reasoningTokens: 2 }, 'usage.reasoningTokens', 'is 2 but outputTokenDetails.reasoningTokens is 1; they must agree'],
    [
      { ...v6(5, 5, 1, 1), inputTokenDetails: { noCacheTokens: 4, cacheReadTokens: 5 } },
      'usage.inputTokenDetails.noCacheTokens',
      '4 + cacheReadTokens 5 + cacheWriteTokens 0 is not inputTokens (10); they must agree',
    ],
    [
      { ...v6(5, 5, 1, 1), outputTokenDetails: { textTokens: 2, reasoningTokens: 1 } },
      'usage.outputTokenDetails.textTokens',
      '2 + reasoningTokens 1 is not outputTokens (2); they must agree',
    ],
    [{ inputTokens: 10, outputTokens: 2, reasoningTokens: 3 }, 'usage.reasoningTokens', '3 exceeds outputTokens (2), which includes it'],
    [{ outputTokens: 2, totalTokens: 2 }, 'usage.inputTokens', 'is missing (the provider did not report it)'],
    [{ inputTokens: -1, outputTokens: 2, totalTokens: 1 }, 'usage.inputTokens', 'must be a non-negative integer, got -1'],
    [{ inputTokens: 1, outputTokens: 2, totalTokens: 3, inputTokenDetails: [1] }, 'usage.inputTokenDetails', 'must be an object, got an array'],
    [
      { inputTokens: 1, outputTokens: 2, totalTokens: 3, cacheHitInputTokens: 1 },
      'usage.cacheHitInputTokens',
      "mixes seekcost's plain counts with the AI SDK's usage shape; use one",
    ],
  ])('%#: refuses %o at %s', (usage, field, reason) => {
    expect(() => readAiSdkUsage(usage)).toThrow(expect.objectContaining({ code: 'INVALID_USAGE', field, message: `${field}: ${reason}` }));
  });

  it('reads only own fields, so an inherited count is not a count', () => {
    const usage = Object.assign(Object.create({ cachedInputTokens: 5 }), { inputTokens: 10, outputTokens: 1, totalTokens: 11 });
    expect(readAiSdkUsage(usage)).toEqual({ cacheHitInputTokens: 0, cacheMissInputTokens: 10, outputTokens: 1 });
  });
});

describe('isAiSdkUsage', () => {
  it('tells the SDK shape from plain counts', () => {
    expect(isAiSdkUsage({ inputTokens: 1, outputTokens: 1, totalTokens: 2 })).toBe(true);
    expect(isAiSdkUsage({ inputTokens: 1, outputTokens: 1, inputTokenDetails: {} })).toBe(true);
    expect(isAiSdkUsage({ inputTokens: 1, outputTokens: 1, cacheHitInputTokens: 0 })).toBe(false);
  });
});
