/**
 * DeepSeek's rule of thumb in tenths of a token: 6 per "Chinese" UTF-16 unit (CJK ideographs, kana,
 * hangul, full-width and CJK punctuation), 3 per any other. A sum over units, so it adds up over
 * pieces of a text; {@link countHeuristicTokens} rounds it up once.
 *
 * @example
 * ```ts
 * heuristicTenths('Hello'); // 15
 * heuristicTenths('你好'); // 12
 * ```
 */
export function heuristicTenths(text: string): number {
  let tenths = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const isChinese =
      (unit >= 0x3000 && unit <= 0x30ff) || // CJK punctuation, kana
      (unit >= 0x3400 && unit <= 0x9fff) || // CJK ideographs
      (unit >= 0xac00 && unit <= 0xd7af) || // hangul syllables
      (unit >= 0xf900 && unit <= 0xfaff) || // CJK compatibility ideographs
      (unit >= 0xff00 && unit <= 0xffef); // full-width forms
    tenths += isChinese ? 6 : 3;
  }
  return tenths;
}
