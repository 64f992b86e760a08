import { describe, expect, it } from 'vitest';
import { memoLast } from '../../src/view/memoLast.ts';

describe('memoLast', () => {
  it('recomputes only when an argument changes (Object.is), remembering the last call only', () => {
    const calls: unknown[][] = [];
    const f = memoLast((a: number, b: object) => {
      calls.push([a, b]);
      return { a, b };
    });
    const key = {};
    const first = f(1, key);
    expect(f(1, key)).toBe(first);
    expect(f(1, {})).not.toBe(first);
    expect(f(2, key)).toEqual({ a: 2, b: key });
    expect(f(1, key)).not.toBe(first);
    expect(calls.length).toBe(4);
    const nan = memoLast((x: number) => ({ x }));
    expect(nan(Number.NaN)).toBe(nan(Number.NaN));
  });
});
