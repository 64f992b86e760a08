import type { Page } from 'playwright-core';

/**
 * Times `count` input round trips in the page: an input event on "Output tokens" until the new total
 * is on screen (the next animation frame). Also counts how many happened while the exact count was
 * still running in the Worker. Shared by the e2e test and scripts/benchTyping.ts.
 *
 * @example
 * ```ts
 * const { times, overlapped } = await typingRoundTrips(page, 20);
 * ```
 */
export function typingRoundTrips(page: Page, count: number): Promise<{ times: number[]; overlapped: number }> {
  return page.evaluate(async (n) => {
    const field = document.getElementById('outputTokens') as HTMLInputElement;
    const status = document.querySelector('[role="status"]') as HTMLElement;
    const times: number[] = [];
    let overlapped = 0;
    for (let i = 0; i < n; i++) {
      const before = status.textContent;
      const start = performance.now();
      field.value = String(Number(field.value) + 1);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      while (status.textContent === before) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(r));
      times.push(performance.now() - start);
      // Inline on purpose: tsx (esbuild keepNames) wraps named inner functions in a __name helper
      // that does not exist in the page.
      if ((document.querySelector('[data-testid="exact-count"]')?.textContent ?? '').startsWith('Counting')) overlapped++;
    }
    return { times, overlapped };
  }, count);
}
