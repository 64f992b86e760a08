// Internal: not exported from any entry. Shared by toEpochMs and epochDayOf, so both reject the
// same impossible dates by arithmetic, never by asking Date (which rolls 2025-02-30 over to March 2
// and reads years 0-99 as 1900-1999).

/**
 * Days since 1970-01-01 of a proleptic Gregorian calendar date, or `undefined` when no such date
 * exists (month outside 1-12, day outside the month: 2025-02-30, 2026-09-31, 2100-02-29).
 *
 * @example
 * ```ts
 * civilDay(1970, 1, 1); // 0
 * civilDay(2024, 2, 29); // 19782
 * civilDay(2025, 2, 29); // undefined
 * ```
 */
export function civilDay(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Howard Hinnant's days_from_civil: eras of 400 years, March-based years so leap days fall last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
