import { InvalidUsageError, SeekcostError } from './errors.ts';
import { readLedgerRecord, type RecordFields } from './ledger/readLedgerRecord.ts';
import type { LedgerIssueCode } from './ledger/types.ts';
import { priceRequest, type InstantBasis, type Quote } from './priceRequest.ts';
import type { Currency } from './schema/tariffSchema.ts';
import type { Tariff } from './tariff.ts';
import { issueCodeOf } from './ledger/issueCodeOf.ts';

/**
 * Arguments of {@link priceRecord} other than the record.
 *
 * @example
 * ```ts
 * import type { PriceRecordOptions } from '@seekcost/pricing';
 * const options: PriceRecordOptions = { currency: 'CNY', instant: 'completion' };
 * ```
 */
export interface PriceRecordOptions {
  readonly currency?: Currency;
  /** What a record's `at` is when it does not say (`basis`); `created` is always the request time. */
  readonly instant?: InstantBasis;
  readonly tariff?: Tariff;
}

/**
 * A record priced once: when it counts (epoch ms), its response id, and its quote; or why it could
 * not be priced (the same codes as the ledger's issues, with the field at fault).
 *
 * @example
 * ```ts
 * import { priceRecord, type PricedRecord } from '@seekcost/pricing';
 * const priced: PricedRecord = priceRecord({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: 6000, completion_tokens: 800 } });
 * priced.ok; // => true
 * ```
 */
export type PricedRecord =
  | { readonly ok: true; readonly atMs: number; readonly id: string | undefined; readonly quote: Quote }
  | { readonly ok: false; readonly code: LedgerIssueCode; readonly field: string | undefined; readonly message: string };

/**
 * Prices one usage record of any shape the ledger reads (a log line with `model`, `at` and `usage`,
 * an API response with `created`, a wrapped `response`...) exactly once: reads it, then quotes it
 * with {@link priceRequest}. Never throws for a bad record: the result says what was wrong, so a
 * stream of records goes on. The building block of balance drawdowns and of any per-record report.
 *
 * @example
 * ```ts
 * import { priceRecord } from '@seekcost/pricing';
 * const priced = priceRecord({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, completion_tokens: 800 } });
 * priced.ok && priced.quote.total.toString(); // => '0.0025'
 * const bad = priceRecord({ model: 'deepseek-chat', usage: {} });
 * bad.ok || bad.code; // => 'missing-timestamp'
 * ```
 */
export function priceRecord(raw: unknown, options: PriceRecordOptions = {}): PricedRecord {
  const fields = {} as RecordFields;
  const failure = readLedgerRecord(raw, options.instant ?? 'completion', undefined, fields);
  if (failure !== undefined) return { ok: false, code: failure.code, field: failure.field, message: failure.message };
  try {
    const quote = priceRequest({
      model: fields.model,
      usage: fields.usage,
      at: fields.atMs,
      instant: fields.basis,
      ...(options.currency === undefined ? {} : { currency: options.currency }),
      ...(options.tariff === undefined ? {} : { tariff: options.tariff }),
    });
    return { ok: true, atMs: fields.atMs, id: fields.id, quote };
  } catch (error) {
    if (error instanceof InvalidUsageError) return { ok: false, code: 'invalid-usage', field: error.field, message: error.message };
    if (error instanceof SeekcostError)
      return {
        ok: false,
        code: issueCodeOf(error),
        field: 'field' in error && typeof error.field === 'string' ? error.field : undefined,
        message: error.message,
      };
    throw error;
  }
}
