import { Decimal } from '../decimal.ts';
import { InvalidArgumentError, InvalidUsageError, SeekcostError } from '../errors.ts';
import { fromScaledInteger } from '../exactAmount.ts';
import { getBundledTariff } from '../getBundledTariff.ts';
import type { InstantBasis } from '../priceRequest.ts';
import { resolvePrice } from '../resolvePrice.ts';
import type { Currency, Mode, TierName, Confidence } from '../schema/tariffSchema.ts';
import type { CompiledRates, Tariff } from '../tariff.ts';
import { isoDateOfEpochDay, zonedTime, zoneOffsetMinutes } from '../zonedTime.ts';
import { readLedgerRecord, type RecordFields } from './readLedgerRecord.ts';
import { readUsageCounts, type CountsScratch } from './readUsageCounts.ts';
import { SeenIds } from './seenIds.ts';
import type {
  Ledger,
  LedgerBucket,
  LedgerDimension,
  LedgerGroup,
  LedgerGroupKey,
  LedgerIssue,
  LedgerIssueCode,
  LedgerOptions,
  LedgerSnapshot,
  LedgerTokens,
  LedgerTotals,
  LedgerWarning,
  NearEdgeRecord,
} from './types.ts';
import { DAY_MINUTES, DAY_MS, EXACT_DOUBLE_COUNT_LIMIT, MINUTE_MS, REQUEST_BASIS_HORIZON_MS, UNCERTAIN_CUTOVER_MS } from '../rules.ts';

const QUARTER_MS = 15 * MINUTE_MS;
// Day plans are cached direct-mapped by UTC day number: 1024 days cover any 2.8-year span.
const DAY_CACHE_SIZE = 1024;
const DAY_CACHE_MASK = DAY_CACHE_SIZE - 1;
// Intervals per cached day to start with (a plain day has a handful; the width doubles for days
// with more, e.g. every day when grouping by hour).
const INITIAL_PLAN_WIDTH = 8;
// A bucket's running sums move to BigInt before they could pass 2^53 (each added count is < 2^40).
const SPILL_AT = 2 ** 52;
const DIMENSIONS: readonly LedgerDimension[] = ['day', 'hour', 'model', 'resolved-model', 'period', 'tier', 'currency', 'key'];

/** One resolved unit price (a period's tier in a currency, with its confidence and warnings), shared by every interval it is in force. */
interface PriceEntry {
  readonly id: string;
  readonly resolvedModel: string;
  readonly mode: Mode | null;
  readonly periodId: string;
  readonly tier: TierName;
  readonly currency: Currency;
  readonly rates: CompiledRates;
  readonly hitUnits: number;
  readonly missUnits: number;
  readonly outputUnits: number;
  readonly confidence: Confidence;
  readonly warningCodes: readonly string[];
}

