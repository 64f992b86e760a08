import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/App.tsx';
import type { PromptPrediction } from '../src/tokens/workerProtocol.ts';
import { fakeCounter } from './support/fakeCounter.ts';

// Every test pins "When" through the URL, so no result depends on the clock or the host time zone.
const CHAT_2025 = '?model=deepseek-chat&at=2025-03-01T12:00Z&in=6000&hit=0&out=800';
const FLASH_PEAK = '?model=deepseek-v4-flash&at=2026-09-01T02:00Z';

// The fake worker's predictions: all exact for a text-only body; with an image, the image bound and a
// fitted template count (as the library reports for a V3 body with JSON mode) are estimated.
const part = (tokens: number, exact = true) => ({ tokens, exact });
function predict(body: unknown): PromptPrediction {
  const withImage = JSON.stringify(body).includes('image_url');
  return {
    tokens: withImage ? 405 : 21,
    templateKnown: !withImage,
    parts: { content: part(9), template: part(12, !withImage), tools: part(0), responseFormat: part(0), images: withImage ? part(384, false) : part(0) },
    imageTokensMax: 384,
  };
}

function open(search: string, languages: readonly string[] = ['en-US']) {
  window.history.replaceState(null, '', `/tools/calculator/${search}`);
  return render(<App counter={fakeCounter({ exact: (text) => text.length, prompt: predict })} languages={languages} />);
}

const status = () => screen.getByRole('status');
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

