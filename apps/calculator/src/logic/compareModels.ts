import { listModels, type Currency, type Decimal } from '@seekcost/pricing';
import { cheapestSegment } from './cheapestSegment.ts';
import { costSchedule } from './costSchedule.ts';
import type { Workload } from './parseWorkload.ts';
import { LOOK_AHEAD_MS } from './timeUnits.ts';

/**
 * One current model's cost for the workload: at the chosen instant and at its cheapest hour within the next 7 days.
 *
 * @example
 * ```ts
 * { id: 'deepseek-v4-pro', displayName: 'DeepSeek-V4 Pro', now, tierNow: 'peak', cheapest, cheapestFrom, cheapestTier: 'off-peak' }
 * ```
 */
export interface ModelComparison {
  readonly id: string;
  readonly displayName: string;
  readonly now: Decimal;
  readonly tierNow: string;
  readonly cheapest: Decimal;
  readonly cheapestFrom: Date;
  readonly cheapestTier: string;
}

/**
 * Every current model (available at `at`, not an alias) priced for the same workload, now and at
 * its cheapest time in the following week, in the order `listModels` gives (newest first).
 *
 * @example
 * ```ts
 * compareModels(Date.parse('2026-09-01T02:00:00Z'), workload, 'USD').map((m) => [m.id, m.now.toString()]);
 * // [['deepseek-v4-flash', '0.004016'], ['deepseek-v4-pro', ...]]
 * ```
 */
export function compareModels(at: number, workload: Workload, currency: Currency): ModelComparison[] {
  const rows: ModelComparison[] = [];
  for (const listing of listModels({ at })) {
    if (!listing.available || listing.isAlias) continue;
    const schedule = costSchedule(listing.id, at, at + LOOK_AHEAD_MS, workload, currency);
    const first = schedule[0];
    const best = cheapestSegment(schedule);
    if (first === undefined || best === undefined) continue;
    rows.push({
      id: listing.id,
      displayName: listing.displayName,
      now: first.perRequest,
      tierNow: first.segment.tier,
      cheapest: best.perRequest,
      cheapestFrom: best.segment.from,
      cheapestTier: best.segment.tier,
    });
  }
  return rows;
}
