import type { SeekcostError } from '../errors.ts';
import type { LedgerIssueCode } from './types.ts';

/**
 * The ledger issue code of an error resolvePrice throws for an instant with no price.
 *
 * @example
 * ```ts
 * issueCodeOf(new SeekcostError('RETIRED_MODEL', '...')); // 'retired-model'
 * ```
 */
export function issueCodeOf(error: SeekcostError): LedgerIssueCode {
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
