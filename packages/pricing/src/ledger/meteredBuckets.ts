import type { MeteredLine } from '../priceMetered.ts';
import type { Confidence, Currency, MeteredItem, MeteredVia } from '../schema/tariffSchema.ts';
import type { CompiledMeteredPrice } from '../tariff.ts';
import type { Bucket } from './ledgerBuckets.ts';

/**
 * The counts of one metered item at one price within one token bucket (so within one group):
 * summed as integers, multiplied by the price once, in totals. The sum is `BigInt(count) + bigCount`.
 *
 * @example
 * ```ts
 * const m: MeteredBucket = meteredBuckets.bucketFor(bucket, spec);
 * addMeteredCount(m, 3);
 * meteredSum(m); // 3n
 * ```
 */
export interface MeteredBucket {
  readonly id: string;
  /** The token bucket of the records (its group, model and token price). */
  readonly bucket: Bucket;
  readonly spec: MeteredSpec;
  /** Records that counted this item at this price. */
  records: number;
  count: number;
  bigCount: bigint;
}

/**
 * What one metered price is, as a snapshot states it: the compiled price object plus how it was
 * found (period, discount, confidence and warnings at the records' instants).
 *
 * @example
 * ```ts
 * const spec: MeteredSpec = meteredSpecOf(quote.meteredLines[0]!, []);
 * spec.periodId; // 'search/2026-10-31'
 * ```
 */
export interface MeteredSpec {
  readonly id: string;
  readonly item: MeteredItem;
  readonly via: MeteredVia;
  readonly periodId: string;
  readonly discountId: string | undefined;
  readonly currency: Currency;
  readonly published: boolean;
  readonly confidence: Confidence;
  readonly warningCodes: readonly string[];
  readonly price: CompiledMeteredPrice;
}

/**
 * The spec of a priced metered line; its id is what LedgerMeteredBuckets interns buckets by (the spec
 * itself is made per call).
 *
 * @example
 * ```ts
 * meteredSpecOf(line, ['uncertain-cutover']).id; // 'search|tool-call|search/2026-10-31||CNY|official|uncertain-cutover'
 * ```
 */
export function meteredSpecOf(line: MeteredLine, warningCodes: readonly string[]): MeteredSpec {
  const p = line.provenance;
  const codes = [...warningCodes].sort();
  return {
    id: meteredSpecId(p.item, p.via, p.periodId, p.discountId, p.currency, p.confidence, codes),
    item: p.item,
    via: p.via,
    periodId: p.periodId,
    discountId: p.discountId,
    currency: p.currency,
    published: p.published,
    confidence: p.confidence,
    warningCodes: Object.freeze(codes),
    price: line.price,
  };
}

/**
 * The identity of a metered price as found: equal ids mean equal prices, confidence and warnings.
 *
 * @example
 * ```ts
 * meteredSpecId('fetch', 'api', 'fetch/2026-10-31', undefined, 'CNY', 'official', []); // 'fetch|api|fetch/2026-10-31||CNY|official|'
 * ```
 */
export function meteredSpecId(
  item: string,
  via: string,
  periodId: string,
  discountId: string | undefined,
  currency: string,
  confidence: string,
  warningCodes: readonly string[],
): string {
  return `${item}|${via}|${periodId}|${discountId ?? ''}|${currency}|${confidence}|${warningCodes.join(',')}`;
}

/**
 * A ledger's metered buckets by id (token bucket + metered price), made on first use.
 *
 * @example
 * ```ts
 * const buckets = new LedgerMeteredBuckets();
 * buckets.bucketFor(bucket, spec).count; // 0
 * ```
 */
export class LedgerMeteredBuckets {
  readonly #byId = new Map<string, MeteredBucket>();

  get size(): number {
    return this.#byId.size;
  }

  bucketFor(bucket: Bucket, spec: MeteredSpec): MeteredBucket {
    const id = `${bucket.id}\u0002${spec.id}`;
    let metered = this.#byId.get(id);
    if (metered === undefined) {
      metered = { id, bucket, spec, records: 0, count: 0, bigCount: 0n };
      this.#byId.set(id, metered);
    }
    return metered;
  }

  values(): IterableIterator<MeteredBucket> {
    return this.#byId.values();
  }
}

/**
 * Adds a count (a safe integer) to a metered bucket, exactly: the double sum moves to the BigInt
 * one before it could pass 2^53.
 *
 * @example
 * ```ts
 * addMeteredCount(m, Number.MAX_SAFE_INTEGER);
 * addMeteredCount(m, 1);
 * meteredSum(m); // 9007199254740992n
 * ```
 */
export function addMeteredCount(metered: MeteredBucket, count: number | bigint, records = 1): void {
  metered.records += records;
  if (typeof count === 'bigint') {
    metered.bigCount += count;
    return;
  }
  const sum = metered.count + count;
  if (Number.isSafeInteger(sum)) {
    metered.count = sum;
    return;
  }
  metered.bigCount += BigInt(metered.count) + BigInt(count);
  metered.count = 0;
}

/**
 * A metered bucket's exact count.
 *
 * @example
 * ```ts
 * meteredSum(m); // 12n
 * ```
 */
export function meteredSum(metered: MeteredBucket): bigint {
  return BigInt(metered.count) + metered.bigCount;
}
