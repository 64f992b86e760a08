import type { CostedSegment } from './costSchedule.ts';

/**
 * The earliest of the cheapest segments (ties go to the soonest, which is when you would run).
 *
 * @example
 * ```ts
 * cheapestSegment(costSchedule('deepseek-v4-pro', now, now + LOOK_AHEAD_MS, workload, 'USD'))?.segment.tier; // 'off-peak'
 * ```
 */
export function cheapestSegment(schedule: readonly CostedSegment[]): CostedSegment | undefined {
  let best: CostedSegment | undefined;
  for (const entry of schedule) {
    if (best === undefined || entry.perRequest.lt(best.perRequest)) best = entry;
  }
  return best;
}