interface Bucket {
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
 * What one stretch of time of one model id prices as, and which group (time key) it falls in.
 * Slots are numbered per model id (the day plans hold their numbers).
 */
interface Slot {
  readonly entry: PriceEntry | undefined;
  readonly errorCode: LedgerIssueCode | undefined;
  readonly timeKey: number;
  bucket: Bucket | undefined;
  byKey: Map<string, Bucket> | undefined;
}

/** Where the last lookup landed: most records fall in the same interval as the one before. */
interface Cursor {
  from: number;
  to: number;
  slot: Slot | undefined;
}

interface ModelState {
  readonly model: string;
  /** Instants where a period, route, retirement or cutover warning starts or ends. */
  readonly breakpoints: readonly number[];
  /** Per time zone, the local minutes of the day at which a tier condition or a group can change. */
  readonly zoneEdges: ReadonlyMap<string, readonly number[]>;
  /** Which UTC day each entry of the direct-mapped day cache holds (NaN: none). */
  readonly days: Float64Array;
  /**
   * The cached days' plans, flat: each UTC day cut into intervals over which nothing that matters
   * changes (not the price, its warnings, nor the local day or hour the ledger groups by). Cache
   * entry i holds `width` pairs (interval start, slot number) at [2 * width * i, ...); unused pairs
   * start at the day's end, so a search never lands on them. A lookup reads one or two adjacent
   * cache lines of this array instead of chasing a plan object, its two arrays and their backing
   * stores (on random-instant input that cut the lookups' cache misses enough for +26% without
   * de-duplication; see docs/benchmarks.md).
   */
  plans: Float64Array;
  width: number;
  readonly interned: Map<string, number>;
  /** The slots the plans name, by number. */
  readonly slots: Slot[];
  readonly main: Cursor;
  readonly alternative: Cursor;
}

interface NearEdgeDetail {
  readonly ref: string | undefined;
  readonly id: string | undefined;
  readonly model: string;
  readonly atMs: number;
  readonly basis: InstantBasis;
  readonly alternativeAtMs: number;
  readonly tier: TierName;
  readonly periodId: string;
  readonly amountUnits: bigint;
  readonly alternativeUnits: bigint | null;
}

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
 * ledger.add({ id: 'x', model: 'nope', created: 1767130891, usage: {} }, 'log.jsonl:2'); // returns the 'unknown-model' issue
 * const totals = ledger.totals();
 * totals.amount.toString(); // '0.0025'
 * totals.records; // { seen: 2, priced: 1, excluded: 1, duplicates: 0 }
 * ```
 */
export function createLedger(options: LedgerOptions = {}): Ledger {
  return new LedgerImpl(options);
}

class LedgerImpl implements Ledger {
  readonly tariff: Tariff;
  readonly currency: Currency;
  readonly timeZone: string;
  readonly groupBy: readonly LedgerDimension[];
  readonly dedupe: boolean;
  readonly defaultBasis: InstantBasis;
  readonly horizonMs: number;
  readonly maxDetails: number;
  readonly keyOf: LedgerOptions['keyOf'];
  readonly byKey: boolean;
  readonly timeGrouping: 'hour' | 'day' | 'none';

  readonly #fields: RecordFields = { model: '', atMs: 0, basis: 'completion', usage: {}, id: undefined, key: undefined };
  readonly #counts: CountsScratch = { hit: 0, miss: 0, output: 0, reasoning: 0, format: 'counts' };
  readonly #states = new Map<string, ModelState>();
  readonly #entries = new Map<string, PriceEntry>();
  readonly buckets = new Map<string, Bucket>();
  seenIds: SeenIds | undefined;

  seen = 0;
  priced = 0;
  excluded = 0;
  duplicates = 0;
  duplicatesAcrossMerges = 0;
  requestBasis = 0;
  anthropicFormat = 0;
  excludedByCode = new Map<LedgerIssueCode, number>();
  excludedSamples: LedgerIssue[] = [];
  duplicateSamples: LedgerIssue[] = [];
  nearEdgeCount = 0;
  nearEdgeStakeUnits = 0n;
  nearEdgeDetails: NearEdgeDetail[] = [];

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
    if (!Number.isSafeInteger(this.horizonMs) || this.horizonMs < 0) throw new InvalidArgumentError('nearEdgeMs', `must be a non-negative integer, got ${this.horizonMs}`);
    this.maxDetails = options.maxDetails ?? 100;
    this.keyOf = options.keyOf;
    this.byKey = this.groupBy.includes('key');
    this.timeGrouping = this.groupBy.includes('hour') ? 'hour' : this.groupBy.includes('day') ? 'day' : 'none';
  }

  add(raw: unknown, ref?: string): LedgerIssue | undefined {
    this.seen++;
    const fields = this.#fields;
    const failure = readLedgerRecord(raw, this.defaultBasis, this.keyOf, fields);
    if (failure !== undefined) return this.#exclude(ref, failure.code, failure.field, failure.message);
    const counts = this.#counts;
    try {
      readUsageCounts(fields.usage, counts);
    } catch (error) {
      if (error instanceof InvalidUsageError) return this.#exclude(ref, 'invalid-usage', error.field, error.message);
      throw error;
    }
    const state = this.#states.get(fields.model) ?? this.#newState(fields.model);
    if (state === undefined) return this.#excludeUnpriced(fields, ref, 'unknown-model');
    const atMs = fields.atMs;
    const cursor = state.main;
    const slot = atMs >= cursor.from && atMs < cursor.to ? (cursor.slot as Slot) : this.#seek(state, cursor, atMs);
    const entry = slot.entry;
    if (entry === undefined) return this.#excludeUnpriced(fields, ref, slot.errorCode ?? 'malformed');

    const id = fields.id;
    const seenIds = this.seenIds;
    if (id !== undefined && seenIds !== undefined && !seenIds.add(id)) return this.#duplicate(ref, id);

    let bucket: Bucket | undefined;
    if (this.byKey) {
      const key = fields.key ?? '';
      const map = (slot.byKey ??= new Map());
      bucket = map.get(key);
      if (bucket === undefined) {
        bucket = this.#bucketFor(state.model, entry, slot.timeKey, key);
        map.set(key, bucket);
      }
    } else {
      bucket = slot.bucket ??= this.#bucketFor(state.model, entry, slot.timeKey, '');
    }
    if (counts.hit >= EXACT_DOUBLE_COUNT_LIMIT || counts.miss >= EXACT_DOUBLE_COUNT_LIMIT || counts.output >= EXACT_DOUBLE_COUNT_LIMIT) {
      bucket.bigHit += BigInt(counts.hit);
      bucket.bigMiss += BigInt(counts.miss);
      bucket.bigOutput += BigInt(counts.output);
      bucket.bigReasoning += BigInt(counts.reasoning);
      bucket.records++;
    } else {
      bucket.records++;
      bucket.hit += counts.hit;
      bucket.miss += counts.miss;
      bucket.output += counts.output;
      bucket.reasoning += counts.reasoning;
      if (bucket.hit > SPILL_AT || bucket.miss > SPILL_AT || bucket.output > SPILL_AT || bucket.reasoning > SPILL_AT) spill(bucket);
    }
    this.priced++;
    if (fields.basis === 'request') this.requestBasis++;
    if (counts.format === 'anthropic') this.anthropicFormat++;

    if (this.horizonMs > 0) {
      const request = fields.basis === 'request';
      const alternativeMs = request ? atMs + this.horizonMs : atMs - this.horizonMs;
      // The other instant is usually in the interval just found (intervals are minutes to hours long).
      const near = state.alternative;
      const alternative =
        alternativeMs >= cursor.from && alternativeMs < cursor.to ? slot : alternativeMs >= near.from && alternativeMs < near.to ? (near.slot as Slot) : this.#seek(state, near, alternativeMs);
      const other = alternative.entry;
      if (other === undefined ? request : other.hitUnits !== entry.hitUnits || other.missUnits !== entry.missUnits || other.outputUnits !== entry.outputUnits) {
        this.#nearEdge(ref, fields, entry, other, alternativeMs);
      }
    }
    return undefined;
  }

  reject(ref: string | undefined, code: LedgerIssueCode, message: string): LedgerIssue {
    this.seen++;
    return this.#exclude(ref, code, undefined, message);
  }

  merge(other: Ledger | LedgerSnapshot): void {
    if (other === this) throw new InvalidArgumentError('other', 'cannot merge a ledger into itself');
    const snapshot = other instanceof LedgerImpl ? other.snapshot() : (other as LedgerSnapshot);
    if (typeof snapshot !== 'object' || snapshot === null || snapshot.format !== 'seekcost-ledger/1') {
      throw new InvalidArgumentError('other', "must be a ledger made by createLedger or a snapshot of one (format 'seekcost-ledger/1')");
    }
    const o = snapshot.options;
    if (o.currency !== this.currency) throw new InvalidArgumentError('other', `totals in ${o.currency}, this ledger in ${this.currency}`);
    if (o.timeZone !== this.timeZone) throw new InvalidArgumentError('other', `groups in ${o.timeZone}, this ledger in ${this.timeZone}`);
    if (o.groupBy.join() !== this.groupBy.join()) throw new InvalidArgumentError('other', `groups by [${o.groupBy.join(', ')}], this ledger by [${this.groupBy.join(', ')}]`);
    if (o.dedupe !== this.dedupe || o.nearEdgeMs !== this.horizonMs) throw new InvalidArgumentError('other', 'was made with different dedupe or nearEdgeMs options');
    if (o.scale !== this.tariff.scale) throw new InvalidArgumentError('other', `prices at scale ${o.scale}, this ledger's price data at ${this.tariff.scale}`);

