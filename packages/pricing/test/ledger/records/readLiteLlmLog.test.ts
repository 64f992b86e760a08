import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLiteLlmLog, readLiteLlmLog } from '../../../src/ledger/records/readLiteLlmLog.ts';

const row = (extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  model: 'deepseek/deepseek-chat',
  startTime: 1767130890.5,
  endTime: 1767130891.123,
  prompt_tokens: 900,
  completion_tokens: 50,
  total_tokens: 950,
  response_cost: 0.1,
  metadata: { usage_object: { prompt_tokens: 900, completion_tokens: 50, prompt_tokens_details: { cached_tokens: 800 } } },
  ...extra,
});

describe('readLiteLlmLog', () => {
  it('reads a StandardLoggingPayload: prefix dropped, endTime to the ms, cache split from usage_object', () => {
    expect(readLiteLlmLog(row())).toEqual({
      model: 'deepseek-chat',
      atMs: 1767130891123,
      atField: 'endTime',
      id: 'chatcmpl-1',
      usage: { cacheHitInputTokens: 800, cacheMissInputTokens: 100, outputTokens: 50 },
    });
  });

  it('reads a spend-log row: request_id, ISO times with microseconds, metadata as JSON text, reasoning', () => {
    const read = readLiteLlmLog({
      request_id: 'req-9',
      model: 'deepseek-reasoner',
      spend: 12.5,
      startTime: '2026-01-15T16:20:00.100000+00:00',
      endTime: '2026-01-15T16:20:09.877999+00:00',
      prompt_tokens: 2000,
      completion_tokens: 600,
      metadata: JSON.stringify({ usage_object: { prompt_cache_hit_tokens: 1500, completion_tokens_details: { reasoning_tokens: 450 } } }),
    });
    expect(read).toEqual({
      model: 'deepseek-reasoner',
      atMs: Date.parse('2026-01-15T16:20:09.877Z'),
      atField: 'endTime',
      id: 'req-9',
      usage: { cacheHitInputTokens: 1500, cacheMissInputTokens: 500, outputTokens: 600, reasoningTokens: 450 },
    });
  });

  it('prices a row LiteLLM answered from its own cache at zero tokens', () => {
    for (const cache_hit of [true, 'True', 'true'])
      expect(readLiteLlmLog(row({ cache_hit }))).toMatchObject({ usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 0, outputTokens: 0 } });
    expect(readLiteLlmLog(row({ cache_hit: 'False' }))).toMatchObject({ usage: { cacheHitInputTokens: 800 } });
  });

  it('property: float seconds give the millisecond written in their digits, never one below', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_700_000_000, max: 4_102_444_799 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), (s, ms, us) => {
        const text = `${s}.${String(ms).padStart(3, '0')}${String(us).padStart(3, '0')}`;
        const read = readLiteLlmLog(row({ startTime: undefined, endTime: Number(text) }));
        expect('atMs' in read && read.atMs).toBe(s * 1000 + ms);
      }),
    );
  });

  it.each([
    [{ total_tokens: 951 }, 'invalid-usage', 'total_tokens', 'total_tokens: is 951 but prompt_tokens + completion_tokens = 950; they must agree'],
    [{ prompt_tokens: -1 }, 'invalid-usage', 'prompt_tokens', 'prompt_tokens: must be a non-negative integer, got -1'],
    [{ completion_tokens: 1.5 }, 'invalid-usage', 'completion_tokens', 'completion_tokens: must be a whole number of tokens, got 1.5'],
    [
      { metadata: {} },
      'invalid-usage',
      'metadata.usage_object',
      'metadata.usage_object: is missing, so the cache-hit share of prompt_tokens is unknown (LiteLLM logs it as metadata.usage_object.prompt_tokens_details.cached_tokens)',
    ],
    [{ metadata: '{oops' }, 'invalid-usage', 'metadata', 'metadata: is a string but not JSON'],
    [
      { metadata: { usage_object: { prompt_tokens: 901 } } },
      'invalid-usage',
      'metadata.usage_object.prompt_tokens',
      "metadata.usage_object.prompt_tokens: is 901 but the row's prompt_tokens is 900; they must agree",
    ],
    [
      { metadata: { usage_object: { prompt_cache_hit_tokens: 700, prompt_tokens_details: { cached_tokens: 800 } } } },
      'invalid-usage',
      'metadata.usage_object.prompt_tokens_details.cached_tokens',
      'metadata.usage_object.prompt_tokens_details.cached_tokens: is 800 but metadata.usage_object.prompt_cache_hit_tokens is 700; they must agree',
    ],
    [
      { metadata: { usage_object: { cache_read_input_tokens: 901 } } },
      'invalid-usage',
      'metadata.usage_object.cache_read_input_tokens',
      'metadata.usage_object.cache_read_input_tokens: 901 cache hits exceed prompt_tokens (900), which include them',
    ],
    [
      { metadata: { usage_object: { prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 51 } } } },
      'invalid-usage',
      'metadata.usage_object.completion_tokens_details.reasoning_tokens',
      'metadata.usage_object.completion_tokens_details.reasoning_tokens: 51 exceeds completion_tokens (50), which includes it',
    ],
    [{ cache_hit: 'maybe' }, 'invalid-usage', 'cache_hit', 'cache_hit: must be a boolean, got "maybe"'],
    [{ endTime: 1767130890.4 }, 'invalid-timestamp', 'endTime', 'endTime: 1767130890.4 is before startTime 1767130890.5'],
    [
      { endTime: 1767130891123 },
      'timestamp-in-milliseconds',
      'endTime',
      'endTime: 1767130891123 as unix seconds is after the year 5000; it looks like milliseconds. endTime must be in seconds',
    ],
    [
      { endTime: '2026-01-15 16:20:09' },
      'invalid-timestamp',
      'endTime',
      'endTime: "2026-01-15 16:20:09" is not an ISO-8601 instant like 2025-03-01T12:00:00Z (it has no time zone: add Z or an offset so the instant does not depend on the host)',
    ],
    [{ endTime: null }, 'missing-timestamp', 'endTime', 'endTime: is missing; a LiteLLM row is priced at its end time'],
    [{ model: 'deepseek/' }, 'missing-model', 'model', 'model: must be a non-empty string, got "deepseek/"'],
  ])('%#: refuses %o as %s at %s', (extra, code, field, message) => {
    expect(readLiteLlmLog(row(extra))).toEqual({ code, field, message });
  });

  it('reads only own fields: a __proto__ key in metadata is data, not a usage object', () => {
    const metadata = JSON.parse('{"__proto__": {"usage_object": {"cache_read_input_tokens": 900}}}');
    expect(readLiteLlmLog(row({ metadata }))).toMatchObject({ code: 'invalid-usage', field: 'metadata.usage_object' });
  });

  it('never reads spend or response_cost', () => {
    expect(readLiteLlmLog(row({ spend: Number.NaN, response_cost: 'x' }))).toMatchObject({ usage: { cacheHitInputTokens: 800 } });
  });
});

describe('isLiteLlmLog', () => {
  it('needs endTime beside token counts', () => {
    expect(isLiteLlmLog(row())).toBe(true);
    expect(isLiteLlmLog({ endTime: 1, usage: { prompt_tokens: 1 } })).toBe(true);
    expect(isLiteLlmLog({ model: 'deepseek-chat', at: 1, usage: {} })).toBe(false);
    expect(isLiteLlmLog({ prompt_tokens: 1 })).toBe(false);
  });
});
