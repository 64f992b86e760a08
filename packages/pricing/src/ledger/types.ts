import type { Decimal } from '../decimal.ts';
import type { InstantBasis } from '../priceRequest.ts';
import type { Confidence, Currency, MeteredItem, MeteredVia, Mode, TierName } from '../schema/tariffSchema.ts';
import type { Tariff, UnitPrices } from '../tariff.ts';
import type { LedgerMeteredBucket, LedgerMeteredLine, LedgerSnapshotMeteredBucket } from './meteredTypes.ts';

export type { LedgerMeteredBucket, LedgerMeteredLine, LedgerSnapshotMeteredBucket } from './meteredTypes.ts';

/**
 * A dimension a ledger can group by. `day` and `hour` are local to the ledger's time zone; `model` is
 * the id as sent (`deepseek-chat`), `resolved-model` the price line it billed as (`deepseek-v4-flash`),
 * `period` the price period id, `key` the caller's key (API key, team...).
 *
 * @example
 * ```ts
 * const groupBy: LedgerDimension[] = ['day', 'model', 'tier'];
 * ```
 */
export type LedgerDimension = 'day' | 'hour' | 'model' | 'resolved-model' | 'period' | 'tier' | 'currency' | 'key';

/**
 * A record in the ledger's own shape: the model id as sent, the instant, and the usage object as the
 * API returned it (any shape `normalizeUsage` reads). `at` is epoch milliseconds, a Date, or an
 * ISO-8601 string with a zone; it is taken as the completion time unless `basis` says `'request'`.
 *
 * @example
 * ```ts
 * const record: LedgerRecord = { model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: { prompt_tokens: 10, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 10, completion_tokens: 5 }, key: 'team-a' };
 * ```
 */
export interface LedgerRecord {
  readonly model: string;
  readonly at: Date | number | string;
  readonly usage: Readonly<Record<string, unknown>>;
  readonly id?: string;
  readonly key?: string;
  readonly basis?: InstantBasis;
  /** Counts of per-call charges, priced like priceRequest's `metered`: `{ search: 3, fetch: 1 }`. */
  readonly metered?: Readonly<Partial<Record<MeteredItem, number>>>;
  /** How those calls were made: `tool-call` (default) or `api`. */
  readonly meteredVia?: MeteredVia;
}

/**
 * Why a record was left out of the totals (or, for `duplicate-id`, counted once).
 *
 * @example
 * ```ts
 * const code: LedgerIssueCode = ledger.add(record)?.code ?? 'malformed'; // e.g. 'timestamp-in-milliseconds'
 * ```
 */
export type LedgerIssueCode =
  | 'malformed'
  | 'missing-model'
  | 'missing-usage'
  | 'invalid-usage'
  | 'missing-timestamp'
  | 'invalid-timestamp'
  | 'timestamp-in-milliseconds'
  | 'timestamp-in-seconds'
  | 'absurd-timestamp'
  | 'unknown-model'
  | 'retired-model'
  | 'model-not-available'
  | 'before-history'
  | 'currency-not-published'
  | 'unknown-metered-item'
  | 'metered-not-available'
  | 'metered-price-not-published'
  | 'duplicate-id';

/**
 * One bad (or duplicate) record: where it was (`ref`, e.g. `usage.jsonl:1042`, as the caller passed
 * it), a stable code, the field at fault when one is, and a message that says what was wrong.
 *
 * @example
 * ```ts
 * const issue: LedgerIssue = { ref: 'usage.jsonl:7', code: 'invalid-usage', field: 'usage.completion_tokens', message: 'usage.completion_tokens: must be a non-negative integer, got -1' };
 * ```
 */
export interface LedgerIssue {
  readonly ref: string | undefined;
  readonly code: LedgerIssueCode;
  readonly field: string | undefined;
  readonly message: string;
}

/**
 * Options of {@link createLedger}.
 *
 * @example
 * ```ts
 * const options: LedgerOptions = { groupBy: ['day', 'key'], timeZone: 'Asia/Shanghai', currency: 'CNY', keyOf: (r) => (r.metadata as { team?: string } | undefined)?.team };
 * ```
 */
