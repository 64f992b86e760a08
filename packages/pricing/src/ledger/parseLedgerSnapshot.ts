import { z } from 'zod';
import { confidenceSchema, currencySchema, meteredItemSchema, meteredViaSchema, modeSchema, tierNameSchema } from '../schema/tariffSchema.ts';
import type { BucketSums } from './ledgerBuckets.ts';
import { describeValue } from '../describeValue.ts';
import { InvalidLedgerStateError } from './ledgerStateErrors.ts';
import { SeenIds } from './seenIds.ts';
import type { LedgerSnapshot } from './types.ts';

/** The snapshot format this version writes and reads. */
export const SNAPSHOT_FORMAT = 'seekcost-ledger/3';

const COUNT = 'must be a non-negative whole number (a JSON number)';
const SUM = 'must be a non-negative whole number written as a decimal string, like "1500"';
// Counts are JSON numbers, so they must be exact doubles; token sums are strings of any size, but a
// sum of more than 30 digits is not a count of tokens (and would make BigInt work for nothing).
const count = z.number({ error: COUNT }).int({ error: COUNT }).min(0, { error: COUNT });
const positiveCount = z
  .number({ error: 'must be a whole number of at least 1' })
  .int({ error: 'must be a whole number of at least 1' })
  .min(1, { error: 'must be a whole number of at least 1' });
const sum = z.string({ error: SUM }).regex(/^(0|[1-9]\d{0,29})$/, { error: SUM });
const instantMs = z.number({ error: 'must be epoch milliseconds (a whole JSON number)' }).int({ error: 'must be epoch milliseconds (a whole JSON number)' });
const text = z.string({ error: 'must be a string' });
const shardId = z
  .string({ error: 'must be a string of 1 to 200 characters' })
  .min(1, { error: 'must be a string of 1 to 200 characters' })
  .max(200, { error: 'must be a string of 1 to 200 characters' });

const dimensionSchema = z.enum(['day', 'hour', 'model', 'resolved-model', 'period', 'tier', 'currency', 'key']);
const issueCodeSchema = z.enum([
  'malformed',
  'missing-model',
  'missing-usage',
  'invalid-usage',
  'missing-timestamp',
  'invalid-timestamp',
  'timestamp-in-milliseconds',
  'timestamp-in-seconds',
  'absurd-timestamp',
  'unknown-model',
  'retired-model',
  'model-not-available',
  'before-history',
  'currency-not-published',
  'unknown-metered-item',
  'metered-not-available',
  'metered-price-not-published',
  'duplicate-id',
]);
/** The warnings a price entry can carry (resolvePrice's codes); nothing else may ride into a report. */
const entryWarningSchema = z.enum(['uncertain-cutover', 'beyond-holiday-list', 'unconfirmed-price']);
/** The warnings a metered price can carry (resolveMeteredPrice's codes). */
const meteredWarningSchema = z.enum(['pending-discount', 'secondary-price', 'uncertain-cutover']);
const positiveSum = z
  .string({ error: 'must be a whole number of at least 1 written as a decimal string, like "3"' })
  .regex(/^[1-9]\d{0,29}$/, { error: 'must be a whole number of at least 1 written as a decimal string, like "3"' });

const issueSchema = z.strictObject({ ref: text.nullish(), code: issueCodeSchema, field: text.nullish(), message: text });

