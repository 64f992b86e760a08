import type { TierName } from '@seekcost/pricing';
import type { CostedSegment } from './costSchedule.ts';

/**
 * What happens next to the price: a tier change, the end of the model's price, or nothing within the range.
 *
 * @example
 * ```ts
 * { kind: 'tier', at: new Date('2026-09-01T04:00:00Z'), tier: 'off-peak' }
 * ```
 */
export type NextChange =
  | { readonly kind: 'tier'; readonly at: Date; readonly tier: TierName }
  | { readonly kind: 'ends'; readonly at: Date }
  | { readonly kind: 'none' };

/**
 * When the price in force next changes, from a schedule that starts at the instant in question and
 * runs to `rangeEnd`: the next segment whose tier differs (a new period with the same tier name
 * counts too, since its prices differ), or the end of the schedule when the model stops being priced.
 *
 * @example
 * ```ts
 * const next = nextTierChange(costSchedule('deepseek-v4-flash', Date.parse('2026-09-01T02:00:00Z'), end, workload, 'USD'), end);
 * next.kind === 'tier' && next.at.toISOString(); // '2026-09-01T04:00:00.000Z'
 * ```
 */
export function nextTierChange(schedule: readonly CostedSegment[], rangeEnd: number): NextChange {
  const first = schedule[0];
  if (first === undefined) return { kind: 'none' };
  const second = schedule[1];
  if (second !== undefined) return { kind: 'tier', at: second.segment.from, tier: second.segment.tier };
  if (first.segment.to.getTime() < rangeEnd) return { kind: 'ends', at: first.segment.to };
  return { kind: 'none' };
}
