import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FITTED } from '../src/prompt/fittedConstants.ts';
import {
  ExactTokenizerNotLoadedError,
  FastTokenizerNotLoadedError,
  InvalidOptionError,
  InvalidTypeError,
  MalformedBodyError,
  UnknownRoleError,
  IMAGE_TOKENS_MAX,
  estimateCompletionTokens,
  estimatePromptTokens,
  estimatePromptTokensDetailed,
  loadExactTokenizer,
  loadFastTokenizer,
  type TokenizerEstimateError,
} from '../src/index.ts';
import { anthropicToChatBody } from '../src/prompt/anthropicBody.ts';
import { normalizeChatBody } from '../src/prompt/chatBody.ts';
import { resolveTemplate } from '../src/prompt/resolveTemplate.ts';

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
    const role = errorOf(() =>
      estimatePromptTokens({
        messages: [
          { role: 'user', content: 'a' },
          { role: 'robot', content: 'x' },
        ],
      }),
    );
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
    expect(resolveTemplate(body('deepseek-chat'), { at: new Date('2025-08-20T23:59:59.999Z') })).toMatchObject({ era: 'v3' });
    expect(resolveTemplate(body('deepseek-chat'), { at: new Date('2025-09-28T23:59:59.999Z') })).toMatchObject({ era: 'v3.1' });
    expect(resolveTemplate(body('deepseek-chat'), { at: new Date('2025-09-29T00:00:00Z') })).toMatchObject({ era: 'v3.2' });
    expect(resolveTemplate(body('deepseek-chat'), { at: new Date('2026-04-23T23:59:59.999Z') })).toMatchObject({ era: 'v3.2' });
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
      era: 'v3.2',
      thinking: false,
      contentTokens: 17,
      templateTokens: 4,
      toolTokens: 0,
      responseFormatTokens: 0,
      imageTokens: 0,
      templateKnown: true,
      parts: {
        content: { tokens: 17, exact: true },
        template: { tokens: 4, exact: true },
        tools: { tokens: 0, exact: true },
        responseFormat: { tokens: 0, exact: true },
        images: { tokens: 0, exact: true },
      },
    });
    // V3: no </think> marker: one token fewer.
    expect(estimatePromptTokens(SIMPLE, { at: new Date('2025-06-01') })).toBe(20);
    // <｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>
    expect(estimatePromptTokens({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'Hi' }] }, { at: new Date('2026-05-06') })).toBe(5);
    // Content parts are concatenated; parts of unknown types are ignored.
    expect(
      estimatePromptTokens(
        { model: 'deepseek-chat', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'audio_note' }] }] },
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

const TOOL = {
  type: 'function',
  function: { name: 'lookup_harbor_label', description: 'Return the alpha signal marker.', parameters: { properties: {}, required: [], type: 'object' } },
} as const;
const OTHER_TOOL = {
  type: 'function',
  function: { name: 'lookup_orchard_label', description: 'Return the beta signal marker.', parameters: { properties: {}, required: [], type: 'object' } },
} as const;
const V4 = { at: new Date('2026-06-01T00:00:00Z') };
const V4_0731 = { at: new Date('2026-07-31T00:00:00Z') };
const ask = (content: string) => ({ model: 'deepseek-v4-flash', thinking: { type: 'disabled' }, messages: [{ role: 'user', content }] }) as const;