const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  shardId,
  shards: z.array(shardId).min(1),
  options: z.strictObject({
    groupBy: z.array(dimensionSchema),
    timeZone: text,
    currency: currencySchema,
    dedupe: z.boolean({ error: 'must be true or false' }),
    nearEdgeMs: count,
    scale: count,
    tariff: z
      .string({ error: 'must be a price-data fingerprint like "sha256:<64 hex digits>"' })
      .regex(/^sha256:[0-9a-f]{64}$/, { error: 'must be a price-data fingerprint like "sha256:<64 hex digits>"' }),
    acceptSecondaryPrices: z.boolean({ error: 'must be true or false' }),
  }),
  counts: z.strictObject({
    seen: count,
    priced: count,
    excluded: count,
    duplicates: count,
    duplicatesAcrossMerges: count,
    requestBasis: count,
    anthropicFormat: count,
  }),
  excludedByCode: z.partialRecord(issueCodeSchema, positiveCount),
  excludedSamples: z.array(issueSchema),
  duplicateSamples: z.array(issueSchema),
  nearEdge: z.strictObject({
    count,
    stakeUnits: sum,
    details: z.array(
      z.strictObject({
        ref: text.nullable(),
        id: text.nullable(),
        model: text,
        atMs: instantMs,
        basis: z.enum(['completion', 'request']),
        alternativeAtMs: instantMs,
        tier: tierNameSchema,
        periodId: text,
        amountUnits: sum,
        alternativeUnits: sum.nullable(),
      }),
    ),
  }),
  buckets: z.array(
    z.strictObject({
      model: text,
      resolvedModel: text,
      mode: modeSchema.nullable(),
      periodId: text,
      tier: tierNameSchema,
      currency: currencySchema,
      confidence: confidenceSchema,
      warningCodes: z.array(entryWarningSchema),
      units: z.strictObject({ cacheHit: count, cacheMiss: count, output: count }),
      timeKey: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }),
      key: text,
      records: positiveCount,
      tokens: z.strictObject({ cacheHit: sum, cacheMiss: sum, output: sum, reasoning: sum }),
    }),
  ),
  meteredBuckets: z.array(
    z.strictObject({
      bucket: count,
      item: meteredItemSchema,
      via: meteredViaSchema,
      periodId: text,
      discountId: text.nullable(),
      currency: currencySchema,
      published: z.boolean({ error: 'must be true or false' }),
      confidence: confidenceSchema,
      warningCodes: z.array(meteredWarningSchema),
      units: count,
      exponent: count,
      unitSize: positiveCount,
      records: positiveCount,
      count: positiveSum,
    }),
  ),
  ids: z.array(text).nullable(),
});

type ParsedSnapshot = z.output<typeof snapshotSchema>;

/**
 * A snapshot checked whole: its JSON as written, plus each bucket's token sums as BigInts.
 *
 * @example
 * ```ts
 * const { snapshot, sums } = parseLedgerSnapshot(JSON.parse(text));
 * sums[0]; // => [0n, 1000000n, 800n, 0n]
 * ```
 */
export interface ValidLedgerSnapshot {
  readonly snapshot: LedgerSnapshot;
  readonly sums: readonly BucketSums[];
  /** Each metered bucket's count. */
  readonly meteredCounts: readonly bigint[];
  readonly stakeUnits: bigint;
}

/**
 * Checks a ledger state (a {@link LedgerSnapshot}, e.g. read back from a file) whole, against the
 * zod schema of the current format and for consistency with itself: every count a non-negative
 * whole JSON number, every token sum a whole decimal string, no unknown field, every bucket in the
 * state's currency, record counts that add up, ids present exactly when de-duplicating. Throws an
 * {@link InvalidLedgerStateError} naming the first bad field's path (e.g.
 * `buckets[3].tokens.output`) and the reason; changes nothing.
 *
 * @example
 * ```ts
 * import { createLedger, parseLedgerSnapshot } from '@seekcost/pricing/ledger';
 * const state = createLedger({ shardId: 'a' }).snapshot();
 * parseLedgerSnapshot(state).sums; // => []
 * try {
 *   parseLedgerSnapshot({ ...state, counts: { ...state.counts, seen: '5' } });
 * } catch (error) {
 *   (error as { field: string }).field; // => 'counts.seen'
 * }
 * ```
 */
