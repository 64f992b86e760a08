import { InvalidArgumentError, InvalidUsageError, SeekcostError } from '../errors.ts';
import { getBundledTariff } from '../getBundledTariff.ts';
import type { InstantBasis } from '../priceRequest.ts';
import { REQUEST_BASIS_HORIZON_MS } from '../rules.ts';
import type { Currency, MeteredVia } from '../schema/tariffSchema.ts';
import type { Tariff } from '../tariff.ts';
import { zonedTime } from '../zonedTime.ts';
import { addCounts, LedgerBuckets, type Bucket } from './ledgerBuckets.ts';
import type { LedgerCore } from './ledgerCore.ts';
import { LedgerIssues, type MeteredNearEdgeUnits } from './ledgerIssues.ts';
import { ledgerSnapshot } from './ledgerSnapshot.ts';
import { DuplicateShardError } from './ledgerStateErrors.ts';
import { ledgerTotals } from './ledgerTotals.ts';
import { mergeSnapshot } from './mergeSnapshot.ts';
import { addMeteredCount, LedgerMeteredBuckets, meteredSpecOf } from './meteredBuckets.ts';
import { priceMetered, type MeteredCounts, type MeteredQuote } from '../priceMetered.ts';
import { Decimal } from '../decimal.ts';
import { PricePlanCache, type Slot, type TimeGrouping } from './pricePlanCache.ts';
import { readLedgerRecord, type RecordFields } from './readLedgerRecord.ts';
import { readUsageCounts, type CountsScratch } from './readUsageCounts.ts';
import { SeenIds } from './seenIds.ts';
import { tariffFingerprint } from './tariffFingerprint.ts';
import type { Ledger, LedgerDimension, LedgerIssue, LedgerIssueCode, LedgerOptions, LedgerSnapshot, LedgerTotals } from './types.ts';

// The ledger assembled from its parts: the price-plan cache (pricePlanCache.ts), the buckets and
// their spill rule (ledgerBuckets.ts), the issue bookkeeping (ledgerIssues.ts), totals and report
// (ledgerTotals.ts), snapshot (ledgerSnapshot.ts) and the validated merge (mergeSnapshot.ts). Only
// the per-record hot path lives here.

const DIMENSIONS: readonly LedgerDimension[] = ['day', 'hour', 'model', 'resolved-model', 'period', 'tier', 'currency', 'key'];

/**
 * An exact, mergeable running total of DeepSeek API costs over any number of records. Each record is
 * read (ledger shape, raw API response, or wrapper; see {@link readLedgerRecord}), its price looked
 * up in a per-model plan of each UTC day (the day cut wherever a price, tier or group can change,
 * each piece resolved once) and its token counts added as integers to its price bucket (group + period + tier + currency); `totals()` multiplies once per
 * bucket. Totals equal the sum of per-record `priceRequest` totals exactly.
 *
 * Bad records are counted and reported with their `ref` and reason, never dropped in silence; a
 * response id seen twice is counted once with a warning (unless `dedupe: false`). The totals say which
 * instant basis each record was priced at and list the records near a tier edge whose price would
 * differ under the other basis, with the amount at stake.
 *
 * @example
 * ```ts
 * import { createLedger } from '@seekcost/pricing/ledger';
 * const ledger = createLedger({ groupBy: ['model'], timeZone: 'Asia/Shanghai' });
 * ledger.add({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800 } });
 * ledger.add({ id: 'x', model: 'nope', created: 1767130891, usage: { prompt_tokens: 1, completion_tokens: 1 } }, 'log.jsonl:2')?.code; // => 'unknown-model'
 * const totals = ledger.totals();
 * totals.amount.toString(); // => '0.0025'
 * totals.records; // => { seen: 2, priced: 1, excluded: 1, duplicates: 0 }
 * ```
 */
export function createLedger(options: LedgerOptions = {}): Ledger {
  return new LedgerImpl(options);
}

class LedgerImpl implements Ledger, LedgerCore {
  readonly tariff: Tariff;
  readonly tariffFingerprint: string;
  readonly currency: Currency;
  readonly timeZone: string;
  readonly groupBy: readonly LedgerDimension[];
  readonly timeGrouping: TimeGrouping;
  readonly dedupe: boolean;
  readonly defaultBasis: InstantBasis;
  readonly horizonMs: number;
  readonly keyOf: LedgerOptions['keyOf'];
  readonly byKey: boolean;
  readonly shardId: string;
  readonly shards: Set<string>;
  readonly plans: PricePlanCache;
  readonly buckets = new LedgerBuckets();
  readonly meteredBuckets = new LedgerMeteredBuckets();
  readonly acceptSecondaryPrices: boolean;
  readonly issues: LedgerIssues;
  readonly seenIds: SeenIds | undefined;
  seen = 0;
  priced = 0;
  requestBasis = 0;
  anthropicFormat = 0;

