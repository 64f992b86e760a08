import { civilDay } from './civilDay.ts';
import { describeValue } from './describeValue.ts';
import { InvalidInstantError } from './errors.ts';
import { MAX_EPOCH_DAY, MIN_EPOCH_DAY } from './rules.ts';

/**
 * Days since 1970-01-01 of a plain calendar date written `YYYY-MM-DD`, with the same strictness as
 * {@link toEpochMs}: the date must exist (2026-02-30 is refused, not rolled over to March 2) and lie
 * from 1970-01-01 to 9999-12-31 (so `0024-01-01` is refused, where `Date` would read 1924).
 * Anything else throws {@link InvalidInstantError} naming `field`.
 *
 * @example
 * ```ts
 * import { epochDayOf, InvalidInstantError } from '@seekcost/pricing';
 * epochDayOf('1970-01-02'); // => 1
 * epochDayOf('2026-10-01'); // => 20727
 * expect(() => epochDayOf('2026-02-30', 'holidays.dates.2.from')).toThrow(InvalidInstantError);
 * ```
 */
export function epochDayOf(isoDate: string, field = 'date'): number {
  if (typeof isoDate !== 'string') throw new InvalidInstantError(field, `must be a date like 2026-10-01, got ${describeValue(isoDate)}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m === null) throw new InvalidInstantError(field, `${describeValue(isoDate)} is not a date like 2026-10-01`);
  const day = civilDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === undefined) throw new InvalidInstantError(field, `${describeValue(isoDate)} names a date that does not exist`);
  if (day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY)
    throw new InvalidInstantError(field, `${describeValue(isoDate)} is out of range: dates run from 1970-01-01 to 9999-12-31`);
  return day;
}
