import { Decimal, type MeteredCounts, type MeteredItem } from '@seekcost/pricing';
import type { CalculatorState } from '../state/calculatorState.ts';

/**
 * A workload ready for the pricing package: whole token counts and the cache-hit share as an exact decimal string.
 *
 * @example
 * ```ts
 * { inputTokens: 10_000, cacheHitShare: '0.4', outputTokens: 1_000, requestsPerDay: 1_000 }
 * ```
 */
export interface Workload {
  readonly inputTokens: number;
  /** 0 to 1 as a decimal string ('0.4'), so 40% stays exactly 0.4. */
  readonly cacheHitShare: string;
  readonly outputTokens: number;
  readonly requestsPerDay: number;
  /** Per-call items per request (searches, fetched pages, OCR pages, TTS characters); present only when one is not zero. */
  readonly metered?: MeteredCounts;
}

/**
 * The numeric form fields, by the key the form uses.
 *
 * @example
 * ```ts
 * const field: WorkloadField = 'cacheHit';
 * ```
 */
export type WorkloadField = 'inputTokens' | 'cacheHit' | 'outputTokens' | 'requestsPerDay' | MeteredField;

/**
 * The per-request counts of metered (per-call) items, by form key.
 *
 * @example
 * ```ts
 * const field: MeteredField = 'searchesPerRequest';
 * METERED_FIELDS.searchesPerRequest; // 'search'
 * ```
 */
export type MeteredField = 'searchesPerRequest' | 'fetchesPerRequest' | 'ocrPagesPerRequest' | 'ttsCharactersPerRequest';

/**
 * Each metered form field and the @seekcost/pricing item it counts, in form order.
 *
 * @example
 * ```ts
 * METERED_FIELDS.ttsCharactersPerRequest; // 'ttsCharacters'
 * ```
 */
export const METERED_FIELDS: Readonly<Record<MeteredField, MeteredItem>> = {
  searchesPerRequest: 'search',
  fetchesPerRequest: 'fetch',
  ocrPagesPerRequest: 'ocrPages',
  ttsCharactersPerRequest: 'ttsCharacters',
};

/**
 * What is wrong with a field: not a whole number, or not a percentage.
 *
 * @example
 * ```ts
 * parseWorkload({ ...DEFAULT_STATE, cacheHit: '120' }); // errors: { cacheHit: 'percent' }
 * ```
 */
export type FieldProblem = 'wholeNumber' | 'percent';

/**
 * A parsed workload, or the fields that stop it from being one.
 *
 * @example
 * ```ts
 * const parsed: ParsedWorkload = parseWorkload(state); if (parsed.ok) parsed.workload.inputTokens;
 * ```
 */
export type ParsedWorkload =
  | { readonly ok: true; readonly workload: Workload }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<WorkloadField, FieldProblem>>> };

/**
 * Reads the form's numeric fields: token counts, requests and per-call counts must be whole numbers
 * (thousands separators and spaces allowed), the cache hit a percentage from 0 to 100. Each bad
 * field is reported by name so the form can flag it; nothing is guessed. Per-call counts that are
 * absent count as 0, and only the non-zero ones reach `metered`.
 *
 * @example
 * ```ts
 * const parsed = parseWorkload({ ...DEFAULT_STATE, inputTokens: '10,000', cacheHit: '40' });
 * parsed.ok && parsed.workload.cacheHitShare; // '0.4'
 * parseWorkload({ ...DEFAULT_STATE, outputTokens: '1.5' }); // { ok: false, errors: { outputTokens: 'wholeNumber' } }
 * const withSearch = parseWorkload({ ...DEFAULT_STATE, searchesPerRequest: '3' });
 * withSearch.ok && withSearch.workload.metered; // { search: 3 }
 * ```
 */
export function parseWorkload(
  state: Pick<CalculatorState, Exclude<WorkloadField, MeteredField>> & Partial<Pick<CalculatorState, MeteredField>>,
): ParsedWorkload {
  const errors: Partial<Record<WorkloadField, FieldProblem>> = {};
  const inputTokens = wholeNumber(state.inputTokens);
  const outputTokens = wholeNumber(state.outputTokens);
  const requestsPerDay = wholeNumber(state.requestsPerDay);
  const cacheHitShare = percentShare(state.cacheHit);
  if (inputTokens === null) errors.inputTokens = 'wholeNumber';
  if (cacheHitShare === null) errors.cacheHit = 'percent';
  if (outputTokens === null) errors.outputTokens = 'wholeNumber';
  if (requestsPerDay === null) errors.requestsPerDay = 'wholeNumber';
  const metered: Partial<Record<MeteredItem, number>> = {};
  for (const field of Object.keys(METERED_FIELDS) as MeteredField[]) {
    // An emptied optional count means none, unlike an emptied token count.
    const text = state[field] ?? '';
    const count = text.trim() === '' ? 0 : wholeNumber(text);
    if (count === null) errors[field] = 'wholeNumber';
    else if (count > 0) metered[METERED_FIELDS[field]] = count;
  }
  if (inputTokens === null || cacheHitShare === null || outputTokens === null || requestsPerDay === null || Object.keys(errors).length > 0)
    return { ok: false, errors };
  const workload = { inputTokens, cacheHitShare, outputTokens, requestsPerDay };
  return { ok: true, workload: Object.keys(metered).length === 0 ? workload : { ...workload, metered } };
}

function wholeNumber(text: string): number | null {
  const digits = text.replace(/[\s,_]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

function percentShare(text: string): string | null {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const percent = new Decimal(trimmed);
  if (percent.gt(100)) return null;
  return percent.div(100).toString();
}
