import type { Decimal } from './decimal.ts';
import type { Confidence, Currency, MeteredItem, MeteredVia, Mode, SourceRef, TariffDocument, TierName, UnappliedAnnouncement } from './schema/tariffSchema.ts';

// The compiled, indexed form of a price-data document: built once by compileTariff, then read by
// the hot path without parsing or allocating. Everything here is frozen.

/**
 * The three unit prices DeepSeek publishes, per 1M tokens, exact: the shape every rate table,
 * tariff segment and ledger bucket shares.
 *
 * @example
 * ```ts
 * const { cacheHit, cacheMiss, output }: UnitPrices = resolvePrice({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z' }).rates;
 * output.toString(); // '1.1'
 * ```
 */
export interface UnitPrices {
  readonly cacheHit: Decimal;
  readonly cacheMiss: Decimal;
  readonly output: Decimal;
}

/**
 * Unit prices of one tier in one currency, per 1M tokens, exact.
 *
 * @example
 * ```ts
 * const rates: CompiledRates = resolvePrice({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z' }).rates;
 * rates.output.toString(); // '1.1'
 * ```
 */
export interface CompiledRates extends UnitPrices {
  readonly currency: Currency;
  /** The same prices as integers in units of 10^-scale currency per 1M tokens (see Tariff.scale). */
  readonly units: { readonly cacheHit: number; readonly cacheMiss: number; readonly output: number };
  readonly confidence: Confidence;
  readonly note: string | undefined;
}

/**
 * When a conditional tier applies: all of window, weekday and not-a-holiday must hold.
 *
 * @example
 * ```ts
 * const condition: CompiledCondition | undefined = period.tiers[0]?.condition;
 * condition?.windows; // [[60, 240], [360, 600]]
 * ```
 */
export interface CompiledCondition {
  /** [startMinute, endMinute) of the local day; end <= start wraps past midnight. */
  readonly windows: readonly (readonly [number, number])[];
  readonly timeZone: string;
  readonly weekdays: { readonly days: ReadonlySet<number>; readonly timeZone: string } | undefined;
  readonly exceptCalendar: CompiledCalendar | undefined;
}

/**
 * A tier of a period (standard, discount, peak, off-peak) with its prices per currency.
 *
 * @example
 * ```ts
 * const tier: CompiledTier = tierAt(period, Date.now()).tier;
 * tier.prices.USD?.output.toString();
 * ```
 */
export interface CompiledTier {
  readonly name: TierName;
  readonly condition: CompiledCondition | undefined;
  readonly prices: Readonly<Partial<Record<Currency, CompiledRates>>>;
}

/**
 * Context length and output limits in force during a period (null where no source states them).
 *
 * @example
 * ```ts
 * const limits: CompiledLimits = checkLimits({ model: 'deepseek-v4-pro', at, inputTokens: 1, outputTokens: 1 }).limits;
 * limits.maxOutputTokens; // 393216
 * ```
 */
export interface CompiledLimits {
  readonly contextTokens: number | null;
  readonly maxOutputTokens: number | null;
  readonly defaultOutputTokens: number | undefined;
  readonly maxReasoningTokens: number | undefined;
  readonly note: string | undefined;
}

/**
 * A price period: constant tiers, limits and source between two instants.
 *
 * @example
 * ```ts
 * const period: CompiledPeriod = resolvePrice({ model: 'deepseek-v4-pro', at }).period;
 * `${period.id} (${period.confidence})`;
 * ```
 */
export interface CompiledPeriod {
  readonly id: string;
  readonly modelId: string;
  readonly fromMs: number;
  /** Exclusive end; Infinity while open. */
  readonly toMs: number;
  readonly startConfidence: Confidence | undefined;
  /** Conditional tiers first, in order; the default tier (no condition) last. */
  readonly tiers: readonly CompiledTier[];
  readonly limits: CompiledLimits;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  readonly note: string | undefined;
}

/**
 * A price line and its periods in order.
 *
 * @example
 * ```ts
 * const pro: CompiledModel | undefined = getBundledTariff().models.get('deepseek-v4-pro');
 * pro?.periods.map((p) => p.id);
 * ```
 */
export interface CompiledModel {
  readonly id: string;
  readonly displayName: string;
  readonly generation: string;
  readonly periods: readonly CompiledPeriod[];
  /** Model versions served under this id without a price change, as first seen. */
  readonly versions: readonly {
    readonly name: string;
    readonly firstSeen: string;
    readonly confidence: Confidence;
    readonly source: SourceRef;
    readonly note?: string | undefined;
  }[];
}

/**
 * What an id bills as over a stretch of time.
 *
 * @example
 * ```ts
 * const routes: readonly CompiledRoute[] = getBundledTariff().ids.get('deepseek-chat')?.routes ?? [];
 * routes.map((r) => r.model.id); // ['deepseek-chat', 'deepseek-v4-flash']
 * ```
 */
export interface CompiledRoute {
  readonly fromMs: number;
  readonly toMs: number;
  readonly model: CompiledModel;
  readonly mode: Mode | undefined;
  readonly source: SourceRef | undefined;
  readonly confidence: Confidence | undefined;
}

/**
 * A model id as callers send it: its routes over time and its retirement.
 *
 * @example
 * ```ts
 * const chat: CompiledId | undefined = getBundledTariff().ids.get('deepseek-chat');
 * new Date(chat?.retiredAtMs ?? NaN).toISOString(); // '2026-07-24T15:59:00.000Z'
 * ```
 */
