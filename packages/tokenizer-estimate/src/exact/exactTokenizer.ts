import { InvalidTypeError } from '../errors.ts';
import { ADDED_TOKENS, BYTE_TOKEN_IDS } from '../generated/deepseekV3Merges.ts';
import { bytePairMerge } from './bytePairMerge.ts';
import { MergeTable, NO_MERGE } from './mergeTable.ts';
import { PreTokenizer } from './preTokenizer.ts';

/**
 * Options of ExactTokenizer.count / encode.
 *
 * @example
 * ```ts
 * tokenizer.count('<｜User｜>', { specialTokens: false }); // 5: the literal text, not the special token
 * ```
 */
export interface ExactEncodeOptions {
  /**
   * Whether literal special-token text in the input (e.g. `<｜User｜>`) is read as the special
   * token (one id), as Hugging Face tokenizers do by default. Default true; false encodes it as
   * ordinary text. (What DeepSeek's servers do with such text inside a message is not documented.)
   */
  readonly specialTokens?: boolean;
}

/** Pieces longer than this (UTF-16 units) are not cached: they rarely repeat and would bloat the cache. */
const MAX_CACHED_PIECE = 64;
/** The piece cache is dropped when it grows past this many entries (bounded memory on huge inputs). */
const MAX_CACHE_ENTRIES = 100_000;
const SPECIAL_TOKEN_MAX_LENGTH = Math.max(...ADDED_TOKENS.map(([text]) => text.length));

/**
 * DeepSeek-V3's tokenizer (byte-level BPE, 128K vocabulary, its three-stage pre-tokenizer and its
 * 818 added tokens), exact against the reference implementation loading DeepSeek's tokenizer.json.
 *
 * Build one with {@link createExactTokenizer} (~10–20 ms: decodes the merge table; character
 * classes are filled per Unicode block on first use). Instances keep a cache of pre-token counts,
 * so reuse one. Non-string input throws {@link InvalidTypeError}.
 *
 * @example
 * ```ts
 * import { createExactTokenizer } from '@seekcost/tokenizer-estimate/exact';
 * const tokenizer = createExactTokenizer();
 * tokenizer.count('Hello, world!'); // => 4
 * tokenizer.encode('Hello'); // => [19923]
 * ```
 */
export class ExactTokenizer {
  private readonly merges: MergeTable;
  private readonly preTokenizer: PreTokenizer;
  private readonly byteIds: Int32Array;
  private readonly specialIds: Map<string, number>;
  private readonly countCache = new Map<string, number>();
  private work = new Int32Array(1024);

  /** @internal use createExactTokenizer */
  constructor(merges: MergeTable, preTokenizer: PreTokenizer) {
    this.merges = merges;
    this.preTokenizer = preTokenizer;
    this.byteIds = Int32Array.from(BYTE_TOKEN_IDS);
    this.specialIds = new Map(ADDED_TOKENS.map(([text, id]) => [text, id]));
  }

  /**
   * Number of tokens in `text` (no begin-of-sentence or template tokens are added).
   *
   * @example
   * ```ts
   * tokenizer.count(''); // => 0
   * tokenizer.count('你好，世界'); // => 3
   * tokenizer.count('<｜User｜>'); // 1 (special token); with { specialTokens: false }: 5
   * ```
   */
  count(text: string, options?: ExactEncodeOptions): number {
    if (typeof text !== 'string') throw new InvalidTypeError('text', 'a string', text);
    let total = 0;
    const cache = this.countCache;
    const byteIds = this.byteIds;
    const merges = this.merges;
    const visit = (start: number, end: number): void => {
      const length = end - start;
      // One or two ASCII characters: cheaper to answer directly than to slice and hash.
      if (length <= 2) {
        const first = text.charCodeAt(start);
        if (first < 0x80) {
          if (length === 1) {
            total += 1;
            return;
          }
          const second = text.charCodeAt(start + 1);
          if (second < 0x80) {
            total += merges.lookup(byteIds[first]!, byteIds[second]!) === NO_MERGE ? 2 : 1;
            return;
          }
        }
      }
      if (length > MAX_CACHED_PIECE) {
        total += this.mergePiece(text, start, end);
        return;
      }
      const piece = text.slice(start, end);
      let count = cache.get(piece);
      if (count === undefined) {
        count = this.mergePiece(text, start, end);
        if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
        cache.set(piece, count);
      }
      total += count;
    };
    this.forEachSection(text, options?.specialTokens ?? true, (start, end, specialId) => {
      if (specialId >= 0) total++;
      else this.preTokenizer.forEach(text, start, end, visit);
    });
    return total;
  }

