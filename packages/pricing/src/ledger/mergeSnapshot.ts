import { addSums, type Bucket } from './ledgerBuckets.ts';
import { addMeteredCount, meteredSpecId, type MeteredSpec } from './meteredBuckets.ts';
import type { Tariff } from '../tariff.ts';
import type { LedgerSnapshotMeteredBucket } from './types.ts';
import type { LedgerCore } from './ledgerCore.ts';
import { describeValue } from '../describeValue.ts';
import { DuplicateShardError, InvalidLedgerStateError } from './ledgerStateErrors.ts';
import { parseLedgerSnapshot } from './parseLedgerSnapshot.ts';
import type { PriceEntry } from './pricePlanCache.ts';
import { MAX_IDS } from './seenIds.ts';
import type { LedgerIssueCode } from './types.ts';

/**
 * Merges a ledger state into a ledger, all or nothing: the state is checked whole first (schema and
 * self-consistency, see {@link parseLedgerSnapshot}), then against the ledger (same currency, time
 * zone, grouping, de-duplication, near-edge horizon, scale and price-data fingerprint; no shard it
 * holds already merged; every bucket's unit prices equal to this ledger's price data), and only
 * then added. Any failure throws an {@link InvalidLedgerStateError} (a {@link DuplicateShardError}
 * for a repeat) naming the field, and leaves the ledger exactly as it was.
 *
 * @example
 * ```ts
 * mergeSnapshot(core, JSON.parse(text)); // throws InvalidLedgerStateError('buckets[3].tokens.output', ...) on a bad state
 * ```
 */
