import { civilDay } from './civilDay.ts';
import { describeValue } from './describeValue.ts';
import { InvalidInstantError } from './errors.ts';
import { DAY_MS, HOUR_MS, MAX_INSTANT_MS, MIN_INSTANT_MS, MINUTE_MS } from './rules.ts';

// The one instant parser: library options, CLI flags, ledger records and price data all come
// through here, so an instant means the same thing everywhere and nothing rolls over silently.
// Components are checked by arithmetic (civilDay), never by Date.parse, which accepts '2025 3 1 Z',
// turns 2025-02-30 into March 2 and reads year 0024 as 1924.

// date, 'T' (or 't' or one space, as RFC 3339 allows), hh:mm, optional :ss and fraction, zone.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * An instant as epoch milliseconds, checked strictly. Accepts, and nothing else:
 *
 * - a valid `Date`;
 * - epoch milliseconds: a whole number;
 * - an ISO-8601 string with a zone, `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±hh:mm`
 *   (precision: minutes, seconds, or a fraction of 1 to 9 digits; digits past the millisecond are
 *   dropped, which keeps the instant inside the millisecond it falls in). `t`, `z` and a single
 *   space for `T` are read as RFC 3339 allows. No week dates, ordinal dates, basic format, hour 24
 *   or leap second 60.
 *
 * Every date must exist (2025-02-30 and 2026-09-31 are refused, not rolled over), and the instant
 * must lie from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z inclusive (epoch ms 0 to
 * 253402300799999), so `new Date(result)` is always a valid Date whose ISO form reads back to
 * the same number. Anything else throws {@link InvalidInstantError} naming `field` and the reason.
 *
 * @example
 * ```ts
 * import { toEpochMs, InvalidInstantError } from '@seekcost/pricing';
 * toEpochMs('2025-02-26T16:30:00Z', 'at'); // => 1740587400000
 * toEpochMs('2025-02-27T00:30+08:00', 'at'); // => 1740587400000
 * toEpochMs(new Date(0), 'at'); // => 0
 * expect(() => toEpochMs('2025-02-30T12:00:00Z', 'at')).toThrow(InvalidInstantError);
 * expect(() => toEpochMs(1e16, 'at')).toThrow('at: 10000000000000000 is out of range');
 * ```
 */
export function toEpochMs(value: Date | number | string, field: string): number {
  if (typeof value === 'number') return checkRange(value, field, value);
  if (typeof value === 'string') return parseIso(value, field);
  if (value instanceof Date) {
    let ms: number;
    try {
      ms = Date.prototype.getTime.call(value);
    } catch {
      // An object that inherits from Date.prototype without being a Date.
      throw new InvalidInstantError(field, 'is not a real Date');
    }
    if (Number.isNaN(ms)) throw new InvalidInstantError(field, 'is an Invalid Date');
    return checkRange(ms, field, value);
  }
  throw new InvalidInstantError(field, `must be a Date, epoch milliseconds or an ISO-8601 string with a zone, got ${describeValue(value)}`);
}

function checkRange(ms: number, field: string, original: unknown): number {
  if (!Number.isFinite(ms)) throw new InvalidInstantError(field, `must be a finite number of epoch milliseconds, got ${describeValue(original)}`);
  if (!Number.isInteger(ms)) throw new InvalidInstantError(field, `must be a whole number of epoch milliseconds, got ${describeValue(original)}`);
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
    throw new InvalidInstantError(field, `${describeValue(original)} is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z`);
  }
  // -0 is a valid number of milliseconds; hand back +0 so it prints as 0.
  return ms + 0;
}

function parseIso(text: string, field: string): number {
  const m = ISO_INSTANT.exec(text);
  if (m === null) {
    const hint = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? ' (it has no time zone: add Z or an offset so the instant does not depend on the host)'
      : '';
    throw new InvalidInstantError(field, `${describeValue(text)} is not an ISO-8601 instant like 2025-03-01T12:00:00Z${hint}`);
  }
  const [, y, mo, d, h, mi, s, fraction, sign, oh, om] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
    string | undefined,
    string | undefined,
    string | undefined,
  ];
  const day = civilDay(Number(y), Number(mo), Number(d));
  if (day === undefined) throw new InvalidInstantError(field, `${describeValue(text)} names a date that does not exist (${y}-${mo}-${d})`);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59)
    throw new InvalidInstantError(field, `${describeValue(text)} has a time of day that does not exist (${h}:${mi}${s === undefined ? '' : `:${s}`})`);
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const offsetHours = Number(oh);
    const offsetMins = Number(om);
    if (offsetHours > 23 || offsetMins > 59) throw new InvalidInstantError(field, `${describeValue(text)} has an impossible UTC offset (${sign}${oh}:${om})`);
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const ms = day * DAY_MS + hour * HOUR_MS + (minute - offsetMinutes) * MINUTE_MS + second * 1000 + millis;
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
    throw new InvalidInstantError(field, `${describeValue(text)} is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z`);
  }
  return ms;
}
