import { InvalidUsageError } from './errors.ts';
import { type TokenCounts, validateTokenCount } from './normalizeUsage.ts';

// Vercel AI SDK usage objects (`result.usage`, `result.totalUsage`), as the SDK's own types define them.
//
// v5, LanguageModelV2Usage (github.com/vercel/ai, packages/provider/src/language-model/v2/language-model-v2-usage.ts):
//   "inputTokens: The number of input (prompt) tokens used."
//   "outputTokens: The number of output (completion) tokens used."
//   "totalTokens: The total number of tokens as reported by the provider. This number might be
//    different from the sum of `inputTokens` and `outputTokens` and e.g. include reasoning tokens or
//    other overhead."
//   "reasoningTokens?: The number of reasoning tokens used."  "cachedInputTokens?: The number of cached input tokens."
// v6, LanguageModelUsage (ai@6, https://ai-sdk.dev/docs/reference/ai-sdk-core/generate-text):
//   { inputTokens, inputTokenDetails: { noCacheTokens, cacheReadTokens, cacheWriteTokens },
//     outputTokens, outputTokenDetails: { textTokens, reasoningTokens }, totalTokens, raw?,
//     reasoningTokens? (deprecated), cachedInputTokens? (deprecated) }, every count `number | undefined`.
//   The SDK's DeepSeek and OpenAI-compatible providers fill them from the API's usage: inputTokens =
//   prompt_tokens (cache hits included), cacheReadTokens = the cache hits, noCacheTokens = the rest,
//   outputTokens = completion_tokens (reasoning included).
//
// DeepSeek bills input and output; its total_tokens is exactly their sum. A totalTokens that differs
// therefore means some tokens are not in inputTokens/outputTokens (a provider that reports output
// without reasoning, say): pricing the two would be a silent under-count, so it is refused.

/**
 * Whether a usage object is in the AI SDK's shape rather than seekcost's plain counts (the two share
 * `inputTokens`/`outputTokens`; only the SDK has `totalTokens`, `cachedInputTokens` or the v6 details).
 *
 * @example
 * ```ts
 * import { isAiSdkUsage } from '@seekcost/pricing';
 * isAiSdkUsage({ inputTokens: 10, outputTokens: 2, totalTokens: 12 }); // => true
 * isAiSdkUsage({ inputTokens: 10, outputTokens: 2 }); // => false
 * ```
 */
export function isAiSdkUsage(usage: Readonly<Record<string, unknown>>): boolean {
  return 'totalTokens' in usage || 'cachedInputTokens' in usage || 'inputTokenDetails' in usage || 'outputTokenDetails' in usage;
}

/**
 * Reads a Vercel AI SDK `usage` / `totalUsage` object (v5 or v6 shape) as DeepSeek bills it: cache
 * reads are cache hits, everything else in `inputTokens` is a miss, `outputTokens` includes
 * reasoning. Parts that disagree throw {@link InvalidUsageError} naming the field: `totalTokens` not
 * equal to input + output, cache reads above the input, v6 details that do not add up to their total,
 * the deprecated v5 fields contradicting the v6 details.
 *
 * @example
 * ```ts
 * import { readAiSdkUsage } from '@seekcost/pricing';
 * const counts = readAiSdkUsage({ inputTokens: 900, inputTokenDetails: { noCacheTokens: 100, cacheReadTokens: 800, cacheWriteTokens: 0 }, outputTokens: 50, outputTokenDetails: { textTokens: 20, reasoningTokens: 30 }, totalTokens: 950 });
 * counts.cacheHitInputTokens; // => 800
 * counts.cacheMissInputTokens; // => 100
 * counts.reasoningTokens; // => 30
 * ```
 */
