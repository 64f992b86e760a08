import { DEFAULT_STATE, type CalculatorState } from './calculatorState.ts';

const MAX_FIELD_LENGTH = 64;

/**
 * Reads the calculator state from a query string. Unknown or malformed values fall back to the
 * default (a hand-edited link must never break the page); numeric fields keep their text so the
 * form can flag them.
 *
 * @example
 * ```ts
 * readUrlState('?model=deepseek-chat&at=2025-03-01T12:00:00Z&in=6000&hit=0&out=800&cur=CNY').currency; // 'CNY'
 * ```
 */
export function readUrlState(search: string): CalculatorState {
  const params = new URLSearchParams(search);
  const text = (key: string, fallback: string) => {
    const value = params.get(key);
    return value === null ? fallback : value.slice(0, MAX_FIELD_LENGTH);
  };
  const at = params.get('at');
  const currency = params.get('cur');
  const lang = params.get('lang');
  const zone = params.get('zone');
  const theme = params.get('theme');
  const model = params.get('model');
  return {
    model: model === null || model === '' ? null : model.slice(0, MAX_FIELD_LENGTH),
    at: at !== null && !Number.isNaN(Date.parse(at)) ? at : null,
    inputTokens: text('in', DEFAULT_STATE.inputTokens),
    cacheHit: text('hit', DEFAULT_STATE.cacheHit),
    outputTokens: text('out', DEFAULT_STATE.outputTokens),
    requestsPerDay: text('rpd', DEFAULT_STATE.requestsPerDay),
    searchesPerRequest: text('search', DEFAULT_STATE.searchesPerRequest),
    fetchesPerRequest: text('fetch', DEFAULT_STATE.fetchesPerRequest),
    ocrPagesPerRequest: text('ocr', DEFAULT_STATE.ocrPagesPerRequest),
    ttsCharactersPerRequest: text('tts', DEFAULT_STATE.ttsCharactersPerRequest),
    currency: currency === 'USD' || currency === 'CNY' ? currency : null,
    lang: lang === 'en' || lang === 'zh' ? lang : null,
    zone: zone === 'utc' || zone === 'beijing' || zone === 'local' ? zone : DEFAULT_STATE.zone,
    theme: theme === 'light' || theme === 'dark' ? theme : null,
  };
}