describe('calculator page', () => {
  it('prices deepseek-chat at 2025-03-01T12:00Z, 6000 cache-miss input + 800 output, at exactly $0.0025', () => {
    open(CHAT_2025);
    expect(status().textContent).toBe('Total per request: $0.0025');
    const line = (component: string) => document.querySelector(`[data-line="${component}"]`)?.textContent;
    expect(line('input-cache-hit')).toBe('Input, cache hit0$0.07$0.00');
    expect(line('input-cache-miss')).toBe('Input, cache miss6,000$0.27$0.00162');
    expect(line('output')).toBe('Output800$1.10$0.00088');
    expect(screen.getByTestId('per-day').textContent).toBe('$2.50');
    expect(screen.getByTestId('per-30-days').textContent).toBe('$75.00');
    expect(screen.getByTestId('tier').textContent).toContain('standard');
  });

  it('prices deepseek-v4-flash in the peak tier: 10,000 input, 40% cache hit, 1,000 output -> $0.004016 per request', () => {
    open(FLASH_PEAK);
    expect(input('Input tokens').value).toBe('10000');
    expect(input('Cache hit').value).toBe('40');
    expect(input('Output tokens').value).toBe('1000');
    expect(status().textContent).toBe('Total per request: $0.004016');
    expect(screen.getByTestId('per-day').textContent).toBe('$4.016');
    expect(screen.getByTestId('per-30-days').textContent).toBe('$120.48');
    expect(screen.getByTestId('tier').textContent).toMatch(/^peak changes to off-peak at 2026-09-01 /);
  });

  it('recomputes on typing and writes every input to the URL', () => {
    open(CHAT_2025);
    fireEvent.input(input('Output tokens'), { target: { value: '1600' } });
    // 6000 x 0.27 + 1600 x 1.10 per 1M = 0.00162 + 0.00176
    expect(status().textContent).toBe('Total per request: $0.00338');
    fireEvent.input(input('Requests per day'), { target: { value: '10' } });
    expect(screen.getByTestId('per-day').textContent).toBe('$0.0338');
    const params = new URLSearchParams(window.location.search);
    expect(params.get('out')).toBe('1600');
    expect(params.get('rpd')).toBe('10');
    expect(params.get('model')).toBe('deepseek-chat');
    expect(window.location.pathname).toBe('/tools/calculator/');
  });

  it('switches currency to CNY: ¥0.0184 for the same request', () => {
    open(CHAT_2025);
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'CNY' } });
    expect(status().textContent).toBe('Total per request: ¥0.0184');
    expect(new URLSearchParams(window.location.search).get('cur')).toBe('CNY');
  });

  it('speaks Chinese for a zh browser, with CNY as the default currency', () => {
    open(CHAT_2025, ['zh-CN', 'en']);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(input('输出 tokens').value).toBe('800');
    expect(status().textContent).toBe('每次请求合计：¥0.0184');
    fireEvent.change(screen.getByLabelText('语言'), { target: { value: 'en' } });
    // An explicit language switch keeps the currency that language implies unless one was chosen.
    expect(status().textContent).toBe('Total per request: $0.0025');
    expect(new URLSearchParams(window.location.search).get('lang')).toBe('en');
  });

  it('flags a bad field by name and never shows NaN', () => {
    open(CHAT_2025);
    fireEvent.input(input('Cache hit'), { target: { value: '120' } });
    expect(input('Cache hit').getAttribute('aria-invalid')).toBe('true');
    expect(status().textContent).toBe('Cache hit: Enter a percentage from 0 to 100.');
    fireEvent.input(input('Input tokens'), { target: { value: '12a' } });
    expect(status().textContent).toContain('Input tokens: Enter a whole number of 0 or more.');
    expect(document.body.textContent).not.toContain('NaN');
  });

  it('reports a retired model at the Model field instead of a blank page', () => {
    open('?model=deepseek-chat&at=2026-09-01T02:00Z');
    expect(status().textContent).toContain("model: 'deepseek-chat' was retired at 2026-07-24T15:59:00.000Z");
    expect(screen.getByLabelText('Model').getAttribute('aria-describedby')).toBe('model-error');
  });

  it("shows the packages' errors in Chinese on a Chinese page, at the field they concern", () => {
    open('?model=deepseek-chat&at=2026-09-01T02:00Z&zone=utc', ['zh-CN']);
    expect(status().textContent).toBe("模型：'deepseek-chat' 已于 2026-07-24 15:59 UTC 下线；2026-09-01 02:00 UTC 没有价格");
    expect(document.getElementById('model-error')?.textContent).toBe(status().textContent);
    fireEvent.input(screen.getByLabelText('API 响应或 usage（JSON）'), {
      target: { value: '{"prompt_tokens": 10, "prompt_cache_hit_tokens": 20, "completion_tokens": 1}' },
    });
    expect(screen.getByTestId('api-response-error').textContent).toBe('usage.prompt_cache_hit_tokens：20 超过了 prompt_tokens（10）');
  });

  it('describes the tier windows on the Beijing clock in Chinese, and in UTC with Beijing time beside it in English', () => {
    open(`${FLASH_PEAK}&lang=zh`);
    expect(document.querySelector('table.prices .condition')?.textContent).toBe('北京时间 09:00–12:00、14:00–18:00，周一至周五');
    cleanup();
    open(FLASH_PEAK);
    expect(document.querySelector('table.prices .condition')?.textContent).toBe(
      '01:00–04:00, 06:00–10:00 UTC (Beijing 09:00–12:00, 14:00–18:00), Mon–Fri Beijing time',
    );
  });

  it('lists current models first, aliases with their target, older models in their own group', () => {
    open('?at=2026-11-22T00:00Z');
    const select = screen.getByLabelText('Model') as HTMLSelectElement;
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]);
    expect(groups).toEqual([
      ['Current models', ['deepseek-flash', 'deepseek-v4-pro', 'deepseek-v4-flash', 'deepseek-v4-flash-vision-exp']],
      ['Older or unavailable models', ['deepseek-chat', 'deepseek-coder', 'deepseek-reasoner']],
    ]);
    expect(select.querySelector('option[value="deepseek-v4-flash"]')?.textContent).toBe('deepseek-v4-flash → deepseek-flash (alias of deepseek-flash)');
    expect(select.value).toBe('deepseek-flash');
  });

  it('shows the instant in UTC and Beijing time beside the When field', () => {
    open(CHAT_2025);
    expect(screen.getByTestId('when-zones').textContent).toContain('UTC 2025-03-01 12:00 · Beijing 2025-03-01 20:00');
  });

  it('restores the state on back / forward (popstate)', () => {
    open(CHAT_2025);
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'CNY' } });
    expect(status().textContent).toBe('Total per request: ¥0.0184');
    window.history.replaceState(null, '', `/tools/calculator/${CHAT_2025}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    return waitFor(() => expect(status().textContent).toBe('Total per request: $0.0025'));
  });

  it('compares every current model now and at its cheapest hour', () => {
    open(FLASH_PEAK);
    const rows = [...document.querySelectorAll('table.compare tbody tr')].map((r) => r.getAttribute('data-model'));
    expect(rows).toEqual(['deepseek-v4-flash', 'deepseek-v4-pro']);
    const flash = document.querySelector('table.compare tr[data-model="deepseek-v4-flash"]');
    expect(flash?.querySelectorAll('td')[0]?.textContent).toBe('$0.004016 peak');
  });

  it('draws a 7 x 24 heatmap and names the cheapest time to run', () => {
    open(`${FLASH_PEAK}&zone=utc`);
    const rows = document.querySelectorAll('table.heatmap tbody tr');
    expect(rows.length).toBe(7);
    expect(rows[0]?.querySelectorAll('td').length).toBe(24);
    expect(screen.getByTestId('cheapest-time').textContent).toMatch(/^Cheapest time to run: 2026-09-01 04:00 UTC \(\$\d\.\d+ per request\)$/);
    fireEvent.click(screen.getByLabelText('Beijing'));
    expect(screen.getByTestId('cheapest-time').textContent).toMatch(/^Cheapest time to run: 2026-09-01 12:00 Beijing /);
    expect(new URLSearchParams(window.location.search).get('zone')).toBe('beijing');
  });

  it('shows the price table in force with its source, confidence and checked date', () => {
    open(CHAT_2025);
    const link = screen.getByRole('link', { name: /api-docs\.deepseek\.com/ });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/api-docs\.deepseek\.com\//);
    expect(screen.getByTestId('confidence').textContent).toBe('official');
  });

  it('prices a pasted API response exactly and explains bad JSON at the field', () => {
    open(CHAT_2025);
    const box = screen.getByLabelText('API response or usage (JSON)');
    fireEvent.input(box, { target: { value: '{"usage": {"prompt_tokens": 6000,' } });
    const alert = screen.getByTestId('api-response-error');
    expect(alert.textContent).toMatch(/^This is not valid JSON: /);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const response = {
      id: 'r1',
      object: 'chat.completion',
      created: Date.parse('2025-03-01T12:00:00Z') / 1000,
      model: 'deepseek-chat',
      usage: { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800, total_tokens: 6800 },
    };
    fireEvent.input(box, { target: { value: JSON.stringify(response) } });
    expect(screen.getByTestId('api-response-total').textContent).toBe('$0.0025');
    // A bare Anthropic-format usage object is priced at the form's model and time.
    fireEvent.input(box, { target: { value: '{"input_tokens": 6000, "output_tokens": 800}' } });
    expect(screen.getByTestId('api-response-total').textContent).toBe('$0.0025');
  });

  it('predicts a request body prompt tokens through the counter and can use them as input tokens', async () => {
    open(CHAT_2025);
    fireEvent.input(screen.getByLabelText('Chat request body (JSON)'), {
      target: { value: '{"model":"deepseek-chat","messages":[{"role":"user","content":"hi"}]}' },
    });
    const predicted = await screen.findByTestId('predicted-prompt-tokens');
    expect(predicted.textContent).toContain('Predicted prompt tokens: 21');
    fireEvent.click(within(predicted).getByRole('button', { name: 'Use as input tokens' }));
    expect(input('Input tokens').value).toBe('21');
    fireEvent.input(screen.getByLabelText('Chat request body (JSON)'), { target: { value: '[1,' } });
    expect(screen.getByTestId('request-body-error').textContent).toMatch(/^This is not valid JSON/);
  });

  const rows = () => [...screen.getByTestId('prompt-breakdown').querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
  const IMAGE_BODY = '{"model":"deepseek-chat","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}';

  it('shows the prompt breakdown under the predicted count, every part exact for a text body', async () => {
    open(CHAT_2025);
    fireEvent.input(screen.getByLabelText('Chat request body (JSON)'), {
      target: { value: '{"model":"deepseek-chat","messages":[{"role":"user","content":"hi"}]}' },
    });
    await screen.findByTestId('prompt-breakdown');
    expect(screen.getByRole('table', { name: 'Where the prompt tokens come from' })).toBeTruthy();
    // Parts without tokens (tools, response format, images) are left out.
    expect(rows()).toEqual([
      ['Message content', '9', 'exact'],
      ['Chat template', '12', 'exact'],
    ]);
    expect(screen.getByTestId('prompt-breakdown').querySelectorAll('p')).toHaveLength(0);
  });

  it('says plainly which parts are estimated, in English', async () => {
    open(CHAT_2025);
    fireEvent.input(screen.getByLabelText('Chat request body (JSON)'), { target: { value: IMAGE_BODY } });
    expect((await screen.findByTestId('predicted-prompt-tokens')).textContent).toContain('Predicted prompt tokens: 405');
    expect(rows()).toEqual([
      ['Message content', '9', 'exact'],
      ['Chat template', '12', 'estimated'],
      ['Images', '384', 'estimated'],
    ]);
    expect([...screen.getByTestId('prompt-breakdown').querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Images are estimated: each counts as up to 384 tokens, an upper bound.',
      'Some parts are estimated: DeepSeek adds text no published template shows (JSON mode, forced tool choice, tool instructions), counted with constants fitted to recorded usage.',
    ]);
  });

  it('says plainly which parts are estimated, in 简体中文', async () => {
    open(`${CHAT_2025}&lang=zh`);
    fireEvent.input(screen.getByLabelText('聊天请求体（JSON）'), { target: { value: IMAGE_BODY } });
    expect((await screen.findByTestId('predicted-prompt-tokens')).textContent).toContain('预测提示词 tokens：405');
    expect(screen.getByRole('table', { name: '提示词 tokens 的构成' })).toBeTruthy();
    expect(rows()).toEqual([
      ['消息内容', '9', '精确'],
      ['聊天模板', '12', '估算'],
      ['图片', '384', '估算'],
    ]);
    expect([...screen.getByTestId('prompt-breakdown').querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      '图片为估算：每张按最多 384 tokens 计（上限）。',
      '部分为估算：DeepSeek 会加入未公开模板中的文本（JSON 模式、强制工具选择、工具说明），按根据实际用量拟合的常数计数。',
    ]);
  });

  it('fills Input tokens from the prompt: the quick estimate at once, then the exact count', async () => {
    open(CHAT_2025);
    fireEvent.input(screen.getByLabelText('Prompt'), { target: { value: 'Hello, world!' } });
    expect(screen.getByTestId('prompt-count').textContent).toContain('Fast estimate: ~4 tokens');
    expect(input('Input tokens').value).toBe('4');
    // The fake exact counter answers with the text length (13).
    await waitFor(() => expect(input('Input tokens').value).toBe('13'));
    expect(screen.getByTestId('exact-count').textContent).toBe('Exact DeepSeek count: 13 tokens');
    // The prompt itself never reaches the URL.
    expect(window.location.href).not.toContain('Hello');
  });

  it('applies an explicit dark theme from the URL', () => {
    open(`${CHAT_2025}&theme=dark`);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('defaults "When" to now: the first current model at the current instant', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-09-01T02:00:00Z') });
    try {
      open('');
      expect((screen.getByLabelText('Model') as HTMLSelectElement).value).toBe('deepseek-v4-flash');
      expect(status().textContent).toBe('Total per request: $0.004016');
      expect(screen.getByTestId('when-zones').textContent).toContain('UTC 2026-09-01 02:00');
      expect(window.location.search).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('warns when the request exceeds the context length and maximum output', () => {
    open('?model=deepseek-chat&at=2025-03-01T12:00Z&in=60000&hit=0&out=9000');
    const warnings = screen.getByTestId('warnings').textContent ?? '';
    expect(warnings).toContain('input + output (69000 tokens) exceeds the 65536-token context length');
    expect(status().textContent).toBe('Total per request: $0.0261');
    expect(warnings).toContain('deepseek-chat is retired on 2026-07-24 ');
  });

  it('suggests the nearest id for an unknown model from a hand-edited link', () => {
    open('?model=deepseek-caht&at=2025-03-01T12:00Z');
    expect(status().textContent).toMatch(/^model: 'deepseek-caht' is not a known DeepSeek model id; did you mean 'deepseek-chat'/);
    expect((screen.getByLabelText('Model') as HTMLSelectElement).value).toBe('deepseek-caht');
  });

  it('keeps keyboard focus order the same as the visual order of the form, with no positive tabindex', () => {
    open(CHAT_2025);
    const order = [...document.querySelectorAll('form input, form select, form textarea, form button')].map((el) => el.id || el.textContent);
    expect(order).toEqual([
      'model',
      'when',
      'Now',
      'prompt',
      'inputTokens',
      'cacheHit',
      'outputTokens',
      'requestsPerDay',
      'searchesPerRequest',
      'fetchesPerRequest',
      'ocrPagesPerRequest',
      'ttsCharactersPerRequest',
      'currency',
    ]);
    expect(document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').length).toBe(0);
    for (const id of order) {
      if (id === 'Now') continue;
      expect(document.querySelector(`label[for="${id}"]`), id).not.toBeNull();
    }
  });

  it('labels the per-call inputs in both languages and keeps them in the URL', () => {
    open('?model=deepseek-flash&at=2026-11-20T12:00Z&in=0&out=0&cur=CNY');
    for (const label of ['Web searches per request', 'Pages fetched per request', 'OCR pages per request', 'TTS characters per request'])
      expect(input(label).value).toBe('0');
    fireEvent.input(input('Web searches per request'), { target: { value: '3' } });
    expect(new URLSearchParams(window.location.search).get('search')).toBe('3');
    cleanup();
    open('?model=deepseek-flash&at=2026-11-20T12:00Z&search=3&fetch=1&ocr=12&tts=5400', ['zh-CN']);
    expect(input('每次请求的网页搜索次数').value).toBe('3');
    expect(input('每次请求抓取的网页数').value).toBe('1');
    expect(input('每次请求的 OCR 页数').value).toBe('12');
    expect(input('每次请求的 TTS 字符数').value).toBe('5400');
  });

  it('adds 3 searches on 2026-11-20 as a line of exactly ¥0.015 per request, ¥15 a day and ¥450 per 30 days', () => {
    open('?model=deepseek-flash&at=2026-11-20T12:00Z&in=0&out=0&cur=CNY&search=3');
    expect(status().textContent).toBe('Total per request: ¥0.015');
    expect(document.querySelector('[data-line="search"]')?.textContent).toBe('Web search3 requests¥5.00 per 1,000 requests¥0.015');
    expect(document.querySelector('[data-metered="search"]')?.textContent).toBe('Web search¥15.00¥450.00');
    expect(screen.getByTestId('per-day').textContent).toBe('¥15.00');
    expect(screen.getByTestId('per-30-days').textContent).toBe('¥450.00');
  });

  it('shows the per-call prices with their confidence, marking USD search as third-party and USD OCR as not published', () => {
    open('?model=deepseek-flash&at=2026-11-20T12:00Z&cur=USD');
    const row = (item: string) => document.querySelector(`[data-metered-price="${item}"]`)?.textContent;
    expect(row('search')).toBe('Web search$0.75 per 1,000 requeststhird-party figure, not published by DeepSeeksecondary source');
    expect(row('ocrPages')).toBe('File parsing / OCRnot published by DeepSeek—');
    expect(row('asr')).toBe('Speech recognition (ASR)offered, but no price is published—');
    cleanup();
    open('?model=deepseek-flash&at=2026-11-20T12:00Z&cur=CNY', ['zh-CN']);
    expect(row('ttsCharacters')).toBe('语音合成（TTS）每 10,000 字符 ¥3.00刊例价；已公布限时折扣，但折扣价未知未确认');
  });

  it('names the secondary-price warning, and explains a USD OCR count in Chinese at the total', () => {
    open('?model=deepseek-flash&at=2026-11-20T12:00Z&cur=USD&search=2');
    // The tokens' $0.001512 plus 2 searches at the third-party $0.75 per 1,000.
    expect(status().textContent).toBe('Total per request: $0.003012');
    expect(document.querySelector('[data-line="search"]')?.textContent).toBe('Web search2 requests$0.75 per 1,000 requests$0.0015');
    expect(screen.getByText(/^Third-party price: search: DeepSeek publishes no USD price/)).toBeTruthy();
    cleanup();
    open('?model=deepseek-flash&at=2026-11-20T12:00Z&cur=USD&ocr=3', ['zh-CN']);
    expect(status().textContent).toBe('每次请求的 OCR 页数：DeepSeek 没有公布文件解析 / OCR的 USD 价格（价格期 ocrPages/2026-11-13）');
  });
});
