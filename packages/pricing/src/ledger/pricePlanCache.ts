import { SeekcostError } from '../errors.ts';
import { resolvePrice } from '../resolvePrice.ts';
import { DAY_MINUTES, DAY_MS, MINUTE_MS, UNCERTAIN_CUTOVER_MS } from '../rules.ts';
import type { Confidence, Currency, Mode, TierName } from '../schema/tariffSchema.ts';
import type { CompiledRates, Tariff } from '../tariff.ts';
import { zonedTime } from '../zonedTime.ts';
import { issueCodeOf } from './issueCodeOf.ts';
import type { Bucket } from './ledgerBuckets.ts';
import type { LedgerIssueCode } from './types.ts';
import { zoneOffsetChanges } from './zoneOffsetChanges.ts';

// Day plans are cached direct-mapped by UTC day number: 1024 days cover any 2.8-year span.
const DAY_CACHE_SIZE = 1024;
const DAY_CACHE_MASK = DAY_CACHE_SIZE - 1;
// Intervals per cached day to start with (a plain day has a handful; the width doubles for days
// with more, e.g. every day when grouping by hour).
const INITIAL_PLAN_WIDTH = 8;

/** How a ledger groups by time: the key each slot carries is a local hour, a local day, or 0. */
export type TimeGrouping = 'hour' | 'day' | 'none';

/**
 * One resolved unit price (a period's tier in a currency, with its confidence and warnings), shared
 * by every interval it is in force. `id` names all of it, so equal ids mean equal prices.
 *
 * @example
 * ```ts
 * const entry: PriceEntry | undefined = cache.seek(state, cursor, atMs).entry;
 * entry?.outputUnits; // 3960000 for deepseek-v4-pro peak USD at scale 6
 * ```
 */
export interface PriceEntry {
  readonly id: string;
  readonly resolvedModel: string;
  readonly mode: Mode | null;
  readonly periodId: string;
  readonly tier: TierName;
  readonly currency: Currency;
  readonly rates: CompiledRates;
  readonly hitUnits: number;
  readonly missUnits: number;
  readonly outputUnits: number;
  readonly confidence: Confidence;
  readonly warningCodes: readonly string[];
}

/**
 * What one stretch of time of one model id prices as (or why it has no price), and which group
 * (time key) it falls in. The ledger hangs the bucket(s) it fills on the slot, so a repeat lookup
 * finds them without building a key.
 *
 * @example
 * ```ts
 * const slot: Slot = cache.seek(state, cursor, atMs);
 * slot.entry === undefined ? slot.errorCode : slot.entry.tier;
 * ```
 */
export interface Slot {
  readonly entry: PriceEntry | undefined;
  readonly errorCode: LedgerIssueCode | undefined;
  readonly timeKey: number;
  bucket: Bucket | undefined;
  byKey: Map<string, Bucket> | undefined;
}

/**
 * Where the last lookup landed: most records fall in the same interval as the one before.
 *
 * @example
 * ```ts
 * const cursor: Cursor = { from: 0, to: 0, slot: undefined };
 * ```
 */
export interface Cursor {
  from: number;
  to: number;
  slot: Slot | undefined;
}

/**
 * The price plans of one model id.
 *
 * @example
 * ```ts
 * const state: ModelState | undefined = cache.modelState('deepseek-chat');
 * ```
 */
export interface ModelState {
  readonly model: string;
  /** Instants where a period, route, retirement or cutover warning starts or ends. */
  readonly breakpoints: readonly number[];
  /** Per time zone, the local minutes of the day at which a tier condition or a group can change. */
  readonly zoneEdges: ReadonlyMap<string, readonly number[]>;
  /** Which UTC day each entry of the direct-mapped day cache holds (NaN: none). */
  readonly days: Float64Array;
  /**
   * The cached days' plans, flat: each UTC day cut into intervals over which nothing that matters
   * changes (not the price, its warnings, nor the local day or hour the ledger groups by). Cache
   * entry i holds `width` pairs (interval start, slot number) at [2 * width * i, ...); unused pairs
   * start at the day's end, so a search never lands on them. A lookup reads one or two adjacent
   * cache lines of this array instead of chasing a plan object, its two arrays and their backing
   * stores (on random-instant input that cut the lookups' cache misses enough for +26% without
   * de-duplication; see docs/benchmarks.md).
   */
  plans: Float64Array;
  width: number;
  readonly interned: Map<string, number>;
  /** The slots the plans name, by number. */
  readonly slots: Slot[];
  /** The cursors of the ledger's two lookups per record (the record's instant, and the other basis). */
  readonly main: Cursor;
  readonly alternative: Cursor;
}

