import { SeekcostError } from '../errors.ts';
import { describeValue } from '../describeValue.ts';

/**
 * A ledger state (snapshot) that cannot be merged: malformed, from another format version, made
 * with other options or other price data, or inconsistent with itself. `field` is the path of the
 * first bad field (e.g. `buckets[3].tokens.output`); the ledger it was offered to is unchanged.
 *
 * @example
 * ```ts
 * import { InvalidLedgerStateError } from '@seekcost/pricing/ledger';
 * const error = new InvalidLedgerStateError('buckets[3].tokens.output', 'must be a whole decimal string, got "-1"');
 * error.message; // => 'buckets[3].tokens.output: must be a whole decimal string, got "-1"'
 * error.code; // => 'INVALID_LEDGER_STATE'
 * ```
 */
export class InvalidLedgerStateError extends SeekcostError {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string, code = 'INVALID_LEDGER_STATE') {
    super(code, `${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/**
 * A ledger state whose records are already in the ledger: the same shard (or a state holding it)
 * merged twice, or a ledger merged into itself. Refused, so no total is ever silently doubled.
 *
 * @example
 * ```ts
 * import { createLedger, DuplicateShardError } from '@seekcost/pricing/ledger';
 * const shard = createLedger({ shardId: 'worker-1' }).snapshot();
 * const total = createLedger();
 * total.merge(shard);
 * total.merge(shard); // throws DuplicateShardError
 * new DuplicateShardError('shardIds[0]', 'worker-1').code; // => 'DUPLICATE_SHARD'
 * ```
 */
export class DuplicateShardError extends InvalidLedgerStateError {
  readonly shardId: string;
  constructor(field: string, shardId: string) {
    super(
      field,
      `shard ${describeValue(shardId)} is already in this ledger (merged before, or this ledger's own records); merging it again would count its records twice`,
      'DUPLICATE_SHARD',
    );
    this.shardId = shardId;
  }
}