    // Check every bucket's prices against this ledger's price data before changing anything.
    const entries = snapshot.buckets.map((b) => this.#entryOf(b));
    snapshot.buckets.forEach((theirs, i) => {
      const mine = this.#bucketFor(theirs.model, entries[i] as PriceEntry, theirs.timeKey, theirs.key);
      mine.records += theirs.records;
      mine.bigHit += BigInt(theirs.tokens[0]);
      mine.bigMiss += BigInt(theirs.tokens[1]);
      mine.bigOutput += BigInt(theirs.tokens[2]);
      mine.bigReasoning += BigInt(theirs.tokens[3]);
    });
    const c = snapshot.counts;
    this.seen += c.seen;
    this.priced += c.priced;
    this.excluded += c.excluded;
    this.duplicates += c.duplicates;
    this.duplicatesAcrossMerges += c.duplicatesAcrossMerges;
    this.requestBasis += c.requestBasis;
    this.anthropicFormat += c.anthropicFormat;
    for (const [code, count] of Object.entries(snapshot.excludedByCode) as [LedgerIssueCode, number][]) {
      this.excludedByCode.set(code, (this.excludedByCode.get(code) ?? 0) + count);
    }
    this.excludedSamples = [...this.excludedSamples, ...snapshot.excludedSamples].slice(0, this.maxDetails);
    this.duplicateSamples = [...this.duplicateSamples, ...snapshot.duplicateSamples].slice(0, this.maxDetails);
    this.nearEdgeCount += snapshot.nearEdge.count;
    this.nearEdgeStakeUnits += BigInt(snapshot.nearEdge.stakeUnits);
    const details = snapshot.nearEdge.details.map((d) => ({
      ...d,
      ref: d.ref ?? undefined,
      id: d.id ?? undefined,
      amountUnits: BigInt(d.amountUnits),
      alternativeUnits: d.alternativeUnits === null ? null : BigInt(d.alternativeUnits),
    }));
    this.nearEdgeDetails = [...this.nearEdgeDetails, ...details].slice(0, this.maxDetails);
    if (this.seenIds !== undefined && snapshot.ids !== null) {
      // A ledger keeps ids, not each id's tokens, so a repeat across ledgers cannot be taken back out:
      // it is counted in both and reported. Shard by response id to keep repeats in one shard.
      for (const id of snapshot.ids) if (!this.seenIds.add(id)) this.duplicatesAcrossMerges++;
    }
  }

