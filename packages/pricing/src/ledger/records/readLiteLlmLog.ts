import { InvalidInstantError, InvalidUsageError } from '../../errors.ts';
import { describeValue } from '../../describeValue.ts';
import { validateTokenCount } from '../../normalizeUsage.ts';
import { toEpochMs } from '../../toEpochMs.ts';
import type { RecordReadFailure } from '../readLedgerRecord.ts';
import type { ForeignReadResult } from './foreignRecord.ts';

// LiteLLM's StandardLoggingPayload (https://docs.litellm.ai/docs/proxy/logging_spec, "Found under
// kwargs["standard_logging_object"] ... logged for every successful and failed response"):
//   id str "Unique identifier"; response_cost float "Cost of the response in USD ($)";
//   total_tokens int "Total number of tokens"; prompt_tokens int "Number of prompt tokens";
//   completion_tokens int "Number of completion tokens"; startTime float "Start time of the call";
//   endTime float "End time of the call"; model str "Model name sent in request";
//   metadata StandardLoggingMetadata; cache_hit Optional[bool] "Whether cache was hit".
// Its spend-log rows (LiteLLM_SpendLogs, https://docs.litellm.ai/docs/proxy/cost_tracking) carry
// request_id, spend, the same token columns, startTime/endTime as timestamps, and metadata whose
// usage_object is the call's usage as LiteLLM returned it (prompt_tokens_details.cached_tokens,
// and for DeepSeek prompt_cache_hit_tokens; cache_read_input_tokens in LiteLLM's Anthropic mapping).
//
// cache_hit is LiteLLM's own response cache: the answer came from the proxy, DeepSeek was not
// called and billed nothing. response_cost and spend are LiteLLM's float estimates: never read.

// Unix seconds from 1e11 on are in the year 5138: the value is in milliseconds.
const SECONDS_CEILING = 1e11;

/**
 * Whether a record is a LiteLLM spend-log row or StandardLoggingPayload: `startTime`/`endTime`
 * beside token counts (top level, or gathered into `usage` by a CSV read).
 *
 * @example
 * ```ts
 * import { isLiteLlmLog } from '@seekcost/pricing/ledger';
 * isLiteLlmLog({ model: 'deepseek-chat', startTime: 1767130890.5, endTime: 1767130891.25, prompt_tokens: 10, completion_tokens: 2 }); // => true
 * isLiteLlmLog({ model: 'deepseek-chat', at: '2026-01-01T00:00:00Z', usage: {} }); // => false
 * ```
 */
export function isLiteLlmLog(record: Readonly<Record<string, unknown>>): boolean {
  return (
    'endTime' in record &&
    ('prompt_tokens' in record || 'completion_tokens' in record || 'total_tokens' in record || (typeof record.usage === 'object' && record.usage !== null))
  );
}

/**
 * Reads a LiteLLM spend-log row or StandardLoggingPayload: `model` (a `deepseek/` routing prefix
 * dropped), priced at `endTime` (unix seconds as a float, read from its decimal digits, or an ISO
 * string with a zone), `prompt_tokens`/`completion_tokens` with the cache split from
 * `metadata.usage_object`, the id from `id` or `request_id`. A row LiteLLM answered from its own
 * cache (`cache_hit`) is priced at zero tokens: DeepSeek was not called. `spend`/`response_cost`
 * are never used. Fields that disagree (total, cache reads, end before start, the usage object
 * against the row) are failures naming the field.
 *
 * @example
 * ```ts
 * import { readLiteLlmLog } from '@seekcost/pricing/ledger';
 * const read = readLiteLlmLog({
 *   id: 'chatcmpl-1', model: 'deepseek/deepseek-chat', startTime: 1767130890.5, endTime: 1767130891.123,
 *   prompt_tokens: 900, completion_tokens: 50, total_tokens: 950,
 *   metadata: { usage_object: { prompt_tokens: 900, completion_tokens: 50, prompt_tokens_details: { cached_tokens: 800 } } },
 * });
 * 'atMs' in read && read.atMs; // => 1767130891123
 * 'usage' in read && read.usage.cacheHitInputTokens; // => 800
 * ```
 */
