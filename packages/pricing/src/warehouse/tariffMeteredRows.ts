import { weakerConfidence } from '../confidence.ts';
import type { Confidence, Currency, MeteredItem, MeteredVia } from '../schema/tariffSchema.ts';
import type { CompiledMeteredPeriod, CompiledMeteredPrice, Tariff } from '../tariff.ts';

/**
 * One per-call price of the flat tariff: one metered item (search, fetch, OCR pages, TTS
 * characters), called one way, over [validFrom, validTo), in one currency. A discount inside a
 * period gets its own rows, so the rows of an item, way and currency tile time without overlap.
 *
 * @example
 * ```ts
 * import { tariffTable, type TariffMeteredRow } from '@seekcost/pricing/warehouse';
 * const row: TariffMeteredRow | undefined = tariffTable({ currency: 'CNY' }).metered?.find((r) => r.item === 'search' && r.validTo === null);
 * `${row?.price} per ${row?.unitSize} ${row?.unit}s`; // '5 per 1000 requests'
 * ```
 */
export interface TariffMeteredRow {
  readonly item: MeteredItem;
  /** `tool-call`: made by the model during a request; `api`: the stand-alone API. */
  readonly via: MeteredVia;
  readonly periodId: string;
  readonly discountId: string | null;
  /** ISO-8601 UTC, inclusive. */
  readonly validFrom: string;
  /** ISO-8601 UTC, exclusive; null while open. */
  readonly validTo: string | null;
  readonly unit: string;
  readonly unitSize: number;
  readonly currency: Currency;
  /** Per `unitSize` units, as a decimal string. */
  readonly price: string;
  /** The price as an integer: amount = count x units x 10^-exponent. */
  readonly units: number;
  readonly exponent: number;
  /** False for a third-party figure (DeepSeek published none in this currency). */
  readonly published: boolean;
  readonly confidence: Confidence;
  readonly source: string;
}

const ITEM_ORDER: readonly MeteredItem[] = ['search', 'fetch', 'ocrPages', 'ttsCharacters', 'asr'];

/**
 * The per-call prices of a tariff as flat rows, in force at some instant of [fromMs, toMs), in one
 * currency or all. Items without a price (ASR) have no rows: a count of them cannot be priced.
 *
 * @example
 * ```ts
 * import { getBundledTariff } from '@seekcost/pricing';
 * import { tariffMeteredRows } from '@seekcost/pricing/warehouse';
 * const rows = tariffMeteredRows(getBundledTariff(), Date.parse('2026-11-20T00:00:00Z'), Date.parse('2026-11-21T00:00:00Z'), 'CNY');
 * rows.filter((r) => r.via === 'tool-call').map((r) => `${r.item} ${r.price}/${r.unitSize}`); // => ['search 5/1000', 'fetch 5/1000', 'ocrPages 1.5/1000', 'ttsCharacters 3/10000']
 * ```
 */
export function tariffMeteredRows(tariff: Tariff, fromMs: number, toMs: number, currency: Currency | undefined): TariffMeteredRow[] {
  const rows: TariffMeteredRow[] = [];
  const items = [...tariff.meteredItems.values()].sort((a, b) => ITEM_ORDER.indexOf(a.item) - ITEM_ORDER.indexOf(b.item));
  for (const item of items) {
    for (const via of ['tool-call', 'api'] as const) {
      for (const period of item.timelines[via]) {
        for (const piece of pieces(period)) {
          if (piece.toMs <= fromMs || piece.fromMs >= toMs) continue;
          for (const c of tariff.currencies) {
            if (currency !== undefined && c !== currency) continue;
            const price: CompiledMeteredPrice | undefined = piece.prices[c] ?? period.prices[c];
            if (price === undefined) continue;
            let confidence = weakerConfidence(weakerConfidence(period.confidence, price.confidence), piece.confidence);
            // As resolveMeteredPrice: an announced discount with unknown values makes the list price unconfirmed.
            if (period.pendingDiscount !== undefined && piece.discountId === null) confidence = 'unconfirmed';
            rows.push({
              item: item.item,
              via,
              periodId: period.id,
              discountId: piece.discountId,
              validFrom: new Date(piece.fromMs).toISOString(),
              validTo: piece.toMs === Infinity ? null : new Date(piece.toMs).toISOString(),
              unit: item.unit ?? 'unit',
              unitSize: price.unitSize,
              currency: c,
              price: price.price.toFixed(),
              units: price.units,
              exponent: price.exponent,
              published: !price.secondaryOnly,
              confidence,
              source: piece.source,
            });
          }
        }
      }
    }
  }
  return rows;
}

interface Piece {
  readonly fromMs: number;
  readonly toMs: number;
  readonly discountId: string | null;
  readonly prices: CompiledMeteredPeriod['prices'];
  readonly confidence: Confidence | undefined;
  readonly source: string;
}

// A period cut at its discounts (which are in order and inside it): list-price pieces between them.
function pieces(period: CompiledMeteredPeriod): Piece[] {
  const out: Piece[] = [];
  let at = period.fromMs;
  const list = (toMs: number) => ({ fromMs: at, toMs, discountId: null, prices: period.prices, confidence: undefined, source: period.source.url });
  for (const d of period.discounts) {
    if (d.fromMs > at) out.push(list(d.fromMs));
    out.push({ fromMs: d.fromMs, toMs: d.toMs, discountId: d.id, prices: d.prices, confidence: d.confidence, source: d.source.url });
    at = d.toMs;
  }
  if (period.toMs > at) out.push(list(period.toMs));
  return out;
}