  snapshot(): LedgerSnapshot {
    const buckets: LedgerSnapshot['buckets'][number][] = [];
    for (const b of this.buckets.values()) {
      const e = b.entry;
      buckets.push({
        model: b.model,
        resolvedModel: e.resolvedModel,
        mode: e.mode,
        periodId: e.periodId,
        tier: e.tier,
        currency: e.currency,
        confidence: e.confidence,
        warningCodes: e.warningCodes,
        units: [e.hitUnits, e.missUnits, e.outputUnits],
        timeKey: b.timeKey,
        key: b.key,
        records: b.records,
        tokens: [
          (BigInt(b.hit) + b.bigHit).toString(),
          (BigInt(b.miss) + b.bigMiss).toString(),
          (BigInt(b.output) + b.bigOutput).toString(),
          (BigInt(b.reasoning) + b.bigReasoning).toString(),
        ],
      });
    }
    const excludedByCode: Partial<Record<LedgerIssueCode, number>> = {};
    for (const [code, count] of this.excludedByCode) excludedByCode[code] = count;
    const plainIssue = (i: LedgerIssue): LedgerIssue => ({ ref: i.ref, code: i.code, field: i.field, message: i.message });
    return {
      format: 'seekcost-ledger/1',
      options: { groupBy: this.groupBy, timeZone: this.timeZone, currency: this.currency, dedupe: this.dedupe, nearEdgeMs: this.horizonMs, scale: this.tariff.scale },
      counts: {
        seen: this.seen,
        priced: this.priced,
        excluded: this.excluded,
        duplicates: this.duplicates,
        duplicatesAcrossMerges: this.duplicatesAcrossMerges,
        requestBasis: this.requestBasis,
        anthropicFormat: this.anthropicFormat,
      },
      excludedByCode,
      excludedSamples: this.excludedSamples.map(plainIssue),
      duplicateSamples: this.duplicateSamples.map(plainIssue),
      nearEdge: {
        count: this.nearEdgeCount,
        stakeUnits: this.nearEdgeStakeUnits.toString(),
        details: this.nearEdgeDetails.map((d) => ({
          ...d,
          ref: d.ref ?? null,
          id: d.id ?? null,
          amountUnits: d.amountUnits.toString(),
          alternativeUnits: d.alternativeUnits === null ? null : d.alternativeUnits.toString(),
        })),
      },
      buckets,
      ids: this.seenIds === undefined ? null : this.seenIds.values(),
    };
  }

