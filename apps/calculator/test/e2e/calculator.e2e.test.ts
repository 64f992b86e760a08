// @vitest-environment node
// End-to-end: build the site, serve it from a sub-path on 127.0.0.1 and drive Debian's Chromium
// through playwright-core. Where /usr/bin/chromium is absent (a machine without Debian's chromium),
// the suite is skipped and says so plainly; .ci/run installs it, so CI always runs it.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { priceRequest } from '@seekcost/pricing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDED_USAGE_PATH, readRecordedLines } from '../../../../test/support/recordedUsage.ts';
import { buildSite } from '../../scripts/buildSite.ts';
import { serveStatic, type StaticSite } from '../../scripts/serveStatic.ts';
import { typingRoundTrips } from '../../scripts/typingRoundTrips.ts';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/launchChromium.ts';

const CHROMIUM = CHROMIUM_PATH;
/** axe-core's browser build, injected into pages as an inline script. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = join(APP_DIR, 'test-output');
const SITE_DIR = join(OUTPUT, 'site');
const SHOTS = join(OUTPUT, 'screenshots');
const SUB_PATH = '/tools/seekcost/';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests SKIPPED: ${CHROMIUM} not found; install it with apt-get install -y chromium (.ci/run does)`);

/** A body whose breakdown has estimated parts at 2026-09-01: the image bound and JSON mode's fitted instruction. */
const IMAGE_JSON_BODY = {
  model: 'deepseek-chat',
  response_format: { type: 'json_object' },
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Describe this picture as JSON' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      ],
    },
  ],
};

