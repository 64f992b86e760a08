import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseNonNegative } from '../src/command.ts';
import { pickOwn } from '../src/commands/ledgerFeed.ts';

describe('parseNonNegative', () => {
  it('reads non-negative decimals and rejects the rest', () => {
    expect(parseNonNegative('2.5')).toBe(2.5);
    expect(parseNonNegative('0')).toBe(0);
    for (const bad of ['-1', '1e3', '', ' 1', 'Infinity', '0x10', '.5']) expect(() => parseNonNegative(bad)).toThrow(InvalidArgumentError);
  });
});

describe('pickOwn (--key-field)', () => {
  it('reads own properties along a dot path, never inherited ones', () => {
    expect(pickOwn({ metadata: { team: 'a' } }, ['metadata', 'team'])).toBe('a');
    expect(pickOwn({ constructor: 'mine' }, ['constructor'])).toBe('mine');
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(pickOwn({ key: 'k' }, [name])).toBeUndefined();
    expect(pickOwn(JSON.parse('{"__proto__": "own"}'), ['__proto__'])).toBe('own');
    expect(pickOwn({ a: 'text' }, ['a', 'length'])).toBeUndefined();
  });
});
