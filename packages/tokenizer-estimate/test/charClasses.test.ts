import { describe, expect, it } from 'vitest';
import { CharClass, classifyAstral, createClassTable, fillClassBlock } from '../src/exact/charClasses.ts';

const PROPERTIES: readonly (readonly [number, RegExp])[] = [
  [CharClass.LETTER, /^\p{L}$/u],
  [CharClass.MARK, /^\p{M}$/u],
  [CharClass.NUMBER, /^\p{N}$/u],
  [CharClass.PUNCTUATION, /^\p{P}$/u],
  [CharClass.SYMBOL, /^\p{S}$/u],
  [CharClass.WHITESPACE, /^\s$/u],
];
const ALL = Object.values(CharClass).reduce((a, b) => a | b, 0);

describe('character class table', () => {
  it('has every whitespace character in an eagerly filled block (the scanner reads them unfilled)', { timeout: 60_000 }, () => {
    const table = createClassTable();
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      if (/\s/.test(String.fromCharCode(c))) expect((table[c]! & CharClass.WHITESPACE) !== 0).toBe(true);
    }
  });

  it('agrees with per-character regex tests on the whole BMP once filled', { timeout: 60_000 }, () => {
    const table = createClassTable();
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const flags = (table[c]! || fillClassBlock(table, c)) & ALL;
      const ch = String.fromCharCode(c);
      let expected = 0;
      for (const [flag, pattern] of PROPERTIES) if (pattern.test(ch)) expected |= flag;
      if (c === 0x0a || c === 0x0d) expected |= CharClass.LINE_BREAK;
      if ((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x3040 && c <= 0x30ff)) expected |= CharClass.CJK;
      if (/^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]$/.test(ch)) expected |= CharClass.ASCII_PUNCTUATION;
      if (/^[A-Za-z]$/.test(ch)) expected |= CharClass.ASCII_LETTER;
      if (flags !== expected) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('classifies astral code points', () => {
    expect(classifyAstral(0x1f600)).toBe(CharClass.SYMBOL); // 😀
    expect(classifyAstral(0x1d7cf)).toBe(CharClass.NUMBER); // 𝟏
    expect(classifyAstral(0x20000)).toBe(CharClass.LETTER); // 𠀀 (outside the isolated CJK range)
  });
});
