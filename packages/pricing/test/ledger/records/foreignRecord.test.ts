import { describe, expect, it } from 'vitest';
import { isReadFailure } from '../../../src/ledger/records/foreignRecord.ts';

describe('isReadFailure', () => {
  it('tells a failure (it has a code) from a read record', () => {
    expect(isReadFailure({ code: 'missing-model', field: 'model', message: 'model: is missing' })).toBe(true);
    expect(isReadFailure({ model: 'deepseek-chat', atMs: 0, atField: 'endTime', id: undefined, usage: {} })).toBe(false);
  });
});