export interface LedgerOptions {
  /** Dimensions to group totals by; none gives one grand total. */
  readonly groupBy?: readonly LedgerDimension[];
  /** IANA zone for `day` and `hour` groups (default `UTC`). Prices never depend on it. */
  readonly timeZone?: string;
  readonly currency?: Currency;
  /** Count a response id seen twice once, with a warning (default true). */
  readonly dedupe?: boolean;
  /** What `at` means in ledger-shaped records that do not say (default `'completion'`). */
  readonly instant?: InstantBasis;
  /**
   * How far a request's completion can lie from its creation, for the near-edge report: a record is
   * near an edge when the price at `at` differs from the price this far later (request basis) or
   * earlier (completion basis). Default 10 minutes; 0 turns the report off.
   */
  readonly nearEdgeMs?: number;
  /** How many bad records, duplicates and near-edge records to keep with details (all are counted). */
  readonly maxDetails?: number;
  /** Reads the caller key from a raw record when it is not in `key` (e.g. `(r) => r.metadata?.team`). */
  readonly keyOf?: (record: Readonly<Record<string, unknown>>) => unknown;
  readonly tariff?: Tariff;
  /** Price metered items with a third-party figure where DeepSeek published none in the currency (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean;
  /**
   * This ledger's identity in snapshots (1-200 characters), so merging the same shard twice is
   * refused. Default: a random UUID from Web Crypto. Give each shard its own (e.g. a file name and
   * byte range) when runs must be reproducible.
   */
  readonly shardId?: string;
}

/**
 * Token sums of a group or bucket (reasoning is part of output, shown separately).
 *
 * @example
 * ```ts
 * const { cacheMissInputTokens, outputTokens }: LedgerTokens = ledger.totals().tokens;
 * ```
 */
export interface LedgerTokens {
  readonly cacheHitInputTokens: number;
  readonly cacheMissInputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
}

/**
 * The value of each grouped dimension of a group (only those in `groupBy`).
 *
 * @example
 * ```ts
 * const key: LedgerGroupKey = { day: '2026-09-01', model: 'deepseek-chat', key: 'team-a' };
 * ```
 */
export type LedgerGroupKey = Partial<Record<LedgerDimension, string>>;

/**
 * One group of the totals: its key, how many records, their tokens and their exact cost.
 *
 * @example
 * ```ts
 * for (const g of ledger.totals().groups) console.log(g.key.day, g.records, g.amount.toFixed());
 * ```
 */
export interface LedgerGroup {
  readonly key: LedgerGroupKey;
  readonly records: number;
  readonly tokens: LedgerTokens;
  /** Per-call charges of the group, one line per item counted (empty when none). */
  readonly metered: readonly LedgerMeteredLine[];
  /** Tokens plus metered lines. */
  readonly amount: Decimal;
}

/**
 * One price bucket: records that share a group and a unit price, priced with one multiplication.
 *
 * @example
 * ```ts
 * const b: LedgerBucket | undefined = ledger.totals().buckets[0];
 * b?.periodId; // 'deepseek-v4-pro/2026-08-22'
 * b?.rates.output.toString(); // '3.96'
 * ```
 */
export interface LedgerBucket {
  readonly key: LedgerGroupKey;
  readonly model: string;
  readonly resolvedModel: string;
  readonly mode: Mode | null;
  readonly periodId: string;
  readonly tier: TierName;
  readonly currency: Currency;
  /** Per 1M tokens. */
  readonly rates: UnitPrices;
  readonly confidence: Confidence;
  readonly records: number;
  readonly tokens: LedgerTokens;
  readonly amount: Decimal;
}

/**
 * A record whose price depends on which instant (request or completion) it is priced at.
 *
 * @example
 * ```ts
 * const near: NearEdgeRecord | undefined = ledger.totals().nearEdge.records[0];
 * near?.atStake.toString(); // '1.98' for 1M output tokens of deepseek-v4-pro sent 5 minutes before peak
 * ```
 */
