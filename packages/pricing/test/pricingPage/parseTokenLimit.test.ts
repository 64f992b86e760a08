import { describe, expect, it } from 'vitest';
import { parseTokenLimit } from '../../src/pricingPage/parseTokenLimit.ts';

describe('parseTokenLimit', () => {
  it('reads K as 1024 and M as 1024 K, with the English and Chinese prefixes', () => {
    expect(parseTokenLimit('1M')).toBe(1_048_576);
    expect(parseTokenLimit('MAXIMUM: 384K')).toBe(393_216);
    expect(parseTokenLimit('最大 384K')).toBe(393_216);
    expect(parseTokenLimit('128k')).toBe(131_072);
  });
  it('reads nothing else', () => {
    for (const cell of ['', 'M', '1.5M', '1G', '384 000', 'about 1M', '-1M']) expect(parseTokenLimit(cell)).toBeUndefined();
  });
});
