import { describeValue } from './describeValue.ts';
import { InvalidArgumentError, MeteredItemNotAvailableError, SeekcostError } from './errors.ts';
import { getBundledTariff } from './getBundledTariff.ts';
import { type ResolvedPrice, resolvePrice } from './resolvePrice.ts';
import { meteredField, meteredItemOf, resolveMeteredPrice } from './resolveMeteredPrice.ts';
import type { Confidence, Currency, MeteredItem, MeteredVia, Mode, TierName } from './schema/tariffSchema.ts';
import type { CompiledCondition, CompiledMeteredPrice, CompiledPeriod, Tariff, UnitPrices } from './tariff.ts';
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
  /**
   * Present when `meteredItems` was asked for: each item's price in force over the whole segment
   * (per its unit size); an item with no price then is left out.
   */
  readonly metered?: Readonly<Partial<Record<MeteredItem, CompiledMeteredPrice>>>;
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
  /** Also carry these metered items' prices; their period edges start new segments. */
  readonly meteredItems?: readonly string[];
  /** `tool-call` (default) or `api`, for `meteredItems`. */
  readonly meteredVia?: MeteredVia;
  /** Use a third-party figure where DeepSeek published no price in the currency (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean;
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
 *
 * // Server-side searches go from free to billed at 2026-10-31T16:00Z, a segment edge of its own:
 * const edge = tariffSegments({ model: 'deepseek-flash', from: '2026-10-31T15:00:00Z', to: '2026-10-31T17:00:00Z', currency: 'CNY', meteredItems: ['search'] });
 * edge.map((s) => `${s.from.toISOString().slice(11, 16)} ${s.metered?.search?.price.toString()}`); // => ['15:00 0', '16:00 5']
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
  if (!Number.isSafeInteger(maxSegments) || maxSegments < 1)
    throw new InvalidArgumentError('maxSegments', `must be a whole number of at least 1, got ${describeValue(maxSegments)}`);
  const segments: TariffSegment[] = [];
  let t = fromMs;
  while (t < toMs) {
    let price: ResolvedPrice;
    try {
      price = resolvePrice({ model: options.model, at: t, currency, tariff });
    } catch (error) {
      if (segments.length > 0 && error instanceof SeekcostError) break;
      throw error;
    }
    const id = tariff.ids.get(options.model);
    const route = id?.routes.find((r) => t >= r.fromMs && t < r.toMs);
    let next = Math.min(toMs, price.period.toMs, route?.toMs ?? Infinity, nextConditionBoundary(price.period, t));
    let metered: Partial<Record<MeteredItem, CompiledMeteredPrice>> | undefined;
    if (options.meteredItems !== undefined) {
      const found = meteredAt(options, tariff, currency, t);
      metered = found.prices;
      next = Math.min(next, found.nextEdge);
    }
    const previous = segments[segments.length - 1];
    if (
      previous !== undefined &&
      previous.periodId === price.period.id &&
      previous.rates === price.rates &&
      previous.to.getTime() === t &&
      sameMetered(previous.metered, metered)
    ) {
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
        ...(metered === undefined ? {} : { metered }),
      });
    }
    t = next;
  }
  return segments;
}

/** The metered prices in force at t, and the next instant any of them can change. */
function meteredAt(
  options: TariffSegmentsOptions,
  tariff: Tariff,
  currency: Currency,
  t: number,
): { prices: Partial<Record<MeteredItem, CompiledMeteredPrice>>; nextEdge: number } {
  const prices: Partial<Record<MeteredItem, CompiledMeteredPrice>> = {};
  const via = options.meteredVia ?? 'tool-call';
  let nextEdge = Infinity;
  for (const name of options.meteredItems ?? []) {
    const field = meteredField('meteredItems', name);
    const entry = meteredItemOf(tariff, name, field);
    for (const period of entry.timelines[via]) {
      for (const edge of [period.fromMs, period.toMs, ...period.discounts.flatMap((d) => [d.fromMs, d.toMs])])
        if (edge > t) nextEdge = Math.min(nextEdge, edge);
    }
    try {
      const resolved = resolveMeteredPrice({ item: name, at: t, via, currency, tariff, field, acceptSecondaryPrices: options.acceptSecondaryPrices === true });
      prices[entry.item] = resolved.price;
    } catch (error) {
      if (!(error instanceof MeteredItemNotAvailableError)) throw error;
    }
  }
  return { prices, nextEdge };
}

function sameMetered(a: TariffSegment['metered'], b: TariffSegment['metered']): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a) as MeteredItem[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
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
