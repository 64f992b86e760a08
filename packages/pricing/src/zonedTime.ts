import { DAY_MS, HOUR_MS, MINUTE_MS } from './rules.ts';

// epochDayOf lives in its own file (it is strict parsing, not zone arithmetic); re-exported here
// so existing imports keep working.
export { epochDayOf } from './epochDayOf.ts';

/**
 * A local wall-clock reading of an instant in a time zone, as plain integers (no Date, no strings).
 *
 * @example
 * ```ts
 * const { isoWeekday, minuteOfDay }: ZonedTime = zonedTime(Date.now(), 'Asia/Shanghai');
 * ```
 */
export interface ZonedTime {
  /** Days since 1970-01-01 of the local calendar date. */
  readonly epochDay: number;
  /** Minutes since local midnight, 0-1439 (seconds and milliseconds dropped: window edges are whole minutes). */
  readonly minuteOfDay: number;
  /** ISO weekday of the local date: 1 = Monday ... 7 = Sunday. */
  readonly isoWeekday: number;
  /** Offset of the zone from UTC at that instant, in minutes (Asia/Shanghai: 480). */
  readonly offsetMinutes: number;
}

// Offsets cached per zone per UTC hour: every real zone changes offset on a whole UTC quarter-hour at
// most a few times a year, and Intl is ~100x slower than a Map lookup on the pricing hot path.
const offsetCache = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock date, minute and weekday of an instant in an IANA time zone. Independent of the
 * host's own time zone: the only zone that matters is the one named.
 *
 * @example
 * ```ts
 * const t = zonedTime(Date.parse('2026-08-21T16:00:00Z'), 'Asia/Shanghai');
 * // Saturday in Beijing:
 * t.isoWeekday; // => 6
 * t.minuteOfDay; // => 0
 * ```
 */
export function zonedTime(epochMs: number, timeZone: string): ZonedTime {
  const offsetMinutes = timeZone === 'UTC' ? 0 : zoneOffsetMinutes(epochMs, timeZone);
  const local = epochMs + offsetMinutes * MINUTE_MS;
  const epochDay = Math.floor(local / DAY_MS);
  const minuteOfDay = Math.floor((local - epochDay * DAY_MS) / MINUTE_MS);
  // 1970-01-01 was a Thursday (ISO 4).
  const isoWeekday = ((((epochDay + 3) % 7) + 7) % 7) + 1;
  return { epochDay, minuteOfDay, isoWeekday, offsetMinutes };
}

/**
 * The UTC offset of a time zone at an instant, in minutes east of UTC.
 *
 * @example
 * ```ts
 * zoneOffsetMinutes(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Shanghai'); // => 480
 * zoneOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin'); // => 120
 * ```
 */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let perZone = offsetCache.get(timeZone);
  if (perZone === undefined) {
    perZone = new Map();
    offsetCache.set(timeZone, perZone);
  }
  const quarter = Math.floor(epochMs / (HOUR_MS / 4));
  const cached = perZone.get(quarter);
  if (cached !== undefined) return cached;
  const offset = computeOffsetMinutes(quarter * (HOUR_MS / 4), timeZone);
  if (perZone.size > 200_000) perZone.clear();
  perZone.set(quarter, offset);
  return offset;
}

/**
 * The `YYYY-MM-DD` calendar date of a day number (the inverse of {@link epochDayOf}).
 *
 * @example
 * ```ts
 * isoDateOfEpochDay(20_454); // => '2026-01-01'
 * ```
 */
export function isoDateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

function computeOffsetMinutes(epochMs: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((wall - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / MINUTE_MS);
}
