import { Decimal } from '../decimal.ts';
import { SeekcostError } from '../errors.ts';
import { fromScaledInteger } from '../exactAmount.ts';
import { isoDateOfEpochDay } from '../zonedTime.ts';
import { bucketSums, type Bucket } from './ledgerBuckets.ts';
import { meteredAmount } from '../meteredAmount.ts';
import type { MeteredItem } from '../schema/tariffSchema.ts';
import { meteredSum } from './meteredBuckets.ts';
import type { LedgerCore } from './ledgerCore.ts';
import type { NearEdgeDetail } from './ledgerIssues.ts';
import type {
  LedgerBucket,
  LedgerDimension,
  LedgerGroup,
  LedgerGroupKey,
  LedgerIssueCode,
  LedgerMeteredBucket,
  LedgerMeteredLine,
  LedgerTokens,
  LedgerTotals,
  LedgerWarning,
  NearEdgeRecord,
} from './types.ts';

const ENTRY_WARNING_MESSAGES: Readonly<Record<string, string>> = {
  'uncertain-cutover': 'priced within 24 hours of a price change whose exact instant is not official',
  'beyond-holiday-list': 'priced on dates the holiday list does not cover, so whether they were holidays is unknown',
  'unconfirmed-price': 'priced with prices whose confidence is unconfirmed',
  'secondary-price': 'carry per-call charges priced with a third-party figure (DeepSeek published none in this currency)',
  'pending-discount': 'carry per-call charges during an announced discount whose values are not known (list price used)',
};

const METERED_ORDER: readonly MeteredItem[] = ['search', 'fetch', 'ocrPages', 'ttsCharacters', 'asr'];

type MeteredSums = Map<MeteredItem, { count: bigint; amount: Decimal }>;

/**
 * A ledger's totals: one multiplication per bucket (token sums times unit prices, as integers in
 * units of 10^-(scale+6)), summed per group and overall, then the report (counts, excluded records,
 * duplicates, near-edge records, warnings). Exact: no amount is rounded.
 *
 * @example
 * ```ts
 * const totals = ledgerTotals(core);
 * totals.amount.toString(); // '0.0025'
 * ```
 */
export function ledgerTotals(core: LedgerCore): LedgerTotals {
  const exponent = core.tariff.scale + 6;
  const groups = new Map<
    string,
    { key: LedgerGroupKey; records: number; units: bigint; hit: bigint; miss: bigint; output: bigint; reasoning: bigint; metered: MeteredSums }
  >();
  const groupOfBucket = new Map<Bucket, { key: LedgerGroupKey; metered: MeteredSums }>();
  const buckets: LedgerBucket[] = [];
  let totalUnits = 0n;
  const all = { hit: 0n, miss: 0n, output: 0n, reasoning: 0n };
  const warningCounts = new Map<string, number>();
  for (const bucket of core.buckets.values()) {
    if (bucket.records === 0) continue;
    const entry = bucket.entry;
    const [hit, miss, output, reasoning] = bucketSums(bucket);
    const units = hit * BigInt(entry.hitUnits) + miss * BigInt(entry.missUnits) + output * BigInt(entry.outputUnits);
    totalUnits += units;
    all.hit += hit;
    all.miss += miss;
    all.output += output;
    all.reasoning += reasoning;
    for (const code of entry.warningCodes) warningCounts.set(code, (warningCounts.get(code) ?? 0) + bucket.records);
    const key = groupKey(bucket, core.groupBy, core.timeGrouping === 'hour');
    const groupId = JSON.stringify(core.groupBy.map((d) => key[d] ?? ''));
    let group = groups.get(groupId);
    if (group === undefined) {
      group = { key, records: 0, units: 0n, hit: 0n, miss: 0n, output: 0n, reasoning: 0n, metered: new Map() };
      groups.set(groupId, group);
    }
    groupOfBucket.set(bucket, group);
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
  // Per-call counts: one multiplication per (group, metered price) bucket, summed per item.
  const allMetered: MeteredSums = new Map();
  const meteredBuckets: LedgerMeteredBucket[] = [];
  for (const m of core.meteredBuckets.values()) {
    const group = groupOfBucket.get(m.bucket);
    const count = meteredSum(m);
    if (group === undefined || count === 0n) continue;
    const spec = m.spec;
    const amount = meteredAmount(count, spec.price);
    addMetered(group.metered, spec.item, count, amount);
    addMetered(allMetered, spec.item, count, amount);
    for (const code of spec.warningCodes) warningCounts.set(code, (warningCounts.get(code) ?? 0) + m.records);
    meteredBuckets.push({
      key: group.key,
      model: m.bucket.model,
      item: spec.item,
      via: spec.via,
      periodId: spec.periodId,
      discountId: spec.discountId,
      currency: spec.currency,
      unitPrice: spec.price.price,
      unitSize: spec.price.unitSize,
      published: spec.published,
      confidence: spec.confidence,
      count: toCount(count),
      amount,
    });
  }
  const groupList: LedgerGroup[] = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => {
      const metered = meteredLines(g.metered);
      return {
        key: g.key,
        records: g.records,
        tokens: tokensOf(g.hit, g.miss, g.output, g.reasoning),
        metered,
        amount: withMetered(fromScaledInteger(g.units.toString(), exponent), metered),
      };
    });
  buckets.sort(compareBuckets);
  meteredBuckets.sort(compareMeteredBuckets);
  const metered = meteredLines(allMetered);

  const issues = core.issues;
  const byCode: Partial<Record<LedgerIssueCode, number>> = {};
  for (const [code, count] of [...issues.excludedByCode.entries()].sort()) byCode[code] = count;

  return {
    currency: core.currency,
    timeZone: core.timeZone,
    groupBy: core.groupBy,
    records: { seen: core.seen, priced: core.priced, excluded: issues.excluded, duplicates: issues.duplicates },
    basis: { completion: core.priced - core.requestBasis, request: core.requestBasis },
    tokens: tokensOf(all.hit, all.miss, all.output, all.reasoning),
    metered,
    amount: withMetered(fromScaledInteger(totalUnits.toString(), exponent), metered),
    groups: groupList,
    buckets,
    meteredBuckets,
    excluded: { count: issues.excluded, byCode, samples: [...issues.excludedSamples] },
    duplicates: { count: issues.duplicates, acrossMerges: issues.duplicatesAcrossMerges, samples: [...issues.duplicateSamples] },
    nearEdge: {
      horizonMs: core.horizonMs,
      count: issues.nearEdgeCount,
      atStake: fromScaledInteger(issues.nearEdgeStakeUnits.toString(), exponent),
      records: issues.nearEdgeDetails.map((d) => nearEdgeRecordOf(d, exponent)),
    },
    warnings: ledgerWarnings(core, warningCounts),
  };
}

