import { weakerConfidence } from './confidence.ts';
import { describeValue } from './describeValue.ts';
import { CurrencyNotPublishedError, InvalidArgumentError } from './errors.ts';
import { getBundledTariff } from './getBundledTariff.ts';
import { resolveModel } from './resolveModel.ts';
import type { Confidence, Currency, Mode, SourceRef, TierName } from './schema/tariffSchema.ts';
import type { CompiledPeriod, CompiledRates, CompiledTier, Tariff } from './tariff.ts';
import { tierIndexAt } from './tierAt.ts';
import { toEpochMs } from './toEpochMs.ts';
import { UNCERTAIN_CUTOVER_MS } from './rules.ts';
import { meteredField, resolveMeteredPrice, type ResolvedMeteredPrice } from './resolveMeteredPrice.ts';
import type { MeteredItem, MeteredVia } from './schema/tariffSchema.ts';

/**
 * Something a caller should know about a price that is still a price (not an error).
 *
 * @example
 * ```ts
 * for (const warning of quote.warnings) console.warn(`${warning.code}: ${warning.message}`);
 * ```
 */
export interface PriceWarning {
  readonly code:
    | 'uncertain-cutover'
    | 'beyond-holiday-list'
    | 'anthropic-usage-mapping'
    | 'request-time-basis'
    | 'exceeds-limits'
    | 'unconfirmed-price'
    | 'secondary-price'
    | 'pending-discount';
  readonly message: string;
}

/**
 * Where a price came from: enough to show a user, audit a bill, or regression-test a table.
 *
 * @example
 * ```ts
 * const { periodId, tier, source, confidence }: Provenance = quote.provenance;
 * // e.g. 'deepseek-v4-pro/2026-09-10', 'peak', { url: 'https://api-docs.deepseek.com/quick_start/pricing', ... }, 'secondary'
 * ```
 */
export interface Provenance {
  /** The id the caller asked for (e.g. `deepseek-chat`). */
  readonly requestedModel: string;
  /** The price line it bills as at that instant (e.g. `deepseek-v4-flash`). */
  readonly model: string;
  readonly mode: Mode | null;
  readonly periodId: string;
  readonly tier: TierName;
  readonly currency: Currency;
  readonly source: SourceRef;
  /** The weakest confidence among the period, the currency's prices, the alias route, the cutover and the holiday list. */
  readonly confidence: Confidence;
  readonly pricedAt: Date;
}

/**
 * The unit prices in force for one model at one instant in one currency, with provenance.
 *
 * @example
 * ```ts
 * const { rates, provenance }: ResolvedPrice = resolvePrice({ model: 'deepseek-v4-flash', at: '2026-09-01T02:00:00Z' });
 * rates.cacheMiss.toString(); // => '0.44'
 * ```
 */
export interface ResolvedPrice {
  readonly provenance: Provenance;
  readonly rates: CompiledRates;
  readonly period: CompiledPeriod;
  readonly warnings: readonly PriceWarning[];
  /** Prices are integers in units of 10^-scale currency per 1M tokens in `rates.units`. */
  readonly scale: number;
  /** The metered items asked for with `meteredItems`, priced at the same instant; absent otherwise. */
  readonly metered?: ReadonlyMap<MeteredItem, ResolvedMeteredPrice>;
}

/**
 * Arguments of {@link resolvePrice}.
 *
 * @example
 * ```ts
 * const options: ResolvePriceOptions = { model: 'deepseek-v4-pro', at: new Date(), currency: 'CNY' };
 * ```
 */