export interface NearEdgeRecord {
  readonly ref: string | undefined;
  readonly id: string | undefined;
  readonly model: string;
  /** The instant it was priced at, ISO-8601. */
  readonly at: string;
  readonly basis: InstantBasis;
  /** The instant the other basis could put it at (at +/- the horizon), ISO-8601. */
  readonly alternativeAt: string;
  /** The token tier and price period it was priced in. */
  readonly tier: TierName;
  readonly periodId: string;
  /** Its cost: tokens plus any per-call charges (a per-call price edge counts like a token one). */
  readonly amount: Decimal;
  /** Its cost at the alternative instant, or null where the model (or a per-call item) has no price there. */
  readonly alternativeAmount: Decimal | null;
  /** |alternativeAmount - amount|; the whole amount when there is no alternative price. */
  readonly atStake: Decimal;
}

/**
 * A warning about records that were priced, with how many it concerns.
 *
 * @example
 * ```ts
 * const w: LedgerWarning = { code: 'duplicate-id', count: 1, message: '1 record(s) repeat a response id already counted; each id is counted once' };
 * ```
 */
export interface LedgerWarning {
  readonly code: string;
  readonly count: number;
  readonly message: string;
}

/**
 * What {@link Ledger.totals} returns: exact totals, per group and per price bucket, and the report.
 *
 * @example
 * ```ts
 * const totals: LedgerTotals = ledger.totals();
 * totals.amount.toFixed(); // exact, e.g. '0.007993117'
 * totals.records; // { seen: 99, priced: 99, excluded: 0, duplicates: 0 }
 * ```
 */
export interface LedgerTotals {
  readonly currency: Currency;
  readonly timeZone: string;
  readonly groupBy: readonly LedgerDimension[];
  readonly records: {
    /** Every record offered, good or bad. */
    readonly seen: number;
    readonly priced: number;
    /** Left out of the totals because they could not be priced; see `excluded`. */
    readonly excluded: number;
    /** Repeated response ids counted once (not in `excluded`). */
    readonly duplicates: number;
  };
  /** Which instant the priced records were priced at. */
  readonly basis: { readonly completion: number; readonly request: number };
  readonly tokens: LedgerTokens;
  /** Per-call charges over all groups, one line per item counted (empty when none). */
  readonly metered: readonly LedgerMeteredLine[];
  /** Tokens plus metered lines. */
  readonly amount: Decimal;
  readonly groups: readonly LedgerGroup[];
  readonly buckets: readonly LedgerBucket[];
  readonly meteredBuckets: readonly LedgerMeteredBucket[];
  readonly excluded: { readonly count: number; readonly byCode: Readonly<Partial<Record<LedgerIssueCode, number>>>; readonly samples: readonly LedgerIssue[] };
  readonly duplicates: { readonly count: number; readonly acrossMerges: number; readonly samples: readonly LedgerIssue[] };
  readonly nearEdge: { readonly horizonMs: number; readonly count: number; readonly atStake: Decimal; readonly records: readonly NearEdgeRecord[] };
  readonly warnings: readonly LedgerWarning[];
}

/**
 * An exact running total of DeepSeek API costs. Made by {@link createLedger}.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ groupBy: ['day'], timeZone: 'Asia/Shanghai' });
 * ledger.add(apiResponse, 'log.jsonl:1');
 * ledger.totals().amount.toString();
 * ```
 */
export interface Ledger {
  /**
   * Adds a record (ledger-shaped, a raw API response, or a wrapper `{ at, key, response }`). Returns
   * nothing when it was priced, or the issue that excluded it (or marked it a duplicate). `ref` says
   * where the record came from, for the report.
   */
  add(record: unknown, ref?: string): LedgerIssue | undefined;
  /** Counts a record the caller could not even read (e.g. a line that is not JSON) as excluded. */
  reject(ref: string | undefined, code: LedgerIssueCode, message: string): LedgerIssue;
  /**
   * Adds another ledger's records to this one, exactly: a ledger in this process, or the
   * {@link LedgerSnapshot} of one from another worker or machine. All or nothing: the state is
   * validated whole first (format, every count and sum, same options and price-data fingerprint,
   * same unit prices for every bucket, no shard merged twice); a bad one throws an
   * InvalidLedgerStateError (DuplicateShardError for a repeat) naming the field, and this ledger is
   * left exactly as it was.
   */
  merge(other: Ledger | LedgerSnapshot): void;
  /** The ledger's whole state as plain JSON (token sums as strings), to merge elsewhere. */
  snapshot(): LedgerSnapshot;
  totals(): LedgerTotals;
}

