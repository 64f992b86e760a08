import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: a test tool's own browser download fails on this project's machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with everything that would reach the network on its own switched off
 * (so the page's "no request leaves the origin" check sees only the page's own requests).
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * await browser.close();
 * ```
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
