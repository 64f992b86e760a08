import { describe, expect, it } from 'vitest';
import { findForbiddenKeys } from '../../src/schema/findForbiddenKeys.ts';

const reason = 'is a forbidden key (__proto__ is refused, never skipped: it could hide data or set a prototype)';

describe('findForbiddenKeys', () => {
  it('finds every own __proto__ key with its path, in arrays too, sorted by path', () => {
    const doc = JSON.parse('{"a":{"__proto__":{"x":1}},"b":[{"c":{"__proto__":null}}],"__proto__":5}') as unknown;
    expect(findForbiddenKeys(doc)).toEqual([
      { path: '__proto__', reason },
      { path: 'a.__proto__', reason },
      { path: 'b.0.c.__proto__', reason },
    ]);
  });

  it('ignores constructor, prototype and inherited members, and values that are not objects', () => {
    expect(findForbiddenKeys({ constructor: { prototype: {} }, toString: 'x' })).toEqual([]);
    expect(findForbiddenKeys({ __proto__: { polluted: 1 } })).toEqual([]); // a literal sets the prototype; no own key
    for (const value of [null, 5, 'x', [], undefined]) expect(findForbiddenKeys(value)).toEqual([]);
  });

  it('walks without recursion (100,000 levels deep) and stops at cycles', () => {
    let deep: unknown = JSON.parse('{"__proto__":1}');
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findForbiddenKeys(deep)).toEqual([{ path: `${Array.from({ length: 100_000 }, () => '0').join('.')}.__proto__`, reason }]);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(findForbiddenKeys(cyclic)).toEqual([]);
  });
});
