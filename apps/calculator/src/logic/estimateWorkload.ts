import { estimateCost, type CostEstimate, type Currency, type Decimal, type MeteredItem } from '@seekcost/pricing';
import type { Workload } from './parseWorkload.ts';

/**
 * One per-call charge of the workload (searches, fetched pages...) per day and per 30 days.
 *
 * @example
 * ```ts
 * { item: 'search', perRequest: new Decimal('0.015'), perDay: new Decimal('15'), per30Days: new Decimal('450') }
 * ```
 */
export interface MeteredCost {
  readonly item: MeteredItem;
  readonly perRequest: Decimal;
  readonly perDay: Decimal;
  readonly per30Days: Decimal;
}

/**
 * A workload priced at an instant: one request, a day and 30 days, and each per-call charge over the same spans.
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
  /** One entry per metered line of the estimate, in its order. */
  readonly metered: readonly MeteredCost[];
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
 * exactly, per-call items included. Where DeepSeek published no price in the currency but a
 * third-party figure exists (USD search and fetch), that figure is used and the estimate carries a
 * `secondary-price` warning; an item with no price at all (USD OCR, before launch) is an error.
 * Errors come back as values so the page shows them at the field instead of going blank.
 *
 * @example
 * ```ts
 * const r = estimateWorkload('deepseek-v4-flash', '2026-09-01T02:00:00Z', { inputTokens: 10_000, cacheHitShare: '0.4', outputTokens: 1_000, requestsPerDay: 1_000 }, 'USD');
 * r.ok && r.cost.estimate.perRequest.toString(); // '0.004016'
 * r.ok && r.cost.per30Days.toString(); // '120.48'
 * // 3 searches per request on 2026-11-20 in CNY add exactly 0.015 per request:
 * const s = estimateWorkload('deepseek-flash', '2026-11-20T12:00:00Z', { inputTokens: 0, cacheHitShare: '0', outputTokens: 0, requestsPerDay: 1_000, metered: { search: 3 } }, 'CNY');
 * s.ok && s.cost.metered.map((m) => `${m.item} ${m.perRequest} ${m.perDay} ${m.per30Days}`); // ['search 0.015 15 450']
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
      ...(workload.metered === undefined ? {} : { metered: workload.metered, acceptSecondaryPrices: true }),
    });
    const metered = estimate.meteredLines.map((line) => {
      const perDay = line.amount.times(workload.requestsPerDay);
      return { item: line.item, perRequest: line.amount, perDay, per30Days: perDay.times(30) };
    });
    return { ok: true, cost: { estimate, perDay: estimate.total, per30Days: estimate.total.times(30), metered } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