export function parseLedgerSnapshot(value: unknown): ValidLedgerSnapshot {
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidLedgerStateError('(root)', `must be a ledger snapshot object, got ${describeValue(value)}`);
  if (format !== SNAPSHOT_FORMAT) {
    const older = typeof format === 'string' && /^seekcost-ledger\/[12]$/.test(format);
    throw new InvalidLedgerStateError(
      'format',
      older
        ? `${describeValue(format)} is an older snapshot format that this version does not read (it was not checked whole on merge); re-create the state with this version, which writes '${SNAPSHOT_FORMAT}'`
        : `must be '${SNAPSHOT_FORMAT}', got ${describeValue(format)}`,
    );
  }
  // zod's records drop a `__proto__` key without a word; a state that has one is refused instead.
  const byCode = (value as { excludedByCode?: unknown }).excludedByCode;
  if (typeof byCode === 'object' && byCode !== null) {
    for (const key of Object.keys(byCode)) {
      if (!issueCodeSchema.safeParse(key).success) throw new InvalidLedgerStateError(fieldPath(['excludedByCode', key]), 'is not a ledger issue code');
    }
  }
  const result = snapshotSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const [first, ...rest] = result.error.issues;
    if (first === undefined) throw new InvalidLedgerStateError('(root)', 'is not a valid ledger snapshot');
    const keys = first.code === 'unrecognized_keys' ? first.keys : [];
    const path = fieldPath(keys.length > 0 ? [...first.path, keys[0] as string] : first.path);
    const reason = first.code === 'unrecognized_keys' ? 'is not a field of a ledger snapshot' : `${first.message}, got ${describeValue(first.input)}`;
    throw new InvalidLedgerStateError(path, rest.length > 0 ? `${reason} (and ${rest.length} more problem(s))` : reason);
  }
  const snapshot = result.data;
  checkConsistency(snapshot);
  const sums = snapshot.buckets.map(
    (b): BucketSums => [BigInt(b.tokens.cacheHit), BigInt(b.tokens.cacheMiss), BigInt(b.tokens.output), BigInt(b.tokens.reasoning)],
  );
  sums.forEach((s, i) => {
    if (s[3] > s[2])
      throw new InvalidLedgerStateError(
        `buckets[${i}].tokens.reasoning`,
        `is more than the bucket's output tokens (${s[3]} > ${s[2]}); reasoning tokens are part of output`,
      );
  });
  return {
    snapshot: snapshot as LedgerSnapshot,
    sums,
    meteredCounts: snapshot.meteredBuckets.map((m) => BigInt(m.count)),
    stakeUnits: BigInt(snapshot.nearEdge.stakeUnits),
  };
}