export function readLiteLlmLog(record: Readonly<Record<string, unknown>>): ForeignReadResult {
  const rawModel = record.model;
  if (typeof rawModel !== 'string' || rawModel === '' || rawModel === 'deepseek/') {
    return {
      code: 'missing-model',
      field: 'model',
      message: rawModel === undefined ? 'model: is missing' : `model: must be a non-empty string, got ${describeValue(rawModel)}`,
    };
  }
  const model = rawModel.startsWith('deepseek/') ? rawModel.slice('deepseek/'.length) : rawModel;

  const end = instant(record.endTime, 'endTime');
  if (typeof end !== 'number') return end;
  if (record.startTime !== undefined && record.startTime !== null) {
    const start = instant(record.startTime, 'startTime');
    if (typeof start !== 'number') return start;
    if (end < start)
      return {
        code: 'invalid-timestamp',
        field: 'endTime',
        message: `endTime: ${describeValue(record.endTime)} is before startTime ${describeValue(record.startTime)}`,
      };
  }

  let usage: Readonly<Record<string, unknown>>;
  try {
    usage = cacheHit(record.cache_hit) ? { cacheHitInputTokens: 0, cacheMissInputTokens: 0, outputTokens: 0 } : counts(record);
  } catch (error) {
    if (error instanceof InvalidUsageError) return { code: 'invalid-usage', field: error.field, message: error.message };
    throw error;
  }
  const id = record.id ?? record.request_id;
  return { model, atMs: end, atField: 'endTime', id: typeof id === 'string' && id !== '' ? id : undefined, usage };
}

function cacheHit(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 'False' || value === 'false' || value === '') return false;
  if (value === true || value === 'True' || value === 'true') return true;
  throw new InvalidUsageError('cache_hit', `must be a boolean, got ${describeValue(value)}`);
}

function counts(record: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  // A CSV read gathers the token columns into `usage`; a JSON row has them at the top level.
  const source =
    typeof record.usage === 'object' && record.usage !== null && !('prompt_tokens' in record) ? (record.usage as Readonly<Record<string, unknown>>) : record;
  const prompt = count(source, 'prompt_tokens', 'prompt_tokens', true) as number;
  const completion = count(source, 'completion_tokens', 'completion_tokens', true) as number;
  const total = count(Object.hasOwn(source, 'total_tokens') ? source : record, 'total_tokens', 'total_tokens', false);
  if (total !== undefined && total !== prompt + completion)
    throw new InvalidUsageError('total_tokens', `is ${total} but prompt_tokens + completion_tokens = ${prompt + completion}; they must agree`);

  const usageObject = readUsageObject(record.metadata);
  let hit = count(source, 'cache_read_input_tokens', 'cache_read_input_tokens', false);
  let hitField = 'cache_read_input_tokens';
  let reasoning: number | undefined;
  if (usageObject !== undefined) {
    const at = 'metadata.usage_object';
    for (const [key, value] of [
      ['prompt_tokens', prompt],
      ['completion_tokens', completion],
    ] as const) {
      const inner = count(usageObject, key, `${at}.${key}`, false);
      if (inner !== undefined && inner !== value) throw new InvalidUsageError(`${at}.${key}`, `is ${inner} but the row's ${key} is ${value}; they must agree`);
    }
    const details = object(usageObject.prompt_tokens_details, `${at}.prompt_tokens_details`);
    const candidates: [string, number | undefined][] = [
      [`${at}.prompt_cache_hit_tokens`, count(usageObject, 'prompt_cache_hit_tokens', `${at}.prompt_cache_hit_tokens`, false)],
      [
        `${at}.prompt_tokens_details.cached_tokens`,
        details === undefined ? undefined : count(details, 'cached_tokens', `${at}.prompt_tokens_details.cached_tokens`, false),
      ],
      [`${at}.cache_read_input_tokens`, count(usageObject, 'cache_read_input_tokens', `${at}.cache_read_input_tokens`, false)],
    ];
    for (const [field, value] of candidates) {
      if (value === undefined) continue;
      if (hit !== undefined && value !== hit) throw new InvalidUsageError(field, `is ${value} but ${hitField} is ${hit}; they must agree`);
      hit = value;
      hitField = field;
    }
    const completionDetails = object(usageObject.completion_tokens_details, `${at}.completion_tokens_details`);
    reasoning =
      completionDetails === undefined ? undefined : count(completionDetails, 'reasoning_tokens', `${at}.completion_tokens_details.reasoning_tokens`, false);
    if (reasoning !== undefined && reasoning > completion)
      throw new InvalidUsageError(
        `${at}.completion_tokens_details.reasoning_tokens`,
        `${reasoning} exceeds completion_tokens (${completion}), which includes it`,
      );
  }
  if (hit === undefined) {
    // Without the split every input token would be billed as a cache miss: a price that may be too high.
    if (prompt > 0)
      throw new InvalidUsageError(
        'metadata.usage_object',
        'is missing, so the cache-hit share of prompt_tokens is unknown (LiteLLM logs it as metadata.usage_object.prompt_tokens_details.cached_tokens)',
      );
    hit = 0;
  }
  if (hit > prompt) throw new InvalidUsageError(hitField, `${hit} cache hits exceed prompt_tokens (${prompt}), which include them`);
  const result = { cacheHitInputTokens: hit, cacheMissInputTokens: prompt - hit, outputTokens: completion };
  return reasoning === undefined ? result : { ...result, reasoningTokens: reasoning };
}

