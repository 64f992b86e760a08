import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/ledger/describeValue.ts';

describe('describeValue', () => {
  it('shows values as escaped JSON, cut to 60 characters, never raw control characters', () => {
    expect(describeValue('\u001b[2J\nx')).toBe('"\\u001b[2J\\nx"');
    expect(describeValue(undefined)).toBe('nothing (the field is missing)');
    expect(describeValue(12n)).toBe('12n');
    expect(describeValue('a'.repeat(100))).toBe(`"${'a'.repeat(56)}...`);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
  });
});