function checkConsistency(s: ParsedSnapshot): void {
  const fail = (field: string, reason: string): never => {
    throw new InvalidLedgerStateError(field, reason);
  };
  if (s.shards[0] !== s.shardId) fail('shards[0]', `must be the state's own shardId ${describeValue(s.shardId)}, got ${describeValue(s.shards[0])}`);
  const shardSet = new Set<string>();
  s.shards.forEach((id, i) => {
    if (shardSet.has(id)) fail(`shards[${i}]`, `repeats shard ${describeValue(id)}`);
    shardSet.add(id);
  });
  const dimensions = new Set<string>();
  s.options.groupBy.forEach((d, i) => {
    if (dimensions.has(d)) fail(`options.groupBy[${i}]`, `repeats '${d}'`);
    dimensions.add(d);
  });
  const timeGrouped = dimensions.has('day') || dimensions.has('hour');
  let records = 0;
  s.buckets.forEach((b, i) => {
    if (b.currency !== s.options.currency) fail(`buckets[${i}].currency`, `is ${b.currency} in a state that totals in ${s.options.currency}`);
    if (!timeGrouped && b.timeKey !== 0) fail(`buckets[${i}].timeKey`, `must be 0 when grouping by neither day nor hour, got ${b.timeKey}`);
    if (!dimensions.has('key') && b.key !== '') fail(`buckets[${i}].key`, `must be '' when not grouping by key, got ${describeValue(b.key)}`);
    const codes = b.warningCodes;
    if (codes.some((code, j) => j > 0 && (codes[j - 1] as string) >= code)) fail(`buckets[${i}].warningCodes`, 'must be sorted, without repeats');
    records += b.records;
  });
  const meteredIds = new Set<string>();
  s.meteredBuckets.forEach((m, i) => {
    const owner = s.buckets[m.bucket];
    if (owner === undefined) fail(`meteredBuckets[${i}].bucket`, `must be the index of a token bucket (0 to ${s.buckets.length - 1}), got ${m.bucket}`);
    else if (m.records > owner.records)
      fail(`meteredBuckets[${i}].records`, `is ${m.records}, more than the ${owner.records} record(s) of buckets[${m.bucket}]`);
    if (m.currency !== s.options.currency) fail(`meteredBuckets[${i}].currency`, `is ${m.currency} in a state that totals in ${s.options.currency}`);
    if (!m.published && !s.options.acceptSecondaryPrices)
      fail(`meteredBuckets[${i}].published`, 'is false (a third-party price) in a state that does not accept secondary prices');
    const codes = m.warningCodes;
    if (codes.some((code, j) => j > 0 && (codes[j - 1] as string) >= code)) fail(`meteredBuckets[${i}].warningCodes`, 'must be sorted, without repeats');
    const id = JSON.stringify([m.bucket, m.item, m.via, m.periodId, m.discountId, m.confidence, codes]);
    if (meteredIds.has(id)) fail(`meteredBuckets[${i}]`, 'repeats an earlier metered bucket (same token bucket and price)');
    meteredIds.add(id);
  });
  const c = s.counts;
  const safe = (field: string, value: number): void => {
    if (!Number.isSafeInteger(value)) fail(field, 'adds up to more than 2^53 - 1');
  };
  safe('buckets', records);
  if (records !== c.priced) fail('counts.priced', `is ${c.priced}, but the buckets hold ${records} record(s)`);
  const excluded = Object.values(s.excludedByCode).reduce((total: number, n) => total + (n ?? 0), 0);
  safe('excludedByCode', excluded);
  if (excluded !== c.excluded) fail('counts.excluded', `is ${c.excluded}, but excludedByCode adds up to ${excluded}`);
  safe('counts', c.priced + c.excluded + c.duplicates);
  if (c.seen !== c.priced + c.excluded + c.duplicates)
    fail('counts.seen', `is ${c.seen}, but priced + excluded + duplicates is ${c.priced + c.excluded + c.duplicates}`);
  if (c.requestBasis > c.priced) fail('counts.requestBasis', `is ${c.requestBasis}, more than the ${c.priced} priced record(s)`);
  if (c.anthropicFormat > c.priced) fail('counts.anthropicFormat', `is ${c.anthropicFormat}, more than the ${c.priced} priced record(s)`);
  if (s.excludedSamples.length > c.excluded) fail('excludedSamples', `lists ${s.excludedSamples.length} record(s), more than the ${c.excluded} excluded`);
  s.excludedSamples.forEach((sample, i) => {
    if (sample.code === 'duplicate-id') fail(`excludedSamples[${i}].code`, "is 'duplicate-id', which is not an exclusion");
  });
  if (s.duplicateSamples.length > c.duplicates)
    fail('duplicateSamples', `lists ${s.duplicateSamples.length} record(s), more than the ${c.duplicates} duplicates`);
  s.duplicateSamples.forEach((sample, i) => {
    if (sample.code !== 'duplicate-id') fail(`duplicateSamples[${i}].code`, `must be 'duplicate-id', got '${sample.code}'`);
  });
  if (s.nearEdge.details.length > s.nearEdge.count)
    fail('nearEdge.details', `lists ${s.nearEdge.details.length} record(s), more than nearEdge.count (${s.nearEdge.count})`);
  if (s.nearEdge.count > c.priced) fail('nearEdge.count', `is ${s.nearEdge.count}, more than the ${c.priced} priced record(s)`);
  if (s.options.dedupe !== (s.ids !== null))
    fail('ids', s.options.dedupe ? 'must list the response ids counted, since the state de-duplicates' : 'must be null, since the state does not de-duplicate');
  if (s.ids !== null) {
    if (s.ids.length > c.priced) fail('ids', `lists ${s.ids.length} id(s), more than the ${c.priced} priced record(s)`);
    // SeenIds allocates in chunks of 64K ids (cheap per id, costly for a few); a Set suits a few.
    const seen = s.ids.length > 65_536 ? new SeenIds() : new Set<string>();
    s.ids.forEach((id, i) => {
      if (seen instanceof SeenIds ? !seen.add(id) : seen.size === seen.add(id).size) fail(`ids[${i}]`, `repeats response id ${describeValue(id)}`);
    });
  }
}

/** `buckets[3].tokens.output` from zod's ['buckets', 3, 'tokens', 'output']. */
function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$-]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${describeValue(String(part))}]`;
  }
  return text === '' ? '(root)' : text;
}