export function readAiSdkUsage(usage: Readonly<Record<string, unknown>>, field = 'usage'): TokenCounts {
  if ('cacheHitInputTokens' in usage || 'cacheMissInputTokens' in usage) {
    throw new InvalidUsageError(
      `${field}.${'cacheHitInputTokens' in usage ? 'cacheHitInputTokens' : 'cacheMissInputTokens'}`,
      "mixes seekcost's plain counts with the AI SDK's usage shape; use one",
    );
  }
  const input = required(usage, 'inputTokens', field);
  const output = required(usage, 'outputTokens', field);
  const total = optional(usage, 'totalTokens', field);
  const inDetails = details(usage, 'inputTokenDetails', field);
  const outDetails = details(usage, 'outputTokenDetails', field);
  const inPath = `${field}.inputTokenDetails`;
  const outPath = `${field}.outputTokenDetails`;

  const cacheRead = inDetails === undefined ? undefined : optional(inDetails, 'cacheReadTokens', inPath);
  const cachedV5 = optional(usage, 'cachedInputTokens', field);
  if (cacheRead !== undefined && cachedV5 !== undefined && cacheRead !== cachedV5) {
    throw new InvalidUsageError(`${field}.cachedInputTokens`, `is ${cachedV5} but inputTokenDetails.cacheReadTokens is ${cacheRead}; they must agree`);
  }
  const hit = cacheRead ?? cachedV5 ?? 0;
  if (hit > input)
    throw new InvalidUsageError(cacheRead !== undefined ? `${inPath}.cacheReadTokens` : `${field}.cachedInputTokens`, `${hit} exceeds inputTokens (${input})`);
  if (inDetails !== undefined) {
    const noCache = optional(inDetails, 'noCacheTokens', inPath);
    const cacheWrite = optional(inDetails, 'cacheWriteTokens', inPath);
    if (noCache !== undefined && noCache + hit + (cacheWrite ?? 0) !== input) {
      throw new InvalidUsageError(
        `${inPath}.noCacheTokens`,
        `${noCache} + cacheReadTokens ${hit} + cacheWriteTokens ${cacheWrite ?? 0} is not inputTokens (${input}); they must agree`,
      );
    }
    if (cacheWrite !== undefined && hit + cacheWrite > input)
      throw new InvalidUsageError(`${inPath}.cacheWriteTokens`, `${cacheWrite} + cacheReadTokens ${hit} exceeds inputTokens (${input})`);
  }

  const reasoningV6 = outDetails === undefined ? undefined : optional(outDetails, 'reasoningTokens', outPath);
  const reasoningV5 = optional(usage, 'reasoningTokens', field);
  if (reasoningV6 !== undefined && reasoningV5 !== undefined && reasoningV6 !== reasoningV5) {
    throw new InvalidUsageError(`${field}.reasoningTokens`, `is ${reasoningV5} but outputTokenDetails.reasoningTokens is ${reasoningV6}; they must agree`);
  }
  const reasoning = reasoningV6 ?? reasoningV5;
  if (reasoning !== undefined && reasoning > output) {
    throw new InvalidUsageError(
      reasoningV6 !== undefined ? `${outPath}.reasoningTokens` : `${field}.reasoningTokens`,
      `${reasoning} exceeds outputTokens (${output}), which includes it`,
    );
  }
  if (outDetails !== undefined) {
    const text = optional(outDetails, 'textTokens', outPath);
    if (text !== undefined && text + (reasoning ?? 0) !== output && (reasoning !== undefined || text > output)) {
      throw new InvalidUsageError(`${outPath}.textTokens`, `${text} + reasoningTokens ${reasoning ?? 0} is not outputTokens (${output}); they must agree`);
    }
  }
  if (total !== undefined && total !== input + output) {
    throw new InvalidUsageError(
      `${field}.totalTokens`,
      `is ${total} but inputTokens + outputTokens = ${input + output}; DeepSeek bills exactly those two, so they must agree`,
    );
  }
  const counts = { cacheHitInputTokens: hit, cacheMissInputTokens: input - hit, outputTokens: output };
  return reasoning === undefined ? counts : { ...counts, reasoningTokens: reasoning };
}

function details(usage: Readonly<Record<string, unknown>>, key: string, field: string): Readonly<Record<string, unknown>> | undefined {
  const value = usage[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InvalidUsageError(`${field}.${key}`, `must be an object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  return value as Readonly<Record<string, unknown>>;
}

function required(usage: Readonly<Record<string, unknown>>, key: string, field: string): number {
  const value = optional(usage, key, field);
  // The SDK leaves a count undefined when the provider did not report it: no count, no price.
  if (value === undefined) throw new InvalidUsageError(`${field}.${key}`, 'is missing (the provider did not report it)');
  return value;
}

function optional(usage: Readonly<Record<string, unknown>>, key: string, field: string): number | undefined {
  const value = Object.hasOwn(usage, key) ? usage[key] : undefined;
  if (value === undefined || value === null) return undefined;
  return validateTokenCount(value, `${field}.${key}`);
}
