import { estimateCost, tariffSegments, type Currency, type Decimal, type MeteredItem, type TariffSegment } from '@seekcost/pricing';
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
 * `tariffSegments`, split also where a counted per-call item's price changes), each priced once with
 * `estimateCost` (segments sharing a rate table and per-call prices share the price). Empty when the
 * model has no price at `from`; shorter than the range when it is retired; a segment where a counted
 * per-call item has no price (before it existed) is left out rather than priced without it.
 *
 * @example
 * ```ts
 * const day = costSchedule('deepseek-v4-flash', Date.parse('2026-09-01T00:00:00Z'), Date.parse('2026-09-02T00:00:00Z'), workload, 'USD');
 * day.map((s) => s.segment.tier); // ['off-peak', 'peak', 'off-peak', 'peak', 'off-peak']
 * ```
 */
export function costSchedule(model: string, from: number, to: number, workload: Workload, currency: Currency): CostedSegment[] {
  const metered = workload.metered;
  const items = metered === undefined ? [] : Object.keys(metered);
  let segments: TariffSegment[];
  try {
    segments = tariffSegments({ model, from, to, currency, ...(metered === undefined ? {} : { meteredItems: items, acceptSecondaryPrices: true }) });
  } catch {
    return [];
  }
  // Compiled rates and metered prices are shared objects: their identities name a price combination.
  const ids = new Map<object, number>();
  const idOf = (o: object | undefined) => {
    if (o === undefined) return -1;
    const known = ids.get(o);
    if (known !== undefined) return known;
    ids.set(o, ids.size);
    return ids.size - 1;
  };
  const byPrices = new Map<string, Decimal | null>();
  const costed: CostedSegment[] = [];
  for (const segment of segments) {
    const key = [idOf(segment.rates), ...items.map((item) => idOf(segment.metered?.[item as MeteredItem]))].join(',');
    let perRequest = byPrices.get(key);
    if (perRequest === undefined) {
      perRequest = items.some((item) => segment.metered?.[item as MeteredItem] === undefined) ? null : priceAt(model, segment.from, workload, currency);
      byPrices.set(key, perRequest);
    }
    if (perRequest !== null) costed.push({ segment, perRequest });
  }
  return costed;
}

function priceAt(model: string, at: Date, workload: Workload, currency: Currency): Decimal {
  return estimateCost({
    model,
    at,
    inputTokens: workload.inputTokens,
    cacheHitShare: workload.cacheHitShare,
    outputTokens: workload.outputTokens,
    currency,
    ...(workload.metered === undefined ? {} : { metered: workload.metered, acceptSecondaryPrices: true }),
  }).perRequest;
}
