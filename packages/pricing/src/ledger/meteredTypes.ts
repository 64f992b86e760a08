import type { Decimal } from '../decimal.ts';
import type { Confidence, Currency, MeteredItem, MeteredVia } from '../schema/tariffSchema.ts';
import type { LedgerGroupKey } from './types.ts';

// The ledger's per-call (metered) shapes, apart from types.ts to keep each file readable.

/**
 * The count and exact amount of one metered item (search, fetch, OCR pages, TTS characters) in a
 * group or in the totals.
 *
 * @example
 * ```ts
 * const line: LedgerMeteredLine = { item: 'search', count: 3, amount: new Decimal('0.015') };
 * ```
 */
export interface LedgerMeteredLine {
  readonly item: MeteredItem;
  readonly count: number;
  readonly amount: Decimal;
}

/**
 * One metered price bucket: the counts of one item at one price in one group, multiplied once.
 *
 * @example
 * ```ts
 * const m: LedgerMeteredBucket | undefined = ledger.totals().meteredBuckets[0];
 * `${m?.item} ${m?.count} x ${m?.unitPrice}/${m?.unitSize} = ${m?.amount}`; // 'search 3 x 5/1000 = 0.015'
 * ```
 */
export interface LedgerMeteredBucket {
  readonly key: LedgerGroupKey;
  readonly model: string;
  readonly item: MeteredItem;
  readonly via: MeteredVia;
  readonly periodId: string;
  readonly discountId: string | undefined;
  readonly currency: Currency;
  readonly unitPrice: Decimal;
  readonly unitSize: number;
  /** False for a third-party figure accepted with `acceptSecondaryPrices`. */
  readonly published: boolean;
  readonly confidence: Confidence;
  readonly count: number;
  readonly amount: Decimal;
}

/**
 * A metered bucket of a snapshot: which token bucket (index into `buckets`) it rides with, the
 * price as found (item, via, period, discount, currency, confidence, warnings), the price as an
 * integer (`units` x 10^-`exponent` per `unitSize`, checked against the price data on merge) and
 * the exact count as a decimal string.
 *
 * @example
 * ```ts
 * const m: LedgerSnapshotMeteredBucket = { bucket: 0, item: 'search', via: 'tool-call', periodId: 'search/2026-10-31', discountId: null, currency: 'CNY', published: true, confidence: 'official', warningCodes: [], units: 5, exponent: 3, unitSize: 1000, records: 1, count: '3' };
 * ```
 */
export interface LedgerSnapshotMeteredBucket {
  readonly bucket: number;
  readonly item: MeteredItem;
  readonly via: MeteredVia;
  readonly periodId: string;
  readonly discountId: string | null;
  readonly currency: Currency;
  readonly published: boolean;
  readonly confidence: Confidence;
  readonly warningCodes: readonly string[];
  readonly units: number;
  readonly exponent: number;
  readonly unitSize: number;
  readonly records: number;
  readonly count: string;
}
