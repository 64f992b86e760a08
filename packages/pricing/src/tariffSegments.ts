import { describeValue } from './describeValue.ts';
import { InvalidArgumentError, SeekcostError } from './errors.ts';
import { getBundledTariff } from './getBundledTariff.ts';
import { resolvePrice } from './resolvePrice.ts';
import type { Confidence, Currency, Mode, TierName } from './schema/tariffSchema.ts';
import type { CompiledCondition, CompiledPeriod, Tariff, UnitPrices } from './tariff.ts';
import { toEpochMs } from './toEpochMs.ts';
import { zonedTime, zoneOffsetMinutes } from './zonedTime.ts';
import { DAY_MINUTES, HOUR_MS, MINUTE_MS } from './rules.ts';

/**
 * A stretch of time over which a model's unit prices do not change.
 *
 * @example
 * ```ts
 * const cheapest: TariffSegment | undefined = tariffSegments({ model: 'deepseek-v4-pro', from, to }).sort((a, b) => a.rates.output.comparedTo(b.rates.output))[0];
 * ```
 */
export interface TariffSegment {
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  readonly model: string;
  readonly mode: Mode | null;
  readonly periodId: string;
  readonly tier: TierName;
  readonly currency: Currency;
  /** Per 1M tokens. */
  readonly rates: UnitPrices;
  readonly confidence: Confidence;
}

/**
 * Arguments of {@link tariffSegments}.
 *
 * @example
 * ```ts
 * const options: TariffSegmentsOptions = { model: 'deepseek-v4-flash', from: '2026-10-12T00:00:00Z', to: '2026-10-19T00:00:00Z', currency: 'CNY' };
 * ```
 */
export interface TariffSegmentsOptions {
  readonly model: string;
  readonly from: Date | number | string;
  readonly to: Date | number | string;
  readonly currency?: Currency;
  readonly tariff?: Tariff;
  /** Refuse ranges that would produce more segments than this (default 100,000). */
  readonly maxSegments?: number;
}


/**
 * The tariff of a model between two instants as constant-price segments, in order: each period
 * change, window edge, weekday change and holiday boundary starts a new segment. Shows when a
 * workload is cheapest. The list ends early (its last `to` before the requested `to`) where the model
 * is retired or no longer priced; a `from` where it has no price throws the same typed error as
 * {@link priceRequest}.
 *
 * @example
 * ```ts
 * const day = tariffSegments({ model: 'deepseek-v4-pro', from: '2026-09-01T00:00:00Z', to: '2026-09-02T00:00:00Z' });
 * day.map((s) => `${s.from.toISOString().slice(11, 16)} ${s.tier}`);
 * // ['00:00 off-peak', '01:00 peak', '04:00 off-peak', '06:00 peak', '10:00 off-peak']
 * ```
 */
export function tariffSegments(options: TariffSegmentsOptions): TariffSegment[] {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', `must be an object, got ${describeValue(options)}`);
  const tariff = options.tariff ?? getBundledTariff();
  const currency = options.currency ?? 'USD';
  if (currency !== 'USD' && currency !== 'CNY') throw new InvalidArgumentError('currency', `must be 'USD' or 'CNY', got ${describeValue(currency)}`);
  if (typeof options.model !== 'string') throw new InvalidArgumentError('model', `must be a string, got ${describeValue(options.model)}`);
  const fromMs = toEpochMs(options.from, 'from');
  const toMs = toEpochMs(options.to, 'to');
  if (!(toMs > fromMs)) throw new InvalidArgumentError('to', 'must be after from');
  const maxSegments = options.maxSegments ?? 100_000;
  if (!Number.isSafeInteger(maxSegments) || maxSegments < 1) throw new InvalidArgumentError('maxSegments', `must be a whole number of at least 1, got ${describeValue(maxSegments)}`);
  const segments: TariffSegment[] = [];
  let t = fromMs;
  while (t < toMs) {
    let price;
    try {
      price = resolvePrice({ model: options.model, at: t, currency, tariff });
    } catch (error) {
      if (segments.length > 0 && error instanceof SeekcostError) break;
      throw error;
    }
    const id = tariff.ids.get(options.model);
    const route = id?.routes.find((r) => t >= r.fromMs && t < r.toMs);
    const next = Math.min(toMs, price.period.toMs, route?.toMs ?? Infinity, nextConditionBoundary(price.period, t));
    const previous = segments[segments.length - 1];
    if (previous !== undefined && previous.periodId === price.period.id && previous.rates === price.rates && previous.to.getTime() === t) {
      segments[segments.length - 1] = { ...previous, to: new Date(next) };
    } else {
      if (segments.length >= maxSegments) throw new InvalidArgumentError('to', `the range holds more than ${maxSegments} segments; ask for a shorter range`);
      segments.push({
        from: new Date(t),
        to: new Date(next),
        model: price.provenance.model,
        mode: price.provenance.mode,
        periodId: price.period.id,
        tier: price.provenance.tier,
        currency,
        rates: price.rates,
        confidence: price.provenance.confidence,
      });
    }
    t = next;
  }
  return segments;
}

/** The first instant after t at which any tier condition of the period could change its answer. */
function nextConditionBoundary(period: CompiledPeriod, t: number): number {
  let next = Infinity;
  for (const tier of period.tiers) {
    const condition = tier.condition;
    if (condition === undefined) continue;
    next = Math.min(next, nextWindowEdge(condition, t));
    if (condition.weekdays !== undefined) next = Math.min(next, nextLocalMidnight(condition.weekdays.timeZone, t));
    if (condition.exceptCalendar !== undefined) next = Math.min(next, nextLocalMidnight(condition.exceptCalendar.timeZone, t));
  }
  return next;
}

function nextWindowEdge(condition: CompiledCondition, t: number): number {
  const { minuteOfDay } = zonedTime(t, condition.timeZone);
  let delta = Infinity;
  for (const [start, end] of condition.windows) {
    for (const edge of [start, end]) {
      const d = edge > minuteOfDay ? edge - minuteOfDay : edge - minuteOfDay + DAY_MINUTES;
      delta = Math.min(delta, d);
    }
  }
  return capAtOffsetChange(condition.timeZone, t, startOfMinute(t) + delta * MINUTE_MS);
}

function nextLocalMidnight(timeZone: string, t: number): number {
  const { minuteOfDay } = zonedTime(t, timeZone);
  return capAtOffsetChange(timeZone, t, startOfMinute(t) + (DAY_MINUTES - minuteOfDay) * MINUTE_MS);
}

// Edges are computed with the offset in force at t; where a zone changes offset (daylight saving)
// within two days, step hour by hour instead so no edge is misplaced.
function capAtOffsetChange(timeZone: string, t: number, candidate: number): number {
  if (timeZone === 'UTC' || zoneOffsetMinutes(t, timeZone) === zoneOffsetMinutes(t + 48 * HOUR_MS, timeZone)) return candidate;
  return Math.min(candidate, (Math.floor(t / HOUR_MS) + 1) * HOUR_MS);
}

function startOfMinute(t: number): number {
  return t - (((t % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
}
