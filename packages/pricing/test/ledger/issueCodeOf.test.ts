import { describe, expect, it } from 'vitest';
import { SeekcostError } from '@seekcost/pricing';
import { issueCodeOf } from '../../src/ledger/issueCodeOf.ts';

describe('issueCodeOf', () => {
  it('maps each no-price error code to its ledger issue code, and anything else to malformed', () => {
    const codes = ['UNKNOWN_MODEL', 'RETIRED_MODEL', 'MODEL_NOT_AVAILABLE', 'BEFORE_HISTORY', 'CURRENCY_NOT_PUBLISHED', 'INVALID_INSTANT', 'SOMETHING_ELSE'];
    expect(codes.map((code) => issueCodeOf(new SeekcostError(code, 'x')))).toEqual([
      'unknown-model',
      'retired-model',
      'model-not-available',
      'before-history',
      'currency-not-published',
      'invalid-timestamp',
      'malformed',
    ]);
  });
});