describe('agent traffic: tools, tool_choice, JSON mode, prefix completion, images (exact tokenizer)', () => {
  it("tool_choice 'none' renders no tools: a recorded call, 20 tokens, exact", async () => {
    await loadExactTokenizer();
    const body = { ...ask('Do not call tools. Reply with exactly this phrase: no-tool-answer'), tools: [TOOL], tool_choice: 'none' };
    const estimate = estimatePromptTokensDetailed(body, V4);
    expect(estimate.tokens).toBe(20);
    expect(estimate.parts.tools).toEqual({ tokens: 0, exact: true });
    expect(estimate.templateKnown).toBe(true);
  });
  it("tools with tool_choice 'auto' are rendered exactly; 'required' and a named function add the fitted forced-choice count", () => {
    const user = 'Call lookup_harbor_label exactly once with an empty object and do not answer in prose.';
    const auto = estimatePromptTokensDetailed({ ...ask(user), tools: [TOOL] }, V4);
    expect(auto.parts.tools.exact).toBe(true);
    expect(auto.templateKnown).toBe(true);
    const required = estimatePromptTokensDetailed({ ...ask(user), tools: [TOOL], tool_choice: 'required' }, V4);
    expect(required.tokens - auto.tokens).toBe(FITTED.toolChoiceForced);
    expect(required.parts.tools.exact).toBe(false);
    expect(required.templateKnown).toBe(false);
    // A named function: only that tool is rendered (a recorded call: 289 tokens; the fitted forced count, 7, is one over for it).
    const named = { ...ask('Call the orchard-label tool exactly once with an empty object and do not call any other tool.'), tools: [TOOL, OTHER_TOOL] };
    const both = estimatePromptTokens({ ...named, tool_choice: 'auto' }, V4);
    const one = estimatePromptTokens({ ...named, tools: [OTHER_TOOL], tool_choice: { type: 'function', function: { name: 'lookup_orchard_label' } } }, V4);
    expect(estimatePromptTokens({ ...named, tool_choice: { type: 'function', function: { name: 'lookup_orchard_label' } } }, V4)).toBe(one);
    expect(one).toBeLessThan(both);
    expect(one).toBe(290);
  });
  it('a Responses-API body keeps its tool_choice', () => {
    const responses = { model: 'deepseek-v4-flash', input: 'ping', tools: [{ type: 'function', ...TOOL.function }] };
    const chat = { model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'ping' }], tools: [TOOL] };
    expect(estimatePromptTokens({ ...responses, tool_choice: 'none' }, V4)).toBe(estimatePromptTokens({ ...chat, tool_choice: 'none' }, V4));
    expect(estimatePromptTokens({ ...responses, tool_choice: { type: 'function', name: TOOL.function.name } }, V4)).toBe(
      estimatePromptTokens({ ...chat, tool_choice: { type: 'function', function: { name: TOOL.function.name } } }, V4),
    );
  });
  it('strict schemas cost the same as the schema without strict', () => {
    const tool = { type: 'function', function: { ...TOOL.function, strict: true } };
    expect(estimatePromptTokens({ ...ask('ping'), tools: [tool] }, V4)).toBe(estimatePromptTokens({ ...ask('ping'), tools: [TOOL] }, V4));
  });
  it('JSON mode adds the fitted instruction; a JSON schema is rendered', () => {
    const plain = ask('Return a JSON object with release lane canary.');
    const json = estimatePromptTokensDetailed({ ...plain, response_format: { type: 'json_object' } }, V4);
    expect(json.tokens - estimatePromptTokens(plain, V4)).toBe(FITTED.jsonMode);
    expect(json.parts.responseFormat).toEqual({ tokens: FITTED.jsonMode, exact: false });
    // The recorded Responses-API call with a json_schema text format: 148 input tokens, exact.
    const city = {
      model: 'deepseek-v4-flash',
      input: [{ content: 'What is the capital of Mexico?', role: 'user' }],
      text: {
        format: {
          name: 'City',
          schema: {
            additionalProperties: false,
            properties: { city: { type: 'string' }, country: { type: 'string' } },
            required: ['city', 'country'],
            type: 'object',
          },
          strict: true,
          type: 'json_schema',
        },
      },
    };
    const schema = estimatePromptTokensDetailed(city, V4_0731);
    expect(schema.tokens).toBe(148);
    expect(schema.parts.responseFormat.exact).toBe(true);
  });
  it('prefix completion: the last assistant message is continued, not closed (recorded: 11 tokens in V3.2, 12 in V4)', () => {
    const body = (model: string) => ({
      model,
      messages: [
        { role: 'user', content: 'Continue this story' },
        { role: 'assistant', content: 'Once upon a time', prefix: true },
      ],
    });
    expect(estimatePromptTokens(body('deepseek-chat'), { at: new Date('2025-10-15') })).toBe(11);
    expect(estimatePromptTokens(body('deepseek-v4-flash'), V4)).toBe(12);
    expect(
      errorOf(() =>
        estimatePromptTokens({
          messages: [
            { role: 'assistant', content: 'a', prefix: true },
            { role: 'user', content: 'b' },
          ],
        }),
      ).path,
    ).toBe('messages[0].prefix');
  });
  it('thinking mode from V4-0731 on starts with the default effort preamble (79 tokens); effort low adds none', () => {
    const think = { model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'Hi' }] };
    expect(estimatePromptTokens(think, V4)).toBe(5);
    expect(estimatePromptTokens(think, V4_0731)).toBe(5 + 79);
    expect(estimatePromptTokens({ ...think, reasoning_effort: 'low' }, V4_0731)).toBe(5);
    expect(estimatePromptTokens({ ...think, thinking: { type: 'disabled' } }, V4_0731)).toBe(5);
  });
  it('V4.1 (deepseek-flash from 2026-09-10 04:00): <｜System｜>, a numeric effort line, renamed DSML tags (published encoder, unverified)', () => {
    const hi = { model: 'deepseek-flash', messages: [{ role: 'user', content: 'Hi' }] };
    const at = { at: new Date('2026-10-20') };
    expect(resolveTemplate(normalizeChatBody({ model: 'deepseek-v4-flash', messages: [] }), { at: new Date('2026-09-10T03:59:59.999Z') }).era).toBe('v4');
    expect(resolveTemplate(normalizeChatBody({ model: 'deepseek-v4-flash', messages: [] }), { at: new Date('2026-09-10T04:00:00Z') }).era).toBe('v4.1');
    expect(resolveTemplate(normalizeChatBody({ model: 'deepseek-v4-pro', messages: [] }), at).era).toBe('v4');
    // <｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜></think>
    expect(estimatePromptTokens({ ...hi, thinking: { type: 'disabled' } }, at)).toBe(5);
    // + <｜System｜>Reasoning Effort: 50 (range 1-100, the higher the value, the more thorough the reasoning)\n\n
    expect(estimatePromptTokens(hi, at)).toBe(5 + 1 + 25);
    expect(estimatePromptTokens({ ...hi, reasoning_effort: 'max' }, at)).toBe(5 + 1 + 25); // 100 instead of 50: one token either way
    expect(errorOf(() => estimatePromptTokens({ ...hi, reasoning_effort: 'medium' }, at)).path).toBe('reasoning_effort');
    const tools = estimatePromptTokensDetailed({ ...hi, thinking: { type: 'disabled' }, tools: [TOOL] }, at);
    const v4 = estimatePromptTokensDetailed({ ...hi, model: 'deepseek-v4-flash', thinking: { type: 'disabled' }, tools: [TOOL] }, V4);
    expect(tools.era).toBe('v4.1');
    expect(tools.toolTokens).not.toBe(v4.toolTokens);
  });
  it(`images count ${IMAGE_TOKENS_MAX} each, reported apart and never exact; eras without vision refuse them`, () => {
    const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } };
    const withImage = {
      model: 'deepseek-flash',
      thinking: { type: 'disabled' },
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe' }, image, image] }],
    };
    const estimate = estimatePromptTokensDetailed(withImage, { at: new Date('2026-10-20') });
    expect(estimate.imageTokens).toBe(2 * IMAGE_TOKENS_MAX);
    expect(estimate.parts.images).toEqual({ tokens: 768, exact: false });
    expect(estimate.templateKnown).toBe(false);
    expect(estimate.tokens).toBe(
      estimatePromptTokens({ ...withImage, messages: [{ role: 'user', content: 'Describe' }] }, { at: new Date('2026-10-20') }) + 768,
    );
    const old = errorOf(() => estimatePromptTokens({ model: 'deepseek-chat', messages: [{ role: 'user', content: [image] }] }, { at: new Date('2025-12-30') }));
    expect(old).toBeInstanceOf(MalformedBodyError);
    expect(old.path).toBe('messages[0].content');
  });
  it('validates tool_choice and response_format, naming the field', () => {
    expect(errorOf(() => estimatePromptTokens({ ...ask('x'), tools: [TOOL], tool_choice: 'always' })).path).toBe('tool_choice');
    expect(errorOf(() => estimatePromptTokens({ ...ask('x'), tools: [TOOL], tool_choice: { type: 'function', function: { name: 'nope' } } })).path).toBe(
      'tool_choice.function.name',
    );
    expect(errorOf(() => estimatePromptTokens({ ...ask('x'), response_format: { type: 'yaml' } })).path).toBe('response_format.type');
    expect(errorOf(() => estimatePromptTokens({ ...ask('x'), tools: [{ type: 'function', function: { ...TOOL.function, strict: 'yes' } }] })).path).toBe(
      'tools[0].function.strict',
    );
  });
  it('Anthropic Messages bodies render as the equivalent chat request', () => {
    const anthropic = {
      model: 'claude-sonnet-4-5',
      system: [{ type: 'text', text: 'Use the tool.' }],
      tools: [{ name: 'lookup_harbor_label', description: 'Return the alpha signal marker.', input_schema: { properties: {}, required: [], type: 'object' } }],
      messages: [
        { role: 'user', content: 'Look up the harbor label.' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'lookup_harbor_label', input: {} }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: 'crimson-harbor' },
            { type: 'text', text: 'Answer now.' },
          ],
        },
      ],
    };
    const chat = {
      model: 'deepseek-v4-flash',
      tools: [TOOL],
      messages: [
        { role: 'system', content: 'Use the tool.' },
        { role: 'user', content: 'Look up the harbor label.' },
        { role: 'assistant', content: '', tool_calls: [{ type: 'function', function: { name: 'lookup_harbor_label', arguments: '{}' } }] },
        { role: 'tool', content: 'crimson-harbor' },
        { role: 'user', content: 'Answer now.' },
      ],
    };
    expect(estimatePromptTokens(anthropic, V4)).toBe(estimatePromptTokens(chat, V4));
    expect(anthropicToChatBody({ model: 'claude-opus-4', messages: [] })['model']).toBe('deepseek-v4-pro');
    expect(anthropicToChatBody({ model: 'claude-opus-4', messages: [], tool_choice: { type: 'any' } })['tool_choice']).toBe('required');
    const image = errorOf(() => estimatePromptTokens({ system: 's', messages: [{ role: 'user', content: [{ type: 'image', source: {} }] }] }));
    expect(image).toBeInstanceOf(MalformedBodyError);
    expect(image.path).toBe('messages[0].content[0].type');
  });
  it('the parts always add up to the total, as integers, for any messages (property)', () => {
    const message = fc.record({ role: fc.constantFrom('system', 'user', 'assistant', 'tool'), content: fc.string({ maxLength: 40 }) });
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 6 }),
        fc.constantFrom('v3', 'v3.1', 'v3.2', 'v4'),
        fc.boolean(),
        fc.boolean(),
        (messages, era, thinking, tools) => {
          const estimate = estimatePromptTokensDetailed({ messages, ...(tools ? { tools: [TOOL] } : {}) }, { at: 0, era, thinking });
          const parts = Object.values(estimate.parts);
          expect(parts.reduce((sum, part) => sum + part.tokens, 0)).toBe(estimate.tokens);
          for (const part of parts) expect(Number.isInteger(part.tokens) && part.tokens >= 0).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