export function mergeSnapshot(core: LedgerCore, state: unknown): void {
  const { snapshot, sums, meteredCounts, stakeUnits } = parseLedgerSnapshot(state);
  const o = snapshot.options;
  const fail = (field: string, reason: string): never => {
    throw new InvalidLedgerStateError(field, reason);
  };
  if (o.currency !== core.currency) fail('options.currency', `totals in ${o.currency}, this ledger in ${core.currency}`);
  if (o.timeZone !== core.timeZone) fail('options.timeZone', `groups in ${describeValue(o.timeZone)}, this ledger in ${core.timeZone}`);
  if (o.groupBy.join() !== core.groupBy.join()) fail('options.groupBy', `groups by [${o.groupBy.join(', ')}], this ledger by [${core.groupBy.join(', ')}]`);
  if (o.dedupe !== core.dedupe)
    fail('options.dedupe', `${o.dedupe ? 'de-duplicates' : 'does not de-duplicate'} response ids, this ledger ${core.dedupe ? 'does' : 'does not'}`);
  if (o.nearEdgeMs !== core.horizonMs)
    fail('options.nearEdgeMs', `reports records within ${o.nearEdgeMs} ms of a price edge, this ledger within ${core.horizonMs} ms`);
  if (o.scale !== core.tariff.scale) fail('options.scale', `prices at scale ${o.scale}, this ledger's price data at ${core.tariff.scale}`);
  if (o.tariff !== core.tariffFingerprint)
    fail('options.tariff', `was priced with other price data (${o.tariff}); this ledger's price data is ${core.tariffFingerprint}`);
  if (o.acceptSecondaryPrices !== core.acceptSecondaryPrices)
    fail(
      'options.acceptSecondaryPrices',
      `${o.acceptSecondaryPrices ? 'accepts' : 'does not accept'} third-party per-call prices, this ledger ${core.acceptSecondaryPrices ? 'does' : 'does not'}`,
    );
  snapshot.shards.forEach((id, i) => {
    if (core.shards.has(id)) throw new DuplicateShardError(i === 0 ? 'shardId' : `shards[${i}]`, id);
  });
  const entries = snapshot.buckets.map((b, i): PriceEntry => {
    const entry = core.plans.entryFor(b);
    if (entry === undefined) {
      fail(
        `buckets[${i}].units`,
        `was priced with different price data: ${b.periodId.length <= 80 && /^[\w./-]+$/.test(b.periodId) ? b.periodId : describeValue(b.periodId)} ${b.tier} ${b.currency} is not priced ${b.units.cacheHit}/${b.units.cacheMiss}/${b.units.output} here`,
      );
    }
    return entry as PriceEntry;
  });
  const meteredSpecs = snapshot.meteredBuckets.map((m, i): MeteredSpec => {
    const spec = meteredSpecFor(core.tariff, m);
    if (spec === undefined)
      fail(
        `meteredBuckets[${i}].units`,
        `was priced with different price data: ${m.item} ${m.periodId.length <= 80 && /^[\w./-]+$/.test(m.periodId) ? m.periodId : describeValue(m.periodId)} ${m.currency} is not priced ${m.units}e-${m.exponent} per ${m.unitSize} here`,
      );
    return spec as MeteredSpec;
  });
  const c = snapshot.counts;
  const issues = core.issues;
  for (const [field, mine, theirs] of [
    ['counts.seen', core.seen, c.seen],
    ['counts.duplicatesAcrossMerges', issues.duplicatesAcrossMerges, c.duplicatesAcrossMerges],
    ['nearEdge.count', issues.nearEdgeCount, snapshot.nearEdge.count],
  ] as const) {
    if (!Number.isSafeInteger(mine + theirs)) fail(field, `would take this ledger's count past 2^53 - 1 (${mine} + ${theirs})`);
  }
  const ids = snapshot.ids;
  if (core.seenIds !== undefined && ids !== null && core.seenIds.size + ids.length > MAX_IDS) {
    fail('ids', `would take this ledger past ${MAX_IDS} distinct response ids; shard the input by response id and merge fewer states per ledger`);
  }

  // Everything is checked: from here on nothing can fail.
  const merged: Bucket[] = snapshot.buckets.map((theirs, i) => {
    const bucket = core.buckets.bucketFor(theirs.model, entries[i] as PriceEntry, theirs.timeKey, theirs.key);
    addSums(bucket, theirs.records, sums[i] as (typeof sums)[number]);
    return bucket;
  });
  snapshot.meteredBuckets.forEach((theirs, i) => {
    addMeteredCount(core.meteredBuckets.bucketFor(merged[theirs.bucket] as Bucket, meteredSpecs[i] as MeteredSpec), meteredCounts[i] as bigint, theirs.records);
  });
  core.seen += c.seen;
  core.priced += c.priced;
  core.requestBasis += c.requestBasis;
  core.anthropicFormat += c.anthropicFormat;
  issues.excluded += c.excluded;
  issues.duplicates += c.duplicates;
  issues.duplicatesAcrossMerges += c.duplicatesAcrossMerges;
  for (const [code, count] of Object.entries(snapshot.excludedByCode) as [LedgerIssueCode, number][]) {
    issues.excludedByCode.set(code, (issues.excludedByCode.get(code) ?? 0) + count);
  }
  const plain = <T extends { ref?: string | null | undefined; field?: string | null | undefined }>(i: T) => ({
    ...i,
    ref: i.ref ?? undefined,
    field: i.field ?? undefined,
  });
  issues.excludedSamples = [...issues.excludedSamples, ...snapshot.excludedSamples.map(plain)].slice(0, issues.maxDetails);
  issues.duplicateSamples = [...issues.duplicateSamples, ...snapshot.duplicateSamples.map(plain)].slice(0, issues.maxDetails);
  issues.nearEdgeCount += snapshot.nearEdge.count;
  issues.nearEdgeStakeUnits += stakeUnits;
  const details = snapshot.nearEdge.details.map((d) => ({
    ...d,
    ref: d.ref ?? undefined,
    id: d.id ?? undefined,
    amountUnits: BigInt(d.amountUnits),
    alternativeUnits: d.alternativeUnits === null ? null : BigInt(d.alternativeUnits),
  }));
  issues.nearEdgeDetails = [...issues.nearEdgeDetails, ...details].slice(0, issues.maxDetails);
  if (core.seenIds !== undefined && ids !== null) {
    // A ledger keeps ids, not each id's tokens, so a repeat across ledgers cannot be taken back out:
    // it is counted in both and reported. Shard by response id to keep repeats in one shard.
    for (const id of ids) if (!core.seenIds.add(id)) issues.duplicatesAcrossMerges++;
  }
  for (const id of snapshot.shards) core.shards.add(id);
}

// The metered price a snapshot bucket names, from this ledger's own price data, or undefined when
// the price data has no such price or prices it differently.
function meteredSpecFor(tariff: Tariff, m: LedgerSnapshotMeteredBucket): MeteredSpec | undefined {
  const period = tariff.meteredItems.get(m.item)?.timelines[m.via].find((p) => p.id === m.periodId);
  if (period === undefined) return undefined;
  let prices = period.prices;
  if (m.discountId !== null) {
    const discount = period.discounts.find((d) => d.id === m.discountId);
    if (discount === undefined) return undefined;
    prices = { ...period.prices, ...discount.prices };
  }
  const price = prices[m.currency];
  if (price === undefined || price.units !== m.units || price.exponent !== m.exponent || price.unitSize !== m.unitSize || price.secondaryOnly === m.published)
    return undefined;
  return {
    id: meteredSpecId(m.item, m.via, m.periodId, m.discountId ?? undefined, m.currency, m.confidence, m.warningCodes),
    item: m.item,
    via: m.via,
    periodId: m.periodId,
    discountId: m.discountId ?? undefined,
    currency: m.currency,
    published: m.published,
    confidence: m.confidence,
    warningCodes: Object.freeze([...m.warningCodes]),
    price,
  };
}