function ledgerWarnings(core: LedgerCore, entryWarnings: ReadonlyMap<string, number>): LedgerWarning[] {
  const { excluded, duplicates, duplicatesAcrossMerges } = core.issues;
  const warnings: LedgerWarning[] = [];
  if (excluded > 0) {
    warnings.push({ code: 'excluded-records', count: excluded, message: `${excluded} record(s) could not be priced and are not in the totals (see excluded)` });
  }
  if (duplicates > 0) {
    warnings.push({
      code: 'duplicate-id',
      count: duplicates,
      message: `${duplicates} record(s) repeat a response id already counted; each id is counted once`,
    });
  }
  if (duplicatesAcrossMerges > 0) {
    warnings.push({
      code: 'duplicate-id-across-merges',
      count: duplicatesAcrossMerges,
      message: `${duplicatesAcrossMerges} response id(s) were counted in more than one merged ledger and are in the totals once per ledger; shard by response id so repeats meet in one shard`,
    });
  }
  if (core.requestBasis > 0) {
    warnings.push({
      code: 'request-time-basis',
      count: core.requestBasis,
      message: `${core.requestBasis} record(s) carry only their request time (created) and were priced at it; DeepSeek bills by completion time (see nearEdge for those whose price could differ)`,
    });
  }
  if (core.anthropicFormat > 0) {
    warnings.push({
      code: 'anthropic-usage-mapping',
      count: core.anthropicFormat,
      message: "Anthropic-format usage read with Anthropic's convention (input_tokens excludes cache reads); the mapping is unconfirmed for DeepSeek",
    });
  }
  for (const [code, count] of [...entryWarnings.entries()].sort()) {
    warnings.push({ code, count, message: `${count} record(s) ${ENTRY_WARNING_MESSAGES[code] ?? code}` });
  }
  return warnings;
}

function groupKey(bucket: Bucket, groupBy: readonly LedgerDimension[], hourly: boolean): LedgerGroupKey {
  const key: LedgerGroupKey = {};
  for (const dimension of groupBy) {
    switch (dimension) {
      case 'day':
        key.day = isoDateOfEpochDay(hourly ? Math.floor(bucket.timeKey / 24) : bucket.timeKey);
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

function tokensOf(hit: bigint, miss: bigint, output: bigint, reasoning: bigint): LedgerTokens {
  return { cacheHitInputTokens: toCount(hit), cacheMissInputTokens: toCount(miss), outputTokens: toCount(output), reasoningTokens: toCount(reasoning) };
}

function toCount(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new SeekcostError(
      'TOKEN_COUNT_OVERFLOW',
      `a token total (${value}) is beyond 2^53 and cannot be shown as a number; group more finely (the amounts stay exact)`,
    );
  }
  return Number(value);
}

function addMetered(sums: MeteredSums, item: MeteredItem, count: bigint, amount: Decimal): void {
  const line = sums.get(item);
  if (line === undefined) sums.set(item, { count, amount });
  else sums.set(item, { count: line.count + count, amount: line.amount.plus(amount) });
}

function meteredLines(sums: MeteredSums): LedgerMeteredLine[] {
  const lines: LedgerMeteredLine[] = [];
  for (const item of METERED_ORDER) {
    const line = sums.get(item);
    if (line !== undefined) lines.push({ item, count: toCount(line.count), amount: line.amount });
  }
  return lines;
}

function withMetered(tokens: Decimal, lines: readonly LedgerMeteredLine[]): Decimal {
  let amount = tokens;
  for (const line of lines) amount = amount.plus(line.amount);
  return amount;
}

function compareMeteredBuckets(a: LedgerMeteredBucket, b: LedgerMeteredBucket): number {
  const ka = JSON.stringify([a.key, a.model, METERED_ORDER.indexOf(a.item), a.via, a.periodId, a.discountId ?? '', a.confidence]);
  const kb = JSON.stringify([b.key, b.model, METERED_ORDER.indexOf(b.item), b.via, b.periodId, b.discountId ?? '', b.confidence]);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function compareBuckets(a: LedgerBucket, b: LedgerBucket): number {
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
