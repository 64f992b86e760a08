import { describe, expect, it } from 'vitest';
import { InvalidUsageError, normalizeUsage } from '../src/index.ts';

function fieldOf(fn: () => unknown): { field: string; reason: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidUsageError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('expected an InvalidUsageError');
}

describe('normalizeUsage', () => {
  it('reads DeepSeek chat usage, reasoning included in output', () => {
    expect(
      normalizeUsage({
        prompt_tokens: 220,
        prompt_cache_hit_tokens: 192,
        prompt_cache_miss_tokens: 28,
        completion_tokens: 39,
        completion_tokens_details: { reasoning_tokens: 10 },
        prompt_tokens_details: { cached_tokens: 192 },
      }),
    ).toEqual({ counts: { cacheHitInputTokens: 192, cacheMissInputTokens: 28, outputTokens: 39, reasoningTokens: 10 }, format: 'openai-chat', warnings: [] });
  });

  it('derives the miss count from prompt_tokens and an OpenAI-style cached_tokens a proxy adds', () => {
    expect(normalizeUsage({ prompt_tokens: 100, prompt_tokens_details: { cached_tokens: 64 }, completion_tokens: 5 }).counts).toEqual({
      cacheHitInputTokens: 64,
      cacheMissInputTokens: 36,
      outputTokens: 5,
    });
    expect(normalizeUsage({ prompt_tokens: 100, completion_tokens: 5 }).counts).toEqual({ cacheHitInputTokens: 0, cacheMissInputTokens: 100, outputTokens: 5 });
  });

  it('reads Responses API usage: input_tokens includes the cached part', () => {
    expect(
      normalizeUsage({ input_tokens: 90, input_tokens_details: { cached_tokens: 64 }, output_tokens: 15, output_tokens_details: { reasoning_tokens: 7 } }),
    ).toEqual({
      counts: { cacheHitInputTokens: 64, cacheMissInputTokens: 26, outputTokens: 15, reasoningTokens: 7 },
      format: 'responses',
      warnings: [],
    });
  });

  it("reads Anthropic usage with Anthropic's convention and says the mapping is unconfirmed", () => {
    const result = normalizeUsage({ input_tokens: 30, cache_read_input_tokens: 640, cache_creation_input_tokens: 10, output_tokens: 12 });
    expect(result.counts).toEqual({ cacheHitInputTokens: 640, cacheMissInputTokens: 40, outputTokens: 12 });
    expect(result.format).toBe('anthropic');
    expect(result.warnings.map((w) => w.code)).toEqual(['anthropic-usage-mapping']);
  });

  it('reads plain counts in both forms', () => {
    expect(normalizeUsage({ cacheHitInputTokens: 1, cacheMissInputTokens: 2, outputTokens: 3 }).counts).toEqual({
      cacheHitInputTokens: 1,
      cacheMissInputTokens: 2,
      outputTokens: 3,
    });
    expect(normalizeUsage({ inputTokens: 10, cacheHitInputTokens: 4, outputTokens: 3 }).counts).toEqual({
      cacheHitInputTokens: 4,
      cacheMissInputTokens: 6,
      outputTokens: 3,
    });
    expect(normalizeUsage({ inputTokens: 10, outputTokens: 0 }).counts).toEqual({ cacheHitInputTokens: 0, cacheMissInputTokens: 10, outputTokens: 0 });
  });

  it.each([
    [{ prompt_tokens: -1, completion_tokens: 1 }, 'usage.prompt_tokens', 'must be a non-negative integer, got -1'],
    [{ prompt_tokens: 1.5, completion_tokens: 1 }, 'usage.prompt_tokens', 'must be a whole number of tokens, got 1.5'],
    [{ prompt_tokens: Number.NaN, completion_tokens: 1 }, 'usage.prompt_tokens', 'must be a non-negative integer, got NaN'],
    [{ prompt_tokens: Infinity, completion_tokens: 1 }, 'usage.prompt_tokens', 'must be a non-negative integer, got Infinity'],
    [{ prompt_tokens: '12', completion_tokens: 1 }, 'usage.prompt_tokens', "must be a non-negative integer, got the string '12'"],
    [{ prompt_tokens: 10, completion_tokens: 2 ** 53 }, 'usage.completion_tokens', `is too large to count exactly (${2 ** 53})`],
    [{ prompt_tokens: 5, prompt_cache_hit_tokens: 6, completion_tokens: 1 }, 'usage.prompt_cache_hit_tokens', '6 exceeds prompt_tokens (5)'],
    [
      { prompt_tokens: 10, prompt_cache_hit_tokens: 3, prompt_cache_miss_tokens: 6, completion_tokens: 1 },
      'usage.prompt_tokens',
      'is 10 but prompt_cache_hit_tokens + prompt_cache_miss_tokens = 9; they must agree',
    ],
    [
      { prompt_tokens: 10, prompt_cache_hit_tokens: 3, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens: 1 },
      'usage.prompt_tokens_details.cached_tokens',
      'is 4 but prompt_cache_hit_tokens is 3; they must agree',
    ],
    [{ prompt_tokens: 10 }, 'usage.completion_tokens', 'is missing'],
    [
      { prompt_tokens: 10, completion_tokens: 3, completion_tokens_details: { reasoning_tokens: 4 } },
      'usage.completion_tokens_details.reasoning_tokens',
      '4 exceeds the output token count (3), which includes it',
    ],
    [
      { input_tokens: 10, input_tokens_details: { cached_tokens: 11 }, output_tokens: 1 },
      'usage.input_tokens_details.cached_tokens',
      '11 exceeds input_tokens (10)',
    ],
    [{ inputTokens: 10, cacheHitInputTokens: 11, outputTokens: 1 }, 'usage.cacheHitInputTokens', '11 exceeds inputTokens (10)'],
    [
      { inputTokens: 10, cacheHitInputTokens: 1, cacheMissInputTokens: 8, outputTokens: 1 },
      'usage.inputTokens',
      'is 10 but cacheHitInputTokens + cacheMissInputTokens = 9; they must agree',
    ],
    [{ prompt_tokens: 10, completion_tokens: 1, prompt_tokens_details: [] }, 'usage.prompt_tokens_details', 'must be an object, got an array'],
    [
      { tokens: 10 },
      'usage',
      'has no token counts (expected prompt_tokens/completion_tokens, input_tokens/output_tokens, or cacheMissInputTokens/outputTokens)',
    ],
  ])('rejects %j at %s', (usage, field, reason) => {
    expect(fieldOf(() => normalizeUsage(usage as never))).toEqual({ field, reason });
  });

  it('rejects non-objects', () => {
    expect(fieldOf(() => normalizeUsage(null as never))).toEqual({ field: 'usage', reason: 'must be a usage object, got null' });
    expect(fieldOf(() => normalizeUsage(42 as never))).toEqual({ field: 'usage', reason: 'must be a usage object, got number' });
  });
});
