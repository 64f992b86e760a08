import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reorderKeysLike } from './reorderKeysLike.ts';

describe('reorderKeysLike', () => {
  it('puts the keys of every object, at every depth, in the reference order', () => {
    const stored = { properties: { b: { type: 'string', description: 'B' }, a: { type: 'integer' } }, required: ['b', 'a'], type: 'object' };
    const reference = { type: 'object', properties: { b: { description: 'B', type: 'string' }, a: { type: 'integer' } }, required: ['b', 'a'] };
    expect(JSON.stringify(reorderKeysLike(stored, reference))).toBe(JSON.stringify(reference));
  });

  it('reorders objects inside arrays', () => {
    expect(JSON.stringify(reorderKeysLike([{ b: 1, a: 2 }], [{ a: 2, b: 1 }]))).toBe('[{"a":2,"b":1}]');
  });

  it('throws, naming the path, when the content differs in anything but key order', () => {
    expect(() => reorderKeysLike({ type: 'object', extra: 1 }, { type: 'object' })).toThrow(
      '$: keys differ from the reference (extra: ["extra"], missing: [])',
    );
    expect(() => reorderKeysLike({ type: 'object' }, { type: 'object', required: [] })).toThrow('missing: ["required"]');
    expect(() => reorderKeysLike({ p: { type: 'string' } }, { p: { type: 'number' } })).toThrow('$.p.type: expected "number", got "string"');
    expect(() => reorderKeysLike({ r: ['a', 'b'] }, { r: ['b', 'a'] })).toThrow('$.r[0]: expected "b", got "a"');
    expect(() => reorderKeysLike({ r: ['a'] }, { r: ['a', 'b'] })).toThrow('$.r: expected an array of 2 items');
    expect(() => reorderKeysLike([], {})).toThrow('$: expected an object');
    expect(() => reorderKeysLike(false, null)).toThrow('$: expected null, got false');
  });

  it('property: any JSON value reordered like a key-shuffled copy of itself equals the copy, key order included', () => {
    const shuffleKeys = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((item, i) => shuffleKeys(item, seed + i));
      if (typeof value !== 'object' || value === null) return value;
      const entries = Object.entries(value);
      const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
      return Object.fromEntries(rotated.map(([key, item]) => [key, shuffleKeys(item, seed + 1)]));
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(50), (value, seed) => {
        const reference = shuffleKeys(value, seed);
        expect(JSON.stringify(reorderKeysLike(value, reference))).toBe(JSON.stringify(reference));
      }),
    );
  });
});
