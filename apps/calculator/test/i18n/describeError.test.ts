import {
  BeforeHistoryError,
  CurrencyNotPublishedError,
  estimateCost,
  InvalidArgumentError,
  InvalidInstantError,
  InvalidUsageError,
  ModelNotAvailableError,
  priceRequest,
  RetiredModelError,
  UnknownModelError,
} from '@seekcost/pricing';
import { estimatePromptTokens } from '@seekcost/tokenizer-estimate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/i18n/describeError.ts';
import { WorkerJobError } from '../../src/tokens/workerJobError.ts';

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
const AT = Date.parse('2025-03-01T12:00:00Z');

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('describeError', () => {
  it('keeps the package message on English pages', () => {
    const error = new RetiredModelError('deepseek-chat', new Date('2026-09-01T02:00:00Z'), new Date('2026-07-24T15:59:00Z'));
    expect(describeError(error, 'en', iso)).toBe(error.message);
    expect(describeError('plain text', 'en', iso)).toBe('plain text');
  });

  it('words each pricing error code in Chinese from its typed fields, with instants on the page clock', () => {
    const zh = (error: unknown) => describeError(error, 'zh', iso);
    expect(zh(new RetiredModelError('deepseek-chat', new Date('2026-09-01T02:00:00Z'), new Date('2026-07-24T15:59:00Z')))).toBe(
      "模型：'deepseek-chat' 已于 2026-07-24T15:59Z 下线；2026-09-01T02:00Z 没有价格",
    );
    expect(zh(new UnknownModelError('deepseek-caht', ['deepseek-chat', 'deepseek-coder']))).toBe(
      "模型：'deepseek-caht' 不是已知的 DeepSeek 模型 ID；你要找的是不是 'deepseek-chat' 或 'deepseek-coder'？",
    );
    expect(zh(new UnknownModelError('x', []))).toBe("模型：'x' 不是已知的 DeepSeek 模型 ID");
    expect(zh(new ModelNotAvailableError('deepseek-v4-pro', new Date('2025-09-01T02:00:00Z'), new Date('2026-04-24T00:00:00Z'), undefined))).toBe(
      "模型：'deepseek-v4-pro' 在 2025-09-01T02:00Z 没有价格；它的定价时间为 2026-04-24T00:00Z 起至今",
    );
    expect(zh(new ModelNotAvailableError('m', new Date('2025-09-01T02:00:00Z'), new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z')))).toBe(
      "模型：'m' 在 2025-09-01T02:00Z 没有价格；它的定价时间为 2025-01-01T00:00Z 至 2025-02-01T00:00Z",
    );
    expect(zh(new BeforeHistoryError(new Date('2020-09-01T02:00:00Z'), new Date('2024-08-02T00:00:00Z')))).toBe(
      '时间：2020-09-01T02:00Z 早于价格历史的起点 2024-08-02T00:00Z',
    );
    expect(zh(new InvalidInstantError('at', 'is not a valid instant (NaN)'))).toBe('时间（at）：不是有效的时间');
    expect(zh(new CurrencyNotPublishedError('EUR', 'deepseek-v4-pro/2026-08-16'))).toBe('货币：价格期 deepseek-v4-pro/2026-08-16 没有公布 EUR 价格');
    expect(zh(new InvalidArgumentError('cacheHitShare', 'must be between 0 and 1, got 1.2'))).toBe('cacheHitShare：必须在 0 到 1 之间，实际为 1.2');
  });

  it('translates the usage reasons priceRequest gives, naming the field', () => {
    const zh = (usage: Record<string, unknown>) =>
      describeError(
        thrown(() => priceRequest({ model: 'deepseek-chat', usage, at: AT })),
        'zh',
        iso,
      );
    expect(zh({ prompt_tokens: -1, completion_tokens: 5 })).toBe('usage.prompt_tokens：必须是非负整数，实际为 -1');
    expect(zh({ prompt_tokens: '12', completion_tokens: 5 })).toBe("usage.prompt_tokens：必须是非负整数，实际为 字符串 '12'");
    expect(zh({ prompt_tokens: 1.5, completion_tokens: 5 })).toBe('usage.prompt_tokens：必须是整数个 token，实际为 1.5');
    expect(zh({ prompt_tokens: 10, prompt_cache_hit_tokens: 20, completion_tokens: 5 })).toBe('usage.prompt_cache_hit_tokens：20 超过了 prompt_tokens（10）');
    expect(zh({ foo: 1 })).toMatch(/^usage：没有 token 计数（/);
    expect(zh({ prompt_tokens: 10, prompt_cache_hit_tokens: 4, prompt_cache_miss_tokens: 5, completion_tokens: 1 })).toBe(
      'usage.prompt_tokens：为 10，但 prompt_cache_hit_tokens + prompt_cache_miss_tokens 为 9；两者必须一致',
    );
  });

  it('translates the chat-body errors of the tokenizer package, also after a trip through the worker', () => {
    const zh = (body: unknown) =>
      describeError(
        thrown(() => estimatePromptTokens(body as never, { at: AT } as never)),
        'zh',
        iso,
      );
    expect(zh({ messages: 'x' })).toBe('messages：应为消息数组，实际为 字符串 x');
    expect(zh({})).toBe('messages：缺失（聊天请求需要 messages 数组）');
    expect(zh({ messages: [{ role: 'bot', content: 'x' }] })).toBe('messages[0].role：未知角色 "bot"（应为 system、user、assistant 或 tool）');
    expect(zh({ messages: [{ role: 'user', content: 5 }] })).toBe('messages[0].content：应为字符串或内容片段数组，实际为 数字 5');
    const remote = new WorkerJobError('messages: expected an array of messages, got string x', 'INVALID_TYPE', 'messages');
    expect(describeError(remote, 'zh', iso)).toBe('messages：应为消息数组，实际为 字符串 x');
  });

  it('never drops the detail of a reason or code it does not know', () => {
    expect(describeError(new InvalidUsageError('usage.x', 'something new'), 'zh', iso)).toBe('usage.x：无效（something new）');
    expect(describeError(new Error('boom'), 'zh', iso)).toBe('出错了：boom');
    fc.assert(
      fc.property(fc.string(), fc.string(), (field, reason) => {
        const text = describeError(new InvalidArgumentError(field, reason), 'zh', iso);
        expect(text.startsWith(`${field}：`)).toBe(true);
        expect(text).not.toContain('NaN');
      }),
    );
  });

  it('translates the per-call errors, naming the form field they come from', () => {
    const zh = (options: Partial<Parameters<typeof estimateCost>[0]>) =>
      describeError(
        thrown(() => estimateCost({ model: 'deepseek-flash', at: '2026-11-20T12:00:00Z', inputTokens: 0, outputTokens: 0, currency: 'CNY', ...options })),
        'zh',
        iso,
      );
    expect(zh({ currency: 'USD', metered: { ocrPages: 3 } })).toBe(
      '每次请求的 OCR 页数：DeepSeek 没有公布文件解析 / OCR的 USD 价格（价格期 ocrPages/2026-11-13）',
    );
    expect(zh({ currency: 'USD', metered: { search: 3 } })).toBe(
      '每次请求的网页搜索次数：DeepSeek 没有公布网页搜索的 USD 价格（价格期 search/2026-10-31）；只有第三方报价',
    );
    expect(zh({ at: '2026-11-12T15:59:59.999Z', metered: { ttsCharacters: 10 } })).toBe(
      '每次请求的 TTS 字符数：语音合成（TTS）在 2026-11-12T15:59Z 没有价格；它从 2026-11-12T16:00Z 起计价',
    );
    expect(zh({ metered: { asr: 1 } })).toBe('metered.asr：语音识别（ASR）已推出，但 DeepSeek 没有公布价格，无法计价（不会按 0 计）');
    expect(zh({ metered: { serch: 1 } as never })).toBe(
      'metered.serch："serch" 不是价格数据中的按次计费项目（已知：search、fetch、ocrPages、ttsCharacters、asr）',
    );
    expect(zh({ metered: { search: 1.5 } })).toBe('每次请求的网页搜索次数：必须是整数，实际为 1.5');
    expect(zh({ metered: { fetch: -2 } })).toBe('每次请求抓取的网页数：不能为负数，实际为 -2');
    expect(zh({ metered: { fetch: '2' } as never })).toBe('每次请求抓取的网页数：必须是非负整数，实际为 字符串 "2"');
  });

  it('is exercised by a real estimateCost failure', () => {
    const error = thrown(() =>
      estimateCost({ model: 'deepseek-chat', at: Date.parse('2020-01-01T00:00:00Z'), inputTokens: 1, cacheHitShare: '0', outputTokens: 1 }),
    );
    expect(describeError(error, 'zh', iso)).toBe('时间：2020-01-01T00:00Z 早于价格历史的起点 2024-08-02T00:00Z');
  });
});
