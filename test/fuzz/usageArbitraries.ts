import fc from 'fast-check';
import { hostileCount, validCount } from './hostileArbitraries.ts';

// Usage objects in every shape normalizeUsage reads, each with the billed split it must yield, and
// hostile ones made by breaking a valid one in a way that must be refused (field: usage...).

export interface UsageCase {
  readonly value: unknown;
  /** The billed split (hit, miss, output) and reasoning when valid; undefined when hostile. */
  readonly expected?: { readonly counts: readonly [number, number, number]; readonly reasoning?: number; readonly format: string };
  readonly hostile?: string;
}

// Own keys that normalizeUsage must ignore (including ones that name Object.prototype members, and
// an own __proto__ as JSON.parse creates it).
function withNoise(usage: Record<string, unknown>, noise: number): Record<string, unknown> {
  if (noise === 0) return usage;
  if (noise === 1) return { ...usage, total_tokens: 1, constructor: 'x', toString: 5 };
  if (noise === 2) return { ...(JSON.parse('{"__proto__":{"completion_tokens":-1}}') as Record<string, unknown>), ...usage };
  return Object.assign(Object.create(null) as Record<string, unknown>, usage);
}

const split = fc.tuple(validCount, validCount, validCount, fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.integer({ min: 0, max: 100 }));

export const validUsage: fc.Arbitrary<UsageCase> = fc
  .tuple(split, fc.integer({ min: 0, max: 6 }))
  .map(([[hit, miss, out, noise, withReasoning, percent], shape]) => {
    const reasoning = withReasoning ? Math.floor((out * percent) / 100) : undefined;
    const expected = (format: string, withIt = true) => ({
      counts: [hit, miss, out] as const,
      format,
      ...(reasoning === undefined || !withIt ? {} : { reasoning }),
    });
    switch (shape) {
      case 0:
        return {
          value: withNoise(
            {
              prompt_tokens: hit + miss,
              prompt_cache_hit_tokens: hit,
              prompt_cache_miss_tokens: miss,
              completion_tokens: out,
              ...(reasoning === undefined ? {} : { completion_tokens_details: { reasoning_tokens: reasoning } }),
            },
            noise,
          ),
          expected: expected('openai-chat'),
        };
      case 1:
        return {
          value: withNoise(
            { prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss, completion_tokens: out, prompt_tokens_details: { cached_tokens: hit } },
            noise,
          ),
          expected: expected('openai-chat', false),
        };
      case 2:
        return {
          value: withNoise({ prompt_tokens: hit + miss, prompt_tokens_details: { cached_tokens: hit }, completion_tokens: out }, noise),
          expected: expected('openai-chat', false),
        };
      case 3:
        return {
          value: withNoise(
            {
              input_tokens: hit + miss,
              input_tokens_details: { cached_tokens: hit },
              output_tokens: out,
              ...(reasoning === undefined ? {} : { output_tokens_details: { reasoning_tokens: reasoning } }),
            },
            noise,
          ),
          expected: expected('responses'),
        };
      case 4: {
        const creation = Math.floor(miss / 3);
        return {
          value: withNoise({ input_tokens: miss - creation, cache_creation_input_tokens: creation, cache_read_input_tokens: hit, output_tokens: out }, noise),
          expected: expected('anthropic', false),
        };
      }
      case 5:
        return {
          value: withNoise(
            { cacheHitInputTokens: hit, cacheMissInputTokens: miss, outputTokens: out, ...(reasoning === undefined ? {} : { reasoningTokens: reasoning }) },
            noise,
          ),
          expected: expected('counts'),
        };
      default:
        return { value: withNoise({ inputTokens: hit + miss, cacheHitInputTokens: hit, outputTokens: out }, noise), expected: expected('counts', false) };
    }
  });

const CHAT_KEYS = ['prompt_tokens', 'prompt_cache_hit_tokens', 'prompt_cache_miss_tokens', 'completion_tokens'] as const;

export const hostileUsage: fc.Arbitrary<UsageCase> = fc.oneof(
  // One count of a valid chat usage replaced by a bad value.
  fc.tuple(validCount, validCount, validCount, fc.constantFrom(...CHAT_KEYS), hostileCount).map(([hit, miss, out, key, bad]) => ({
    value: { prompt_tokens: hit + miss, prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss, completion_tokens: out, [key]: bad },
    hostile: 'usage',
  })),
  // Parts that disagree.
  fc.tuple(validCount, validCount, validCount, fc.integer({ min: 1, max: 1000 })).map(([hit, miss, out, k]) => ({
    value: { prompt_tokens: hit + miss + k, prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss, completion_tokens: out },
    hostile: 'usage',
  })),
  fc
    .tuple(validCount, validCount, fc.integer({ min: 1, max: 1000 }))
    .map(([p, out, k]) => ({ value: { prompt_tokens: p, prompt_cache_hit_tokens: p + k, completion_tokens: out }, hostile: 'usage' })),
  fc
    .tuple(validCount, validCount, fc.integer({ min: 1, max: 1000 }))
    .map(([input, out, k]) => ({ value: { input_tokens: input, input_tokens_details: { cached_tokens: input + k }, output_tokens: out }, hostile: 'usage' })),
  fc
    .tuple(validCount, validCount, fc.integer({ min: 1, max: 1000 }))
    .map(([input, out, k]) => ({ value: { inputTokens: input, cacheHitInputTokens: input + k, outputTokens: out }, hostile: 'usage' })),
  fc.tuple(validCount, validCount, fc.integer({ min: 1, max: 1000 })).map(([input, out, k]) => ({
    value: { prompt_tokens: input, completion_tokens: out, completion_tokens_details: { reasoning_tokens: out + k } },
    hostile: 'usage',
  })),
  // Missing what is required, nested objects of the wrong kind, cached tokens that disagree.
  fc.tuple(validCount, validCount).map(([hit, miss]) => ({ value: { prompt_tokens: hit + miss, prompt_cache_hit_tokens: hit }, hostile: 'usage' })),
  fc
    .tuple(validCount, validCount, fc.constantFrom(5, 'x', [1], true))
    .map(([p, out, bad]) => ({ value: { prompt_tokens: p, completion_tokens: out, prompt_tokens_details: bad }, hostile: 'usage' })),
  fc.tuple(validCount, validCount, fc.integer({ min: 1, max: 9 })).map(([hit, out, k]) => ({
    value: { prompt_tokens: hit + k, prompt_cache_hit_tokens: hit, completion_tokens: out, prompt_tokens_details: { cached_tokens: hit + k } },
    hostile: 'usage',
  })),
  fc
    .tuple(validCount, hostileCount)
    .map(([out, bad]) => ({ value: { cacheHitInputTokens: 0, cacheMissInputTokens: bad, outputTokens: out }, hostile: 'usage' })),
  fc.tuple(validCount, hostileCount).map(([out, bad]) => ({ value: { input_tokens: bad, output_tokens: out }, hostile: 'usage' })),
  // Not a usage object at all.
  fc.constantFrom<unknown>(null, undefined, 5, 'usage', [], [1, 2], {}, { tokens: 5 }, true).map((value) => ({ value, hostile: 'usage' })),
  fc.constant({ value: Object.create(null) as unknown, hostile: 'usage' }),
);

export const usageField: fc.Arbitrary<UsageCase> = fc.oneof({ weight: 4, arbitrary: validUsage }, { weight: 1, arbitrary: hostileUsage });
