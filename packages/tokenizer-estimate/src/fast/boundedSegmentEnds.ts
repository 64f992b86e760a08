import { CharClass, classifyAstral, createClassTable, fillClassBlock } from '../exact/charClasses.ts';

/**
 * Longest run (UTF-16 units) of one o200k pre-token class that the fast method hands to
 * gpt-tokenizer in one piece. gpt-tokenizer's BPE is quadratic in a pre-token's length ('a' × 100K
 * took 7 s, '中' × 100K 62 s); bounded runs keep every pre-token at most 2 × 128 + 4 units, so the
 * work per character is bounded and the whole count linear. 128 leaves real text alone: of 959
 * corpus documents (test/support/corpus.ts) three reach it (1,219- and 11,996-unit emoji runs, a
 * 152-dash line) and the estimate of one changed, by 0.07%; 64 changed 142 documents (0.4% each).
 *
 * @example
 * ```ts
 * boundedSegmentEnds('a'.repeat(300)); // [128, 256, 300]
 * ```
 */
export const MAX_CLASS_RUN = 128;

const { LETTER, MARK, NUMBER, WHITESPACE } = CharClass;

// Run classes of one code point, as bits; DIGIT ends every run.
const WORD = 1;
const PUNCTUATION = 2;
const SPACE = 4;
const TAIL = 8;
const DIGIT = 16;
const FILLED = 32;

function runBitsOf(flags: number, unit: number): number {
  if (flags & NUMBER) return DIGIT | FILLED;
  let bits = FILLED;
  if (flags & (LETTER | MARK)) bits |= WORD;
  if (flags & WHITESPACE) bits |= SPACE;
  if (!(flags & (LETTER | WHITESPACE))) bits |= PUNCTUATION; // marks, symbols, controls, lone surrogates
  if (unit === 0x0a || unit === 0x0d || unit === 0x2f) bits |= TAIL;
  return bits;
}

let classTable: Uint16Array | undefined;
/** Run bits per BMP code unit, filled on first sight (one typed-array read per character after). */
const bmpBits = new Uint8Array(0x10000);
const astralBits = new Map<number, number>();

/**
 * Where to cut `text` so that no piece holds a run longer than `maxRun` of any class an o200k
 * pre-token can grow over: letters and marks (`[\p{L}\p{M}]`), punctuation and symbols
 * (`[^\p{L}\p{N}\s]`, marks included), whitespace (`\s`) and the `[\r\n/]` tail of a punctuation
 * pre-token. Digits end every run (`\p{N}{1,3}` pre-tokens are bounded anyway). Returns the end of
 * each piece, the last being `text.length`; a text with no such run is one piece, so ordinary text
 * encodes exactly as before. Never cuts inside a surrogate pair.
 *
 * Why this bounds the pre-tokens: every alternative of the o200k split pattern is one optional
 * character, then one run of these classes, then a short tail (a contraction, or `[\r\n/]*`).
 *
 * @example
 * ```ts
 * boundedSegmentEnds('Hello, world!'); // [13]
 * boundedSegmentEnds('中'.repeat(300), 256); // [256, 300]
 * boundedSegmentEnds('ab12'.repeat(100)); // [400]: digits end every run
 * boundedSegmentEnds(''); // []
 * ```
 */
export function boundedSegmentEnds(text: string, maxRun: number = MAX_CLASS_RUN): number[] {
  const ends: number[] = [];
  let word = 0;
  let punctuation = 0;
  let space = 0;
  let tail = 0;
  let lastEnd = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const unit = text.charCodeAt(index);
    let bits = bmpBits[unit]!;
    let width = 1;
    if (bits === 0) {
      if (unit >= 0xd800 && unit <= 0xdfff) {
        const low = unit <= 0xdbff && index + 1 < length ? text.charCodeAt(index + 1) : 0;
        if (low >= 0xdc00 && low <= 0xdfff) {
          width = 2;
          const codePoint = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          const cached = astralBits.get(codePoint);
          bits = cached ?? runBitsOf(classifyAstral(codePoint), codePoint);
          if (cached === undefined) astralBits.set(codePoint, bits);
        } else bits = runBitsOf(0, unit); // a lone surrogate: \p{Cs}, punctuation-like for the pattern
      } else {
        const table = (classTable ??= createClassTable());
        const flags = table[unit]! !== 0 ? table[unit]! : fillClassBlock(table, unit);
        bits = runBitsOf(flags, unit);
        bmpBits[unit] = bits;
      }
    }
    if (bits & DIGIT) {
      word = punctuation = space = tail = 0;
    } else {
      word = bits & WORD ? word + width : 0;
      punctuation = bits & PUNCTUATION ? punctuation + width : 0;
      space = bits & SPACE ? space + width : 0;
      tail = bits & TAIL ? tail + width : 0;
      if ((word > maxRun || punctuation > maxRun || space > maxRun || tail > maxRun) && index > lastEnd) {
        ends.push(index);
        lastEnd = index;
        word = bits & WORD ? width : 0;
        punctuation = bits & PUNCTUATION ? width : 0;
        space = bits & SPACE ? width : 0;
        tail = bits & TAIL ? width : 0;
      }
    }
    index += width;
  }
  if (text.length > 0) ends.push(text.length);
  return ends;
}
