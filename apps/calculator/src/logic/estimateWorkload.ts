import { estimateCost, type CostEstimate, type Currency, type Decimal } from '@seekcost/pricing';
import type { Workload } from './parseWorkload.ts';

/**
 * A workload priced at an instant: one request, a day and 30 days.
 *
 * @example
 * ```ts
 * cost.per30Days.toString(); // '120.48'
 * ```
 */
export interface WorkloadCost {
  readonly estimate: CostEstimate;
  readonly perDay: Decimal;
  readonly per30Days: Decimal;
}

/**
 * A priced workload, or the typed error the pricing package threw (an unknown or retired model, an instant before the history...).
 *
 * @example
 * ```ts
 * const r = estimateWorkload('deepseek-chat', at, workload, 'USD'); if (!r.ok) console.error(r.error.message);
 * ```
 */
export type WorkloadResult = { readonly ok: true; readonly cost: WorkloadCost } | { readonly ok: false; readonly error: Error };

/**
 * Prices a workload with `estimateCost`: per request, per day (requests per day) and per 30 days,
 * exactly. Errors come back as values so the page shows them at the field instead of going blank.
 *
 * @example
 * ```ts
 * const r = estimateWorkload('deepseek-v4-flash', '2026-09-01T02:00:00Z', { inputTokens: 10_000, cacheHitShare: '0.4', outputTokens: 1_000, requestsPerDay: 1_000 }, 'USD');
 * r.ok && r.cost.estimate.perRequest.toString(); // '0.004016'
 * r.ok && r.cost.per30Days.toString(); // '120.48'
 * ```
 */
export function estimateWorkload(model: string, at: number | string, workload: Workload, currency: Currency): WorkloadResult {
  try {
    const estimate = estimateCost({
      model,
      at,
      inputTokens: workload.inputTokens,
      cacheHitShare: workload.cacheHitShare,
      outputTokens: workload.outputTokens,
      requests: workload.requestsPerDay,
      currency,
    });
    return { ok: true, cost: { estimate, perDay: estimate.total, per30Days: estimate.total.times(30) } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
