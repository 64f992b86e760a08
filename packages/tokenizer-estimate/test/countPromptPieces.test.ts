import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPromptPieces } from '../src/prompt/countPromptPieces.ts';
import type { PromptPart, PromptPiece } from '../src/prompt/promptPiece.ts';

/** A counter that tokenizes on spaces, so joining two pieces can merge a word across them. */
const words = (text: string) => text.split(' ').filter((w) => w !== '').length;

describe('countPromptPieces', () => {
  it('counts specials as one token, fitted pieces as their count, and adjacent text as one run', () => {
    const pieces: PromptPiece[] = [
      { part: 'template', text: '<｜User｜>', special: true },
      { part: 'content', text: 'hel' },
      { part: 'template', text: 'lo world' },
      { part: 'images', text: '(image)', fittedTokens: 384 },
    ];
    expect(countPromptPieces(pieces, words, true)).toEqual({
      tokens: 1 + 2 + 384, // 'hello world' is one run: 2 words, not 'hel' + 'lo world' = 3
      parts: {
        content: { tokens: 1, exact: true },
        template: { tokens: 1 + 2 - 1, exact: true }, // the run's saving is booked to the template
        tools: { tokens: 0, exact: true },
        responseFormat: { tokens: 0, exact: true },
        images: { tokens: 384, exact: false },
      },
    });
  });
  it('marks every part estimated with an estimating counter, and fitted parts estimated always', () => {
    const result = countPromptPieces(
      [
        { part: 'tools', text: 'x', fittedTokens: 6 },
        { part: 'content', text: 'a b' },
      ],
      words,
      false,
    );
    expect(result.parts.tools).toEqual({ tokens: 6, exact: false });
    expect(result.parts.content).toEqual({ tokens: 2, exact: false });
    expect(result.tokens).toBe(8);
  });
  it('the parts add up to the total for any pieces (property)', () => {
    const part = fc.constantFrom<PromptPart>('content', 'template', 'tools', 'responseFormat', 'images');
    const piece = fc.oneof(
      fc.record({ part, text: fc.string({ maxLength: 12 }) }),
      fc.record({ part, text: fc.constant('<｜User｜>'), special: fc.constant(true) }),
      fc.record({ part, text: fc.constant('(fitted)'), fittedTokens: fc.nat(500) }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const { tokens, parts } = countPromptPieces(pieces, words, true);
        expect(Object.values(parts).reduce((sum, p) => sum + p.tokens, 0)).toBe(tokens);
      }),
    );
  });
});
