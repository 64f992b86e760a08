import { InvalidInstantError } from './errors.ts';

/**
 * An instant as epoch milliseconds, from a Date, epoch milliseconds or an ISO-8601 string with a
 * zone (`Z` or an offset). Throws {@link InvalidInstantError} naming `field` for anything else:
 * an Invalid Date, NaN, a string without a zone (it would depend on the host's time zone).
 *
 * @example
 * ```ts
 * toEpochMs('2025-02-26T16:30:00Z', 'at'); // 1740587400000
 * toEpochMs(new Date(0), 'at'); // 0
 * ```
 */
export function toEpochMs(value: Date | number | string, field: string): number {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') {
    if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
      throw new InvalidInstantError(field, `'${value}' has no time zone; add Z or an offset so the instant does not depend on the host`);
    }
    ms = Date.parse(value);
  } else {
    throw new InvalidInstantError(field, `must be a Date, epoch milliseconds or an ISO-8601 string, got ${describe(value)}`);
  }
  if (!Number.isFinite(ms)) throw new InvalidInstantError(field, `is not a valid instant (${describe(value)})`);
  return ms;
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'Invalid Date';
  if (typeof value === 'string') return `'${value}'`;
  return typeof value === 'number' ? String(value) : typeof value;
}
