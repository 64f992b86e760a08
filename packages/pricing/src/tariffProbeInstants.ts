import type { Tariff } from './tariff.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, UNCERTAIN_CUTOVER_MS } from './rules.ts';
import { zoneOffsetMinutes } from './zonedTime.ts';

/**
 * The safety-net grid's step: the edges above already find every difference; this catches an edge
 * the enumeration would miss, at a quarter of the cost of an hourly grid.
 */
const REGULAR_GRID_MS = 4 * HOUR_MS;

/**
 * The instants at which two tariffs are compared by {@link diffTariffs}, sorted and distinct: every
 * instant at which either tariff's answer can change, each with its neighbours 1 ms either side, plus
 * a 4-hourly grid as a safety net. A quote is constant between two consecutive edges of its own
 * tariff, so probing the union of both tariffs' edges sees every difference between them:
 *
 * - period starts and ends, route starts and ends, retirements, the start of the history;
 * - the edges of each uncertain cutover's 24-hour warning band;
 * - on every day of both tariffs' range and of every holiday calendar's range (a week of margin
 *   either side), the start and end minute of every tier window in its time zone, and local
 *   midnight in every weekday and holiday-calendar time zone (so every holiday and make-up day is
 *   entered and left), in the zones of both tariffs.
 *
 * @example
 * ```ts
 * const tariff = getBundledTariff();
 * const probes = tariffProbeInstants(tariff, tariff);
 * probes.includes(Date.parse('2026-09-10T04:00:00Z') - 1); // true: the last millisecond before a period edge
 * ```
 */
export function tariffProbeInstants(before: Tariff, after: Tariff): number[] {
  const instants = new Set<number>();
  const edges: number[] = [];
  const windowEdges = new Set<string>();
  let firstDay = Infinity;
  let lastDay = -Infinity;
  const spanDays = (fromMs: number, toMs: number) => {
    firstDay = Math.min(firstDay, Math.floor(fromMs / DAY_MS));
    if (Number.isFinite(toMs)) lastDay = Math.max(lastDay, Math.floor(toMs / DAY_MS));
    lastDay = Math.max(lastDay, Math.floor(fromMs / DAY_MS));
  };
  for (const tariff of [before, after]) {
    edges.push(tariff.historyStartMs);
    for (const model of tariff.models.values()) {
      for (const period of model.periods) {
        edges.push(period.fromMs, period.toMs, period.fromMs - UNCERTAIN_CUTOVER_MS, period.fromMs + UNCERTAIN_CUTOVER_MS);
        spanDays(period.fromMs, period.toMs);
        for (const tier of period.tiers) {
          const condition = tier.condition;
          if (condition === undefined) continue;
          for (const [start, end] of condition.windows) windowEdges.add(`${start} ${condition.timeZone}`).add(`${end} ${condition.timeZone}`);
          if (condition.weekdays !== undefined) windowEdges.add(`0 ${condition.weekdays.timeZone}`);
          if (condition.exceptCalendar !== undefined) windowEdges.add(`0 ${condition.exceptCalendar.timeZone}`);
        }
      }
    }
    for (const id of tariff.ids.values()) {
      for (const route of id.routes) edges.push(route.fromMs, route.toMs);
      if (id.retiredAtMs !== undefined) edges.push(id.retiredAtMs);
    }
    for (const calendar of tariff.calendars.values()) {
      firstDay = Math.min(firstDay, calendar.coversFromDay);
      lastDay = Math.max(lastDay, calendar.coversToDay + 1);
      windowEdges.add(`0 ${calendar.timeZone}`);
    }
  }
  for (const edge of edges) {
    if (!Number.isFinite(edge)) continue;
    instants
      .add(edge - 1)
      .add(edge)
      .add(edge + 1);
  }
  // A week past the last edge, so an open period's weekday and holiday rules are seen on every weekday.
  firstDay -= 7;
  lastDay += 7;
  for (let t = firstDay * DAY_MS; t <= lastDay * DAY_MS; t += REGULAR_GRID_MS) instants.add(t);
  const zonedEdges = [...windowEdges].map((key) => {
    const [minute = '0', timeZone = 'UTC'] = key.split(' ');
    return { minute: Number(minute), timeZone };
  });
  for (let day = firstDay; day <= lastDay; day++) {
    for (const { minute, timeZone } of zonedEdges) {
      for (const edge of utcInstantsOfLocal(day * DAY_MS + minute * MINUTE_MS, timeZone))
        instants
          .add(edge - 1)
          .add(edge)
          .add(edge + 1);
    }
  }
  return [...instants].sort((a, b) => a - b);
}

/**
 * The UTC instants whose wall-clock time in the zone is `localMs`: one normally, two where clocks
 * go back, and for a skipped wall time (clocks go forward) the instant the skip happens, where a
 * window starting inside the gap begins.
 */
function utcInstantsOfLocal(localMs: number, timeZone: string): number[] {
  if (timeZone === 'UTC') return [localMs];
  const guess = localMs - zoneOffsetMinutes(localMs, timeZone) * MINUTE_MS;
  const reads = (utc: number) => utc + zoneOffsetMinutes(utc, timeZone) * MINUTE_MS === localMs;
  // Same offset a day either side: no clock change near, the guess is the one answer.
  if (reads(guess) && zoneOffsetMinutes(localMs - DAY_MS, timeZone) === zoneOffsetMinutes(localMs + DAY_MS, timeZone)) return [guess];
  // Every offset in force within a day of the wall time is a candidate; keep those that read back.
  const found = new Set<number>();
  for (const probe of [localMs - DAY_MS, localMs, localMs + DAY_MS]) {
    const utc = localMs - zoneOffsetMinutes(probe, timeZone) * MINUTE_MS;
    if (reads(utc)) found.add(utc);
  }
  if (found.size === 0) found.add(localMs - zoneOffsetMinutes(localMs - DAY_MS, timeZone) * MINUTE_MS);
  return [...found];
}