describe.skipIf(!hasChromium)('calculator in Chromium (built site, served from a sub-path)', () => {
  let site: StaticSite;
  let browser: Browser;
  /** Every request any page made, by context, to prove none leaves the origin. */
  const requests: string[] = [];

  beforeAll(async () => {
    await buildSite(APP_DIR, SITE_DIR);
    site = await serveStatic(SITE_DIR, SUB_PATH);
    browser = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function newContext(
    options: { locale?: string; timezoneId?: string; width?: number; height?: number; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {},
  ): Promise<BrowserContext> {
    const context = await browser.newContext({
      locale: options.locale ?? 'en-US',
      timezoneId: options.timezoneId ?? 'Europe/Berlin',
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      colorScheme: options.colorScheme ?? 'light',
      // Only the accessibility audit asks for this: the page's CSP (script-src 'self') would block axe's inline script.
      bypassCSP: options.bypassCSP ?? false,
    });
    context.on('request', (request) => requests.push(request.url()));
    // Anything aimed off the origin is refused, so a leak would also break the page visibly.
    await context.route('**/*', (route) => (route.request().url().startsWith(site.origin) ? route.continue() : route.abort()));
    return context;
  }

  async function openPage(query: string, options?: Parameters<typeof newContext>[0]): Promise<Page> {
    const context = await newContext(options);
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}${query}`);
    await page.getByRole('status').waitFor();
    return page;
  }

  const total = (page: Page) => page.getByRole('status').textContent();

  it('fills the inputs and reads the exact total', async () => {
    const page = await openPage('?model=deepseek-chat&at=2025-03-01T12:00Z');
    await page.getByLabel('Input tokens').fill('6000');
    await page.getByLabel('Cache hit').fill('0');
    await page.getByLabel('Output tokens').fill('800');
    await expect.poll(() => total(page)).toBe('Total per request: $0.0025');

    await page.getByLabel('Model', { exact: true }).selectOption('deepseek-v4-flash');
    await page.getByLabel('When').fill('2026-09-01T04:00'); // Berlin (UTC+2): 02:00 UTC, peak
    await page.getByLabel('Input tokens').fill('10000');
    await page.getByLabel('Cache hit').fill('40');
    await page.getByLabel('Output tokens').fill('1000');
    await expect.poll(() => total(page)).toBe('Total per request: $0.004016');
    expect(await page.getByTestId('when-zones').textContent()).toContain('UTC 2026-09-01 02:00 · Beijing 2026-09-01 10:00');
    expect(new URL(page.url()).searchParams.get('at')).toBe('2026-09-01T02:00Z');
    await page.context().close();
  });

  it('fills the per-call inputs by their labels in both languages, keeps them in the URL and prices them exactly', async () => {
    const page = await openPage('?model=deepseek-flash&at=2026-11-20T12:00Z&in=0&out=0&cur=CNY');
    await page.getByLabel('Web searches per request').fill('3');
    // 3 searches at CNY 5 per 1,000 on 2026-11-20: exactly 0.015 per request.
    await expect.poll(() => total(page)).toBe('Total per request: ¥0.015');
    expect(await page.locator('[data-metered="search"]').textContent()).toBe('Web search¥15.00¥450.00');
    await page.getByLabel('Pages fetched per request').fill('1');
    await page.getByLabel('OCR pages per request').fill('12');
    await page.getByLabel('TTS characters per request').fill('5400');
    // 0.015 + 0.005 + 12 x 1.5/1000 + 5400 x 3/10000
    await expect.poll(() => total(page)).toBe('Total per request: ¥1.658');
    const params = new URL(page.url()).searchParams;
    expect([params.get('search'), params.get('fetch'), params.get('ocr'), params.get('tts')]).toEqual(['3', '1', '12', '5400']);
    await page.getByLabel('Language').selectOption('zh');
    await expect.poll(() => total(page)).toBe('每次请求合计：¥1.658');
    expect(await page.getByLabel('每次请求的网页搜索次数').inputValue()).toBe('3');
    expect(await page.getByLabel('每次请求抓取的网页数').inputValue()).toBe('1');
    expect(await page.getByLabel('每次请求的 OCR 页数').inputValue()).toBe('12');
    expect(await page.getByLabel('每次请求的 TTS 字符数').inputValue()).toBe('5400');
    expect(await page.locator('[data-metered-price="ttsCharacters"]').textContent()).toBe(
      '语音合成（TTS）每 10,000 字符 ¥3.00刊例价；已公布限时折扣，但折扣价未知未确认',
    );
    await page.getByLabel('每次请求的网页搜索次数').fill('1.5');
    await expect.poll(() => total(page)).toBe('每次请求的网页搜索次数: 请输入 0 或更大的整数。');
    await page.context().close();

    // A hostile link: the value is shown back and flagged, never priced as NaN or 0.
    const hostile = await openPage('?model=deepseek-flash&at=2026-11-20T12:00Z&search=NaN&tts=-5');
    expect(await total(hostile)).toBe(
      'Web searches per request: Enter a whole number of 0 or more. TTS characters per request: Enter a whole number of 0 or more.',
    );
    await hostile.context().close();
  });

  it('switches currency and language', async () => {
    const page = await openPage('?model=deepseek-chat&at=2025-03-01T12:00Z&in=6000&hit=0&out=800');
    await page.getByLabel('Currency').selectOption('CNY');
    await expect.poll(() => total(page)).toBe('Total per request: ¥0.0184');
    await page.getByLabel('Language').selectOption('zh');
    await expect.poll(() => total(page)).toBe('每次请求合计：¥0.0184');
    expect(await page.getByLabel('输出 tokens').inputValue()).toBe('800');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.context().close();

    // A Chinese browser gets Chinese and yuan without asking.
    const zh = await openPage('?model=deepseek-chat&at=2025-03-01T12:00Z&in=6000&hit=0&out=800', { locale: 'zh-CN' });
    expect(await total(zh)).toBe('每次请求合计：¥0.0184');
    await zh.context().close();
  });

  it('round-trips the URL: share, reload, back and forward', async () => {
    const page = await openPage('?model=deepseek-chat&at=2025-03-01T12:00Z&in=6000&hit=0&out=800');
    await page.getByLabel('Currency').selectOption('CNY');
    await page.getByLabel('Requests per day').fill('250');
    await expect.poll(() => page.getByTestId('per-day').textContent()).toBe('¥4.60');
    const shared = page.url();
    expect(shared.startsWith(`${site.baseUrl}?`)).toBe(true);

    const other = await (await newContext()).newPage();
    await other.goto(shared);
    await expect.poll(() => total(other)).toBe('Total per request: ¥0.0184');
    expect(await other.getByLabel('Requests per day').inputValue()).toBe('250');
    await other.reload();
    expect(await other.getByLabel('Model', { exact: true }).inputValue()).toBe('deepseek-chat');
    await other.context().close();

    await page.goBack(); // before the requests-per-day edit
    await page.goBack(); // before the currency switch
    await expect.poll(() => total(page)).toBe('Total per request: $0.0025');
    await page.goForward();
    await expect.poll(() => total(page)).toBe('Total per request: ¥0.0184');
    await page.context().close();
  });

  it('prices a pasted API response, and explains bad JSON at the field', async () => {
    const page = await openPage('?model=deepseek-v4-pro&at=2026-09-01T02:00Z');
    const box = page.getByLabel('API response or usage (JSON)');
    await box.fill('{"usage": {"prompt_tokens": 6000,');
    expect(await page.getByTestId('api-response-error').textContent()).toMatch(/^This is not valid JSON: /);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    // A chat.completion response in DeepSeek's shape, as the API returns it.
    const response = {
      id: 'e2e-1',
      object: 'chat.completion',
      created: Date.parse('2025-03-01T12:00:00Z') / 1000,
      model: 'deepseek-chat',
      choices: [{ index: 0, message: { role: 'assistant', content: '…' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 6000, completion_tokens: 800, total_tokens: 6800, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000 },
    };
    await box.fill(JSON.stringify(response, null, 2));
    await expect.poll(() => page.getByTestId('api-response-total').textContent()).toBe('$0.0025');
    await page.context().close();
  });

  it('prices recorded DeepSeek API calls exactly as @seekcost/pricing does', async () => {
    const page = await openPage('?model=deepseek-chat&at=2025-03-01T12:00Z');
    const records = readRecordedLines<{ model: string; created: number | null; response_usage: Record<string, unknown> | null }>(RECORDED_USAGE_PATH)
      .filter((r) => r.response_usage !== null && typeof r.created === 'number')
      .slice(0, 5);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const quote = priceRequest({ model: record.model, usage: record.response_usage ?? {}, at: (record.created ?? 0) * 1000, instant: 'request' });
      await page
        .getByLabel('API response or usage (JSON)')
        .fill(JSON.stringify({ model: record.model, created: record.created, usage: record.response_usage }));
      const shown = await page.getByTestId('api-response-total').textContent();
      expect(shown?.replace(/^[$≈]+/, '')).toBe(quote.total.toFixed(Math.min(Math.max(quote.total.decimalPlaces(), 2), 8)));
    }
    await page.context().close();
  });

  it('counts a prompt exactly in the Worker, loading the vocabulary only when asked', async () => {
    const before = requests.length;
    const page = await openPage('?model=deepseek-chat&at=2025-12-30T12:00Z');
    await page.waitForLoadState('networkidle');
    const firstLoad = requests.slice(before);
    expect(firstLoad.some((url) => /\/assets\/exact-[^/]+\.js$/.test(url))).toBe(false);
    await page.getByLabel('Prompt').fill('Hello, world!');
    await expect.poll(() => page.getByTestId('exact-count').textContent(), { timeout: 30_000 }).toBe('Exact DeepSeek count: 4 tokens');
    expect(await page.getByLabel('Input tokens').inputValue()).toBe('4');
    expect(requests.slice(before).some((url) => /\/assets\/exact-[^/]+\.js$/.test(url))).toBe(true);

    const body = {
      model: 'deepseek-chat',
      messages: [
        { role: 'system', content: 'Be as terse as possible; no punctuation' },
        { role: 'user', content: 'What is 1 + 1?' },
      ],
    };
    await page.getByLabel('Chat request body (JSON)').fill(JSON.stringify(body));
    await expect.poll(() => page.getByTestId('predicted-prompt-tokens').textContent(), { timeout: 30_000 }).toContain('Predicted prompt tokens: 21');
    // The real worker's breakdown of those 21: every part rendered from the published template.
    const breakdownRows = () =>
      page
        .getByTestId('prompt-breakdown')
        .evaluate((table) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(await breakdownRows()).toEqual([
      ['Message content', '17', 'exact'],
      ['Chat template', '4', 'exact'],
    ]);
    expect(await page.getByTestId('prompt-breakdown').locator('p').count()).toBe(0);
    await page.context().close();
  });

  it('stays responsive while a 1 MB paste is counted (measured, not asserted)', async () => {
    const page = await openPage('?model=deepseek-v4-pro&at=2026-09-01T02:00Z');
    const megabyte = 'The quick brown fox jumps over the lazy dog. 敏捷的棕色狐狸跳过了懒狗。 '.repeat(20_000).slice(0, 1_000_000);
    // Time from an input event on "Output tokens" to the new total on screen (next animation frame).
    const roundTrips = (count: number) => typingRoundTrips(page, count);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const round = (x: number) => Math.round(x * 10) / 10;

    const baseline = await roundTrips(20);
    // Warm the worker and vocabulary first, so the timing below overlaps counting, not loading.
    await page.getByLabel('Prompt').fill('warm up');
    await expect.poll(() => page.getByTestId('exact-count').textContent(), { timeout: 30_000 }).toMatch(/^Exact/);
    // A paste as the browser delivers it: the value changes and one input event fires. (Playwright's
    // fill() types through the input pipeline, far slower than a paste for 1 MB.)
    const pasteMs = await page.evaluate((text) => {
      const prompt = document.getElementById('prompt') as HTMLTextAreaElement;
      const start = performance.now();
      prompt.value = text;
      prompt.dispatchEvent(new Event('input', { bubbles: true }));
      return performance.now() - start;
    }, megabyte);
    const during = await roundTrips(20);
    await expect.poll(() => page.getByTestId('exact-count').textContent(), { timeout: 60_000 }).toMatch(/^Exact DeepSeek count: [\d,]+ tokens$/);
    const exactText = await page.getByTestId('exact-count').textContent();
    const report = {
      pasteChars: megabyte.length,
      pasteUtf8Bytes: Buffer.byteLength(megabyte, 'utf8'),
      pasteHandlerMs: round(pasteMs),
      baselineMedianMs: round(median(baseline.times)),
      baselineMaxMs: round(Math.max(...baseline.times)),
      withPasteMedianMs: round(median(during.times)),
      withPasteMaxMs: round(Math.max(...during.times)),
      samplesWhileExactCountRunning: during.overlapped,
      exact: exactText,
    };
    console.log('1 MB paste responsiveness:', JSON.stringify(report));
    await writeFile(join(OUTPUT, 'responsiveness.json'), `${JSON.stringify(report, null, 2)}\n`);
    expect(exactText).toMatch(/^Exact DeepSeek count/);
    await page.context().close();
  });

  it('saves screenshots: desktop and phone, light and dark, each as wide as the screen and as tall as the page', async () => {
    const query = '?model=deepseek-v4-flash&at=2026-09-01T02:00Z';
    for (const [name, width, height] of [
      ['desktop', 1280, 900],
      ['phone', 390, 844],
    ] as const) {
      const shots: Buffer[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openPage(query, { width, height, colorScheme: scheme });
        const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
        const png = await page.screenshot({ path: join(SHOTS, `calculator-${name}-${scheme}.png`), fullPage: true });
        // A full-page shot is as wide as the page: wider than the viewport would mean sideways overflow.
        expect(pngSize(png)).toEqual({ width, height: pageHeight });
        shots.push(png);
        await page.context().close();
      }
      // The two schemes really render differently (the dark theme is applied, not a blank or stale page).
      expect(shots[0]?.equals(shots[1] ?? Buffer.alloc(0))).toBe(false);
    }
    const zh = await openPage(`${query}&lang=zh&theme=dark`, { width: 390, height: 844 });
    const zhHeight = await zh.evaluate(() => document.documentElement.scrollHeight);
    expect(pngSize(await zh.screenshot({ path: join(SHOTS, 'calculator-phone-zh-dark.png'), fullPage: true }))).toEqual({ width: 390, height: zhHeight });
    await zh.context().close();
  });

  it('fits a 390 px phone in both languages: no table or heatmap wider than the screen', async () => {
    for (const lang of ['en', 'zh'] as const) {
      // A long zone label and the widest amounts: Local time, CNY with 8 decimals in the heatmap titles.
      await expectFitsPhone(`?model=deepseek-v4-flash&at=2026-09-01T02:00Z&lang=${lang}&in=123456&hit=33.3&out=65432`, lang, [
        'compare',
        'heatmap',
        'lines',
        'metered-prices',
        'prices',
      ]);
    }
  });

  it('fits a 390 px phone with every per-call line, in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      await expectFitsPhone(`?model=deepseek-flash&at=2026-11-20T12:00Z&lang=${lang}&cur=CNY&rpd=123456&search=3&fetch=1&ocr=12&tts=5400`, lang, [
        'compare',
        'heatmap',
        'lines',
        'lines metered',
        'metered-prices',
        'prices',
      ]);
    }
  });

  /** Opens `query` on a 390 px phone: the page scrolls not sideways, and exactly `tables` (by class) are there, each within the screen. */
  async function expectFitsPhone(query: string, lang: string, tables: readonly string[]): Promise<void> {
    const page = await openPage(query, { width: 390, height: 844 });
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('table')].map((table) => {
        const box = table.getBoundingClientRect();
        return { table: table.className, left: box.left, right: box.right };
      }),
    }));
    expect(layout.scrollWidth, lang).toBeLessThanOrEqual(390);
    expect(layout.tables.map((t) => t.table).sort(), lang).toEqual(tables);
    for (const box of layout.tables) {
      expect(box.left, `${lang} ${box.table}`).toBeGreaterThanOrEqual(0);
      expect(box.right, `${lang} ${box.table}`).toBeLessThanOrEqual(390);
    }
    await page.context().close();
  }

  it('passes an axe-core audit with zero violations in both languages and both themes, on desktop and phone', async () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const page = await openPage(`?model=deepseek-v4-flash&at=2026-09-01T02:00Z&lang=${lang}&theme=${theme}`, { bypassCSP: true });
        await page.addScriptTag({ content: AXE_SOURCE });
        const audit = () =>
          page.evaluate(async () => {
            const result = await (
              window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
            ).axe.run(document);
            return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          });
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await audit(), `${lang} ${theme} ${width}px`).toEqual([]);
        }
        // Error states too: their colours and their ties to the fields are audited as well.
        await page.locator('#cacheHit').fill('120');
        await page.locator('#api-response').fill('{"usage": ');
        await page.getByTestId('api-response-error').waitFor();
        expect(await audit(), `${lang} ${theme} with errors`).toEqual([]);
        // The prompt breakdown with its estimated parts (an image, JSON mode's fitted instruction).
        await page.locator('#request-body').fill(JSON.stringify(IMAGE_JSON_BODY));
        await page.getByTestId('prompt-breakdown').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('predicted-prompt-tokens').textContent()).toContain(
          lang === 'en' ? 'Predicted prompt tokens: 413' : '预测提示词 tokens：413',
        );
        expect(await page.getByTestId('prompt-breakdown').locator('tbody tr').count()).toBe(4);
        expect(await page.getByTestId('prompt-breakdown').locator('p').count()).toBe(2);
        // The image bound comes from the library through the worker.
        expect(await page.getByTestId('prompt-breakdown').locator('p').first().textContent()).toContain(' 384 ');
        expect(await audit(), `${lang} ${theme} with the prompt breakdown`).toEqual([]);
        // Every per-call line and the per-call price table, on a phone.
        await page.goto(`${site.baseUrl}?model=deepseek-flash&at=2026-11-20T12:00Z&lang=${lang}&theme=${theme}&cur=CNY&search=3&fetch=1&ocr=12&tts=5400`);
        await page.getByRole('status').waitFor();
        await page.addScriptTag({ content: AXE_SOURCE });
        await page.setViewportSize({ width: 390, height: 900 });
        expect(await audit(), `${lang} ${theme} per-call lines`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it("shows the packages' errors in Chinese on a Chinese page", async () => {
    const page = await openPage('?model=deepseek-chat&at=2026-09-01T02:00Z&lang=zh&zone=beijing');
    const retired = "模型：'deepseek-chat' 已于 2026-07-24 23:59 北京时间 下线；2026-09-01 10:00 北京时间 没有价格";
    expect(await total(page)).toBe(retired);
    expect(await page.locator('#model-error').textContent()).toBe(retired);
    await page.getByLabel('API 响应或 usage（JSON）').fill('{"prompt_tokens": -1, "completion_tokens": 5}');
    await expect.poll(() => page.getByTestId('api-response-error').textContent()).toBe('usage.prompt_tokens：必须是非负整数，实际为 -1');
    // The chat body is checked in the Worker: the error's code and path must survive postMessage.
    await page.getByLabel('聊天请求体（JSON）').fill('{"messages": "hi"}');
    await expect.poll(() => page.getByTestId('request-body-error').textContent(), { timeout: 30_000 }).toBe('messages：应为消息数组，实际为 字符串 hi');
    await page.context().close();
  });

  // Runs last: every request of every test above must have gone to the page's own origin.
  it('sends no request anywhere but the page origin', () => {
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((url) => !url.startsWith(`${site.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});

/** Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian), after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
