import type { CompiledCondition, CompiledPeriod, CompiledTier } from './tariff.ts';
import { zonedTime } from './zonedTime.ts';

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
 * tierAt(period, Date.parse('2026-08-18T00:59:59.999Z')).tier.name; // 'off-peak'
 * tierAt(period, Date.parse('2026-08-18T01:00:00.000Z')).tier.name; // 'peak'
 * ```
 */
export function tierAt(period: CompiledPeriod, epochMs: number): TierMatch {
  const tiers = period.tiers;
  const last = tiers.length - 1;
  for (let i = 0; i < last; i++) {
    const tier = tiers[i] as CompiledTier;
    const result = conditionHolds(tier.condition as CompiledCondition, epochMs);
    if (result === HOLDS) return { tier, beyondHolidayList: false };
    if (result === HOLDS_BUT_HOLIDAYS_UNKNOWN) return { tier, beyondHolidayList: true };
  }
  return { tier: tiers[last] as CompiledTier, beyondHolidayList: false };
}

const FAILS = 0;
const HOLDS = 1;
const HOLDS_BUT_HOLIDAYS_UNKNOWN = 2;

function conditionHolds(condition: CompiledCondition, epochMs: number): number {
  const { minuteOfDay } = zonedTime(epochMs, condition.timeZone);
  let inWindow = false;
  for (const [start, end] of condition.windows) {
    if (start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end) {
      inWindow = true;
      break;
    }
  }
  if (!inWindow) return FAILS;
  if (condition.weekdays !== undefined) {
    const { isoWeekday } = zonedTime(epochMs, condition.weekdays.timeZone);
    if (!condition.weekdays.days.has(isoWeekday)) return FAILS;
  }
  const calendar = condition.exceptCalendar;
  if (calendar !== undefined) {
    const { epochDay } = zonedTime(epochMs, calendar.timeZone);
    if (calendar.days.has(epochDay)) return FAILS;
    if (epochDay < calendar.coversFromDay || epochDay > calendar.coversToDay) return HOLDS_BUT_HOLIDAYS_UNKNOWN;
  }
  return HOLDS;
}
