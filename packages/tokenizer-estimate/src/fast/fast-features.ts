import { countTokens as countO200kTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** The measurements the fast method's calibration combines (see src/generated/fast-calibration.ts). */
export interface FastFeatures {
  /** o200k tokens of the text outside CJK runs. */
  o200kOther: number;
  /** o200k tokens of the CJK runs (U+3000–U+9FFF, U+FF00–U+FFEF), counted run by run. */
  o200kCjk: number;
  /** CJK ideographs (U+3400–U+9FFF, U+F900–U+FAFF). */
  han: number;
  /** Hiragana and katakana (U+3040–U+30FF). */
  kana: number;
  /** Cyrillic letters (U+0400–U+04FF). */
  cyrillic: number;
  /** ASCII letters right after a line feed: DeepSeek splits such space-less words finer than o200k. */
  lineStartLetters: number;
}

// Text is counted as plain text: '<|endoftext|>' in user content is not an o200k special token.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

function isCjkRunUnit(unit: number): boolean {
  return (unit >= 0x3000 && unit <= 0x9fff) || (unit >= 0xff00 && unit <= 0xffef);
}

/**
 * Measures `text` for the fast method: o200k counts of its CJK and non-CJK runs (DeepSeek's
 * vocabulary is denser than o200k on CJK, close to it elsewhere) and a few character counts.
 *
 * @example
 * ```ts
 * fastFeatures('Hello\nworld 你好');
 * // { o200kOther: 4, o200kCjk: 1, han: 2, kana: 0, cyrillic: 0, lineStartLetters: 1 }
 * ```
 */
export function fastFeatures(text: string): FastFeatures {
  const features: FastFeatures = { o200kOther: 0, o200kCjk: 0, han: 0, kana: 0, cyrillic: 0, lineStartLetters: 0 };
  let runStart = 0;
  let runIsCjk = text.length > 0 && isCjkRunUnit(text.charCodeAt(0));
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const cjk = isCjkRunUnit(unit);
    if (cjk !== runIsCjk) {
      const tokens = countO200kTokens(text.slice(runStart, i), PLAIN_TEXT);
      if (runIsCjk) features.o200kCjk += tokens;
      else features.o200kOther += tokens;
      runStart = i;
      runIsCjk = cjk;
    }
    if (unit < 0x80) {
      if (previous === 0x0a && ((unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a))) features.lineStartLetters++;
    } else if (unit >= 0x0400 && unit <= 0x04ff) features.cyrillic++;
    else if ((unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff)) features.han++;
    else if (unit >= 0x3040 && unit <= 0x30ff) features.kana++;
    previous = unit;
  }
  if (runStart < text.length) {
    const tokens = countO200kTokens(text.slice(runStart), PLAIN_TEXT);
    if (runIsCjk) features.o200kCjk += tokens;
    else features.o200kOther += tokens;
  }
  return features;
}
