/**
 * Character classes used by DeepSeek-V3's pre-tokenizer, as bit flags per code point.
 *
 * The table is built at run time from the engine's own Unicode property escapes rather than shipped,
 * so it agrees with the JavaScript regular expressions of a reference implementation running in the
 * same engine (and stays small on the wire).
 */

/**
 * Bit flags of the character classes DeepSeek-V3's pre-tokenizer distinguishes, one table entry per
 * code point: `\p{L}`, `\p{M}`, `\p{N}`, `\p{P}`, `\p{S}`, JavaScript `\s` (which includes U+FEFF
 * and NBSP but not U+0085), `\r`/`\n`, the CJK / kana ranges of the second stage (U+4E00–U+9FA5,
 * U+3040–U+30FF), the ASCII punctuation set of the third stage and `[A-Za-z]`.
 *
 * @example
 * ```ts
 * const table = createClassTable();
 * (table[0x4e2d]! & CharClass.CJK) !== 0; // true: 中
 * ```
 */
export const CharClass = {
  LETTER: 1,
  MARK: 2,
  NUMBER: 4,
  PUNCTUATION: 8,
  SYMBOL: 16,
  WHITESPACE: 32,
  LINE_BREAK: 64,
  CJK: 128,
  ASCII_PUNCTUATION: 256,
  ASCII_LETTER: 512,
} as const;

const { LETTER, MARK, NUMBER, PUNCTUATION, SYMBOL, WHITESPACE, LINE_BREAK, CJK, ASCII_PUNCTUATION, ASCII_LETTER } = CharClass;

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

/** Set on every entry of a filled block, so that 0 means "block not classified yet". */
const CLASSIFIED = 0x8000;
const BLOCK_BITS = 8;
/** Blocks holding every JavaScript whitespace character and all of ASCII: filled eagerly, because the
 * pre-tokenizer reads whitespace and ASCII flags straight from the table. */
const EAGER_BLOCKS = [0x00, 0x16, 0x20, 0x30, 0xfe];

/**
 * Classifies one 256-code-point block of the BMP into `table` and returns the flags of `codePoint`.
 * Blocks are filled on first use, so start-up does not pay for scripts a text never uses.
 *
 * @example
 * ```ts
 * const table = createClassTable();
 * fillClassBlock(table, 0x4e2d) & CharClass.CJK; // 128 (中)
 * ```
 */
export function fillClassBlock(table: Uint16Array, codePoint: number): number {
  const first = (codePoint >> BLOCK_BITS) << BLOCK_BITS;
  const last = first + (1 << BLOCK_BITS);
  if (first >= 0xd800 && first < 0xe000) return 0; // surrogates: handled by the caller
  const block = String.fromCharCode(...Array.from({ length: last - first }, (_, i) => first + i));
  for (let c = first; c < last; c++) table[c] = CLASSIFIED;
  for (const [flag, pattern] of PROPERTY_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of block.matchAll(pattern)) {
      const end = first + match.index + match[0].length;
      for (let c = first + match.index; c < end; c++) table[c]! |= flag;
    }
  }
  for (let c = first; c < last; c++) {
    if (c === 0x0a || c === 0x0d) table[c]! |= LINE_BREAK;
    if ((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x3040 && c <= 0x30ff)) table[c]! |= CJK;
    if (c >= 0x21 && c <= 0x7e) {
      const isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
      const isDigit = c >= 0x30 && c <= 0x39;
      if (isLetter) table[c]! |= ASCII_LETTER;
      else if (!isDigit) table[c]! |= ASCII_PUNCTUATION;
    }
  }
  return table[codePoint]!;
}

/**
 * A BMP class table with the ASCII and whitespace blocks filled; other blocks read 0 until
 * {@link fillClassBlock} fills them (entries of filled blocks carry a marker bit, never 0).
 *
 * @example
 * ```ts
 * const table = createClassTable();
 * (table[0x41]! & CharClass.LETTER) !== 0; // true: 'A'
 * (table[0xfeff]! & CharClass.WHITESPACE) !== 0; // true in JavaScript
 * ```
 */
export function createClassTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (const block of EAGER_BLOCKS) fillClassBlock(table, block << BLOCK_BITS);
  return table;
}

/**
 * Classifies a code point outside the BMP (no astral code point is whitespace, CJK-range or ASCII).
 *
 * @example
 * ```ts
 * (classifyAstral(0x1f600) & CharClass.SYMBOL) !== 0; // true: 😀 is \p{So}
 * ```
 */
export function classifyAstral(codePoint: number): number {
  const text = String.fromCodePoint(codePoint);
  let flags = 0;
  for (const [flag, pattern] of SINGLE_PROPERTY_PATTERNS) if (pattern.test(text)) flags |= flag;
  return flags;
}
