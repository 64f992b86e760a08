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
let bmp: Uint16Array | undefined;
const astral = new Map<number, number>();

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
  const table = (bmp ??= createClassTable());
  let word = 0;
  let punctuation = 0;
  let space = 0;
  let tail = 0;
  let index = 0;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    let flags: number;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        width = 2;
        const codePoint = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        let cached = astral.get(codePoint);
        if (cached === undefined) {
          cached = classifyAstral(codePoint);
          astral.set(codePoint, cached);
        }
        flags = cached;
      } else flags = 0;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      flags = 0; // a lone surrogate: \p{Cs}, punctuation-like for the pattern
    } else {
      flags = table[unit]!;
      if (flags === 0) flags = fillClassBlock(table, unit);
    }
    if (flags & NUMBER) {
      word = punctuation = space = tail = 0;
    } else {
      const isWord = (flags & (LETTER | MARK)) !== 0;
      const isSpace = (flags & WHITESPACE) !== 0;
      const isPunctuation = (flags & (LETTER | WHITESPACE)) === 0;
      const isTail = unit === 0x0a || unit === 0x0d || unit === 0x2f;
      word = isWord ? word + width : 0;
      punctuation = isPunctuation ? punctuation + width : 0;
      space = isSpace ? space + width : 0;
      tail = isTail ? tail + width : 0;
      if ((word > maxRun || punctuation > maxRun || space > maxRun || tail > maxRun) && index > (ends.at(-1) ?? 0)) {
        ends.push(index);
        word = isWord ? width : 0;
        punctuation = isPunctuation ? width : 0;
        space = isSpace ? width : 0;
        tail = isTail ? width : 0;
      }
    }
    index += width;
  }
  if (text.length > 0) ends.push(text.length);
  return ends;
}