// Spend-log rows exported from the database or as CSV hold metadata as JSON text.
function readUsageObject(metadata: unknown): Readonly<Record<string, unknown>> | undefined {
  let value = metadata;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new InvalidUsageError('metadata', 'is a string but not JSON');
    }
  }
  const meta = object(value, 'metadata');
  return meta === undefined ? undefined : object(Object.hasOwn(meta, 'usage_object') ? meta.usage_object : undefined, 'metadata.usage_object');
}

function object(value: unknown, field: string): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidUsageError(field, `must be an object, got ${describeValue(value)}`);
  return value as Readonly<Record<string, unknown>>;
}

function count(source: Readonly<Record<string, unknown>>, key: string, field: string, required: boolean): number | undefined {
  const value = Object.hasOwn(source, key) ? source[key] : undefined;
  if (value === undefined || value === null) {
    if (required) throw new InvalidUsageError(field, 'is missing');
    return undefined;
  }
  return validateTokenCount(value, field);
}

function instant(value: unknown, field: string): number | RecordReadFailure {
  if (value === undefined || value === null)
    return { code: 'missing-timestamp', field, message: `${field}: is missing; a LiteLLM row is priced at its end time` };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return { code: 'invalid-timestamp', field, message: `${field}: must be unix seconds, got ${describeValue(value)}` };
    if (value >= SECONDS_CEILING)
      return {
        code: 'timestamp-in-milliseconds',
        field,
        message: `${field}: ${value} as unix seconds is after the year 5000; it looks like milliseconds. ${field} must be in seconds`,
      };
    return secondsToMs(value);
  }
  if (typeof value === 'string') {
    try {
      return toEpochMs(value, field);
    } catch (error) {
      if (error instanceof InvalidInstantError) return { code: 'invalid-timestamp', field, message: error.message };
      throw error;
    }
  }
  return { code: 'invalid-timestamp', field, message: `${field}: must be unix seconds or an ISO string with a zone, got ${describeValue(value)}` };
}

// time.time() floats carry microseconds. The shortest decimal form of the double is what Python
// wrote, so the millisecond is cut from those digits (floored, keeping the instant inside its own
// millisecond) rather than from value * 1000, which adds a rounding step of its own.
function secondsToMs(value: number): number {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return Math.floor(value * 1000); // exponent form: below 1e-6 s, or not reached under the ceiling
  const [, whole, fraction = ''] = match as unknown as [string, string, string | undefined];
  return Number(whole) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
}
