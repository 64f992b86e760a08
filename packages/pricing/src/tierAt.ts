import type { CompiledCondition, CompiledPeriod, CompiledTier } from './tariff.ts';
import { zoneOffsetMinutes } from './zonedTime.ts';
import { DAY_MS, MINUTE_MS } from './rules.ts';

/**
 * The tier of a period in force at an instant, and whether a holiday list had to be read past its end.
 *
 * @example
 * ```ts
 * const { tier, beyondHolidayList }: TierMatch = tierAt(period, Date.parse('2027-01-05T02:00:00Z'));
 * ```
 */
export interface TierMatch {
  readonly tier: CompiledTier;
  /** True when a conditional tier's holiday exclusion was needed on a date its calendar does not cover. */
  readonly beyondHolidayList: boolean;
}

/**
 * Which tier of a period applies at an instant: the first tier whose condition holds (window, in
 * its own time zone, start-inclusive and end-exclusive; weekday, in its own time zone; not a listed
 * holiday), otherwise the period's default tier. Conditions combine: all must hold.
 *
 * @example
 * ```ts
 * const period = getBundledTariff().models.get('deepseek-v4-flash')!.periods[2]!;
 * tierAt(period, Date.parse('2026-08-18T00:59:59.999Z')).tier.name; // => 'off-peak'
 * tierAt(period, Date.parse('2026-08-18T01:00:00.000Z')).tier.name; // => 'peak'
 * ```
 */
export function tierAt(period: CompiledPeriod, epochMs: number): TierMatch {
  const found = tierIndexAt(period, epochMs);
  return found >= 0
    ? { tier: period.tiers[found] as CompiledTier, beyondHolidayList: false }
    : { tier: period.tiers[-found - 1] as CompiledTier, beyondHolidayList: true };
}

/**
 * {@link tierAt} without allocating, for the pricing hot path: the index of the tier in force in
 * `period.tiers`, or `-(index + 1)` when that tier's holiday exclusion had to be read on a date its
 * calendar does not cover (`beyondHolidayList`).
 *
 * @example
 * ```ts
 * const period = getBundledTariff().models.get('deepseek-v4-flash')!.periods[2]!;
 * tierIndexAt(period, Date.parse('2026-08-18T01:00:00.000Z')); // 0 (the peak tier)
 * tierIndexAt(period, Date.parse('2026-08-18T00:59:59.999Z')); // 1 (the off-peak default)
 * ```
 */
export function tierIndexAt(period: CompiledPeriod, epochMs: number): number {
  const tiers = period.tiers;
  const last = tiers.length - 1;
  for (let i = 0; i < last; i++) {
    const result = conditionHolds((tiers[i] as CompiledTier).condition as CompiledCondition, epochMs);
    if (result === HOLDS) return i;
    if (result === HOLDS_BUT_HOLIDAYS_UNKNOWN) return -i - 1;
  }
  return last;
}

const FAILS = 0;
const HOLDS = 1;
const HOLDS_BUT_HOLIDAYS_UNKNOWN = 2;

// The same wall-clock arithmetic as zonedTime, inlined: this runs once or more per quote and a
// ZonedTime object per call was a measurable share of it.
function localMs(epochMs: number, timeZone: string): number {
  return timeZone === 'UTC' ? epochMs : epochMs + zoneOffsetMinutes(epochMs, timeZone) * MINUTE_MS;
}

function conditionHolds(condition: CompiledCondition, epochMs: number): number {
  const local = localMs(epochMs, condition.timeZone);
  const localDay = Math.floor(local / DAY_MS);
  const minuteOfDay = Math.floor((local - localDay * DAY_MS) / MINUTE_MS);
  const windows = condition.windows;
  let inWindow = false;
  for (let w = 0; w < windows.length; w++) {
    const window = windows[w] as readonly [number, number];
    const start = window[0];
    const end = window[1];
    if (start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end) {
      inWindow = true;
      break;
    }
  }
  if (!inWindow) return FAILS;
  const weekdays = condition.weekdays;
  if (weekdays !== undefined) {
    const epochDay = weekdays.timeZone === condition.timeZone ? localDay : Math.floor(localMs(epochMs, weekdays.timeZone) / DAY_MS);
    // 1970-01-01 was a Thursday (ISO 4).
    const isoWeekday = ((((epochDay + 3) % 7) + 7) % 7) + 1;
    if (!weekdays.days.has(isoWeekday)) return FAILS;
  }
  const calendar = condition.exceptCalendar;
  if (calendar !== undefined) {
    const epochDay = calendar.timeZone === condition.timeZone ? localDay : Math.floor(localMs(epochMs, calendar.timeZone) / DAY_MS);
    if (calendar.days.has(epochDay)) return FAILS;
    if (epochDay < calendar.coversFromDay || epochDay > calendar.coversToDay) return HOLDS_BUT_HOLIDAYS_UNKNOWN;
  }
  return HOLDS;
}