  // The price entry a snapshot's bucket names, rebuilt from this ledger's own price data; refuses a
  // bucket whose unit prices differ (the shard priced with other data).
  #entryOf(b: LedgerSnapshot['buckets'][number]): PriceEntry {
    const id = `${b.resolvedModel}|${b.mode ?? ''}|${b.periodId}|${b.tier}|${b.currency}|${b.confidence}|${b.warningCodes.join(',')}`;
    const known = this.#entries.get(id);
    const rates = known?.rates ?? this.tariff.models.get(b.resolvedModel)?.periods.find((p) => p.id === b.periodId)?.tiers.find((t) => t.name === b.tier)?.prices[b.currency];
    if (rates === undefined || rates.units.cacheHit !== b.units[0] || rates.units.cacheMiss !== b.units[1] || rates.units.output !== b.units[2]) {
      throw new InvalidArgumentError('other', `was priced with different price data: ${b.periodId} ${b.tier} ${b.currency} is not priced ${b.units.join('/')} here`);
    }
    return (
      known ??
      this.#intern({
        id,
        resolvedModel: b.resolvedModel,
        mode: b.mode,
        periodId: b.periodId,
        tier: b.tier,
        currency: b.currency,
        rates,
        hitUnits: rates.units.cacheHit,
        missUnits: rates.units.cacheMiss,
        outputUnits: rates.units.output,
        confidence: b.confidence,
        warningCodes: Object.freeze([...b.warningCodes]),
      })
    );
  }

  totals(): LedgerTotals {
    const exponent = this.tariff.scale + 6;
    const groups = new Map<string, { key: LedgerGroupKey; records: number; units: bigint; hit: bigint; miss: bigint; output: bigint; reasoning: bigint }>();
    const buckets: LedgerBucket[] = [];
    let totalUnits = 0n;
    const all = { hit: 0n, miss: 0n, output: 0n, reasoning: 0n };
    const warningCounts = new Map<string, number>();
    for (const bucket of this.buckets.values()) {
      if (bucket.records === 0) continue;
      const entry = bucket.entry;
      const hit = BigInt(bucket.hit) + bucket.bigHit;
      const miss = BigInt(bucket.miss) + bucket.bigMiss;
      const output = BigInt(bucket.output) + bucket.bigOutput;
      const reasoning = BigInt(bucket.reasoning) + bucket.bigReasoning;
      const units = hit * BigInt(entry.hitUnits) + miss * BigInt(entry.missUnits) + output * BigInt(entry.outputUnits);
      totalUnits += units;
      all.hit += hit;
      all.miss += miss;
      all.output += output;
      all.reasoning += reasoning;
      for (const code of entry.warningCodes) warningCounts.set(code, (warningCounts.get(code) ?? 0) + bucket.records);
      const key = this.#groupKey(bucket);
      const groupId = JSON.stringify(this.groupBy.map((d) => key[d] ?? ''));
      let group = groups.get(groupId);
      if (group === undefined) {
        group = { key, records: 0, units: 0n, hit: 0n, miss: 0n, output: 0n, reasoning: 0n };
        groups.set(groupId, group);
      }
      group.records += bucket.records;
      group.units += units;
      group.hit += hit;
      group.miss += miss;
      group.output += output;
      group.reasoning += reasoning;
      buckets.push({
        key,
        model: bucket.model,
        resolvedModel: entry.resolvedModel,
        mode: entry.mode,
        periodId: entry.periodId,
        tier: entry.tier,
        currency: entry.currency,
        rates: { cacheHit: entry.rates.cacheHit, cacheMiss: entry.rates.cacheMiss, output: entry.rates.output },
        confidence: entry.confidence,
        records: bucket.records,
        tokens: tokensOf(hit, miss, output, reasoning),
        amount: fromScaledInteger(units.toString(), exponent),
      });
    }
    const groupList: LedgerGroup[] = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, g]) => ({ key: g.key, records: g.records, tokens: tokensOf(g.hit, g.miss, g.output, g.reasoning), amount: fromScaledInteger(g.units.toString(), exponent) }));
    buckets.sort((a, b) => compareKeys(a, b));

    const byCode: Partial<Record<LedgerIssueCode, number>> = {};
    for (const [code, count] of [...this.excludedByCode.entries()].sort()) byCode[code] = count;

    return {
      currency: this.currency,
      timeZone: this.timeZone,
      groupBy: this.groupBy,
      records: { seen: this.seen, priced: this.priced, excluded: this.excluded, duplicates: this.duplicates },
      basis: { completion: this.priced - this.requestBasis, request: this.requestBasis },
      tokens: tokensOf(all.hit, all.miss, all.output, all.reasoning),
      amount: fromScaledInteger(totalUnits.toString(), exponent),
      groups: groupList,
      buckets,
      excluded: { count: this.excluded, byCode, samples: [...this.excludedSamples] },
      duplicates: { count: this.duplicates, acrossMerges: this.duplicatesAcrossMerges, samples: [...this.duplicateSamples] },
      nearEdge: {
        horizonMs: this.horizonMs,
        count: this.nearEdgeCount,
        atStake: fromScaledInteger(this.nearEdgeStakeUnits.toString(), exponent),
        records: this.nearEdgeDetails.map((d) => nearEdgeRecordOf(d, exponent)),
      },
      warnings: this.#warnings(warningCounts),
    };
  }

  #warnings(entryWarnings: ReadonlyMap<string, number>): LedgerWarning[] {
    const warnings: LedgerWarning[] = [];
    if (this.excluded > 0) {
      warnings.push({ code: 'excluded-records', count: this.excluded, message: `${this.excluded} record(s) could not be priced and are not in the totals (see excluded)` });
    }
    if (this.duplicates > 0) {
      warnings.push({ code: 'duplicate-id', count: this.duplicates, message: `${this.duplicates} record(s) repeat a response id already counted; each id is counted once` });
    }
    if (this.duplicatesAcrossMerges > 0) {
      warnings.push({
        code: 'duplicate-id-across-merges',
        count: this.duplicatesAcrossMerges,
        message: `${this.duplicatesAcrossMerges} response id(s) were counted in more than one merged ledger and are in the totals once per ledger; shard by response id so repeats meet in one shard`,
      });
    }
    if (this.requestBasis > 0) {
      warnings.push({
        code: 'request-time-basis',
        count: this.requestBasis,
        message: `${this.requestBasis} record(s) carry only their request time (created) and were priced at it; DeepSeek bills by completion time (see nearEdge for those whose price could differ)`,
      });
    }
    if (this.anthropicFormat > 0) {
      warnings.push({ code: 'anthropic-usage-mapping', count: this.anthropicFormat, message: "Anthropic-format usage read with Anthropic's convention (input_tokens excludes cache reads); the mapping is unconfirmed for DeepSeek" });
    }
    const messages: Record<string, string> = {
      'uncertain-cutover': 'priced within 24 hours of a price change whose exact instant is not official',
      'beyond-holiday-list': 'priced on dates the holiday list does not cover, so whether they were holidays is unknown',
      'unconfirmed-price': 'priced with prices whose confidence is unconfirmed',
    };
    for (const [code, count] of [...entryWarnings.entries()].sort()) {
      warnings.push({ code, count, message: `${count} record(s) ${messages[code] ?? code}` });
    }
    return warnings;
  }

  #groupKey(bucket: Bucket): LedgerGroupKey {
    const key: LedgerGroupKey = {};
    for (const dimension of this.groupBy) {
      switch (dimension) {
        case 'day':
          key.day = isoDateOfEpochDay(this.timeGrouping === 'hour' ? Math.floor(bucket.timeKey / 24) : bucket.timeKey);
          break;
        case 'hour':
          key.hour = `${isoDateOfEpochDay(Math.floor(bucket.timeKey / 24))}T${String(bucket.timeKey % 24).padStart(2, '0')}`;
          break;
        case 'model':
          key.model = bucket.model;
          break;
        case 'resolved-model':
          key['resolved-model'] = bucket.entry.resolvedModel;
          break;
        case 'period':
          key.period = bucket.entry.periodId;
          break;
        case 'tier':
          key.tier = bucket.entry.tier;
          break;
        case 'currency':
          key.currency = bucket.entry.currency;
          break;
        case 'key':
          key.key = bucket.key;
          break;
      }
    }
    return key;
  }

  #newState(model: string): ModelState | undefined {
    // Unknown ids get no state (each would cost a cache): they are excluded by name, every time.
    const id = this.tariff.ids.get(model);
    if (id === undefined) return undefined;
    const breakpoints = new Set<number>();
    const zoneEdges = new Map<string, Set<number>>();
    const addEdges = (zone: string, minutes: readonly number[]) => {
      const set = zoneEdges.get(zone) ?? new Set<number>();
      for (const minute of minutes) set.add(minute);
      zoneEdges.set(zone, set);
    };
    if (id.retiredAtMs !== undefined) breakpoints.add(id.retiredAtMs);
    for (const route of id.routes) {
      breakpoints.add(route.fromMs);
      breakpoints.add(route.toMs);
      for (const period of route.model.periods) {
        for (const edge of [period.fromMs, period.toMs, period.fromMs + UNCERTAIN_CUTOVER_MS, period.fromMs - UNCERTAIN_CUTOVER_MS]) breakpoints.add(edge);
        for (const tier of period.tiers) {
          const condition = tier.condition;
          if (condition === undefined) continue;
          addEdges(condition.timeZone, condition.windows.flat());
          if (condition.weekdays !== undefined) addEdges(condition.weekdays.timeZone, [0]);
          if (condition.exceptCalendar !== undefined) addEdges(condition.exceptCalendar.timeZone, [0]);
        }
      }
    }
    if (this.timeGrouping === 'day') addEdges(this.timeZone, [0]);
    if (this.timeGrouping === 'hour') addEdges(this.timeZone, Array.from({ length: 24 }, (_, h) => h * 60));
    const state: ModelState = {
      model,
      breakpoints: [...breakpoints].filter(Number.isFinite).sort((a, b) => a - b),
      zoneEdges: new Map([...zoneEdges].map(([zone, minutes]) => [zone, [...minutes]])),
      days: new Float64Array(DAY_CACHE_SIZE).fill(Number.NaN),
      plans: new Float64Array(DAY_CACHE_SIZE * 2 * INITIAL_PLAN_WIDTH),
      width: INITIAL_PLAN_WIDTH,
      interned: new Map(),
      slots: [],
      main: { from: 0, to: 0, slot: undefined },
      alternative: { from: 0, to: 0, slot: undefined },
    };
    this.#states.set(model, state);
    return state;
  }

  /** Finds the interval holding atMs in its day's plan (building the plan on first use) and moves the cursor there. */
  #seek(state: ModelState, cursor: Cursor, atMs: number): Slot {
    const day = Math.floor(atMs / DAY_MS);
    const index = day & DAY_CACHE_MASK;
    if (state.days[index] !== day) this.#plan(state, day, index);
    const plans = state.plans;
    const width = state.width;
    const base = 2 * width * index;
    // Pairs past the day's intervals start at the day's end, beyond any atMs of this day.
    let low = 0;
    let high = width - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((plans[base + 2 * middle] as number) <= atMs) low = middle;
      else high = middle - 1;
    }
    const slot = state.slots[(plans[base + 2 * low + 1] as number) | 0] as Slot;
    cursor.from = plans[base + 2 * low] as number;
    cursor.to = low + 1 < width ? (plans[base + 2 * (low + 1)] as number) : (day + 1) * DAY_MS;
    cursor.slot = slot;
    return slot;
  }

  // Cuts a UTC day at every instant where the price, its warnings or the group could change, then
  // resolves each piece once. Offsets are read per quarter hour (every zone changes offset on one),
  // so a daylight-saving day is cut at the change and at the edges under both offsets.
  #plan(state: ModelState, day: number, index: number): void {
    const dayStart = day * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    const points = new Set<number>([dayStart]);
    for (const point of state.breakpoints) if (point > dayStart && point < dayEnd) points.add(point);
    for (const [zone, minutes] of state.zoneEdges) {
      let offset = zoneOffsetMinutes(dayStart, zone);
      const offsets = new Set<number>([offset]);
      if (zone !== 'UTC') {
        for (let t = dayStart + QUARTER_MS; t < dayEnd; t += QUARTER_MS) {
          const next = zoneOffsetMinutes(t, zone);
          if (next !== offset) {
            points.add(t);
            offsets.add(next);
            offset = next;
          }
        }
      }
      for (const o of offsets) {
        for (const minute of minutes) points.add(dayStart + ((((minute - o) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES) * MINUTE_MS);
      }
    }
    const starts = [...points].sort((a, b) => a - b);
    // Resolved before the cache entry is touched, so an unexpected error leaves it as it was.
    const slots = starts.map((start) => this.#resolveSlot(state, start));
    if (starts.length > state.width) this.#widenPlans(state, starts.length);
    const width = state.width;
    const plans = state.plans;
    const base = 2 * width * index;
    for (let i = 0; i < width; i++) {
      plans[base + 2 * i] = starts[i] ?? dayEnd;
      plans[base + 2 * i + 1] = slots[i] ?? 0;
    }
    state.days[index] = day;
  }

  // A day with more intervals than a cache entry holds (hour grouping, daylight-saving days) widens
  // every entry of this model's cache, keeping the plans already made.
  #widenPlans(state: ModelState, needed: number): void {
    let width = state.width;
    while (width < needed) width *= 2;
    const old = state.plans;
    const oldWidth = state.width;
    const plans = new Float64Array(DAY_CACHE_SIZE * 2 * width);
    for (let index = 0; index < DAY_CACHE_SIZE; index++) {
      const day = state.days[index] as number;
      if (Number.isNaN(day)) continue;
      const from = 2 * oldWidth * index;
      const to = 2 * width * index;
      plans.set(old.subarray(from, from + 2 * oldWidth), to);
      for (let i = oldWidth; i < width; i++) plans[to + 2 * i] = (day + 1) * DAY_MS;
    }
    state.plans = plans;
    state.width = width;
  }

  #resolveSlot(state: ModelState, atMs: number): number {
    let entry: PriceEntry | undefined;
    let errorCode: LedgerIssueCode | undefined;
    try {
      const resolved = resolvePrice({ model: state.model, at: atMs, currency: this.currency, tariff: this.tariff });
      const p = resolved.provenance;
      const warningCodes = resolved.warnings.map((w) => w.code).sort();
      const id = `${p.model}|${p.mode ?? ''}|${p.periodId}|${p.tier}|${p.currency}|${p.confidence}|${warningCodes.join(',')}`;
      entry =
        this.#entries.get(id) ??
        this.#intern({
          id,
          resolvedModel: p.model,
          mode: p.mode,
          periodId: p.periodId,
          tier: p.tier,
          currency: p.currency,
          rates: resolved.rates,
          hitUnits: resolved.rates.units.cacheHit,
          missUnits: resolved.rates.units.cacheMiss,
          outputUnits: resolved.rates.units.output,
          confidence: p.confidence,
          warningCodes: Object.freeze(warningCodes),
        });
    } catch (error) {
      if (!(error instanceof SeekcostError)) throw error;
      errorCode = issueCodeOf(error);
    }
    const timeKey = entry === undefined ? 0 : this.#timeKey(atMs);
    const slotId = entry === undefined ? `!${errorCode}` : `${entry.id}#${timeKey}`;
    let slot = state.interned.get(slotId);
    if (slot === undefined) {
      slot = state.slots.length;
      state.slots.push({ entry, errorCode, timeKey, bucket: undefined, byKey: undefined });
      state.interned.set(slotId, slot);
    }
    return slot;
  }

  #intern(entry: PriceEntry): PriceEntry {
    this.#entries.set(entry.id, entry);
    return entry;
  }

  #timeKey(atMs: number): number {
    if (this.timeGrouping === 'none') return 0;
    const local = zonedTime(atMs, this.timeZone);
    return this.timeGrouping === 'day' ? local.epochDay : local.epochDay * 24 + Math.floor(local.minuteOfDay / 60);
  }

  #bucketFor(model: string, entry: PriceEntry, timeKey: number, key: string): Bucket {
    const id = `${model}\u0001${entry.id}\u0001${timeKey}\u0001${key}`;
    let bucket = this.buckets.get(id);
    if (bucket === undefined) {
      bucket = { id, model, entry, timeKey, key, records: 0, hit: 0, miss: 0, output: 0, reasoning: 0, bigHit: 0n, bigMiss: 0n, bigOutput: 0n, bigReasoning: 0n };
      this.buckets.set(id, bucket);
    }
    return bucket;
  }

  #exclude(ref: string | undefined, code: LedgerIssueCode, field: string | undefined, message: string): LedgerIssue {
    this.excluded++;
    this.excludedByCode.set(code, (this.excludedByCode.get(code) ?? 0) + 1);
    const issue: LedgerIssue = { ref, code, field, message };
    if (this.excludedSamples.length < this.maxDetails) this.excludedSamples.push(issue);
    return issue;
  }

  // Records with no price: the code is known from the slot; the message (which names the instant)
  // costs a thrown error, so it is only built for the samples kept, or when the caller reads it.
  #excludeUnpriced(fields: RecordFields, ref: string | undefined, code: LedgerIssueCode): LedgerIssue {
    this.excluded++;
    this.excludedByCode.set(code, (this.excludedByCode.get(code) ?? 0) + 1);
    const { model, atMs } = fields;
    const { currency, tariff } = this;
    let message: string | undefined;
    const issue: LedgerIssue = {
      ref,
      code,
      field: 'model',
      get message(): string {
        message ??= unpricedMessage(model, atMs, currency, tariff);
        return message;
      },
    };
    if (this.excludedSamples.length < this.maxDetails) {
      message = issue.message;
      this.excludedSamples.push(issue);
    }
    return issue;
  }

  #duplicate(ref: string | undefined, id: string): LedgerIssue {
    this.duplicates++;
    const issue: LedgerIssue = { ref, code: 'duplicate-id', field: 'id', message: `id: response id '${id}' was already counted; this copy is not` };
    if (this.duplicateSamples.length < this.maxDetails) this.duplicateSamples.push(issue);
    return issue;
  }

  #nearEdge(ref: string | undefined, fields: RecordFields, entry: PriceEntry, other: PriceEntry | undefined, alternativeMs: number): void {
    const counts = this.#counts;
    const units = BigInt(counts.hit) * BigInt(entry.hitUnits) + BigInt(counts.miss) * BigInt(entry.missUnits) + BigInt(counts.output) * BigInt(entry.outputUnits);
    const alternativeUnits =
      other === undefined ? null : BigInt(counts.hit) * BigInt(other.hitUnits) + BigInt(counts.miss) * BigInt(other.missUnits) + BigInt(counts.output) * BigInt(other.outputUnits);
    const stake = alternativeUnits === null ? units : alternativeUnits > units ? alternativeUnits - units : units - alternativeUnits;
    this.nearEdgeCount++;
    this.nearEdgeStakeUnits += stake;
    if (this.nearEdgeDetails.length < this.maxDetails) {
      this.nearEdgeDetails.push({
        ref,
        id: fields.id,
        model: fields.model,
        atMs: fields.atMs,
        basis: fields.basis,
        alternativeAtMs: alternativeMs,
        tier: entry.tier,
        periodId: entry.periodId,
        amountUnits: units,
        alternativeUnits,
      });
    }
  }
}

