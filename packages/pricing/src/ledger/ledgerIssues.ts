import { SeekcostError } from '../errors.ts';
import type { InstantBasis } from '../priceRequest.ts';
import { resolvePrice } from '../resolvePrice.ts';
import type { Currency, TierName } from '../schema/tariffSchema.ts';
import type { Tariff } from '../tariff.ts';
import type { PriceEntry } from './pricePlanCache.ts';
import type { CountsScratch } from './readUsageCounts.ts';
import type { RecordFields } from './readLedgerRecord.ts';
import type { LedgerIssue, LedgerIssueCode } from './types.ts';

/**
 * A record near a price edge, as kept for the report (amounts in units of 10^-(scale+6)).
 *
 * @example
 * ```ts
 * const detail: NearEdgeDetail = issues.nearEdgeDetails[0]!;
 * detail.amountUnits; // 1980000000000n
 * ```
 */
export interface NearEdgeDetail {
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
 * A record's per-call charges at its own instant and at the other basis's instant (null: not
 * priced there), in the near-edge units of 10^-(scale+6) of the currency.
 *
 * @example
 * ```ts
 * const m: MeteredNearEdgeUnits = { units: 5_000_000_000_000n, alternativeUnits: 0n }; // 5 CNY against 0
 * ```
 */
export interface MeteredNearEdgeUnits {
  readonly units: bigint;
  readonly alternativeUnits: bigint | null;
}

/**
 * A ledger's bookkeeping of what it did not simply add: excluded records (by code, with the first
 * `maxDetails` as samples), repeated response ids, and records near a price edge with the amount
 * at stake. Everything is counted; only the samples are capped.
 *
 * @example
 * ```ts
 * const issues = new LedgerIssues(100, 'USD', getBundledTariff());
 * issues.exclude('log:2', 'malformed', undefined, 'not JSON');
 * issues.excluded; // 1
 * ```
 */
export class LedgerIssues {
  readonly maxDetails: number;
  readonly #currency: Currency;
  readonly #tariff: Tariff;
  excluded = 0;
  excludedByCode = new Map<LedgerIssueCode, number>();
  excludedSamples: LedgerIssue[] = [];
  duplicates = 0;
  duplicatesAcrossMerges = 0;
  duplicateSamples: LedgerIssue[] = [];
  nearEdgeCount = 0;
  nearEdgeStakeUnits = 0n;
  nearEdgeDetails: NearEdgeDetail[] = [];

  constructor(maxDetails: number, currency: Currency, tariff: Tariff) {
    this.maxDetails = maxDetails;
    this.#currency = currency;
    this.#tariff = tariff;
  }

  exclude(ref: string | undefined, code: LedgerIssueCode, field: string | undefined, message: string): LedgerIssue {
    this.excluded++;
    this.excludedByCode.set(code, (this.excludedByCode.get(code) ?? 0) + 1);
    const issue: LedgerIssue = { ref, code, field, message };
    if (this.excludedSamples.length < this.maxDetails) this.excludedSamples.push(issue);
    return issue;
  }

  // Records with no price: the code is known from the plan; the message (which names the instant)
  // costs a thrown error, so it is only built for the samples kept, or when the caller reads it.
  excludeUnpriced(fields: RecordFields, ref: string | undefined, code: LedgerIssueCode): LedgerIssue {
    this.excluded++;
    this.excludedByCode.set(code, (this.excludedByCode.get(code) ?? 0) + 1);
    const { model, atMs } = fields;
    const currency = this.#currency;
    const tariff = this.#tariff;
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

  duplicate(ref: string | undefined, id: string): LedgerIssue {
    this.duplicates++;
    const issue: LedgerIssue = { ref, code: 'duplicate-id', field: 'id', message: `id: response id '${id}' was already counted; this copy is not` };
    if (this.duplicateSamples.length < this.maxDetails) this.duplicateSamples.push(issue);
    return issue;
  }

  /**
   * Counts a record whose price at the other basis's instant differs (or is missing), with the amount
   * at stake: tokens, plus its per-call charges when it has any (`metered`, in the same units).
   */
  nearEdge(
    ref: string | undefined,
    fields: RecordFields,
    counts: CountsScratch,
    entry: PriceEntry,
    other: PriceEntry | undefined,
    alternativeMs: number,
    metered?: MeteredNearEdgeUnits,
  ): void {
    const units =
      BigInt(counts.hit) * BigInt(entry.hitUnits) +
      BigInt(counts.miss) * BigInt(entry.missUnits) +
      BigInt(counts.output) * BigInt(entry.outputUnits) +
      (metered?.units ?? 0n);
    const alternativeUnits =
      other === undefined || metered?.alternativeUnits === null
        ? null
        : BigInt(counts.hit) * BigInt(other.hitUnits) +
          BigInt(counts.miss) * BigInt(other.missUnits) +
          BigInt(counts.output) * BigInt(other.outputUnits) +
          (metered?.alternativeUnits ?? 0n);
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
