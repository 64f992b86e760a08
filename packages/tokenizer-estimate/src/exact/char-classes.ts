/**
 * Character classes used by DeepSeek-V3's pre-tokenizer, as bit flags per code point.
 *
 * The table is built at run time from the engine's own Unicode property escapes rather than shipped,
 * so it agrees with the JavaScript regular expressions of a reference implementation running in the
 * same engine (and stays small on the wire).
 */

/** `\p{L}` */
export const LETTER = 1;
/** `\p{M}` */
export const MARK = 2;
/** `\p{N}` */
export const NUMBER = 4;
/** `\p{P}` */
export const PUNCTUATION = 8;
/** `\p{S}` */
export const SYMBOL = 16;
/** JavaScript `\s` (includes U+FEFF and NBSP; excludes U+0085). */
export const WHITESPACE = 32;
/** `\r` or `\n` */
export const LINE_BREAK = 64;
/** The CJK / kana ranges isolated by the second pre-tokenizer stage: U+4E00–U+9FA5, U+3040–U+30FF. */
export const CJK = 128;
/** The ASCII punctuation set `[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]` of the third stage. */
export const ASCII_PUNCTUATION = 256;
/** `[A-Za-z]` */
export const ASCII_LETTER = 512;

const PROPERTY_PATTERNS: readonly (readonly [number, RegExp])[] = [
  [LETTER, /\p{L}+/gu],
  [MARK, /\p{M}+/gu],
  [NUMBER, /\p{N}+/gu],
  [PUNCTUATION, /\p{P}+/gu],
  [SYMBOL, /\p{S}+/gu],
  [WHITESPACE, /\s+/gu],
];

const SINGLE_PROPERTY_PATTERNS: readonly (readonly [number, RegExp])[] = [
  [LETTER, /^\p{L}$/u],
  [MARK, /^\p{M}$/u],
  [NUMBER, /^\p{N}$/u],
  [PUNCTUATION, /^\p{P}$/u],
  [SYMBOL, /^\p{S}$/u],
  [WHITESPACE, /^\s$/u],
];

const SURROGATE_START = 0xd800;
const SURROGATE_COUNT = 0x800;

/**
 * Builds the class table for the Basic Multilingual Plane (surrogates get 0, like a lone surrogate).
 *
 * @example
 * ```ts
 * const table = buildBmpClassTable();
 * (table[0x41]! & LETTER) !== 0; // true: 'A'
 * (table[0xfeff]! & WHITESPACE) !== 0; // true in JavaScript
 * ```
 */
export function buildBmpClassTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  // One string holding every non-surrogate BMP code point, scanned once per property: far faster
  // than testing 65,536 code points one by one.
  const codes = new Array<number>(0x10000 - SURROGATE_COUNT);
  for (let i = 0; i < codes.length; i++) codes[i] = i < SURROGATE_START ? i : i + SURROGATE_COUNT;
  let all = '';
  for (let i = 0; i < codes.length; i += 8192) all += String.fromCharCode(...codes.slice(i, i + 8192));
  for (const [flag, pattern] of PROPERTY_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of all.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      for (let i = start; i < end; i++) {
        const codePoint = i < SURROGATE_START ? i : i + SURROGATE_COUNT;
        table[codePoint]! |= flag;
      }
    }
  }
  table[0x0a]! |= LINE_BREAK;
  table[0x0d]! |= LINE_BREAK;
  for (let c = 0x4e00; c <= 0x9fa5; c++) table[c]! |= CJK;
  for (let c = 0x3040; c <= 0x30ff; c++) table[c]! |= CJK;
  for (let c = 0x21; c <= 0x7e; c++) {
    const isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const isDigit = c >= 0x30 && c <= 0x39;
    if (isLetter) table[c]! |= ASCII_LETTER;
    else if (!isDigit) table[c]! |= ASCII_PUNCTUATION;
  }
  return table;
}

/**
 * Classifies a code point outside the BMP (no astral code point is whitespace, CJK-range or ASCII).
 *
 * @example
 * ```ts
 * (classifyAstral(0x1f600) & SYMBOL) !== 0; // true: 😀 is \p{So}
 * ```
 */
export function classifyAstral(codePoint: number): number {
  const text = String.fromCodePoint(codePoint);
  let flags = 0;
  for (const [flag, pattern] of SINGLE_PROPERTY_PATTERNS) if (pattern.test(text)) flags |= flag;
  return flags;
}
