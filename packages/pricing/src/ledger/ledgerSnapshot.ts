import { bucketSums, type Bucket } from './ledgerBuckets.ts';
import { meteredSum } from './meteredBuckets.ts';
import type { LedgerCore } from './ledgerCore.ts';
import { SNAPSHOT_FORMAT } from './parseLedgerSnapshot.ts';
import type { LedgerIssue, LedgerIssueCode, LedgerSnapshot } from './types.ts';

/**
 * A ledger's whole state as plain JSON (see {@link LedgerSnapshot}): token sums and amounts as
 * decimal strings, the ids counted when de-duplicating, the shard identities it holds and the
 * fingerprint of its price data.
 *
 * @example
 * ```ts
 * const text = JSON.stringify(ledgerSnapshot(core));
 * ```
 */
export function ledgerSnapshot(core: LedgerCore): LedgerSnapshot {
  const buckets: LedgerSnapshot['buckets'][number][] = [];
  const indexOf = new Map<Bucket, number>();
  for (const b of core.buckets.values()) {
    indexOf.set(b, buckets.length);
    const e = b.entry;
    const [hit, miss, output, reasoning] = bucketSums(b);
    buckets.push({
      model: b.model,
      resolvedModel: e.resolvedModel,
      mode: e.mode,
      periodId: e.periodId,
      tier: e.tier,
      currency: e.currency,
      confidence: e.confidence,
      warningCodes: e.warningCodes,
      units: { cacheHit: e.hitUnits, cacheMiss: e.missUnits, output: e.outputUnits },
      timeKey: b.timeKey,
      key: b.key,
      records: b.records,
      tokens: { cacheHit: hit.toString(), cacheMiss: miss.toString(), output: output.toString(), reasoning: reasoning.toString() },
    });
  }
  const meteredBuckets: LedgerSnapshot['meteredBuckets'][number][] = [];
  for (const m of core.meteredBuckets.values()) {
    const s = m.spec;
    meteredBuckets.push({
      bucket: indexOf.get(m.bucket) as number,
      item: s.item,
      via: s.via,
      periodId: s.periodId,
      discountId: s.discountId ?? null,
      currency: s.currency,
      published: s.published,
      confidence: s.confidence,
      warningCodes: s.warningCodes,
      units: s.price.units,
      exponent: s.price.exponent,
      unitSize: s.price.unitSize,
      records: m.records,
      count: meteredSum(m).toString(),
    });
  }
  const issues = core.issues;
  const excludedByCode: Partial<Record<LedgerIssueCode, number>> = {};
  for (const [code, count] of issues.excludedByCode) excludedByCode[code] = count;
  const plainIssue = (i: LedgerIssue): LedgerIssue => ({ ref: i.ref, code: i.code, field: i.field, message: i.message });
  return {
    format: SNAPSHOT_FORMAT,
    shardId: core.shardId,
    shards: [...core.shards],
    options: {
      groupBy: core.groupBy,
      timeZone: core.timeZone,
      currency: core.currency,
      dedupe: core.dedupe,
      nearEdgeMs: core.horizonMs,
      scale: core.tariff.scale,
      tariff: core.tariffFingerprint,
      acceptSecondaryPrices: core.acceptSecondaryPrices,
    },
    counts: {
      seen: core.seen,
      priced: core.priced,
      excluded: issues.excluded,
      duplicates: issues.duplicates,
      duplicatesAcrossMerges: issues.duplicatesAcrossMerges,
      requestBasis: core.requestBasis,
      anthropicFormat: core.anthropicFormat,
    },
    excludedByCode,
    excludedSamples: issues.excludedSamples.map(plainIssue),
    duplicateSamples: issues.duplicateSamples.map(plainIssue),
    nearEdge: {
      count: issues.nearEdgeCount,
      stakeUnits: issues.nearEdgeStakeUnits.toString(),
      details: issues.nearEdgeDetails.map((d) => ({
        ...d,
        ref: d.ref ?? null,
        id: d.id ?? null,
        amountUnits: d.amountUnits.toString(),
        alternativeUnits: d.alternativeUnits === null ? null : d.alternativeUnits.toString(),
      })),
    },
    buckets,
    meteredBuckets,
    ids: core.seenIds === undefined ? null : core.seenIds.values(),
  };
}
