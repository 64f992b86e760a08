import { InvalidUsageError } from './errors.ts';
import { isAiSdkUsage, readAiSdkUsage } from './readAiSdkUsage.ts';
import type { PriceWarning } from './resolvePrice.ts';

/**
 * Token counts as DeepSeek bills them: the one shape every usage format is normalised to.
 *
 * @example
 * ```ts
 * const counts: TokenCounts = { cacheHitInputTokens: 640, cacheMissInputTokens: 150, outputTokens: 45, reasoningTokens: 21 };
 * ```
 */
export interface TokenCounts {
  readonly cacheHitInputTokens: number;
  readonly cacheMissInputTokens: number;
  /** All output, reasoning included (billed at the output price). */
  readonly outputTokens: number;
  /** Of `outputTokens`, how many were reasoning (chain of thought), when the usage says so. */
  readonly reasoningTokens?: number;
}

/**
 * Which shape a usage object arrived in.
 *
 * @example
 * ```ts
 * normalizeUsage({ input_tokens: 90, output_tokens: 15 }).format; // => 'responses'
 * ```
 */
export type UsageFormat = 'openai-chat' | 'responses' | 'anthropic' | 'ai-sdk' | 'counts';

/**
 * {@link TokenCounts} plus the shape they were read from and anything worth flagging.
 *
 * @example
 * ```ts
 * const { counts, format, warnings }: NormalizedUsage = normalizeUsage(response.usage);
 * ```
 */
export interface NormalizedUsage {
  readonly counts: TokenCounts;
  readonly format: UsageFormat;
  readonly warnings: readonly PriceWarning[];
}

/**
 * Plain counts: either the billed split, or total input with the cache-hit part.
 *
 * @example
 * ```ts
 * const usage: PlainUsage = { inputTokens: 10_000, cacheHitInputTokens: 4_000, outputTokens: 1_000 };
 * ```
 */
export type PlainUsage =
  | { readonly cacheHitInputTokens: number; readonly cacheMissInputTokens: number; readonly outputTokens: number; readonly reasoningTokens?: number }
  | { readonly inputTokens: number; readonly cacheHitInputTokens?: number; readonly outputTokens: number; readonly reasoningTokens?: number };

/**
 * Any usage shape {@link normalizeUsage} accepts: DeepSeek/OpenAI chat, Responses API, Anthropic, or plain counts.
 *
 * @example
 * ```ts
 * const usage: UsageInput = { prompt_tokens: 21, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 21, completion_tokens: 1 };
 * ```
 */
export type UsageInput = Readonly<Record<string, unknown>> | PlainUsage;

const NO_WARNINGS: readonly PriceWarning[] = Object.freeze([]);
const ANTHROPIC_WARNING: readonly PriceWarning[] = Object.freeze([
  {
    code: 'anthropic-usage-mapping',
    message:
      "Anthropic-format usage read with Anthropic's convention (input_tokens excludes cache_read_input_tokens and cache_creation_input_tokens); DeepSeek's guide does not restate it, so this mapping is unconfirmed",
  },
]);

