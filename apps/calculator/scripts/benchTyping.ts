// Typing responsiveness while a 1 MB prompt is counted (issue 4's budget), measured in Debian's
// Chromium against the built site. Side by side in one run, alternating: N rounds of input round
// trips (an input event on "Output tokens" -> new total on screen, next frame) with an empty prompt,
// then with a fresh 1,000,000-character paste whose exact count runs in the Worker meanwhile.
// A third series removes the prompt's autocomplete="off" first, to show why it is there (Chrome then
// saves the textarea as form state on every history.replaceState).
// Prints medians and the ratio (the machine is shared, so the ratio matters more than absolutes).
//   npx tsx apps/calculator/scripts/benchTyping.ts [rounds=5]
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildSite } from './buildSite.ts';
import { serveStatic } from './serveStatic.ts';
import { typingRoundTrips } from './typingRoundTrips.ts';
import { CHROMIUM_PATH, launchChromium } from './launchChromium.ts';

const CHROMIUM = CHROMIUM_PATH;
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found; install it with apt-get install -y chromium`);
  process.exit(1);
}
const rounds = Number(process.argv[2] ?? 5);
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const siteDir = join(appDir, 'test-output', 'bench-site');
await buildSite(appDir, siteDir);
const site = await serveStatic(siteDir, '/bench/');
const browser = await launchChromium();
const paste = 'The quick brown fox jumps over the lazy dog. 敏捷的棕色狐狸跳过了懒狗。 '.repeat(20_000).slice(0, 1_000_000);

const roundTrips = async (page: Page, n: number) => (await typingRoundTrips(page, n)).times;

const baseline: number[] = [];
const loaded: number[] = [];
const withFormState: number[] = [];
const pasteHandler: number[] = [];
for (let round = 0; round < rounds * 2; round++) {
  const keepFormState = round % 2 === 1;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.baseUrl}?model=deepseek-v4-pro&at=2026-09-01T02:00Z`);
  await page.getByRole('status').waitFor();
  // Load the worker and vocabulary first, so the paste below times counting, not downloading.
  await page.getByLabel('Prompt').fill('warm up');
  await page.waitForFunction(() => document.querySelector('[data-testid="exact-count"]')?.textContent?.startsWith('Exact'));
  await page.getByLabel('Prompt').fill('');
  if (!keepFormState) baseline.push(...(await roundTrips(page, 20)));
  if (keepFormState) await page.evaluate(() => document.getElementById('prompt')?.removeAttribute('autocomplete'));
  const handlerMs = await page.evaluate((text) => {
    const prompt = document.getElementById('prompt') as HTMLTextAreaElement;
    const start = performance.now();
    prompt.value = text;
    prompt.dispatchEvent(new Event('input', { bubbles: true }));
    return performance.now() - start;
  }, paste);
  if (keepFormState) withFormState.push(...(await roundTrips(page, 20)));
  else {
    pasteHandler.push(handlerMs);
    loaded.push(...(await roundTrips(page, 20)));
  }
  await page.close();
}
await browser.close();
await site.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`rounds: ${rounds} x 20 input round trips each, side by side`);
console.log(`empty prompt:             median ${ms(median(baseline))}, p95 ${ms(p95(baseline))}`);
console.log(`1 MB paste being counted: median ${ms(median(loaded))}, p95 ${ms(p95(loaded))}`);
console.log(`paste input handler (quick estimate + render): median ${ms(median(pasteHandler))}`);
console.log(`same, prompt without autocomplete=off: median ${ms(median(withFormState))}, p95 ${ms(p95(withFormState))}`);
console.log(`ratio (with paste / empty), median: ${(median(loaded) / median(baseline)).toFixed(2)}`);
console.log(`ratio (without autocomplete=off / empty), median: ${(median(withFormState) / median(baseline)).toFixed(2)}`);
