import { normalizeUsage, type UsageFormat } from '../normalizeUsage.ts';
import { EXACT_DOUBLE_COUNT_LIMIT } from '../rules.ts';

/**
 * Token counts of one record, written into a reused object so the ledger's hot path allocates nothing.
 *
 * @example
 * ```ts
 * const scratch: CountsScratch = { hit: 0, miss: 0, output: 0, reasoning: 0, format: 'counts' };
 * ```
 */
export interface CountsScratch {
  hit: number;
  miss: number;
  output: number;
  reasoning: number;
  format: UsageFormat;
}

/**
 * Reads a usage object's billed token split into `into`. The usual DeepSeek chat shape
 * (`prompt_tokens` = `prompt_cache_hit_tokens` + `prompt_cache_miss_tokens`, `completion_tokens`) is
 * read inline; anything else, and anything the inline read doubts, goes through `normalizeUsage`,
 * so the result and the errors (InvalidUsageError naming the field) are exactly normalizeUsage's.
 *
 * @example
 * ```ts
 * const into = { hit: 0, miss: 0, output: 0, reasoning: 0, format: 'counts' as const };
 * readUsageCounts({ prompt_tokens: 30, prompt_cache_hit_tokens: 10, prompt_cache_miss_tokens: 20, completion_tokens: 5 }, into);
 * into.hit; // => 10
 * ```
 */
export function readUsageCounts(usage: Readonly<Record<string, unknown>>, into: CountsScratch): void {
  const hit = usage.prompt_cache_hit_tokens;
  const miss = usage.prompt_cache_miss_tokens;
  const output = usage.completion_tokens;
  const prompt = usage.prompt_tokens;
  if (
    typeof hit === 'number' &&
    typeof miss === 'number' &&
    typeof output === 'number' &&
    typeof prompt === 'number' &&
    Number.isInteger(hit) &&
    Number.isInteger(miss) &&
    Number.isInteger(output) &&
    hit >= 0 &&
    miss >= 0 &&
    output >= 0 &&
    hit < EXACT_DOUBLE_COUNT_LIMIT &&
    miss < EXACT_DOUBLE_COUNT_LIMIT &&
    output < EXACT_DOUBLE_COUNT_LIMIT &&
    hit + miss === prompt
  ) {
    const promptDetails = usage.prompt_tokens_details;
    const completionDetails = usage.completion_tokens_details;
    const cached = promptDetails === undefined || promptDetails === null ? undefined : (promptDetails as Record<string, unknown>).cached_tokens;
    const reasoning = completionDetails === undefined || completionDetails === null ? 0 : (completionDetails as Record<string, unknown>).reasoning_tokens;
    if (
      (promptDetails === undefined ||
        promptDetails === null ||
        (typeof promptDetails === 'object' && !Array.isArray(promptDetails) && (cached === undefined || cached === null || cached === hit))) &&
      (completionDetails === undefined || completionDetails === null || (typeof completionDetails === 'object' && !Array.isArray(completionDetails))) &&
      (reasoning === undefined || reasoning === null || (typeof reasoning === 'number' && Number.isInteger(reasoning) && reasoning >= 0 && reasoning <= output))
    ) {
      into.hit = hit;
      into.miss = miss;
      into.output = output;
      into.reasoning = typeof reasoning === 'number' ? reasoning : 0;
      into.format = 'openai-chat';
      return;
    }
  }
  const normalized = normalizeUsage(usage);
  into.hit = normalized.counts.cacheHitInputTokens;
  into.miss = normalized.counts.cacheMissInputTokens;
  into.output = normalized.counts.outputTokens;
  into.reasoning = normalized.counts.reasoningTokens ?? 0;
  into.format = normalized.format;
}
