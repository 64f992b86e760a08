import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ExactTokenizerNotLoadedError,
  FastTokenizerNotLoadedError,
  InvalidOptionError,
  InvalidTypeError,
  TokenizerEstimateError,
  countFastTokens,
  countHeuristicTokens,
  countTokens,
  isExactTokenizerLoaded,
  isFastTokenizerLoaded,
  loadExactTokenizer,
  loadFastTokenizer,
} from '../src/index.ts';
import { countFastTokens as countFastTokensDirect } from '../src/entries/fast.ts';

// Order matters in this file: the first block runs before any tokenizer is loaded, the fast blocks
// before the exact tokenizer is loaded.
describe('before any tokenizer is loaded', () => {
  it('refuses method exact with a typed error instead of a wrong number', () => {
    expect(isExactTokenizerLoaded()).toBe(false);
    expect(() => countTokens('hi', { method: 'exact' })).toThrow(ExactTokenizerNotLoadedError);
    try {
      countTokens('hi', { method: 'exact' });
    } catch (error) {
      expect(error).toBeInstanceOf(TokenizerEstimateError);
      expect((error as TokenizerEstimateError).code).toBe('EXACT_TOKENIZER_NOT_LOADED');
      expect((error as TokenizerEstimateError).path).toBe('options.method');
    }
  });
  it('refuses method fast, the default and countFastTokens with a typed error, never the heuristic', () => {
    expect(isFastTokenizerLoaded()).toBe(false);
    for (const run of [() => countTokens('hi', { method: 'fast' }), () => countTokens('hi'), () => countFastTokens('hi')]) {
      expect(run).toThrow(FastTokenizerNotLoadedError);
      try {
        run();
      } catch (error) {
        expect((error as TokenizerEstimateError).code).toBe('FAST_TOKENIZER_NOT_LOADED');
        expect((error as TokenizerEstimateError).path).toBe('options.method');
      }
    }
  });
  it('counts with an explicit heuristic', () => {
    expect(countTokens('Hello, world!', { method: 'heuristic' })).toBe(4);
  });
});

describe('after loadFastTokenizer()', () => {
  it('loads once and defaults to the fast method', async () => {
    const loading = loadFastTokenizer();
    expect(loadFastTokenizer()).toBe(loading); // concurrent calls share one load
    await loading;
    await loadFastTokenizer();
    expect(isFastTokenizerLoaded()).toBe(true);
    expect(isExactTokenizerLoaded()).toBe(false);
    expect(countTokens('The quick brown fox jumps over the lazy dog.')).toBe(10);
    expect(countTokens('Hello, world!', { method: 'fast' })).toBe(4);
    expect(() => countTokens('hi', { method: 'exact' })).toThrow(ExactTokenizerNotLoadedError);
  });
});

describe('heuristic method (DeepSeek docs: 0.3 per English, 0.6 per Chinese character)', () => {
  it('gives the documented rule rounded up', () => {
    expect(countHeuristicTokens('Hello, world!')).toBe(4);
    expect(countHeuristicTokens('你好，世界')).toBe(3);
    expect(countTokens('abcdefghij', { method: 'heuristic' })).toBe(3);
    expect(countHeuristicTokens('')).toBe(0);
  });
  it('is subadditive and a non-negative integer (property)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const whole = countHeuristicTokens(a + b);
        expect(Number.isInteger(whole) && whole >= 0).toBe(true);
        expect(whole).toBeLessThanOrEqual(countHeuristicTokens(a) + countHeuristicTokens(b));
      }),
    );
  });
});

describe('fast method', () => {
  it('counts known text', () => {
    expect(countFastTokens('')).toBe(0);
    expect(countFastTokens('你好，世界')).toBe(3);
    expect(countFastTokens('Hello\nworld 你好')).toBe(countFastTokensDirect('Hello\nworld 你好'));
    expect(countFastTokens('The quick brown fox jumps over the lazy dog.')).toBe(10);
    expect(countFastTokens('a <|endoftext|> b')).toBeGreaterThan(3); // o200k special-token text is plain text here
  });
  it('returns a positive integer for any non-empty string, lone surrogates included (property)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (text) => {
        const count = countFastTokens(text);
        expect(Number.isInteger(count) && count >= 1).toBe(true);
      }),
    );
  });
});

describe('input validation', () => {
  it('rejects non-strings with the field path', () => {
    for (const bad of [42, null, undefined, {}, ['a']]) {
      expect(() => countTokens(bad as unknown as string)).toThrow(InvalidTypeError);
    }
    try {
      countTokens(42 as unknown as string);
    } catch (error) {
      expect((error as InvalidTypeError).code).toBe('INVALID_TYPE');
      expect((error as InvalidTypeError).path).toBe('text');
    }
  });
  it('rejects an unknown method', () => {
    expect(() => countTokens('hi', { method: 'magic' as 'fast' })).toThrow(InvalidOptionError);
  });
});

describe('after loadExactTokenizer()', () => {
  it('counts exactly and defaults to exact', async () => {
    const tokenizer = await loadExactTokenizer();
    expect(await loadExactTokenizer()).toBe(tokenizer); // loaded once
    expect(isExactTokenizerLoaded()).toBe(true);
    expect(countTokens('Hello, world!', { method: 'exact' })).toBe(4);
    expect(countTokens('你好，世界')).toBe(3);
    expect(countTokens('')).toBe(0);
    expect(countTokens('\ud800')).toBe(tokenizer.count('\ufffd'));
  });
  it('exact count equals encode length and is never negative (property)', { timeout: 60_000 }, async () => {
    const tokenizer = await loadExactTokenizer();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(countTokens(text, { method: 'exact' })).toBe(tokenizer.encode(text).length);
      }),
    );
  });
});
