import { describe, expect, it } from 'vitest';
import { createFastPieceCounter } from '../src/fast/createFastPieceCounter.ts';
import { countFastTokens } from '../src/fast/fastTokenEstimate.ts';

describe('createFastPieceCounter', () => {
  it('rounds once: pieces cut after line breaks give the whole estimate', () => {
    const counter = createFastPieceCounter();
    expect(counter.total()).toBe(0);
    const pieces = ['Hello\n', 'world 你好\n', 'Привет, мир!\n', 'a'.repeat(500)];
    for (const piece of pieces) counter.add(piece);
    counter.add('');
    expect(counter.total()).toBe(countFastTokens(pieces.join('')));
    expect(counter.total()).not.toBe(pieces.reduce((sum, piece) => sum + countFastTokens(piece), 0)); // per-piece rounding would differ
  });
});