  readonly #fields: RecordFields = {
    model: '',
    atMs: 0,
    basis: 'completion',
    usage: {},
    id: undefined,
    key: undefined,
    metered: undefined,
    meteredVia: undefined,
  };
  readonly #counts: CountsScratch = { hit: 0, miss: 0, output: 0, reasoning: 0, format: 'counts' };

  constructor(options: LedgerOptions) {
    this.tariff = options.tariff ?? getBundledTariff();
    this.currency = options.currency ?? 'USD';
    if (this.currency !== 'USD' && this.currency !== 'CNY') throw new InvalidArgumentError('currency', `must be 'USD' or 'CNY', got ${String(this.currency)}`);
    this.timeZone = options.timeZone ?? 'UTC';
    try {
      zonedTime(0, this.timeZone);
    } catch {
      throw new InvalidArgumentError('timeZone', `'${this.timeZone}' is not an IANA time zone known to Intl`);
    }
    const groupBy = options.groupBy ?? [];
    for (const dimension of groupBy) {
      if (!DIMENSIONS.includes(dimension)) throw new InvalidArgumentError('groupBy', `unknown dimension '${String(dimension)}'; use ${DIMENSIONS.join(', ')}`);
    }
    this.groupBy = Object.freeze([...new Set(groupBy)]);
    this.dedupe = options.dedupe ?? true;
    this.seenIds = this.dedupe ? new SeenIds() : undefined;
    this.defaultBasis = options.instant ?? 'completion';
    if (this.defaultBasis !== 'completion' && this.defaultBasis !== 'request') throw new InvalidArgumentError('instant', `must be 'completion' or 'request'`);
    this.horizonMs = options.nearEdgeMs ?? REQUEST_BASIS_HORIZON_MS;
    if (!Number.isSafeInteger(this.horizonMs) || this.horizonMs < 0)
      throw new InvalidArgumentError('nearEdgeMs', `must be a non-negative integer, got ${this.horizonMs}`);
    const maxDetails = options.maxDetails ?? 100;
    if (!Number.isSafeInteger(maxDetails) || maxDetails < 0) throw new InvalidArgumentError('maxDetails', `must be a non-negative integer, got ${maxDetails}`);
    const shardId = options.shardId ?? globalThis.crypto.randomUUID();
    if (typeof shardId !== 'string' || shardId.length < 1 || shardId.length > 200)
      throw new InvalidArgumentError('shardId', 'must be a string of 1 to 200 characters');
    this.shardId = shardId;
    this.shards = new Set([shardId]);
    this.acceptSecondaryPrices = options.acceptSecondaryPrices ?? false;
    if (typeof this.acceptSecondaryPrices !== 'boolean') throw new InvalidArgumentError('acceptSecondaryPrices', 'must be true or false');
    this.keyOf = options.keyOf;
    this.byKey = this.groupBy.includes('key');
    this.timeGrouping = this.groupBy.includes('hour') ? 'hour' : this.groupBy.includes('day') ? 'day' : 'none';
    this.tariffFingerprint = tariffFingerprint(this.tariff);
    this.plans = new PricePlanCache(this.tariff, this.currency, this.timeZone, this.timeGrouping);
    this.issues = new LedgerIssues(maxDetails, this.currency, this.tariff);
    if (this.horizonMs > 0) checkNearEdgeUnits(this.tariff);
  }

  add(raw: unknown, ref?: string): LedgerIssue | undefined {
    this.seen++;
    const fields = this.#fields;
    const issues = this.issues;
    const failure = readLedgerRecord(raw, this.defaultBasis, this.keyOf, fields);
    if (failure !== undefined) return issues.exclude(ref, failure.code, failure.field, failure.message);
    const counts = this.#counts;
    try {
      readUsageCounts(fields.usage, counts);
    } catch (error) {
      if (error instanceof InvalidUsageError) return issues.exclude(ref, 'invalid-usage', error.field, error.message);
      throw error;
    }
    const plans = this.plans;
    const state = plans.modelState(fields.model);
    if (state === undefined) return issues.excludeUnpriced(fields, ref, 'unknown-model');
    const atMs = fields.atMs;
    const cursor = state.main;
    const slot = atMs >= cursor.from && atMs < cursor.to ? (cursor.slot as Slot) : plans.seek(state, cursor, atMs);
    const entry = slot.entry;
    if (entry === undefined) return issues.excludeUnpriced(fields, ref, slot.errorCode ?? 'malformed');
    let metered: MeteredQuote | undefined;
    if (fields.metered !== undefined) {
      const priced = this.#priceMetered(fields, ref);
      if (!('lines' in priced)) return priced;
      metered = priced;
    }

    const id = fields.id;
    const seenIds = this.seenIds;
    if (id !== undefined && seenIds !== undefined && !seenIds.add(id)) return issues.duplicate(ref, id);

    let bucket: Bucket | undefined;
    if (this.byKey) {
      const key = fields.key ?? '';
      const map = (slot.byKey ??= new Map());
      bucket = map.get(key);
      if (bucket === undefined) {
        bucket = this.buckets.bucketFor(state.model, entry, slot.timeKey, key);
        map.set(key, bucket);
      }
    } else {
      bucket = slot.bucket ??= this.buckets.bucketFor(state.model, entry, slot.timeKey, '');
    }
    addCounts(bucket, counts);
    if (metered !== undefined) this.#addMetered(bucket, metered);
    this.priced++;
    if (fields.basis === 'request') this.requestBasis++;
    if (counts.format === 'anthropic') this.anthropicFormat++;

    if (this.horizonMs > 0) {
      const request = fields.basis === 'request';
      const alternativeMs = request ? atMs + this.horizonMs : atMs - this.horizonMs;
      // The other instant is usually in the interval just found (intervals are minutes to hours long).
      const near = state.alternative;
      const alternative =
        alternativeMs >= cursor.from && alternativeMs < cursor.to
          ? slot
          : alternativeMs >= near.from && alternativeMs < near.to
            ? (near.slot as Slot)
            : plans.seek(state, near, alternativeMs);
      const other = alternative.entry;
      const tokensDiffer =
        other === undefined ? request : other.hitUnits !== entry.hitUnits || other.missUnits !== entry.missUnits || other.outputUnits !== entry.outputUnits;
      const alternativeMetered = metered === undefined ? undefined : this.#meteredQuoteAt(fields, alternativeMs);
      // A per-call price edge counts like a token one; nothing priced at the other instant is,
      // as for tokens, reported only for request-basis records.
      const meteredDiffer =
        metered !== undefined && alternativeMetered !== undefined && (alternativeMetered === null ? request : !alternativeMetered.total.eq(metered.total));
      if (tokensDiffer || meteredDiffer)
        issues.nearEdge(
          ref,
          fields,
          counts,
          entry,
          other,
          alternativeMs,
          metered === undefined || alternativeMetered === undefined ? undefined : this.#meteredAmounts(metered, alternativeMetered),
        );
    }
    return undefined;
  }

  #meteredQuoteAt(fields: RecordFields, atMs: number): MeteredQuote | null {
    try {
      return priceMetered(this.#meteredRequest(fields, atMs));
    } catch (error) {
      if (error instanceof SeekcostError) return null;
      throw error;
    }
  }

  // The record's per-call amounts in the near-edge units (10^-(scale+6) of the currency), at its own
  // instant and at the other one (null where nothing is priced there).
  #meteredAmounts(metered: MeteredQuote, alternative: MeteredQuote | null): MeteredNearEdgeUnits {
    return { units: this.#nearEdgeUnits(metered.total), alternativeUnits: alternative === null ? null : this.#nearEdgeUnits(alternative.total) };
  }

  #nearEdgeUnits(amount: Decimal): bigint {
    const scaled = amount.times(new Decimal(10).pow(this.tariff.scale + 6));
    // Per-call prices have at most 5 decimals per unit today; a price data file with finer ones
    // than the ledger's units cannot be reported near an edge exactly, so it is refused, not rounded.
    if (!scaled.isInteger())
      throw new InvalidArgumentError('tariff', `a per-call amount (${amount.toFixed()}) has more than ${this.tariff.scale + 6} decimals`);
    return BigInt(scaled.toFixed(0));
  }

  // The same rules as priceRequest's `metered` (priceMetered); a typed error excludes the record.
  #priceMetered(fields: RecordFields, ref: string | undefined): MeteredQuote | LedgerIssue {
    const via = fields.meteredVia;
    if (via !== undefined && via !== 'tool-call' && via !== 'api') {
      return this.issues.exclude(
        ref,
        'malformed',
        'meteredVia',
        `meteredVia: must be 'tool-call' or 'api', got ${typeof via === 'string' ? JSON.stringify(via.slice(0, 40)) : via === null ? 'null' : typeof via}`,
      );
    }
    try {
      return priceMetered(this.#meteredRequest(fields, fields.atMs));
    } catch (error) {
      if (!(error instanceof SeekcostError)) throw error;
      const field = (error as { field?: unknown }).field;
      return this.issues.exclude(ref, meteredIssueCode(error.code), typeof field === 'string' ? field : 'metered', error.message);
    }
  }

  // The record's per-call counts as priceMetered takes them (its `meteredVia` is checked first).
  #meteredRequest(fields: RecordFields, atMs: number): Parameters<typeof priceMetered>[0] {
    const via = fields.meteredVia as MeteredVia | undefined;
    return {
      counts: fields.metered as MeteredCounts,
      at: atMs,
      ...(via === undefined ? {} : { via }),
      currency: this.currency,
      acceptSecondaryPrices: this.acceptSecondaryPrices,
      tariff: this.tariff,
    };
  }

  #addMetered(bucket: Bucket, quote: MeteredQuote): void {
    const codes = quote.warnings.map((w) => w.code);
    for (const line of quote.lines) {
      // Warnings are per item; a line carries those naming its item (their messages start with it).
      const own = quote.warnings.length === 0 ? codes : quote.warnings.filter((w) => w.message.startsWith(`${line.item}:`)).map((w) => w.code);
      addMeteredCount(this.meteredBuckets.bucketFor(bucket, meteredSpecOf(line, own)), line.count);
    }
  }

  reject(ref: string | undefined, code: LedgerIssueCode, message: string): LedgerIssue {
    this.seen++;
    return this.issues.exclude(ref, code, undefined, message);
  }

  merge(other: Ledger | LedgerSnapshot): void {
    if (other === this) throw new DuplicateShardError('other', this.shardId);
    mergeSnapshot(this, other instanceof LedgerImpl ? other.snapshot() : other);
  }

  snapshot(): LedgerSnapshot {
    return ledgerSnapshot(this);
  }

  totals(): LedgerTotals {
    return ledgerTotals(this);
  }
}

