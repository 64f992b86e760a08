import { getBundledTariff, resolveMeteredPrice, SeekcostError, type Confidence, type Currency, type Decimal, type MeteredItem } from '@seekcost/pricing';

/**
 * One row of the per-call price table: the price of a metered item at an instant in a currency, or
 * why there is none.
 *
 * - `priced`: `price` per `unitSize` units; `published: false` marks a third-party figure (USD
 *   search and fetch); `discountPending` marks a list price whose announced discount has no known value yet.
 * - `not-published`: DeepSeek published no price in this currency and no third-party figure exists (USD OCR, TTS).
 * - `not-yet`: the item had no price at that instant (before it existed).
 * - `unpriced`: the item exists but has no known price (ASR).
 *
 * @example
 * ```ts
 * const row: MeteredPriceRow = { item: 'search', status: 'priced', price: new Decimal(5), unitSize: 1000, unit: 'request', confidence: 'official', published: true, discountPending: false };
 * ```
 */
export type MeteredPriceRow =
  | {
      readonly item: MeteredItem;
      readonly status: 'priced';
      readonly price: Decimal;
      readonly unitSize: number;
      readonly unit: string;
      readonly confidence: Confidence;
      readonly published: boolean;
      readonly discountPending: boolean;
    }
  | { readonly item: MeteredItem; readonly status: 'not-published' | 'not-yet' | 'unpriced' };

/**
 * The per-call prices (server-side tool calls) in force at an instant, one row per metered item of
 * the bundled price data, in its order. Third-party figures are shown, marked as such, rather than
 * hidden; a currency with no figure at all says so instead of showing 0.
 *
 * @example
 * ```ts
 * import { meteredPriceRows } from './meteredPriceRows.ts';
 * const rows = meteredPriceRows(Date.parse('2026-11-20T00:00:00Z'), 'USD');
 * rows.map((r) => (r.status === 'priced' ? `${r.item} ${r.price} ${r.published ? 'published' : 'third-party'}` : `${r.item} ${r.status}`));
 * // => ['search 0.75 third-party', 'fetch 0.75 third-party', 'ocrPages not-published', 'ttsCharacters not-published', 'asr unpriced']
 * ```
 */
export function meteredPriceRows(at: number, currency: Currency): MeteredPriceRow[] {
  const rows: MeteredPriceRow[] = [];
  for (const item of getBundledTariff().meteredItems.keys()) {
    try {
      const resolved = resolveMeteredPrice({ item, at, currency, acceptSecondaryPrices: true });
      rows.push({
        item,
        status: 'priced',
        price: resolved.price.price,
        unitSize: resolved.price.unitSize,
        unit: resolved.unit,
        confidence: resolved.provenance.confidence,
        published: resolved.provenance.published,
        discountPending: resolved.warnings.some((w) => w.code === 'pending-discount'),
      });
    } catch (error) {
      if (!(error instanceof SeekcostError)) throw error;
      const status = error.code === 'UNPRICED_METERED_ITEM' ? 'unpriced' : error.code === 'METERED_PRICE_NOT_PUBLISHED' ? 'not-published' : 'not-yet';
      rows.push({ item, status });
    }
  }
  return rows;
}