/**
 * What a price entry is made of, as a snapshot states it: checked against the price data by
 * {@link PricePlanCache.entryFor}.
 *
 * @example
 * ```ts
 * const spec: PriceEntrySpec = { resolvedModel: 'deepseek-v4-pro', mode: null, periodId: 'deepseek-v4-pro/2026-08-22', tier: 'peak', currency: 'USD', confidence: 'official', warningCodes: [], units: { cacheHit: 44000, cacheMiss: 1320000, output: 3960000 } };
 * ```
 */
export interface PriceEntrySpec {
  readonly resolvedModel: string;
  readonly mode: Mode | null;
  readonly periodId: string;
  readonly tier: TierName;
  readonly currency: Currency;
  readonly confidence: Confidence;
  readonly warningCodes: readonly string[];
  readonly units: { readonly cacheHit: number; readonly cacheMiss: number; readonly output: number };
}

/**
 * The ledger's price lookup: per model id, a direct-mapped cache of UTC-day plans, each day cut
 * wherever a price, its warnings or the ledger's time group can change, each piece resolved once
 * with {@link resolvePrice}. `seek` answers what resolvePrice would for any instant (tested against
 * it), at the cost of a binary search over a handful of numbers.
 *
 * @example
 * ```ts
 * const cache = new PricePlanCache(getBundledTariff(), 'USD', 'UTC', 'none');
 * const state = cache.modelState('deepseek-v4-pro');
 * const slot = state && cache.seek(state, state.main, Date.parse('2026-09-01T02:00:00Z'));
 * slot?.entry?.tier; // 'peak'
 * ```
 */
export class PricePlanCache {
  readonly tariff: Tariff;
  readonly currency: Currency;
  readonly timeZone: string;
  readonly timeGrouping: TimeGrouping;
  readonly #states = new Map<string, ModelState>();
  readonly #entries = new Map<string, PriceEntry>();

  constructor(tariff: Tariff, currency: Currency, timeZone: string, timeGrouping: TimeGrouping) {
    this.tariff = tariff;
    this.currency = currency;
    this.timeZone = timeZone;
    this.timeGrouping = timeGrouping;
  }

  /** The plans of a model id, made on first use; undefined for an id the price data does not know. */
  modelState(model: string): ModelState | undefined {
    return this.#states.get(model) ?? this.#newState(model);
  }

