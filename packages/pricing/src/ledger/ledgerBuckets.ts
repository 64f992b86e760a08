import { EXACT_DOUBLE_COUNT_LIMIT } from '../rules.ts';
import type { PriceEntry } from './pricePlanCache.ts';
import type { CountsScratch } from './readUsageCounts.ts';

// A bucket's running sums move to BigInt before they could pass 2^53: each count added as a double
// is below EXACT_DOUBLE_COUNT_LIMIT (2^40), so a sum at most 2^52 plus one stays below 2^53.
const SPILL_AT = 2 ** 52;

/**
 * The records of one group at one unit price: exact token sums, kept as doubles while they are
 * exact and moved to the BigInt fields before they could stop being exact. A count's sum is
 * `BigInt(hit) + bigHit` (see {@link bucketSums}).
 *
 * @example
 * ```ts
 * const bucket: Bucket = buckets.bucketFor('deepseek-chat', entry, 0, '');
 * addCounts(bucket, { hit: 1, miss: 2, output: 3, reasoning: 0, format: 'openai-chat' });
 * ```
 */
export interface Bucket {
  readonly id: string;
  readonly model: string;
  readonly entry: PriceEntry;
  readonly timeKey: number;
  readonly key: string;
  records: number;
  hit: number;
  miss: number;
  output: number;
  reasoning: number;
  bigHit: bigint;
  bigMiss: bigint;
  bigOutput: bigint;
  bigReasoning: bigint;
}

/**
 * A bucket's exact sums: cache-hit, cache-miss, output and reasoning tokens.
 *
 * @example
 * ```ts
 * const [hit, miss, output, reasoning]: BucketSums = bucketSums(bucket);
 * ```
 */
export type BucketSums = readonly [hit: bigint, miss: bigint, output: bigint, reasoning: bigint];

/**
 * The ledger's buckets by id (model id, price entry, time key, caller key): one per group and unit
 * price, made on first use.
 *
 * @example
 * ```ts
 * const buckets = new LedgerBuckets();
 * buckets.bucketFor('deepseek-chat', entry, 0, 'team-a').records; // 0
 * buckets.size; // 1
 * ```
 */
export class LedgerBuckets {
  readonly #byId = new Map<string, Bucket>();

  get size(): number {
    return this.#byId.size;
  }

  bucketFor(model: string, entry: PriceEntry, timeKey: number, key: string): Bucket {
    const id = `${model}\u0001${entry.id}\u0001${timeKey}\u0001${key}`;
    let bucket = this.#byId.get(id);
    if (bucket === undefined) {
      bucket = {
        id,
        model,
        entry,
        timeKey,
        key,
        records: 0,
        hit: 0,
        miss: 0,
        output: 0,
        reasoning: 0,
        bigHit: 0n,
        bigMiss: 0n,
        bigOutput: 0n,
        bigReasoning: 0n,
      };
      this.#byId.set(id, bucket);
    }
    return bucket;
  }

  values(): IterableIterator<Bucket> {
    return this.#byId.values();
  }
}

/**
 * Adds one record's counts to a bucket, exactly: counts of 2^40 or more go straight to the BigInt
 * sums; smaller ones add as doubles, and the double sums spill into the BigInt ones once any passes
 * 2^52 (so the next add cannot reach 2^53, where doubles stop being exact). Reasoning tokens are
 * part of output, never above it (as readUsageCounts guarantees), so they follow output's path.
 *
 * @example
 * ```ts
 * addCounts(bucket, { hit: 2 ** 40, miss: 0, output: 5, reasoning: 0, format: 'counts' });
 * bucketSums(bucket); // [1099511627776n, 0n, 5n, 0n]
 * ```
 */
export function addCounts(bucket: Bucket, counts: CountsScratch): void {
  if (counts.hit >= EXACT_DOUBLE_COUNT_LIMIT || counts.miss >= EXACT_DOUBLE_COUNT_LIMIT || counts.output >= EXACT_DOUBLE_COUNT_LIMIT) {
    bucket.bigHit += BigInt(counts.hit);
    bucket.bigMiss += BigInt(counts.miss);
    bucket.bigOutput += BigInt(counts.output);
    bucket.bigReasoning += BigInt(counts.reasoning);
    bucket.records++;
    return;
  }
  bucket.records++;
  bucket.hit += counts.hit;
  bucket.miss += counts.miss;
  bucket.output += counts.output;
  bucket.reasoning += counts.reasoning;
  if (bucket.hit > SPILL_AT || bucket.miss > SPILL_AT || bucket.output > SPILL_AT || bucket.reasoning > SPILL_AT) spill(bucket);
}

/**
 * Adds exact sums (from another ledger) to a bucket's BigInt sums.
 *
 * @example
 * ```ts
 * addSums(bucket, 3, [1n, 2n, 3n, 0n]);
 * ```
 */
export function addSums(bucket: Bucket, records: number, sums: BucketSums): void {
  bucket.records += records;
  bucket.bigHit += sums[0];
  bucket.bigMiss += sums[1];
  bucket.bigOutput += sums[2];
  bucket.bigReasoning += sums[3];
}

/**
 * A bucket's exact token sums (its double and BigInt parts added).
 *
 * @example
 * ```ts
 * bucketSums(bucket); // [10n, 20n, 5n, 0n]
 * ```
 */
export function bucketSums(bucket: Bucket): BucketSums {
  return [
    BigInt(bucket.hit) + bucket.bigHit,
    BigInt(bucket.miss) + bucket.bigMiss,
    BigInt(bucket.output) + bucket.bigOutput,
    BigInt(bucket.reasoning) + bucket.bigReasoning,
  ];
}

function spill(bucket: Bucket): void {
  bucket.bigHit += BigInt(bucket.hit);
  bucket.bigMiss += BigInt(bucket.miss);
  bucket.bigOutput += BigInt(bucket.output);
  bucket.bigReasoning += BigInt(bucket.reasoning);
  bucket.hit = 0;
  bucket.miss = 0;
  bucket.output = 0;
  bucket.reasoning = 0;
}