export interface CompiledId {
  readonly id: string;
  readonly routes: readonly CompiledRoute[];
  readonly retiredAtMs: number | undefined;
  readonly retirementSource: SourceRef | undefined;
  readonly note: string | undefined;
}

/**
 * A dated holiday list, in its time zone, with the range of days it covers.
 *
 * @example
 * ```ts
 * const holidays: CompiledCalendar | undefined = getBundledTariff().calendars.get('cn-public-holidays');
 * holidays?.days.has(epochDayOf('2026-10-01')); // true
 * ```
 */
export interface CompiledCalendar {
  readonly id: string;
  readonly timeZone: string;
  readonly coversFromDay: number;
  readonly coversToDay: number;
  readonly days: ReadonlySet<number>;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * A validated, indexed price table: what every pricing function reads. Make one with
 * {@link compileTariff} (or {@link parseTariffJson}); {@link getBundledTariff} returns the one shipped
 * with the package.
 *
 * @example
 * ```ts
 * const tariff = getBundledTariff();
 * tariff.ids.get('deepseek-chat')?.retiredAtMs; // 1784908740000
 * ```
 */
export interface Tariff {
  readonly document: TariffDocument;
  /** The format the data was written in (format 1 is upgraded in memory on load). */
  readonly formatVersion: 1 | 2;
  readonly checked: string;
  readonly currencies: readonly Currency[];
  /** Prices are stored as integers in units of 10^-scale currency per 1M tokens. */
  readonly scale: number;
  readonly historyStartMs: number;
  readonly models: ReadonlyMap<string, CompiledModel>;
  readonly ids: ReadonlyMap<string, CompiledId>;
  readonly calendars: ReadonlyMap<string, CompiledCalendar>;
  /** Charges that are not tokens, by item; empty for data in format 1. */
  readonly meteredItems: ReadonlyMap<MeteredItem, CompiledMeteredItem>;
  /** Announced changes that never took effect (documentation; never priced). */
  readonly unappliedAnnouncements: readonly UnappliedAnnouncement[];
}

/**
 * One metered price in one currency: `price` per `unitSize` units, exact. The object is shared by
 * every instant it applies to, so a ledger can key a bucket on it, sum counts, and multiply once
 * (`meteredAmount(sum, price)`).
 *
 * @example
 * ```ts
 * const price: CompiledMeteredPrice | undefined = getBundledTariff().meteredItems.get('search')?.timelines['tool-call'].at(-1)?.prices.CNY;
 * `${price?.price.toString()} per ${price?.unitSize}`; // '5 per 1000'
 * ```
 */
export interface CompiledMeteredPrice {
  readonly item: MeteredItem;
  readonly currency: Currency;
  /** Price per `unitSize` units. */
  readonly price: Decimal;
  readonly unitSize: number;
  /** The price as an integer: amount = count x units x 10^-exponent, exactly (see meteredAmount). */
  readonly units: number;
  readonly exponent: number;
  readonly confidence: Confidence;
  /** True when DeepSeek did not publish this currency's price (a third-party quote): callers must opt in. */
  readonly secondaryOnly: boolean;
  readonly note: string | undefined;
  /** The discount that sets this price, when it is one. */
  readonly discountId: string | undefined;
}

/**
 * A dated price of a metered item for one way of calling it.
 *
 * @example
 * ```ts
 * const period: CompiledMeteredPeriod | undefined = getBundledTariff().meteredItems.get('search')?.timelines['tool-call'][0];
 * period?.prices.CNY?.price.toString(); // '0' (server-side tool calls were free before 2026-10-31T16:00Z)
 * ```
 */
export interface CompiledMeteredPeriod {
  readonly id: string;
  readonly item: MeteredItem;
  readonly fromMs: number;
  /** Exclusive end; Infinity while open. */
  readonly toMs: number;
  readonly startConfidence: Confidence | undefined;
  readonly prices: Readonly<Partial<Record<Currency, CompiledMeteredPrice>>>;
  /** Discounts inside the period, in order, each with its own prices (a missing currency keeps the period's). */
  readonly discounts: readonly {
    readonly id: string;
    readonly fromMs: number;
    readonly toMs: number;
    readonly prices: Readonly<Partial<Record<Currency, CompiledMeteredPrice>>>;
    readonly source: SourceRef;
    readonly confidence: Confidence;
  }[];
  readonly pendingDiscount: string | undefined;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  readonly note: string | undefined;
}

/**
 * A metered item (search, fetch, OCR pages, TTS characters, ASR) with one timeline of periods per
 * way of calling it (`tool-call`: made by the model during a request; `api`: the stand-alone API).
 *
 * @example
 * ```ts
 * const search: CompiledMeteredItem | undefined = getBundledTariff().meteredItems.get('search');
 * search?.timelines.api.map((p) => p.id); // ['search/api/2026-10-01', 'search/2026-10-31']
 * ```
 */
export interface CompiledMeteredItem {
  readonly item: MeteredItem;
  readonly displayName: string;
  readonly unit: string | undefined;
  readonly unitSize: number | undefined;
  readonly timelines: Readonly<Record<MeteredVia, readonly CompiledMeteredPeriod[]>>;
  /** Set when the item exists but has no known price: any count of it is an error. */
  readonly unpriced: { readonly sinceMs: number; readonly source: SourceRef; readonly note: string } | undefined;
}
