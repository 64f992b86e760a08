import { describe, expect, it } from 'vitest';
import {
  ExactTokenizerNotLoadedError,
  FastTokenizerNotLoadedError,
  InvalidOptionError,
  InvalidTypeError,
  MalformedBodyError,
  UnknownRoleError,
  estimateCompletionTokens,
  estimatePromptTokens,
  estimatePromptTokensDetailed,
  loadExactTokenizer,
  loadFastTokenizer,
  resolveTemplate,
  normalizeChatBody,
  type TokenizerEstimateError,
} from '../src/index.ts';

const SIMPLE = {
  model: 'deepseek-chat',
  messages: [
    { role: 'system', content: 'Be as terse as possible; no punctuation' },
    { role: 'user', content: 'What is 1 + 1?' },
  ],
} as const;

function errorOf(run: () => unknown): TokenizerEstimateError {
  try {
    run();
  } catch (error) {
    return error as TokenizerEstimateError;
  }
  throw new Error('expected a throw');
}

// Order matters in this file: these blocks run before the exact tokenizer is loaded.
describe('estimators before any tokenizer is loaded', () => {
  it('throw a typed error instead of guessing with the heuristic', () => {
    expect(() => estimatePromptTokens(SIMPLE)).toThrow(FastTokenizerNotLoadedError);
    expect(() => estimatePromptTokens(SIMPLE, { method: 'fast' })).toThrow(FastTokenizerNotLoadedError);
    expect(() => estimateCompletionTokens({ content: 'Hi' })).toThrow(FastTokenizerNotLoadedError);
  });
});

describe('estimatePromptTokens with only the fast estimate loaded', () => {
  it('falls back to the fast method and says so', async () => {
    await loadFastTokenizer();
    const estimate = estimatePromptTokensDetailed(SIMPLE, { at: new Date('2025-12-30') });
    expect(estimate.method).toBe('fast');
    expect(estimate.templateTokens).toBe(4);
    expect(estimateCompletionTokens({ content: 'Paris.', reasoning_content: 'The capital of France is Paris.' })).toBe(10);
  });
  it("refuses an explicit 'exact' with a typed error", () => {
    expect(() => estimatePromptTokens(SIMPLE, { method: 'exact' })).toThrow(ExactTokenizerNotLoadedError);
    expect(() => estimateCompletionTokens({ content: 'Hi' }, { method: 'exact' })).toThrow(ExactTokenizerNotLoadedError);
  });
  it('rejects an unknown method', () => {
    expect(() => estimatePromptTokens(SIMPLE, { method: 'heuristic' as 'fast' })).toThrow(InvalidOptionError);
  });
});

describe('body validation', () => {
  it('names the offending field', () => {
    expect(errorOf(() => estimatePromptTokens(null))).toBeInstanceOf(MalformedBodyError);
    expect(errorOf(() => estimatePromptTokens({ model: 'deepseek-chat' })).path).toBe('messages');
    expect(errorOf(() => estimatePromptTokens({ messages: 'hi' })).path).toBe('messages');
    expect(errorOf(() => estimatePromptTokens({ model: 7, messages: [] }))).toBeInstanceOf(InvalidTypeError);
    const role = errorOf(() => estimatePromptTokens({ messages: [{ role: 'user', content: 'a' }, { role: 'robot', content: 'x' }] }));
    expect(role).toBeInstanceOf(UnknownRoleError);
    expect(role.code).toBe('UNKNOWN_ROLE');
    expect(role.path).toBe('messages[1].role');
    const content = errorOf(() => estimatePromptTokens({ messages: [{ role: 'user', content: 42 }] }));
    expect(content).toBeInstanceOf(InvalidTypeError);
    expect(content.path).toBe('messages[0].content');
    expect(errorOf(() => estimatePromptTokens({ messages: [{ role: 'user', content: [{ type: 'text', text: 1 }] }] })).path).toBe(
      'messages[0].content[0].text',
    );
    expect(errorOf(() => estimatePromptTokens({ messages: [{ role: 'assistant', content: null, tool_calls: [{ function: { name: 3 } }] }] })).path).toBe(
      'messages[0].tool_calls[0].function.name',
    );
    expect(errorOf(() => estimatePromptTokens({ messages: [], tools: [{ type: 'function' }] })).path).toBe('tools[0].function');
    expect(errorOf(() => estimatePromptTokens({ messages: [], thinking: { type: 'maybe' } })).path).toBe('thinking.type');
    expect(errorOf(() => estimatePromptTokens(SIMPLE, { at: Number.NaN })).path).toBe('options.at');
    expect(errorOf(() => estimatePromptTokens(SIMPLE, { era: 'v9' as 'v4' })).path).toBe('options.era');
  });
  it('validates completion text', () => {
    expect(errorOf(() => estimateCompletionTokens({ content: 5 as unknown as string })).path).toBe('content');
    expect(errorOf(() => estimateCompletionTokens({ reasoning_content: [] as unknown as string })).path).toBe('reasoning_content');
    expect(errorOf(() => estimateCompletionTokens(null as unknown as { content: string }))).toBeInstanceOf(MalformedBodyError);
  });
});

