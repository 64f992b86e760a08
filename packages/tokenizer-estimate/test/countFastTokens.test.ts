import { SeekcostError } from '@seekcost/pricing';
import { describe, expect, it } from 'vitest';
import { countFastTokens as countFastTokensFast } from '../src/entries/fast.ts';
import { InvalidTypeError, type TokenizerEstimateError, countFastTokens, loadFastTokenizer } from '../src/index.ts';

// Issue 9: `countFastTokens(123)` threw InvalidTypeError from the main entry and a raw TypeError
// from /fast. One contract now, whether the fast chunk is loaded or not.
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function describeError(error: unknown) {
  const e = error as TokenizerEstimateError;
  return {
    isInvalidType: e instanceof InvalidTypeError,
    isSeekcostError: e instanceof SeekcostError,
    code: e.code,
    path: e.path,
    field: e.field,
    message: e.message,
  };
}

const EXPECTED = {
  isInvalidType: true,
  isSeekcostError: true,
  code: 'INVALID_TYPE',
  path: 'text',
  field: 'text',
  message: 'text: expected a string, got number 123',
};

describe('countFastTokens: one contract from both entries', () => {
  it('throws the same typed error for a non-string before and after loading', async () => {
    expect(describeError(thrown(() => countFastTokens(123 as unknown as string)))).toEqual(EXPECTED);
    expect(describeError(thrown(() => countFastTokensFast(123 as unknown as string)))).toEqual(EXPECTED);
    await loadFastTokenizer();
    expect(describeError(thrown(() => countFastTokens(123 as unknown as string)))).toEqual(EXPECTED);
    for (const value of [null, undefined, {}, [], 1n, Symbol('s')]) {
      const main = describeError(thrown(() => countFastTokens(value as unknown as string)));
      const direct = describeError(thrown(() => countFastTokensFast(value as unknown as string)));
      expect(main).toEqual(direct);
      expect(main.code).toBe('INVALID_TYPE');
    }
  });

  it('counts the same from both entries once loaded', async () => {
    await loadFastTokenizer();
    for (const text of ['', 'Hello, world!', '你好，世界', 'a'.repeat(1000)]) expect(countFastTokens(text)).toBe(countFastTokensFast(text));
    expect(countFastTokens('The quick brown fox jumps over the lazy dog.')).toBe(10);
  });
});