/**
 * Reads a usage object as DeepSeek returns it, in any of its shapes, and returns the billed token
 * split. Validates every count (non-negative safe integers) and that the parts agree; a bad field
 * throws {@link InvalidUsageError} naming it (`usage.prompt_cache_hit_tokens`, ...).
 *
 * - Chat Completions: `prompt_tokens`, `prompt_cache_hit_tokens`, `prompt_cache_miss_tokens`,
 *   `completion_tokens`, `completion_tokens_details.reasoning_tokens`; `prompt_tokens_details.cached_tokens`
 *   where a proxy adds it (must agree with the hit count when both are present).
 * - Responses API: `input_tokens` (all input) with `input_tokens_details.cached_tokens`, `output_tokens`.
 * - Anthropic format: `input_tokens` (excluding cache), `cache_read_input_tokens`, `cache_creation_input_tokens`, `output_tokens`.
 * - Vercel AI SDK `usage` / `totalUsage`, v5 and v6 shapes (see {@link readAiSdkUsage}).
 * - Plain counts: `{ cacheHitInputTokens, cacheMissInputTokens, outputTokens }` or `{ inputTokens, cacheHitInputTokens?, outputTokens }`.
 *
 * Metered items (search, fetch, OCR pages, TTS characters) are not read from usage: no DeepSeek
 * document names a usage field for them. The Responses API guide reports server-side searches only
 * as `web_search_call` output items, the Anthropic-format guide as `server_tool_use` /
 * `web_search_tool_result` content blocks, and the chat reference not at all; Anthropic's own
 * `usage.server_tool_use.web_search_requests` is not documented by DeepSeek, so it is ignored rather
 * than guessed. Pass the counts to {@link priceRequest} as `metered`.
 *
 * @example
 * ```ts
 * normalizeUsage({ prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800 }).counts;
 * // => { cacheHitInputTokens: 0, cacheMissInputTokens: 6000, outputTokens: 800 }
 * ```
 */
export function normalizeUsage(usage: UsageInput, field = 'usage'): NormalizedUsage {
  if (typeof usage !== 'object' || usage === null || Array.isArray(usage)) {
    throw new InvalidUsageError(field, `must be a usage object, got ${usage === null ? 'null' : Array.isArray(usage) ? 'an array' : typeof usage}`);
  }
  const u = usage as Readonly<Record<string, unknown>>;
  if ('prompt_tokens' in u || 'prompt_cache_hit_tokens' in u || 'prompt_cache_miss_tokens' in u || 'completion_tokens' in u) {
    return { counts: fromChat(u, field), format: 'openai-chat', warnings: NO_WARNINGS };
  }
  if ('cache_read_input_tokens' in u || 'cache_creation_input_tokens' in u) {
    return { counts: fromAnthropic(u, field), format: 'anthropic', warnings: ANTHROPIC_WARNING };
  }
  if ('input_tokens' in u || 'output_tokens' in u) {
    return { counts: fromResponses(u, field), format: 'responses', warnings: NO_WARNINGS };
  }
  // Before plain counts: the AI SDK shares their inputTokens/outputTokens, and read as plain counts
  // its cachedInputTokens would be ignored, billing every cache hit as a miss.
  if (isAiSdkUsage(u)) return { counts: readAiSdkUsage(u, field), format: 'ai-sdk', warnings: NO_WARNINGS };
  if ('cacheMissInputTokens' in u || 'inputTokens' in u || 'cacheHitInputTokens' in u || 'outputTokens' in u) {
    return { counts: fromPlain(u, field), format: 'counts', warnings: NO_WARNINGS };
  }
  throw new InvalidUsageError(
    field,
    'has no token counts (expected prompt_tokens/completion_tokens, input_tokens/output_tokens, or cacheMissInputTokens/outputTokens)',
  );
}

