import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from '../src/jsonText.ts';

describe('jsonText', { timeout: 60_000 }, () => {
  it('escapes what JSON.stringify leaves raw and parses back to the same value', () => {
    expect(jsonText({ key: 'a\u202eb\u009b\u007f' })).toBe('{\n  "key": "a\\u202eb\\u009b\\u007f"\n}\n');
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, key) => {
        const text = jsonText({ value, key });
        expect(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/.test(text.replace(/\n/g, ''))).toBe(false);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ value, key })));
      }),
      { numRuns: 300 },
    );
  });
});