// The near-edge report sums tokens and per-call charges in units of 10^-(scale+6) of the currency:
// every per-call price must be a whole number of those units per count (true of DeepSeek's prices,
// at most 5 decimals per call). A price data file with finer ones is refused here, before any record,
// rather than reported inexactly later; nearEdgeMs: 0 turns the report off.
const unitsChecked = new WeakSet<Tariff>();
function checkNearEdgeUnits(tariff: Tariff): void {
  // Once per tariff: a process makes many ledgers (one per shard or --jobs range) over the same one.
  if (unitsChecked.has(tariff)) return;
  const exponent = tariff.scale + 6;
  for (const [item, metered] of tariff.meteredItems) {
    for (const periods of Object.values(metered.timelines)) {
      for (const period of periods) {
        for (const prices of [period.prices, ...period.discounts.map((d) => d.prices)]) {
          for (const price of Object.values(prices)) {
            if (price === undefined) continue;
            // price.exponent already counts the unit size (amount = count x units x 10^-exponent).
            const perCount = new Decimal(price.units).times(new Decimal(10).pow(exponent - price.exponent));
            if (!perCount.isInteger())
              throw new InvalidArgumentError(
                'nearEdgeMs',
                `${item} ${period.id}: a per-call price finer than 10^-${exponent} cannot be reported near an edge exactly; pass nearEdgeMs: 0`,
              );
          }
        }
      }
    }
  }
  unitsChecked.add(tariff);
}

function meteredIssueCode(code: string): LedgerIssueCode {
  switch (code) {
    case 'UNKNOWN_METERED_ITEM':
      return 'unknown-metered-item';
    case 'METERED_ITEM_NOT_AVAILABLE':
    case 'UNPRICED_METERED_ITEM':
      return 'metered-not-available';
    case 'METERED_PRICE_NOT_PUBLISHED':
      return 'metered-price-not-published';
    default:
      return 'invalid-usage';
  }
}
