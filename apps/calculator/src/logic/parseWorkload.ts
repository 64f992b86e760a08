import { Decimal } from '@seekcost/pricing';
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
}

/**
 * The numeric form fields, by the key the form uses.
 *
 * @example
 * ```ts
 * const field: WorkloadField = 'cacheHit';
 * ```
 */
export type WorkloadField = 'inputTokens' | 'cacheHit' | 'outputTokens' | 'requestsPerDay';

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
 * Reads the form's numeric fields: token counts and requests must be whole numbers (thousands
 * separators and spaces allowed), the cache hit a percentage from 0 to 100. Each bad field is
 * reported by name so the form can flag it; nothing is guessed.
 *
 * @example
 * ```ts
 * const parsed = parseWorkload({ ...DEFAULT_STATE, inputTokens: '10,000', cacheHit: '40' });
 * parsed.ok && parsed.workload.cacheHitShare; // '0.4'
 * parseWorkload({ ...DEFAULT_STATE, outputTokens: '1.5' }); // { ok: false, errors: { outputTokens: 'wholeNumber' } }
 * ```
 */
export function parseWorkload(state: Pick<CalculatorState, WorkloadField>): ParsedWorkload {
  const errors: Partial<Record<WorkloadField, FieldProblem>> = {};
  const inputTokens = wholeNumber(state.inputTokens);
  const outputTokens = wholeNumber(state.outputTokens);
  const requestsPerDay = wholeNumber(state.requestsPerDay);
  const cacheHitShare = percentShare(state.cacheHit);
  if (inputTokens === null) errors.inputTokens = 'wholeNumber';
  if (cacheHitShare === null) errors.cacheHit = 'percent';
  if (outputTokens === null) errors.outputTokens = 'wholeNumber';
  if (requestsPerDay === null) errors.requestsPerDay = 'wholeNumber';
  if (inputTokens === null || cacheHitShare === null || outputTokens === null || requestsPerDay === null) return { ok: false, errors };
  return { ok: true, workload: { inputTokens, cacheHitShare, outputTokens, requestsPerDay } };
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