  /**
   * Token ids of `text` (no begin-of-sentence token added).
   *
   * @example
   * ```ts
   * tokenizer.encode('Hello world'); // => [19923, 2058]
   * ```
   */
  encode(text: string, options?: ExactEncodeOptions): number[] {
    if (typeof text !== 'string') throw new InvalidTypeError('text', 'a string', text);
    const ids: number[] = [];
    const visit = (start: number, end: number): void => {
      const length = this.mergePiece(text, start, end);
      for (let i = 0; i < length; i++) ids.push(this.work[i]!);
    };
    this.forEachSection(text, options?.specialTokens ?? true, (start, end, specialId) => {
      if (specialId >= 0) ids.push(specialId);
      else this.preTokenizer.forEach(text, start, end, visit);
    });
    return ids;
  }

  /**
   * The id of an added token given its exact text, or undefined.
   *
   * @example
   * ```ts
   * tokenizer.specialTokenId('<｜begin▁of▁sentence｜>'); // => 0
   * ```
   */
  specialTokenId(text: string): number | undefined {
    return this.specialIds.get(text);
  }

  /**
   * Splits text on literal added tokens the way Hugging Face's added-token splitter does (longest
   * match at each position, left to right). Every added token is `<` … `>` with no other `>`, so the
   * only candidate at a `<` runs to the next `>`.
   */
  private forEachSection(text: string, specialTokens: boolean, visit: (start: number, end: number, specialId: number) => void): void {
    let sectionStart = 0;
    if (specialTokens) {
      let open = text.indexOf('<');
      while (open >= 0) {
        const close = text.indexOf('>', open + 1);
        if (close < 0) break;
        let resumeAt = open + 1;
        if (close - open < SPECIAL_TOKEN_MAX_LENGTH) {
          const id = this.specialIds.get(text.slice(open, close + 1));
          if (id !== undefined) {
            if (open > sectionStart) visit(sectionStart, open, -1);
            visit(open, close + 1, id);
            sectionStart = close + 1;
            resumeAt = close + 1;
          }
        }
        open = text.indexOf('<', resumeAt);
      }
    }
    if (sectionStart < text.length) visit(sectionStart, text.length, -1);
  }

  /** UTF-8 encodes text[start, end) into byte-token ids in this.work, merges them, returns the count. */
  private mergePiece(text: string, start: number, end: number): number {
    const needed = (end - start) * 3;
    if (this.work.length < needed) this.work = new Int32Array(Math.max(needed, this.work.length * 2));
    const ids = this.work;
    const byteIds = this.byteIds;
    let length = 0;
    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        ids[length++] = byteIds[unit]!;
      } else if (unit < 0x800) {
        ids[length++] = byteIds[0xc0 | (unit >> 6)]!;
        ids[length++] = byteIds[0x80 | (unit & 0x3f)]!;
      } else if (unit >= 0xd800 && unit <= 0xdfff) {
        const low = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          const codePoint = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          ids[length++] = byteIds[0xf0 | (codePoint >> 18)]!;
          ids[length++] = byteIds[0x80 | ((codePoint >> 12) & 0x3f)]!;
          ids[length++] = byteIds[0x80 | ((codePoint >> 6) & 0x3f)]!;
          ids[length++] = byteIds[0x80 | (codePoint & 0x3f)]!;
          i++;
        } else {
          // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
          ids[length++] = byteIds[0xef]!;
          ids[length++] = byteIds[0xbf]!;
          ids[length++] = byteIds[0xbd]!;
        }
      } else {
        ids[length++] = byteIds[0xe0 | (unit >> 12)]!;
        ids[length++] = byteIds[0x80 | ((unit >> 6) & 0x3f)]!;
        ids[length++] = byteIds[0x80 | (unit & 0x3f)]!;
      }
    }
    return bytePairMerge(this.merges, ids, length);
  }
}

/**
 * Builds DeepSeek-V3's exact tokenizer from the bundled merge table.
 *
 * @example
 * ```ts
 * const tokenizer = createExactTokenizer();
 * tokenizer.count('The quick brown fox'); // => 4
 * ```
 */
export function createExactTokenizer(): ExactTokenizer {
  return new ExactTokenizer(MergeTable.fromGenerated(), new PreTokenizer());
}