function unpricedMessage(model: string, atMs: number, currency: Currency, tariff: Tariff): string {
  try {
    resolvePrice({ model, at: atMs, currency, tariff });
  } catch (error) {
    if (error instanceof SeekcostError) return error.message;
    throw error;
  }
  return `model: '${model}' could not be priced at ${new Date(atMs).toISOString()}`;
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

function issueCodeOf(error: SeekcostError): LedgerIssueCode {
  switch (error.code) {
    case 'UNKNOWN_MODEL':
      return 'unknown-model';
    case 'RETIRED_MODEL':
      return 'retired-model';
    case 'MODEL_NOT_AVAILABLE':
      return 'model-not-available';
    case 'BEFORE_HISTORY':
      return 'before-history';
    case 'CURRENCY_NOT_PUBLISHED':
      return 'currency-not-published';
    case 'INVALID_INSTANT':
      return 'invalid-timestamp';
    default:
      return 'malformed';
  }
}

function tokensOf(hit: bigint, miss: bigint, output: bigint, reasoning: bigint): LedgerTokens {
  return { cacheHitInputTokens: toCount(hit), cacheMissInputTokens: toCount(miss), outputTokens: toCount(output), reasoningTokens: toCount(reasoning) };
}

function toCount(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new SeekcostError('TOKEN_COUNT_OVERFLOW', `a token total (${value}) is beyond 2^53 and cannot be shown as a number; group more finely (the amounts stay exact)`);
  }
  return Number(value);
}

function compareKeys(a: LedgerBucket, b: LedgerBucket): number {
  const ka = JSON.stringify([a.key, a.model, a.periodId, a.tier]);
  const kb = JSON.stringify([b.key, b.model, b.periodId, b.tier]);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function nearEdgeRecordOf(detail: NearEdgeDetail, exponent: number): NearEdgeRecord {
  const amount = fromScaledInteger(detail.amountUnits.toString(), exponent);
  const alternativeAmount = detail.alternativeUnits === null ? null : fromScaledInteger(detail.alternativeUnits.toString(), exponent);
  return {
    ref: detail.ref,
    id: detail.id,
    model: detail.model,
    at: new Date(detail.atMs).toISOString(),
    basis: detail.basis,
    alternativeAt: new Date(detail.alternativeAtMs).toISOString(),
    tier: detail.tier,
    periodId: detail.periodId,
    amount,
    alternativeAmount,
    atStake: alternativeAmount === null ? amount : Decimal.abs(alternativeAmount.minus(amount)),
  };
}
