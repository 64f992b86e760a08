import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLedgerRecord, type RecordFields } from '../../../src/ledger/readLedgerRecord.ts';
import { isGenAiModelSpan, isOtelSpan, readOtelSpan } from '../../../src/ledger/records/readOtelSpan.ts';

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: string | number) => ({ key, value: { intValue: value } });
const span = (attributes: unknown[], extra: Record<string, unknown> = {}) => ({
  traceId: 't1',
  spanId: 's1',
  startTimeUnixNano: '1767130890000000000',
  endTimeUnixNano: '1767130891999999999',
  attributes,
  ...extra,
});
const chat = [str('gen_ai.request.model', 'deepseek-chat'), int('gen_ai.usage.input_tokens', '900'), int('gen_ai.usage.output_tokens', '50')];

describe('readOtelSpan', () => {
  it('reads model, counts, id and the end time floored to its millisecond', () => {
    expect(readOtelSpan(span([...chat, int('gen_ai.usage.cache_read.input_tokens', 800), str('gen_ai.response.id', 'r-1')]))).toEqual({
      model: 'deepseek-chat',
      atMs: 1767130891999,
      atField: 'endTimeUnixNano',
      id: 'r-1',
      usage: { cacheHitInputTokens: 800, cacheMissInputTokens: 100, outputTokens: 50 },
    });
  });

  it('reads the older gen_ai.usage.cache_read_input_tokens too, and refuses it when it disagrees with the current name', () => {
    expect(readOtelSpan(span([...chat, int('gen_ai.usage.cache_read_input_tokens', '700')]))).toMatchObject({
      usage: { cacheHitInputTokens: 700, cacheMissInputTokens: 200 },
    });
    expect(readOtelSpan(span([...chat, int('gen_ai.usage.cache_read_input_tokens', '700'), int('gen_ai.usage.cache_read.input_tokens', '701')]))).toEqual({
      code: 'invalid-usage',
      field: 'gen_ai.usage.cache_read_input_tokens',
      message: 'gen_ai.usage.cache_read_input_tokens: is 700 but gen_ai.usage.cache_read.input_tokens is 701; they must agree',
    });
  });

  it('falls back to trace/span ids for de-duplication when there is no gen_ai.response.id', () => {
    expect(readOtelSpan(span(chat))).toMatchObject({ id: 'span:t1/s1' });
  });

  it('property: the millisecond is the nanoseconds divided by 1e6, rounded down, with no float on the way', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_700_000_000_000_000_000n, max: 4_102_444_799_999_999_999n }), (nanos) => {
        const read = readOtelSpan(span(chat, { startTimeUnixNano: undefined, endTimeUnixNano: nanos.toString() }));
        expect('atMs' in read && read.atMs).toBe(Number(nanos / 1_000_000n));
      }),
    );
  });

  it('property: any input/cache/output split reads back exactly', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (hit, miss, out) => {
        const read = readOtelSpan(
          span([
            str('gen_ai.response.model', 'deepseek-chat'),
            int('gen_ai.usage.input_tokens', String(hit + miss)),
            int('gen_ai.usage.cache_read.input_tokens', hit),
            int('gen_ai.usage.output_tokens', out),
          ]),
        );
        expect('usage' in read && read.usage).toEqual({ cacheHitInputTokens: hit, cacheMissInputTokens: miss, outputTokens: out });
      }),
    );
  });

  it.each([
    [
      [...chat, str('gen_ai.response.model', 'deepseek-reasoner')],
      {},
      'invalid-usage',
      'gen_ai.response.model',
      "gen_ai.response.model: is 'deepseek-reasoner' but gen_ai.request.model is 'deepseek-chat'; seekcost will not guess which was billed",
    ],
    [
      [...chat, int('gen_ai.usage.cache_read.input_tokens', '901')],
      {},
      'invalid-usage',
      'gen_ai.usage.cache_read.input_tokens',
      'gen_ai.usage.cache_read.input_tokens: 901 exceeds gen_ai.usage.input_tokens (900), which includes it',
    ],
    [
      [str('gen_ai.request.model', 'deepseek-chat'), int('gen_ai.usage.input_tokens', '-1'), int('gen_ai.usage.output_tokens', '1')],
      {},
      'invalid-usage',
      'gen_ai.usage.input_tokens',
      'gen_ai.usage.input_tokens: must be a non-negative integer, got -1',
    ],
    [
      [str('gen_ai.request.model', 'deepseek-chat'), int('gen_ai.usage.input_tokens', '99999999999999999999'), int('gen_ai.usage.output_tokens', '1')],
      {},
      'invalid-usage',
      'gen_ai.usage.input_tokens',
      'gen_ai.usage.input_tokens: is too large to count exactly (99999999999999999999)',
    ],
    [
      [str('gen_ai.request.model', 'deepseek-chat'), str('gen_ai.usage.input_tokens', '10'), int('gen_ai.usage.output_tokens', '1')],
      {},
      'invalid-usage',
      'gen_ai.usage.input_tokens',
      'gen_ai.usage.input_tokens: must be an intValue, got the stringValue "10"',
    ],
    [
      [str('gen_ai.request.model', 'deepseek-chat'), int('gen_ai.usage.input_tokens', '1')],
      {},
      'invalid-usage',
      'gen_ai.usage.output_tokens',
      'gen_ai.usage.output_tokens: is missing',
    ],
    [
      [int('gen_ai.usage.input_tokens', '1'), int('gen_ai.usage.output_tokens', '1')],
      {},
      'missing-model',
      'gen_ai.request.model',
      'gen_ai.request.model: is missing (and so is gen_ai.response.model)',
    ],
    [
      [...chat, int('gen_ai.usage.output_tokens', '51')],
      {},
      'malformed',
      'attributes',
      'attributes: "gen_ai.usage.output_tokens" appears twice with different values',
    ],
    [
      chat,
      { endTimeUnixNano: '1767130889999999999' },
      'invalid-timestamp',
      'endTimeUnixNano',
      'endTimeUnixNano: 1767130889999999999 is before startTimeUnixNano 1767130890000000000',
    ],
    [
      chat,
      { startTimeUnixNano: '1767130891999999999', endTimeUnixNano: '1767130891999999998' },
      'invalid-timestamp',
      'endTimeUnixNano',
      'endTimeUnixNano: 1767130891999999998 is before startTimeUnixNano 1767130891999999999',
    ],
    [
      chat,
      // biome-ignore lint/correctness/noPrecisionLoss: the point of the case: a nanosecond count as a JSON number has already lost precision
      { endTimeUnixNano: 1767130891999999999 },
      'invalid-timestamp',
      'endTimeUnixNano',
      'endTimeUnixNano: must be unix nanoseconds as a decimal string, got 1767130892000000000 (as a JSON number it has lost precision: OTLP/JSON writes it as a decimal string)',
    ],
    [
      chat,
      { startTimeUnixNano: undefined, endTimeUnixNano: '1767130891' },
      'invalid-timestamp',
      'endTimeUnixNano',
      'endTimeUnixNano: "1767130891" nanoseconds is before 1973; it looks like seconds or milliseconds, not nanoseconds',
    ],
    [chat, { endTimeUnixNano: '0' }, 'missing-timestamp', 'endTimeUnixNano', 'endTimeUnixNano: is 0, which OTLP uses for "not set"'],
    [chat, { endTimeUnixNano: '-5' }, 'invalid-timestamp', 'endTimeUnixNano', 'endTimeUnixNano: must be unix nanoseconds as a decimal string, got "-5"'],
    ['nope', {}, 'malformed', 'attributes', 'attributes: must be an array of { key, value }, got "nope"'],
  ])('%#: refuses %o %o as %s at %s', (attributes, extra, code, field, message) => {
    expect(readOtelSpan(span(attributes as unknown[], extra))).toEqual({ code, field, message });
  });

  it('keeps hostile attribute keys as data', () => {
    const read = readOtelSpan(span([...chat, int('__proto__', '1'), str('constructor', 'x')]));
    expect(read).toMatchObject({ model: 'deepseek-chat', usage: { cacheMissInputTokens: 900 } });
    expect(({} as Record<string, unknown>).intValue).toBeUndefined();
  });

  it('huge nanoseconds are refused by the ledger read as after 2100, naming the span field', () => {
    const into: RecordFields = { model: '', atMs: 0, basis: 'request', usage: {}, id: undefined, key: undefined };
    for (const nanos of ['4102444800000000000', '9'.repeat(40)]) {
      const failure = readLedgerRecord(span(chat, { endTimeUnixNano: nanos }), 'completion', undefined, into);
      expect(failure?.code).toBe('absurd-timestamp');
      expect(failure?.field).toBe('endTimeUnixNano');
    }
    expect(readLedgerRecord(span(chat), 'request', undefined, into)).toBeUndefined();
    expect(into).toMatchObject({ atMs: 1767130891999, basis: 'completion', model: 'deepseek-chat', id: 'span:t1/s1' });
  });
});

describe('isOtelSpan and isGenAiModelSpan', () => {
  it('tell spans from other records, and model calls from agent, tool and HTTP spans', () => {
    expect(isOtelSpan(span([]))).toBe(true);
    expect(isOtelSpan({ model: 'deepseek-chat', attributes: {} })).toBe(false);
    expect(isGenAiModelSpan(span(chat))).toBe(true);
    expect(isGenAiModelSpan(span([...chat, str('gen_ai.operation.name', 'chat')]))).toBe(true);
    expect(isGenAiModelSpan(span([...chat, str('gen_ai.operation.name', 'invoke_agent')]))).toBe(false);
    expect(isGenAiModelSpan(span([str('gen_ai.operation.name', 'execute_tool')]))).toBe(false);
    expect(isGenAiModelSpan(span([str('http.request.method', 'POST'), null]))).toBe(false);
  });
});