/**
 * Unit prices of a snapshot bucket, as integers at the snapshot's `options.scale` (per 1M tokens).
 *
 * @example
 * ```ts
 * const units: LedgerSnapshotUnits = { cacheHit: 44000, cacheMiss: 1320000, output: 3960000 };
 * ```
 */
export interface LedgerSnapshotUnits {
  readonly cacheHit: number;
  readonly cacheMiss: number;
  readonly output: number;
}

/**
 * Token sums of a snapshot bucket, as decimal strings of whole numbers (never rounded).
 *
 * @example
 * ```ts
 * const tokens: LedgerSnapshotTokens = { cacheHit: '0', cacheMiss: '1000000', output: '800', reasoning: '0' };
 * ```
 */
export interface LedgerSnapshotTokens {
  readonly cacheHit: string;
  readonly cacheMiss: string;
  readonly output: string;
  readonly reasoning: string;
}

/**
 * A ledger's state as plain JSON, for merging ledgers across workers, processes or machines
 * (`JSON.stringify` it, ship it, `merge` it). Token sums and amounts are decimal strings so no
 * count is ever rounded; the response ids seen are included when de-duplicating, so repeats across
 * shards are still detected. `shardId` names this ledger, `shards` every ledger whose records the
 * state holds, so the same shard is never merged twice; `options.tariff` is the fingerprint of the
 * price data it was priced with. `merge` validates all of it before changing anything.
 *
 * @example
 * ```ts
 * const shard = createLedger({ groupBy: ['day'] });
 * // ... shard.add(...) in a worker ...
 * const text = JSON.stringify(shard.snapshot());
 * const total = createLedger({ groupBy: ['day'] });
 * total.merge(JSON.parse(text) as LedgerSnapshot);
 * ```
 */
export interface LedgerSnapshot {
  readonly format: 'seekcost-ledger/3';
  readonly shardId: string;
  readonly shards: readonly string[];
  readonly options: {
    readonly groupBy: readonly LedgerDimension[];
    readonly timeZone: string;
    readonly currency: Currency;
    readonly dedupe: boolean;
    readonly nearEdgeMs: number;
    readonly scale: number;
    /** The fingerprint of the price data (see tariffFingerprint). */
    readonly tariff: string;
    readonly acceptSecondaryPrices: boolean;
  };
  readonly counts: {
    readonly seen: number;
    readonly priced: number;
    readonly excluded: number;
    readonly duplicates: number;
    readonly duplicatesAcrossMerges: number;
    readonly requestBasis: number;
    readonly anthropicFormat: number;
  };
  readonly excludedByCode: Readonly<Partial<Record<LedgerIssueCode, number>>>;
  readonly excludedSamples: readonly LedgerIssue[];
  readonly duplicateSamples: readonly LedgerIssue[];
  readonly nearEdge: {
    readonly count: number;
    readonly stakeUnits: string;
    readonly details: readonly {
      readonly ref: string | null;
      readonly id: string | null;
      readonly model: string;
      readonly atMs: number;
      readonly basis: InstantBasis;
      readonly alternativeAtMs: number;
      readonly tier: TierName;
      readonly periodId: string;
      readonly amountUnits: string;
      readonly alternativeUnits: string | null;
    }[];
  };
  readonly buckets: readonly {
    readonly model: string;
    readonly resolvedModel: string;
    readonly mode: Mode | null;
    readonly periodId: string;
    readonly tier: TierName;
    readonly currency: Currency;
    readonly confidence: Confidence;
    readonly warningCodes: readonly string[];
    readonly units: LedgerSnapshotUnits;
    readonly timeKey: number;
    readonly key: string;
    readonly records: number;
    readonly tokens: LedgerSnapshotTokens;
  }[];
  /** Metered counts, each riding with the token bucket (`buckets[bucket]`) of its records. */
  readonly meteredBuckets: readonly LedgerSnapshotMeteredBucket[];
  /** Response ids counted, when de-duplicating. */
  readonly ids: readonly string[] | null;
}
