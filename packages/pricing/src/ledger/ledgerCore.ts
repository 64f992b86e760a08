import type { Currency } from '../schema/tariffSchema.ts';
import type { Tariff } from '../tariff.ts';
import type { LedgerBuckets } from './ledgerBuckets.ts';
import type { LedgerIssues } from './ledgerIssues.ts';
import type { LedgerMeteredBuckets } from './meteredBuckets.ts';
import type { PricePlanCache, TimeGrouping } from './pricePlanCache.ts';
import type { SeenIds } from './seenIds.ts';
import type { LedgerDimension } from './types.ts';

/**
 * The parts of a ledger that totals, snapshot and merge read and (merge only) change: its options,
 * its plain counters and its parts. The ledger made by `createLedger` is one.
 *
 * @example
 * ```ts
 * const totals = ledgerTotals(core); // core: LedgerCore
 * ```
 */
export interface LedgerCore {
  readonly tariff: Tariff;
  /** The tariff's fingerprint (see tariffFingerprint), stored in snapshots and checked on merge. */
  readonly tariffFingerprint: string;
  readonly currency: Currency;
  readonly timeZone: string;
  readonly groupBy: readonly LedgerDimension[];
  readonly timeGrouping: TimeGrouping;
  readonly dedupe: boolean;
  readonly horizonMs: number;
  /** This ledger's own identity, and every shard identity whose records it holds (its own first). */
  readonly shardId: string;
  readonly shards: Set<string>;
  readonly plans: PricePlanCache;
  readonly buckets: LedgerBuckets;
  /** Per-call counts, each with the token bucket of its records. */
  readonly meteredBuckets: LedgerMeteredBuckets;
  readonly acceptSecondaryPrices: boolean;
  readonly issues: LedgerIssues;
  readonly seenIds: SeenIds | undefined;
  seen: number;
  priced: number;
  requestBasis: number;
  anthropicFormat: number;
}
