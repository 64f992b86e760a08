import { SeekcostError } from '@seekcost/pricing';
import { describe, expect, it } from 'vitest';
import { InvalidTypeError } from '../src/errors.ts';
import { requireString } from '../src/requireString.ts';

describe('requireString', () => {
  it('passes strings, including empty and lone surrogates', () => {
    for (const value of ['', 'hi', '\ud800']) expect(() => requireString(value, 'text')).not.toThrow();
  });
  it('throws InvalidTypeError (a SeekcostError) naming the path for anything else', () => {
    for (const [value, shown] of [
      [123, 'number 123'],
      [null, 'null'],
      [[], 'an array'],
      [{}, 'an object'],
      [undefined, 'undefined undefined'],
    ] as const) {
      let caught: unknown;
      try {
        requireString(value, 'messages[0].content');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidTypeError);
      expect(caught).toBeInstanceOf(SeekcostError);
      expect((caught as InvalidTypeError).message).toBe(`messages[0].content: expected a string, got ${shown}`);
    }
  });
});