describe('template era and thinking mode', () => {
  const body = (model: string, extra: object = {}) => normalizeChatBody({ model, messages: [], ...extra });
  it('follows the model id and the date', () => {
    expect(resolveTemplate(body('deepseek-chat'), { at: new Date('2025-06-01') })).toMatchObject({ era: 'v3', thinking: false });
    expect(resolveTemplate(body('deepseek-reasoner'), { at: new Date('2025-06-01') })).toMatchObject({ era: 'v3', thinking: true });
    expect(resolveTemplate(body('deepseek-chat'), { at: new Date('2025-08-21T00:00:00Z') })).toMatchObject({ era: 'v3.1' });
    expect(resolveTemplate(body('deepseek-chat'), { at: new Date('2026-04-24T00:00:00Z') })).toMatchObject({ era: 'v4', thinking: false });
    expect(resolveTemplate(body('deepseek-v4-flash'), { at: new Date('2025-01-01') })).toMatchObject({ era: 'v4', thinking: true });
    expect(resolveTemplate(body('deepseek-v4-flash', { reasoning_effort: 'none' }), { at: 0 })).toMatchObject({ thinking: false });
    expect(resolveTemplate(body('deepseek-v4-pro', { thinking: { type: 'disabled' } }), { at: 0 })).toMatchObject({ thinking: false });
    expect(resolveTemplate(body('deepseek-chat'), { at: 0, era: 'v4', thinking: true })).toMatchObject({ era: 'v4', thinking: true });
  });
});

describe('with the exact tokenizer', () => {
  it('reproduces the template token for token', async () => {
    await loadExactTokenizer();
    expect(estimatePromptTokensDetailed(SIMPLE, { at: new Date('2025-12-30') })).toEqual({
      tokens: 21,
      method: 'exact',
      era: 'v3.1',
      thinking: false,
      contentTokens: 17,
      templateTokens: 4,
      toolTokens: 0,
      responseFormatTokens: 0,
      templateKnown: true,
    });
    // V3: no </think> marker: one token fewer.
    expect(estimatePromptTokens(SIMPLE, { at: new Date('2025-06-01') })).toBe(20);
    // <｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>
    expect(estimatePromptTokens({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'Hi' }] }, { at: new Date('2026-05-06') })).toBe(5);
    // Content parts are concatenated; non-text parts ignored.
    expect(
      estimatePromptTokens(
        { model: 'deepseek-chat', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'image_url' }] }] },
        { at: new Date('2025-12-30') },
      ),
    ).toBe(5);
  });
  it('estimates completion tokens', () => {
    expect(estimateCompletionTokens({ content: 'Paris.', reasoning_content: 'The capital of France is Paris.' })).toBe(10);
    expect(estimateCompletionTokens({ content: '2' })).toBe(1);
    expect(estimateCompletionTokens({ content: null, reasoning_content: '' })).toBe(0);
    expect(estimateCompletionTokens({ content: 'Paris.', reasoning_content: 'x' }, { era: 'v3' })).toBe(2 + 1 + 2);
  });
});