export interface ResolvePriceOptions {
  readonly model: string;
  readonly at: Date | number | string;
  readonly currency?: Currency;
  readonly tariff?: Tariff;
  /** Also resolve these metered items (e.g. `['search', 'fetch']`) at the same instant. */
  readonly meteredItems?: readonly string[];
  /** `tool-call` (default) or `api`, for `meteredItems`. */
  readonly meteredVia?: MeteredVia;
  /** Use a third-party figure where DeepSeek published no price in the currency (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean;
}

/**
 * The unit prices (per 1M tokens) in force for a model at an instant, with the tier, the period and
 * its source. The building block of {@link priceRequest}, the ledger and the calculator.
 *
 * @example
 * ```ts
 * const p = resolvePrice({ model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', currency: 'USD' });
 * p.provenance.tier; // => 'peak'
 * p.rates.output.toString(); // => '3.96'
 *
 * const withSearch = resolvePrice({ model: 'deepseek-flash', at: '2026-11-20T02:00:00Z', currency: 'CNY', meteredItems: ['search'] });
 * // CNY 5 per 1,000 searches:
 * withSearch.metered?.get('search')?.price.price.toString(); // => '5'
 * ```
 */
export function resolvePrice(options: ResolvePriceOptions): ResolvedPrice {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', `must be an object, got ${describeValue(options)}`);
  const tariff = options.tariff ?? getBundledTariff();
  const currency = options.currency ?? 'USD';
  if (currency !== 'USD' && currency !== 'CNY') throw new InvalidArgumentError('currency', `must be 'USD' or 'CNY', got ${describeValue(currency)}`);
  const epochMs = toEpochMs(options.at, 'at');
  if (typeof options.model !== 'string') throw new InvalidArgumentError('model', `must be a string, got ${describeValue(options.model)}`);
  const resolved = resolveModel(tariff, options.model, epochMs);
  const { period, nextPeriod, route } = resolved;
  const found = tierIndexAt(period, epochMs);
  const tier = period.tiers[found >= 0 ? found : -found - 1] as CompiledTier;
  const rates = tier.prices[currency];
  if (rates === undefined) throw new CurrencyNotPublishedError(currency, period.id);

  let confidence = weakerConfidence(weakerConfidence(period.confidence, rates.confidence), route.confidence);
  const warnings: PriceWarning[] = [];
  const nearStart = period.startConfidence !== undefined && period.startConfidence !== 'official' && epochMs - period.fromMs < UNCERTAIN_CUTOVER_MS;
  const nearEnd = nextPeriod?.startConfidence !== undefined && nextPeriod.startConfidence !== 'official' && nextPeriod.fromMs - epochMs <= UNCERTAIN_CUTOVER_MS;
  if (nearStart || nearEnd) {
    const edge = nearStart ? period : (nextPeriod as CompiledPeriod);
    confidence = weakerConfidence(confidence, edge.startConfidence);
    warnings.push({
      code: 'uncertain-cutover',
      message: `within 24 hours of the ${new Date(edge.fromMs).toISOString()} cutover, whose exact instant is ${edge.startConfidence}`,
    });
  }
  if (found < 0) {
    confidence = 'unconfirmed';
    warnings.push({
      code: 'beyond-holiday-list',
      message: 'the holiday list in the price data does not cover this date, so whether it is a holiday is unknown',
    });
  }
  if (confidence === 'unconfirmed' && warnings.length === 0) {
    warnings.push({ code: 'unconfirmed-price', message: `period ${period.id} is ${period.confidence}: ${period.note ?? 'see its source'}` });
  }
  const result: ResolvedPrice = {
    provenance: {
      requestedModel: options.model,
      model: resolved.model.id,
      mode: resolved.mode ?? null,
      periodId: period.id,
      tier: tier.name,
      currency,
      source: period.source,
      confidence,
      pricedAt: new Date(epochMs),
    },
    rates,
    period,
    warnings,
    scale: tariff.scale,
  };
  return options.meteredItems === undefined ? result : { ...result, metered: resolveMeteredItems(options, tariff, epochMs, currency) };
}

function resolveMeteredItems(options: ResolvePriceOptions, tariff: Tariff, at: number, currency: Currency): ReadonlyMap<MeteredItem, ResolvedMeteredPrice> {
  const metered = new Map<MeteredItem, ResolvedMeteredPrice>();
  for (const item of options.meteredItems ?? []) {
    const resolved = resolveMeteredPrice({
      item,
      at,
      currency,
      tariff,
      field: meteredField('meteredItems', item),
      ...(options.meteredVia === undefined ? {} : { via: options.meteredVia }),
      ...(options.acceptSecondaryPrices === undefined ? {} : { acceptSecondaryPrices: options.acceptSecondaryPrices }),
    });
    metered.set(resolved.provenance.item, resolved);
  }
  return metered;
}
