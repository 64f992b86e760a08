import { DEFAULT_STATE, type CalculatorState } from './calculatorState.ts';

/**
 * The query string of a state: only values that differ from the defaults, in a fixed order, so
 * links stay short and equal states give equal links.
 *
 * @example
 * ```ts
 * writeUrlState({ ...DEFAULT_STATE, model: 'deepseek-chat', inputTokens: '6000' }); // '?model=deepseek-chat&in=6000'
 * ```
 */
export function writeUrlState(state: CalculatorState): string {
  const params = new URLSearchParams();
  if (state.model !== null) params.set('model', state.model);
  if (state.at !== null) params.set('at', state.at);
  if (state.inputTokens !== DEFAULT_STATE.inputTokens) params.set('in', state.inputTokens);
  if (state.cacheHit !== DEFAULT_STATE.cacheHit) params.set('hit', state.cacheHit);
  if (state.outputTokens !== DEFAULT_STATE.outputTokens) params.set('out', state.outputTokens);
  if (state.requestsPerDay !== DEFAULT_STATE.requestsPerDay) params.set('rpd', state.requestsPerDay);
  if (state.searchesPerRequest !== DEFAULT_STATE.searchesPerRequest) params.set('search', state.searchesPerRequest);
  if (state.fetchesPerRequest !== DEFAULT_STATE.fetchesPerRequest) params.set('fetch', state.fetchesPerRequest);
  if (state.ocrPagesPerRequest !== DEFAULT_STATE.ocrPagesPerRequest) params.set('ocr', state.ocrPagesPerRequest);
  if (state.ttsCharactersPerRequest !== DEFAULT_STATE.ttsCharactersPerRequest) params.set('tts', state.ttsCharactersPerRequest);
  if (state.currency !== null) params.set('cur', state.currency);
  if (state.lang !== null) params.set('lang', state.lang);
  if (state.zone !== DEFAULT_STATE.zone) params.set('zone', state.zone);
  if (state.theme !== null) params.set('theme', state.theme);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
