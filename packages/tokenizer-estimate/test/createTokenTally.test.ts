import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenTallyFlushingAt } from '../src/createTokenTally.ts';
import { MAX_UNCUT_UNITS, UncuttableTextError, countTokens, createTokenTally, loadTokenizers, type CountMethod } from '../src/index.ts';

// Streaming counts (`seekcost tokens` on a 600 MB file) must equal the count of the whole text: the
// tally cuts only where DeepSeek's and o200k's pre-tokenizers always break. Property-checked on
// hostile random text (line breaks next to spaces, '/', '\r', digits, CJK, special-token text,
// surrogates) cut into random chunks, with tiny flush sizes so that it really cuts.
const PARTS = [
  '\n',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '/',
  '!',
  'a',
  'Hello',
  ' world',
  '中文',
  'カナ',
  '123',
  '٣',
  '😀',
  '\ud83d',
  '<｜User｜>',
  '<｜',
  '｜>',
  '<',
  '>',
  "'s",
  '\u00a0',
  '\u3000',
  'é',
  '\u0301',
  '-'.repeat(150),
];
const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 120 }).map((parts) => parts.join(''));
const cuts = fc.array(fc.nat(), { maxLength: 8 });

function chunked(value: string, positions: readonly number[]): string[] {
  const sorted = [...new Set(positions.map((p) => (value.length === 0 ? 0 : p % (value.length + 1))))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const end of sorted) {
    chunks.push(value.slice(start, end));
    start = end;
  }
  chunks.push(value.slice(start));
  return chunks;
}

beforeAll(() => loadTokenizers({ exact: true, fast: true }));

describe('createTokenTally', () => {
  it.each<CountMethod>(['exact', 'fast', 'heuristic'])('adds up to the whole count with %s, however the text is chunked', { timeout: 120_000 }, (method) => {
    fc.assert(
      fc.property(text, cuts, fc.integer({ min: 1, max: 40 }), (value, positions, flushUnits) => {
        const tally = createTokenTallyFlushingAt({ method }, flushUnits);
        for (const chunk of chunked(value, positions)) tally.add(chunk);
        expect(tally.total()).toBe(countTokens(value, { method }));
      }),
      { numRuns: method === 'heuristic' ? 3000 : 1500, seed: 20261203 },
    );
  });

  it('counts the documented examples and defaults like countTokens', () => {
    const heuristic = createTokenTally({ method: 'heuristic' });
    heuristic.add('Hello, ');
    heuristic.add('world!\n你好');
    expect(heuristic.total()).toBe(6);
    const exact = createTokenTally();
    exact.add('你好，');
    exact.add('世界');
    expect(exact.total()).toBe(3);
    expect(createTokenTally({ method: 'fast' }).total()).toBe(0);
  });

  it('refuses a non-string chunk and an unknown method with typed errors', () => {
    expect(() => createTokenTally({ method: 'magic' as 'fast' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', path: 'options.method' }));
    expect(() => createTokenTally({ method: 'heuristic' }).add(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', path: 'chunk' }),
    );
  });

  it('throws UncuttableTextError past MAX_UNCUT_UNITS without a cut, and streams any length with cuts', { timeout: 120_000 }, () => {
    expect(MAX_UNCUT_UNITS).toBe(67_108_864);
    const stuck = createTokenTally({ method: 'heuristic' });
    const block = 'a'.repeat(1 << 20);
    let caught: unknown;
    try {
      for (let i = 0; i <= 64; i++) stuck.add(block);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UncuttableTextError);
    expect((caught as UncuttableTextError).path).toBe('chunk');
    const flowing = createTokenTally({ method: 'heuristic' });
    const line = `${'a'.repeat((1 << 20) - 1)}\n`;
    for (let i = 0; i < 66; i++) flowing.add(line); // 66 Mi units in all, never more than ~2 Mi held
    expect(flowing.total()).toBe(Math.ceil((66 * (1 << 20) * 3) / 10));
  });
});