  /** Finds the interval holding atMs in its day's plan (building the plan on first use) and moves the cursor there. */
  seek(state: ModelState, cursor: Cursor, atMs: number): Slot {
    const day = Math.floor(atMs / DAY_MS);
    const index = day & DAY_CACHE_MASK;
    if (state.days[index] !== day) this.#plan(state, day, index);
    const plans = state.plans;
    const width = state.width;
    const base = 2 * width * index;
    // Pairs past the day's intervals start at the day's end, beyond any atMs of this day.
    let low = 0;
    let high = width - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((plans[base + 2 * middle] as number) <= atMs) low = middle;
      else high = middle - 1;
    }
    const slot = state.slots[(plans[base + 2 * low + 1] as number) | 0] as Slot;
    cursor.from = plans[base + 2 * low] as number;
    cursor.to = low + 1 < width ? (plans[base + 2 * (low + 1)] as number) : (day + 1) * DAY_MS;
    cursor.slot = slot;
    return slot;
  }

  /**
   * The price entry a snapshot's bucket names, rebuilt from this cache's own price data, or
   * undefined when the price data has no such tier or prices it differently.
   */
  entryFor(spec: PriceEntrySpec): PriceEntry | undefined {
    const id = entryId(spec.resolvedModel, spec.mode, spec.periodId, spec.tier, spec.currency, spec.confidence, spec.warningCodes);
    const known = this.#entries.get(id);
    const rates =
      known?.rates ??
      this.tariff.models
        .get(spec.resolvedModel)
        ?.periods.find((p) => p.id === spec.periodId)
        ?.tiers.find((t) => t.name === spec.tier)?.prices[spec.currency];
    if (
      rates === undefined ||
      rates.units.cacheHit !== spec.units.cacheHit ||
      rates.units.cacheMiss !== spec.units.cacheMiss ||
      rates.units.output !== spec.units.output
    )
      return undefined;
    return (
      known ??
      this.#intern({
        id,
        resolvedModel: spec.resolvedModel,
        mode: spec.mode,
        periodId: spec.periodId,
        tier: spec.tier,
        currency: spec.currency,
        rates,
        hitUnits: rates.units.cacheHit,
        missUnits: rates.units.cacheMiss,
        outputUnits: rates.units.output,
        confidence: spec.confidence,
        warningCodes: Object.freeze([...spec.warningCodes]),
      })
    );
  }

  /** The group key of an instant: its local day or hour (as days or hours since the epoch), or 0. */
  timeKey(atMs: number): number {
    if (this.timeGrouping === 'none') return 0;
    const local = zonedTime(atMs, this.timeZone);
    return this.timeGrouping === 'day' ? local.epochDay : local.epochDay * 24 + Math.floor(local.minuteOfDay / 60);
  }

  #newState(model: string): ModelState | undefined {
    // Unknown ids get no state (each would cost a cache): they are excluded by name, every time.
    const id = this.tariff.ids.get(model);
    if (id === undefined) return undefined;
    const breakpoints = new Set<number>();
    const zoneEdges = new Map<string, Set<number>>();
    const addEdges = (zone: string, minutes: readonly number[]) => {
      const set = zoneEdges.get(zone) ?? new Set<number>();
      for (const minute of minutes) set.add(minute);
      zoneEdges.set(zone, set);
    };
    if (id.retiredAtMs !== undefined) breakpoints.add(id.retiredAtMs);
    for (const route of id.routes) {
      breakpoints.add(route.fromMs);
      breakpoints.add(route.toMs);
      for (const period of route.model.periods) {
        for (const edge of [period.fromMs, period.toMs, period.fromMs + UNCERTAIN_CUTOVER_MS, period.fromMs - UNCERTAIN_CUTOVER_MS]) breakpoints.add(edge);
        for (const tier of period.tiers) {
          const condition = tier.condition;
          if (condition === undefined) continue;
          addEdges(condition.timeZone, condition.windows.flat());
          if (condition.weekdays !== undefined) addEdges(condition.weekdays.timeZone, [0]);
          if (condition.exceptCalendar !== undefined) addEdges(condition.exceptCalendar.timeZone, [0]);
        }
      }
    }
    if (this.timeGrouping === 'day') addEdges(this.timeZone, [0]);
    if (this.timeGrouping === 'hour')
      addEdges(
        this.timeZone,
        Array.from({ length: 24 }, (_, h) => h * 60),
      );
    const state: ModelState = {
      model,
      breakpoints: [...breakpoints].filter(Number.isFinite).sort((a, b) => a - b),
      zoneEdges: new Map([...zoneEdges].map(([zone, minutes]) => [zone, [...minutes]])),
      days: new Float64Array(DAY_CACHE_SIZE).fill(Number.NaN),
      plans: new Float64Array(DAY_CACHE_SIZE * 2 * INITIAL_PLAN_WIDTH),
      width: INITIAL_PLAN_WIDTH,
      interned: new Map(),
      slots: [],
      main: { from: 0, to: 0, slot: undefined },
      alternative: { from: 0, to: 0, slot: undefined },
    };
    this.#states.set(model, state);
    return state;
  }

  // Cuts a UTC day at every instant where the price, its warnings or the group could change, then
  // resolves each piece once. Offsets are read per quarter hour (every zone changes offset on one),
  // so a daylight-saving day is cut at the change and at the edges under both offsets.
  #plan(state: ModelState, day: number, index: number): void {
    const dayStart = day * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    const points = new Set<number>([dayStart]);
    for (const point of state.breakpoints) if (point > dayStart && point < dayEnd) points.add(point);
    for (const [zone, minutes] of state.zoneEdges) {
      const changes = zoneOffsetChanges(zone, day);
      const offsets = new Set<number>([changes[0] as number]);
      for (let i = 1; i < changes.length; i += 2) {
        points.add(changes[i] as number);
        offsets.add(changes[i + 1] as number);
      }
      for (const o of offsets) {
        for (const minute of minutes) points.add(dayStart + ((((minute - o) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES) * MINUTE_MS);
      }
    }
    const starts = [...points].sort((a, b) => a - b);
    // Resolved before the cache entry is touched, so an unexpected error leaves it as it was.
    const slots = starts.map((start) => this.#resolveSlot(state, start));
    if (starts.length > state.width) widenPlans(state, starts.length);
    const width = state.width;
    const plans = state.plans;
    const base = 2 * width * index;
    for (let i = 0; i < width; i++) {
      plans[base + 2 * i] = starts[i] ?? dayEnd;
      plans[base + 2 * i + 1] = slots[i] ?? 0;
    }
    state.days[index] = day;
  }

  #resolveSlot(state: ModelState, atMs: number): number {
    let entry: PriceEntry | undefined;
    let errorCode: LedgerIssueCode | undefined;
    try {
      const resolved = resolvePrice({ model: state.model, at: atMs, currency: this.currency, tariff: this.tariff });
      const p = resolved.provenance;
      const warningCodes = resolved.warnings.map((w) => w.code).sort();
      const id = entryId(p.model, p.mode, p.periodId, p.tier, p.currency, p.confidence, warningCodes);
      entry =
        this.#entries.get(id) ??
        this.#intern({
          id,
          resolvedModel: p.model,
          mode: p.mode,
          periodId: p.periodId,
          tier: p.tier,
          currency: p.currency,
          rates: resolved.rates,
          hitUnits: resolved.rates.units.cacheHit,
          missUnits: resolved.rates.units.cacheMiss,
          outputUnits: resolved.rates.units.output,
          confidence: p.confidence,
          warningCodes: Object.freeze(warningCodes),
        });
    } catch (error) {
      if (!(error instanceof SeekcostError)) throw error;
      errorCode = issueCodeOf(error);
    }
    const timeKey = entry === undefined ? 0 : this.timeKey(atMs);
    const slotId = entry === undefined ? `!${errorCode}` : `${entry.id}#${timeKey}`;
    let slot = state.interned.get(slotId);
    if (slot === undefined) {
      slot = state.slots.length;
      state.slots.push({ entry, errorCode, timeKey, bucket: undefined, byKey: undefined });
      state.interned.set(slotId, slot);
    }
    return slot;
  }

  #intern(entry: PriceEntry): PriceEntry {
    this.#entries.set(entry.id, entry);
    return entry;
  }
}

function entryId(
  resolvedModel: string,
  mode: Mode | null,
  periodId: string,
  tier: TierName,
  currency: Currency,
  confidence: Confidence,
  warningCodes: readonly string[],
): string {
  return `${resolvedModel}|${mode ?? ''}|${periodId}|${tier}|${currency}|${confidence}|${warningCodes.join(',')}`;
}

// A day with more intervals than a cache entry holds (hour grouping, daylight-saving days) widens
// every entry of this model's cache, keeping the plans already made.
function widenPlans(state: ModelState, needed: number): void {
  let width = state.width;
  while (width < needed) width *= 2;
  const old = state.plans;
  const oldWidth = state.width;
  const plans = new Float64Array(DAY_CACHE_SIZE * 2 * width);
  for (let index = 0; index < DAY_CACHE_SIZE; index++) {
    const day = state.days[index] as number;
    if (Number.isNaN(day)) continue;
    const from = 2 * oldWidth * index;
    const to = 2 * width * index;
    plans.set(old.subarray(from, from + 2 * oldWidth), to);
    for (let i = oldWidth; i < width; i++) plans[to + 2 * i] = (day + 1) * DAY_MS;
  }
  state.plans = plans;
  state.width = width;
}
