import type { Language } from '../i18n/messages.ts';

/**
 * Which clock the heatmap rows and columns follow.
 *
 * @example
 * ```ts
 * zoneIdOf('beijing' satisfies ZoneChoice); // 'Asia/Shanghai'
 * ```
 */
export type ZoneChoice = 'local' | 'utc' | 'beijing';
/**
 * An explicit theme; null follows the system preference.
 *
 * @example
 * ```ts
 * document.documentElement.dataset.theme = 'dark' satisfies ThemeChoice;
 * ```
 */
export type ThemeChoice = 'light' | 'dark';

/**
 * Everything the form holds that belongs in a shareable link. Numeric fields stay as typed (strings)
 * so a half-typed value is shown back as is and flagged, never silently rewritten. The prompt and
 * pasted JSON are deliberately absent: they never leave the browser, not even in the URL.
 *
 * @example
 * ```ts
 * readUrlState('?model=deepseek-chat&in=6000').inputTokens; // '6000'
 * ```
 */
export interface CalculatorState {
  /** Model id; null means "the first current model at `at`". */
  readonly model: string | null;
  /** ISO instant; null means "now". */
  readonly at: string | null;
  readonly inputTokens: string;
  /** Percentage of input served from the cache, 0-100. */
  readonly cacheHit: string;
  readonly outputTokens: string;
  readonly requestsPerDay: string;
  /** Server-side web searches per request (billed per 1,000 since 2026-10-31T16:00Z). */
  readonly searchesPerRequest: string;
  /** Server-side page fetches per request. */
  readonly fetchesPerRequest: string;
  /** File-parsing / OCR pages per request. */
  readonly ocrPagesPerRequest: string;
  /** Speech-synthesis (TTS) characters per request. */
  readonly ttsCharactersPerRequest: string;
  /** null means the language's default (CNY in Chinese, USD otherwise). */
  readonly currency: 'USD' | 'CNY' | null;
  /** null means the browser's language. */
  readonly lang: Language | null;
  readonly zone: ZoneChoice;
  readonly theme: ThemeChoice | null;
}

/**
 * The state of a fresh page (no query string).
 *
 * @example
 * ```ts
 * DEFAULT_STATE.inputTokens; // '10000'
 * ```
 */
export const DEFAULT_STATE: CalculatorState = {
  model: null,
  at: null,
  inputTokens: '10000',
  cacheHit: '40',
  outputTokens: '1000',
  requestsPerDay: '1000',
  searchesPerRequest: '0',
  fetchesPerRequest: '0',
  ocrPagesPerRequest: '0',
  ttsCharactersPerRequest: '0',
  currency: null,
  lang: null,
  zone: 'local',
  theme: null,
};
