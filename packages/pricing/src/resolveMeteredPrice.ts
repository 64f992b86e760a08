import { weakerConfidence } from './confidence.ts';
import { InvalidArgumentError, MeteredItemNotAvailableError, MeteredPriceNotPublishedError, UnknownMeteredItemError } from './errors.ts';
import { getBundledTariff } from './getBundledTariff.ts';
import type { PriceWarning } from './resolvePrice.ts';
import { UNCERTAIN_CUTOVER_MS } from './rules.ts';
import type { Confidence, Currency, MeteredItem, MeteredVia, SourceRef } from './schema/tariffSchema.ts';
import type { CompiledMeteredItem, CompiledMeteredPeriod, CompiledMeteredPrice, Tariff } from './tariff.ts';
import { toEpochMs } from './toEpochMs.ts';

/**
 * Where a metered price came from, and whether DeepSeek published it (`published: false` means a
 * third-party figure the caller accepted with `acceptSecondaryPrices`).
 *
 * @example
 * ```ts
 * const p: MeteredProvenance = quote.meteredLines[0]!.provenance;
 * `${p.periodId} ${p.published ? 'published' : 'third-party'} (${p.confidence})`;
 * ```
 */
export interface MeteredProvenance {
  readonly item: MeteredItem;
  readonly via: MeteredVia;
  readonly periodId: string;
  /** The discount in force, when one sets the price. */
  readonly discountId: string | undefined;
  readonly currency: Currency;
  readonly published: boolean;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  readonly pricedAt: Date;
}

/**
 * The price of one metered item at an instant, with the period it comes from.
 *
 * @example
 * ```ts
 * const r: ResolvedMeteredPrice = resolveMeteredPrice({ item: 'search', at: '2026-11-20T00:00:00Z', currency: 'CNY' });
 * r.price.price.toString(); // => '5'
 * ```
 */
export interface ResolvedMeteredPrice {
  readonly price: CompiledMeteredPrice;
  readonly period: CompiledMeteredPeriod;
  readonly unit: string;
  readonly provenance: MeteredProvenance;
  readonly warnings: readonly PriceWarning[];
}

/**
 * Arguments of {@link resolveMeteredPrice}.
 *
 * @example
 * ```ts
 * const options: ResolveMeteredPriceOptions = { item: 'fetch', at: new Date(), via: 'api', currency: 'USD', acceptSecondaryPrices: true };
 * ```
 */
export interface ResolveMeteredPriceOptions {
  readonly item: string;
  readonly at: Date | number | string;
  /** `tool-call` (default): made by the model during a request; `api`: the stand-alone API. */
  readonly via?: MeteredVia;
  readonly currency?: Currency;
  /** Use a third-party figure where DeepSeek published none in that currency (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean;
  readonly tariff?: Tariff;
  /** The field named in errors (default `metered.<item>`). */
  readonly field?: string;
}

/**
 * The price of a metered item (search, fetch, OCR pages, TTS characters) at an instant, per its
 * unit size, with provenance. Throws a typed error naming the field for an unknown item, an instant
 * before the item existed, an item with no known price (ASR), or a currency DeepSeek did not
 * publish (unless `acceptSecondaryPrices` and a third-party figure exists).
 *
 * @example
 * ```ts
 * import { resolveMeteredPrice } from '@seekcost/pricing';
 * const before = resolveMeteredPrice({ item: 'search', at: '2026-10-31T15:59:59.999Z', currency: 'CNY' });
 * // Server-side tool calls were free until then:
 * before.price.price.toString(); // => '0'
 * const after = resolveMeteredPrice({ item: 'search', at: '2026-10-31T16:00:00.000Z', currency: 'CNY' });
 * `${after.price.price} per ${after.price.unitSize} ${after.unit}s`; // => '5 per 1000 requests'
 * ```
 */