function fromChat(u: Readonly<Record<string, unknown>>, field: string): TokenCounts {
  const prompt = optionalCount(u, 'prompt_tokens', field);
  const hit = optionalCount(u, 'prompt_cache_hit_tokens', field);
  const miss = optionalCount(u, 'prompt_cache_miss_tokens', field);
  const details = optionalObject(u, 'prompt_tokens_details', field);
  const cached = details === undefined ? undefined : optionalNestedCount(details, 'cached_tokens', field, 'prompt_tokens_details');
  const output = requiredCount(u, 'completion_tokens', field);
  const completionDetails = optionalObject(u, 'completion_tokens_details', field);
  const reasoning =
    completionDetails === undefined ? undefined : optionalNestedCount(completionDetails, 'reasoning_tokens', field, 'completion_tokens_details');

  if (hit !== undefined && cached !== undefined && hit !== cached) {
    throw new InvalidUsageError(`${field}.prompt_tokens_details.cached_tokens`, `is ${cached} but prompt_cache_hit_tokens is ${hit}; they must agree`);
  }
  const hitTokens = hit ?? cached;
  let missTokens: number;
  if (miss !== undefined) {
    missTokens = miss;
    if (prompt !== undefined && hitTokens !== undefined && hitTokens + miss !== prompt) {
      throw new InvalidUsageError(
        `${field}.prompt_tokens`,
        `is ${prompt} but prompt_cache_hit_tokens + prompt_cache_miss_tokens = ${hitTokens + miss}; they must agree`,
      );
    }
    if (prompt !== undefined && hitTokens === undefined && miss > prompt) {
      throw new InvalidUsageError(`${field}.prompt_cache_miss_tokens`, `${miss} exceeds prompt_tokens (${prompt})`);
    }
  } else {
    if (prompt === undefined) throw new InvalidUsageError(`${field}.prompt_tokens`, 'is missing (and so is prompt_cache_miss_tokens)');
    if (hitTokens !== undefined && hitTokens > prompt) {
      throw new InvalidUsageError(
        `${field}.${hit !== undefined ? 'prompt_cache_hit_tokens' : 'prompt_tokens_details.cached_tokens'}`,
        `${hitTokens} exceeds prompt_tokens (${prompt})`,
      );
    }
    missTokens = prompt - (hitTokens ?? 0);
  }
  const hitFinal = hitTokens ?? (prompt !== undefined ? prompt - missTokens : 0);
  if (hitFinal > (prompt ?? Infinity)) throw new InvalidUsageError(`${field}.prompt_cache_hit_tokens`, `${hitFinal} exceeds prompt_tokens (${prompt})`);
  return withReasoning(hitFinal, missTokens, output, reasoning, field, 'completion_tokens_details.reasoning_tokens');
}

function fromResponses(u: Readonly<Record<string, unknown>>, field: string): TokenCounts {
  const input = requiredCount(u, 'input_tokens', field);
  const details = optionalObject(u, 'input_tokens_details', field);
  const cached = (details === undefined ? undefined : optionalNestedCount(details, 'cached_tokens', field, 'input_tokens_details')) ?? 0;
  if (cached > input) throw new InvalidUsageError(`${field}.input_tokens_details.cached_tokens`, `${cached} exceeds input_tokens (${input})`);
  const output = requiredCount(u, 'output_tokens', field);
  const outDetails = optionalObject(u, 'output_tokens_details', field);
  const reasoning = outDetails === undefined ? undefined : optionalNestedCount(outDetails, 'reasoning_tokens', field, 'output_tokens_details');
  return withReasoning(cached, input - cached, output, reasoning, field, 'output_tokens_details.reasoning_tokens');
}

function fromAnthropic(u: Readonly<Record<string, unknown>>, field: string): TokenCounts {
  const input = requiredCount(u, 'input_tokens', field);
  const read = optionalCount(u, 'cache_read_input_tokens', field) ?? 0;
  const creation = optionalCount(u, 'cache_creation_input_tokens', field) ?? 0;
  const output = requiredCount(u, 'output_tokens', field);
  return { cacheHitInputTokens: read, cacheMissInputTokens: checkedSum(input, creation, field, 'cache_creation_input_tokens'), outputTokens: output };
}

function fromPlain(u: Readonly<Record<string, unknown>>, field: string): TokenCounts {
  const output = requiredCount(u, 'outputTokens', field);
  const reasoning = optionalCount(u, 'reasoningTokens', field);
  const hit = optionalCount(u, 'cacheHitInputTokens', field) ?? 0;
  if ('cacheMissInputTokens' in u) {
    if ('inputTokens' in u) {
      const input = requiredCount(u, 'inputTokens', field);
      const miss = requiredCount(u, 'cacheMissInputTokens', field);
      if (hit + miss !== input)
        throw new InvalidUsageError(`${field}.inputTokens`, `is ${input} but cacheHitInputTokens + cacheMissInputTokens = ${hit + miss}; they must agree`);
    }
    return withReasoning(hit, requiredCount(u, 'cacheMissInputTokens', field), output, reasoning, field, 'reasoningTokens');
  }
  const input = requiredCount(u, 'inputTokens', field);
  if (hit > input) throw new InvalidUsageError(`${field}.cacheHitInputTokens`, `${hit} exceeds inputTokens (${input})`);
  return withReasoning(hit, input - hit, output, reasoning, field, 'reasoningTokens');
}

