import { isoDateOfEpochDay, zonedTime } from '@seekcost/pricing';

/**
 * The value an `<input type="datetime-local">` shows for an instant in a zone: 'YYYY-MM-DDTHH:mm'.
 *
 * @example
 * ```ts
 * toDateTimeLocal(Date.parse('2025-03-01T12:00:00Z'), 'UTC'); // '2025-03-01T12:00'
 * ```
 */
export function toDateTimeLocal(epochMs: number, timeZone: string): string {
  const { epochDay, minuteOfDay } = zonedTime(epochMs, timeZone);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${isoDateOfEpochDay(epochDay)}T${hh}:${mm}`;
}
