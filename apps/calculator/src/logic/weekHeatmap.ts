import type { Decimal, TierName } from '@seekcost/pricing';
import { zonedTime } from '@seekcost/pricing';
import type { CostedSegment } from './costSchedule.ts';
import { HOUR_MS } from './timeUnits.ts';
import { instantOfWallClock } from './zoneClock.ts';

/**
 * One hour of the week: its start, the price of one request at its middle (null: no price then).
 *
 * @example
 * ```ts
 * { start: Date.parse('2026-09-01T04:00:00Z'), perRequest, tier: 'off-peak', level: 0, cheapest: true }
 * ```
 */
export interface HeatmapCell {
  readonly start: number;
  readonly perRequest: Decimal | null;
  readonly tier: TierName | null;
  /** 0 (cheapest of the week) to 1 (dearest); 0 when every hour costs the same. */
  readonly level: number;
  /** Whether the hour lies in the marked stretch (the cheapest time to run). */
  readonly cheapest: boolean;
}

/**
 * Seven days x 24 hours on the wall clock of one zone.
 *
 * @example
 * ```ts
 * weekHeatmap(schedule, from, 'UTC', null).days[0]?.cells.length; // 24
 * ```
 */
export interface WeekHeatmap {
  /** ISO weekday (1 = Monday) and date of each row. */
  readonly days: readonly { readonly isoWeekday: number; readonly epochDay: number; readonly cells: readonly HeatmapCell[] }[];
}

/**
 * The grid for the week heatmap: rows are the 7 days from the day of `at` in `timeZone`, columns
 * the 24 hours of that zone's clock. Each cell takes the price in force at the middle of its hour
 * (tier windows start on the half hour in some zones, so the middle is the fair reading). Hours
 * whose middle falls in `mark` (the cheapest time to run) are marked. Build the schedule with
 * {@link costSchedule} from {@link heatmapRange}.
 *
 * @example
 * ```ts
 * const [from, to] = heatmapRange(at, 'UTC');
 * const map = weekHeatmap(costSchedule(model, from, to, workload, 'USD'), from, 'UTC', null);
 * map.days.length; // 7
 * map.days[0]?.cells.length; // 24
 * ```
 */
export function weekHeatmap(
  schedule: readonly CostedSegment[],
  from: number,
  timeZone: string,
  mark: { readonly from: number; readonly to: number } | null,
): WeekHeatmap {
  const firstDay = zonedTime(from, timeZone).epochDay;
  let min: Decimal | undefined;
  let max: Decimal | undefined;
  for (const { perRequest } of schedule) {
    if (min === undefined || perRequest.lt(min)) min = perRequest;
    if (max === undefined || perRequest.gt(max)) max = perRequest;
  }
  const spread = min !== undefined && max !== undefined ? max.minus(min) : undefined;
  let cursor = 0;
  const days = [];
  for (let d = 0; d < 7; d++) {
    const epochDay = firstDay + d;
    const cells: HeatmapCell[] = [];
    for (let h = 0; h < 24; h++) {
      const start = instantOfWallClock(epochDay, h * 60, timeZone);
      const middle = start + HOUR_MS / 2;
      // Cells move forward in time, so the segment search resumes where the last one matched.
      while (cursor < schedule.length && (schedule[cursor] as CostedSegment).segment.to.getTime() <= middle) cursor++;
      const hit = schedule[cursor];
      if (hit === undefined || hit.segment.from.getTime() > middle) {
        cells.push({ start, perRequest: null, tier: null, level: 0, cheapest: false });
        continue;
      }
      const level = spread === undefined || spread.isZero() || min === undefined ? 0 : hit.perRequest.minus(min).div(spread).toNumber();
      cells.push({ start, perRequest: hit.perRequest, tier: hit.segment.tier, level, cheapest: mark !== null && middle >= mark.from && middle < mark.to });
    }
    days.push({ isoWeekday: zonedTime(instantOfWallClock(epochDay, 720, timeZone), timeZone).isoWeekday, epochDay, cells });
  }
  return { days };
}

/**
 * The range a heatmap starting on the day of `at` in `timeZone` covers: local midnight to 7 days on.
 *
 * @example
 * ```ts
 * heatmapRange(Date.parse('2026-09-01T02:00:00Z'), 'UTC').map((t) => new Date(t).toISOString());
 * // ['2026-09-01T00:00:00.000Z', '2026-09-08T00:00:00.000Z']
 * ```
 */
export function heatmapRange(at: number, timeZone: string): [number, number] {
  const day = zonedTime(at, timeZone).epochDay;
  return [instantOfWallClock(day, 0, timeZone), instantOfWallClock(day + 7, 0, timeZone)];
}