// Field names (`usage.completion_tokens_details.reasoning_tokens`) are built only when an error
// needs one: a template string per count on every request was a measurable share of pricing it.
function withReasoning(hit: number, miss: number, output: number, reasoning: number | undefined, field: string, reasoningPath: string): TokenCounts {
  if (reasoning === undefined) return { cacheHitInputTokens: hit, cacheMissInputTokens: miss, outputTokens: output };
  if (reasoning > output)
    throw new InvalidUsageError(`${field}.${reasoningPath}`, `${reasoning} exceeds the output token count (${output}), which includes it`);
  return { cacheHitInputTokens: hit, cacheMissInputTokens: miss, outputTokens: output, reasoningTokens: reasoning };
}

function checkedSum(a: number, b: number, field: string, key: string): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new InvalidUsageError(`${field}.${key}`, 'the input token total is too large to count exactly');
  return sum;
}

function optionalObject(u: Readonly<Record<string, unknown>>, key: string, field: string): Readonly<Record<string, unknown>> | undefined {
  const value = u[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InvalidUsageError(`${field}.${key}`, `must be an object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  return value as Readonly<Record<string, unknown>>;
}

function requiredCount(u: Readonly<Record<string, unknown>>, key: string, field: string): number {
  const value = optionalCount(u, key, field);
  if (value === undefined) throw new InvalidUsageError(`${field}.${key}`, 'is missing');
  return value;
}

function optionalCount(u: Readonly<Record<string, unknown>>, key: string, field: string): number | undefined {
  const value = u[key];
  if (value === undefined || value === null) return undefined;
  // A valid count returns before its field name is built; anything else gets validateTokenCount's error.
  // + 0 turns a -0 count (which passes `>= 0`) into 0, so no count ever prints as '-0'.
  if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) return value + 0;
  return validateTokenCount(value, `${field}.${key}`);
}

function optionalNestedCount(u: Readonly<Record<string, unknown>>, key: string, field: string, parentKey: string): number | undefined {
  const value = u[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) return value + 0;
  return validateTokenCount(value, `${field}.${parentKey}.${key}`);
}

/**
 * A token count, checked: a non-negative safe integer, or an {@link InvalidUsageError} naming the
 * field and saying what was wrong (negative, fractional, NaN, Infinity, a string...).
 *
 * @example
 * ```ts
 * validateTokenCount(800, 'usage.completion_tokens'); // => 800
 * validateTokenCount(-1, 'usage.completion_tokens'); // throws InvalidUsageError
 * ```
 */
export function validateTokenCount(value: unknown, field: string): number {
  if (typeof value !== 'number') {
    throw new InvalidUsageError(field, `must be a non-negative integer, got ${typeof value === 'string' ? `the string '${value}'` : typeof value}`);
  }
  if (Number.isNaN(value)) throw new InvalidUsageError(field, 'must be a non-negative integer, got NaN');
  if (!Number.isFinite(value)) throw new InvalidUsageError(field, `must be a non-negative integer, got ${value}`);
  if (!Number.isInteger(value)) throw new InvalidUsageError(field, `must be a whole number of tokens, got ${value}`);
  if (value < 0) throw new InvalidUsageError(field, `must be a non-negative integer, got ${value}`);
  if (!Number.isSafeInteger(value)) throw new InvalidUsageError(field, `is too large to count exactly (${value})`);
  return value + 0;
}