export function resolveMeteredPrice(options: ResolveMeteredPriceOptions): ResolvedMeteredPrice {
  const tariff = options.tariff ?? getBundledTariff();
  const currency = options.currency ?? 'USD';
  const via = options.via ?? 'tool-call';
  const field = options.field ?? meteredField('metered', options.item);
  if (currency !== 'USD' && currency !== 'CNY') throw new InvalidArgumentError('currency', `must be 'USD' or 'CNY', got ${String(currency)}`);
  if (via !== 'tool-call' && via !== 'api') throw new InvalidArgumentError('via', `must be 'tool-call' or 'api', got ${String(via)}`);
  const entry = meteredItemOf(tariff, options.item, field);
  const epochMs = toEpochMs(options.at, 'at');
  const timeline = entry.timelines[via];
  const index = periodIndexAt(timeline, epochMs);
  const period = timeline[index];
  if (period === undefined) {
    const unpriced = entry.unpriced !== undefined && epochMs >= entry.unpriced.sinceMs;
    throw new MeteredItemNotAvailableError(
      field,
      entry.item,
      via,
      new Date(epochMs),
      timeline[0] === undefined ? undefined : new Date(timeline[0].fromMs),
      unpriced,
    );
  }
  const discount = period.discounts.find((d) => epochMs >= d.fromMs && epochMs < d.toMs);
  const price = (discount ?? period).prices[currency];
  if (price === undefined || (price.secondaryOnly && options.acceptSecondaryPrices !== true)) {
    throw new MeteredPriceNotPublishedError(field, entry.item, currency, period.id, price !== undefined);
  }
  const warnings: PriceWarning[] = [];
  let confidence = weakerConfidence(weakerConfidence(period.confidence, price.confidence), discount?.confidence);
  if (price.secondaryOnly) {
    warnings.push({
      code: 'secondary-price',
      message: `${entry.item}: DeepSeek publishes no ${currency} price; ${price.price.toString()} per ${price.unitSize} is a third-party figure (${price.confidence})`,
    });
  }
  const next = timeline[index + 1];
  const nearStart = period.startConfidence !== undefined && period.startConfidence !== 'official' && epochMs - period.fromMs < UNCERTAIN_CUTOVER_MS;
  const nearEnd = next?.startConfidence !== undefined && next.startConfidence !== 'official' && next.fromMs - epochMs <= UNCERTAIN_CUTOVER_MS;
  if (nearStart || nearEnd) {
    const edge = nearStart ? period : (next as CompiledMeteredPeriod);
    confidence = weakerConfidence(confidence, edge.startConfidence);
    warnings.push({
      code: 'uncertain-cutover',
      message: `${entry.item}: within 24 hours of the ${new Date(edge.fromMs).toISOString()} cutover, whose exact instant is ${edge.startConfidence}`,
    });
  }
  if (period.pendingDiscount !== undefined && discount === undefined) {
    confidence = 'unconfirmed';
    warnings.push({ code: 'pending-discount', message: `${entry.item}: ${period.pendingDiscount}` });
  }
  return {
    price,
    period,
    unit: entry.unit ?? 'unit',
    provenance: {
      item: entry.item,
      via,
      periodId: period.id,
      discountId: discount?.id,
      currency,
      published: !price.secondaryOnly,
      source: discount?.source ?? period.source,
      confidence,
      pricedAt: new Date(epochMs),
    },
    warnings,
  };
}

/** The path of a caller-supplied item name: quoted unless a plain identifier, so a hostile key cannot forge it. */
export function meteredField(prefix: string, item: string): string {
  return typeof item === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(item) ? `${prefix}.${item}` : `${prefix}[${JSON.stringify(String(item))}]`;
}

/** The compiled item for a caller-supplied name, or an error naming the field. */
export function meteredItemOf(tariff: Tariff, item: string, field: string): CompiledMeteredItem {
  const entry = typeof item === 'string' ? tariff.meteredItems.get(item as MeteredItem) : undefined;
  if (entry === undefined) throw new UnknownMeteredItemError(field, String(item), [...tariff.meteredItems.keys()]);
  return entry;
}

function periodIndexAt(timeline: readonly CompiledMeteredPeriod[], ms: number): number {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const p = timeline[i] as CompiledMeteredPeriod;
    if (ms >= p.fromMs) return ms < p.toMs ? i : -1;
  }
  return -1;
}
