import { epochDayOf, InvalidInstantError } from '@seekcost/pricing';
import { instantOfWallClock } from './zoneClock.ts';

/**
 * The instant a datetime-local input's value ('YYYY-MM-DDTHH:mm', read on `timeZone`'s clock) names,
 * as the URL's short ISO form ('2026-09-01T02:00Z'); null while the value is empty or partial.
 *
 * @example
 * ```ts
 * instantOfDateTimeLocal('2026-09-01T04:00', 'Europe/Berlin'); // '2026-09-01T02:00Z'
 * instantOfDateTimeLocal('', 'UTC'); // null
 * instantOfDateTimeLocal('2026-02-30T10:00', 'UTC'); // null
 * ```
 */
export function instantOfDateTimeLocal(value: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (match === null) return null;
  const [, date = '', hours, minutes] = match;
  // A hand-typed '2026-02-30' or '25:00' would roll over into another instant: refuse it instead
  // (epochDayOf throws for a date that does not exist or lies outside 1970-9999).
  let day: number;
  try {
    day = epochDayOf(date);
  } catch (error) {
    if (error instanceof InvalidInstantError) return null;
    throw error;
  }
  if (Number(hours) > 23 || Number(minutes) > 59) return null;
  const instant = instantOfWallClock(day, Number(hours) * 60 + Number(minutes), timeZone);
  return new Date(instant).toISOString().replace(':00.000Z', 'Z');
}
