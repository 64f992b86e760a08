import type { RecordReadFailure } from '../readLedgerRecord.ts';

/**
 * What a reader of a foreign record format (OpenTelemetry span, LiteLLM log) hands to
 * readLedgerRecord: the model, the completion instant in epoch ms (and the field it came from, for
 * error messages), the response id if any, and the usage as seekcost's plain billed counts.
 *
 * @example
 * ```ts
 * const read: ForeignRecord = { model: 'deepseek-chat', atMs: 1767130891000, atField: 'endTimeUnixNano', id: undefined, usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 21, outputTokens: 1 } };
 * ```
 */
export interface ForeignRecord {
  readonly model: string;
  readonly atMs: number;
  readonly atField: string;
  readonly id: string | undefined;
  readonly usage: Readonly<Record<string, unknown>>;
}

/**
 * A reader's result: the record, or why it cannot be read.
 *
 * @example
 * ```ts
 * const result: ForeignReadResult = { code: 'missing-model', field: 'model', message: 'model: is missing' };
 * ```
 */
export type ForeignReadResult = ForeignRecord | RecordReadFailure;

/**
 * Whether a reader's result is a failure.
 *
 * @example
 * ```ts
 * import { isReadFailure } from '@seekcost/pricing/ledger';
 * isReadFailure({ code: 'malformed', field: undefined, message: 'x' }); // => true
 * ```
 */
export function isReadFailure(result: ForeignReadResult): result is RecordReadFailure {
  return 'code' in result;
}
