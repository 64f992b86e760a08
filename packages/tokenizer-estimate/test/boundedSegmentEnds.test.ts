import fc from 'fast-check';
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import { describe, expect, it } from 'vitest';
import { MAX_CLASS_RUN, boundedSegmentEnds } from '../src/fast/boundedSegmentEnds.ts';
import { countFastTokens } from '../src/fast/fastTokenEstimate.ts';

// Characters chosen to hit every o200k pre-token class and their edges: letters of each case, CJK,
// a combining mark, punctuation, '/', line breaks, spaces, digits, an emoji, a lone surrogate,
// NBSP and an apostrophe (contractions).
const ALPHABET = ['a', 'A', 'ǅ', '中', 'ー', '\u0301', '!', '-', '/', '\n', '\r', ' ', '\t', '7', '٣', '😀', '\ud800', '\u00a0', "'", 's'];
const hostileText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 200 }).map((parts) => parts.join(''));
const runs = fc
  .array(fc.tuple(fc.constantFrom(...ALPHABET), fc.integer({ min: 1, max: 40 })), { maxLength: 12 })
  .map((parts) => parts.map(([c, n]) => c.repeat(n)).join(''));

function pieces(text: string, ends: readonly number[]): string[] {
  let start = 0;
  return ends.map((end) => {
    const piece = text.slice(start, end);
    start = end;
    return piece;
  });
}

function longestPreToken(text: string): number {
  let longest = 0;
  for (const [match] of text.matchAll(O200K_TOKEN_SPLIT_REGEX)) longest = Math.max(longest, match.length);
  return longest;
}

describe('boundedSegmentEnds', () => {
  it('cuts single-class runs every MAX_CLASS_RUN units and leaves ordinary text whole', () => {
    expect(MAX_CLASS_RUN).toBe(128);
    expect(boundedSegmentEnds('a'.repeat(300))).toEqual([128, 256, 300]);
    expect(boundedSegmentEnds('中'.repeat(300), 256)).toEqual([256, 300]);
    expect(boundedSegmentEnds('ab12'.repeat(100))).toEqual([400]);
    expect(boundedSegmentEnds('Hello, world!')).toEqual([13]);
    expect(boundedSegmentEnds('')).toEqual([]);
    expect(boundedSegmentEnds('😀'.repeat(3), 4)).toEqual([4, 6]); // never inside a surrogate pair
    expect(boundedSegmentEnds('!' + '/\n'.repeat(4), 5)).toEqual([6, 9]); // the [\r\n/] tail is a run too
  });

  it('tiles the text, never splits a surrogate pair, and cuts nothing when no run is longer than the limit', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, runs), fc.integer({ min: 2, max: 12 }), (text, maxRun) => {
        const ends = boundedSegmentEnds(text, maxRun);
        expect(pieces(text, ends).join('')).toBe(text);
        for (let i = 0; i < ends.length; i++) {
          expect(ends[i]!).toBeGreaterThan(i === 0 ? 0 : ends[i - 1]!);
          const before = text.charCodeAt(ends[i]! - 1);
          const after = text.charCodeAt(ends[i]!);
          expect(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff).toBe(false);
        }
        const classRuns = [/[\p{L}\p{M}]+/gu, /[^\p{L}\p{N}\s]+/gu, /\s+/gu, /[\r\n/]+/gu];
        const longestRun = Math.max(0, ...classRuns.flatMap((re) => [...text.matchAll(re)].map((m) => m[0].length)));
        if (longestRun <= maxRun) expect(ends.length).toBe(text.length === 0 ? 0 : 1);
      }),
      { numRuns: 2000, seed: 8 },
    );
  });

  // The linearity argument, checked: gpt-tokenizer's BPE costs O(m²) on a pre-token of m units, so
  // bounding every pre-token it sees by 2 × maxRun + 4 bounds the work per character.
  it('bounds every o200k pre-token of every piece by 2 × maxRun + 4 units', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, runs), fc.integer({ min: 2, max: 12 }), (text, maxRun) => {
        for (const piece of pieces(text, boundedSegmentEnds(text, maxRun))) expect(longestPreToken(piece)).toBeLessThanOrEqual(2 * maxRun + 4);
      }),
      { numRuns: 2000, seed: 9 },
    );
    for (const unit of ['a', 'A', '中', ' ', '!', '/', '\n', '😀', '7']) {
      const text = unit.repeat(200_000);
      expect({ unit, longest: Math.max(...pieces(text, boundedSegmentEnds(text)).map(longestPreToken)) <= 2 * MAX_CLASS_RUN + 4 }).toEqual({
        unit,
        longest: true,
      });
    }
  });

  it('gives the fast estimate of long single-class runs (measured exact counts in docs/benchmarks.md)', () => {
    expect(countFastTokens('a'.repeat(1_000_000))).toBe(120313);
    expect(countFastTokens('中'.repeat(300_000))).toBe(209610);
  });
});
