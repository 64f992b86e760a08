import { DAY_MS, MINUTE_MS } from '../rules.ts';
import { zoneOffsetMinutes } from '../zonedTime.ts';

const QUARTER_MS = 15 * MINUTE_MS;

// A zone's offsets over a UTC day are the same for every model and every ledger, and reading them
// (96 Intl lookups a day) was the largest part of building a day plan (profiled: 4% of a
// random-instant ledger run over 1M records, more than the plan search), so they are kept once per
// process. Bounded: cleared past OFFSET_CACHE_LIMIT days (a few MB), when instants span centuries.
const OFFSET_CACHE_LIMIT = 200_000;
const offsetCache = new Map<string, readonly number[]>();

/**
 * The offsets of a zone over a UTC day (epoch day number): [offset in minutes at the day's start,
 * then (instant, new offset) for each change during the day]. Read per quarter hour: every zone
 * changes offset on one.
 *
 * @example
 * ```ts
 * zoneOffsetChanges('America/New_York', Date.parse('2026-03-08T00:00:00Z') / 86_400_000); // [-300, 1772953200000, -240]
 * ```
 */
export function zoneOffsetChanges(zone: string, day: number): readonly number[] {
  const cacheKey = `${zone}|${day}`;
  const cached = offsetCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const dayStart = day * DAY_MS;
  const dayEnd = dayStart + DAY_MS;
  let offset = zoneOffsetMinutes(dayStart, zone);
  const changes = [offset];
  if (zone !== 'UTC') {
    for (let t = dayStart + QUARTER_MS; t < dayEnd; t += QUARTER_MS) {
      const next = zoneOffsetMinutes(t, zone);
      if (next !== offset) {
        changes.push(t, next);
        offset = next;
      }
    }
  }
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(cacheKey, changes);
  return changes;
}
