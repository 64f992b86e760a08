import { encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { boundedSegmentEnds } from './boundedSegmentEnds.ts';
import { COUNT_BITS, COUNT_MASK, TokenClass } from './tokenClass.ts';

/**
 * The measurements the fast method's calibration combines (see src/generated/fastCalibration.ts).
 * "DeepSeek tokens" of an o200k token means the DeepSeek-V3 count of that token's bytes on their own
 * (src/generated/o200kDeepseekTable.ts), summed over the o200k encoding, by token class.
 */
export interface FastFeatures {
  /** DeepSeek tokens of o200k tokens ' ' + ASCII letters. */
  spacedWordPieces: number;
  /** DeepSeek tokens of o200k tokens of bare ASCII letters. */
  bareWordPieces: number;
  /** DeepSeek tokens of o200k digit tokens. */
  digitPieces: number;
  /** DeepSeek tokens of o200k whitespace tokens. */
  whitespacePieces: number;
  /** DeepSeek tokens of the other all-ASCII o200k tokens. */
  asciiOtherPieces: number;
  /** DeepSeek tokens of o200k tokens holding CJK bytes. */
  cjkPieces: number;
  /** DeepSeek tokens of the other non-ASCII o200k tokens. */
  otherPieces: number;
  /** o200k tokens ' ' + ASCII letters (DeepSeek's vocabulary holds more long spaced words). */
  spacedWordTokens: number;
  /** o200k tokens holding CJK bytes (DeepSeek merges CJK words across them). */
  cjkTokens: number;
  /** CJK ideographs (U+3400–U+9FFF, U+F900–U+FAFF). */
  han: number;
  /** Hiragana and katakana (U+3040–U+30FF). */
  kana: number;
  /** Cyrillic letters (U+0400–U+04FF). */
  cyrillic: number;
}

// Text is counted as plain text: '<|endoftext|>' in user content is not an o200k special token.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * Measures `text` for the fast method in one o200k encoding and one character scan. `table` is
 * {@link o200kTokenTable}; ids outside it (none in o200k_base today) count as one "other" token.
 * Runs of one character class longer than {@link MAX_CLASS_RUN} are encoded in pieces
 * ({@link boundedSegmentEnds}): gpt-tokenizer's BPE is quadratic in a pre-token's length, so this
 * keeps the time linear in the text's length. Every feature is a sum, so pieces add up.
 *
 * @example
 * ```ts
 * fastFeatures('Hello\nworld 你好', o200kTokenTable());
 * // { spacedWordPieces: 0, bareWordPieces: 2, whitespacePieces: 2, cjkPieces: 1, cjkTokens: 1, han: 2, … }
 * ```
 */
export function fastFeatures(text: string, table: Uint8Array): FastFeatures {
  const pieces = [0, 0, 0, 0, 0, 0, 0];
  let spacedWordTokens = 0;
  let cjkTokens = 0;
  let start = 0;
  for (const end of boundedSegmentEnds(text)) {
    const piece = start === 0 && end === text.length ? text : text.slice(start, end);
    start = end;
    for (const id of encodeO200k(piece, PLAIN_TEXT)) {
      const entry = id < table.length ? table[id]! : (TokenClass.OtherNonAscii << COUNT_BITS) | 1;
      const kind = entry >>> COUNT_BITS;
      pieces[kind]! += entry & COUNT_MASK;
      if (kind === TokenClass.SpacedWord) spacedWordTokens++;
      else if (kind === TokenClass.Cjk) cjkTokens++;
    }
  }
  let han = 0;
  let kana = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x400) continue;
    if (unit <= 0x4ff) cyrillic++;
    else if ((unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff)) han++;
    else if (unit >= 0x3040 && unit <= 0x30ff) kana++;
  }
  return {
    spacedWordPieces: pieces[TokenClass.SpacedWord]!,
    bareWordPieces: pieces[TokenClass.BareWord]!,
    digitPieces: pieces[TokenClass.Digits]!,
    whitespacePieces: pieces[TokenClass.Whitespace]!,
    asciiOtherPieces: pieces[TokenClass.AsciiOther]!,
    cjkPieces: pieces[TokenClass.Cjk]!,
    otherPieces: pieces[TokenClass.OtherNonAscii]!,
    spacedWordTokens,
    cjkTokens,
    han,
    kana,
    cyrillic,
  };
}
