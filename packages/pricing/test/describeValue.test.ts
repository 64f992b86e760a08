import { describe, expect, it } from 'vitest';
import { describeValue } from '../src/describeValue.ts';

describe('describeValue', () => {
  it.each([
    ['toString', '"toString"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\u001b[2J\r\n', '"\\u001b[2J\\r\\n"'],
    ['\u009b31m\u2028', '"\\u009b31m\\u2028"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}..."`],
    [-1e16, '-10000000000000000'],
    [-0, '-0'],
    [Number.NaN, 'NaN'],
    [10n ** 50n, `${'1'.padEnd(40, '0')}...n`],
    [12n, '12n'],
    [true, 'true'],
    [undefined, 'undefined'],
    [null, 'null'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
    [[1], 'an array'],
    [new Date(0), 'a Date'],
    [{}, 'an object'],
    [Object.create(null), 'an object'],
  ])('describes %s as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it('never throws, even on a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe('an object');
  });
});
