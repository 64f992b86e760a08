import { isoDateOfEpochDay, zonedTime, zoneOffsetMinutes } from '@seekcost/pricing';
import type { ZoneChoice } from '../state/calculatorState.ts';
import { DAY_MS, MINUTE_MS } from './timeUnits.ts';

/**
 * Beijing time: the zone DeepSeek's discount and peak windows are published in.
 *
 * @example
 * ```ts
 * formatInZone(Date.parse('2025-03-01T12:00:00Z'), BEIJING_ZONE); // '2025-03-01 20:00'
 * ```
 */
export const BEIJING_ZONE = 'Asia/Shanghai';

/**
 * The IANA zone behind a zone choice ("local" is the browser's own zone).
 *
 * @example
 * ```ts
 * zoneIdOf('beijing'); // 'Asia/Shanghai'
 * zoneIdOf('utc'); // 'UTC'
 * ```
 */
export function zoneIdOf(choice: ZoneChoice): string {
  if (choice === 'utc') return 'UTC';
  if (choice === 'beijing') return BEIJING_ZONE;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * An instant as 'YYYY-MM-DD HH:mm' on the wall clock of a zone, independent of the host's zone and
 * locale (computed from the zone offset, not from locale-formatted text).
 *
 * @example
 * ```ts
 * formatInZone(Date.parse('2025-03-01T12:00:00Z'), 'Asia/Shanghai'); // '2025-03-01 20:00'
 * ```
 */
export function formatInZone(epochMs: number, timeZone: string): string {
  const { epochDay, minuteOfDay } = zonedTime(epochMs, timeZone);
  return `${isoDateOfEpochDay(epochDay)} ${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/**
 * The instant at which a zone's wall clock reads a given day and minute (the first such instant
 * when a daylight-saving change repeats it; the next valid minute when it skips it).
 *
 * @example
 * ```ts
 * new Date(instantOfWallClock(20148, 8 * 60, 'Asia/Shanghai')).toISOString(); // '2025-03-01T00:00:00.000Z'
 * ```
 */
export function instantOfWallClock(epochDay: number, minuteOfDay: number, timeZone: string): number {
  const wall = epochDay * DAY_MS + minuteOfDay * MINUTE_MS;
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * MINUTE_MS;
  // A second pass corrects the guess when the offset differs between the wall time read as UTC and the answer.
  guess = wall - zoneOffsetMinutes(guess, timeZone) * MINUTE_MS;
  return guess;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
