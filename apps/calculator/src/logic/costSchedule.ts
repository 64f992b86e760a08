import { estimateCost, tariffSegments, type Currency, type Decimal, type TariffSegment } from '@seekcost/pricing';
import type { Workload } from './parseWorkload.ts';

/**
 * A stretch of constant price with what one request of the workload costs in it.
 *
 * @example
 * ```ts
 * costSchedule('deepseek-v4-pro', from, to, workload, 'USD')[0]?.perRequest.toString(); // '0.012056'
 * ```
 */
export interface CostedSegment {
  readonly segment: TariffSegment;
  readonly perRequest: Decimal;
}

/**
 * The workload's per-request cost over a time range, as the model's constant-price segments (from
 * `tariffSegments`), each priced once with `estimateCost` (segments sharing a rate table share the
 * price). Empty when the model has no price at `from`; shorter than the range when it is retired.
 *
 * @example
 * ```ts
 * const day = costSchedule('deepseek-v4-flash', Date.parse('2026-09-01T00:00:00Z'), Date.parse('2026-09-02T00:00:00Z'), workload, 'USD');
 * day.map((s) => s.segment.tier); // ['off-peak', 'peak', 'off-peak', 'peak', 'off-peak']
 * ```
 */
export function costSchedule(model: string, from: number, to: number, workload: Workload, currency: Currency): CostedSegment[] {
  let segments: TariffSegment[];
  try {
    segments = tariffSegments({ model, from, to, currency });
  } catch {
    return [];
  }
  const byRates = new Map<object, Decimal>();
  return segments.map((segment) => {
    let perRequest = byRates.get(segment.rates);
    if (perRequest === undefined) {
      perRequest = estimateCost({
        model,
        at: segment.from,
        inputTokens: workload.inputTokens,
        cacheHitShare: workload.cacheHitShare,
        outputTokens: workload.outputTokens,
        currency,
      }).perRequest;
      byRates.set(segment.rates, perRequest);
    }
    return { segment, perRequest };
  });
}
