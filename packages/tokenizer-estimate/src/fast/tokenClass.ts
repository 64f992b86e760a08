/**
 * Kinds of o200k token the fast method tells apart (the high 3 bits of a table entry). DeepSeek's
 * tokens per o200k token differ by kind: bare words after a line break split finer, CJK merges
 * across o200k tokens, and so on.
 *
 * @example
 * ```ts
 * tokenClass(table[id]!) === TokenClass.Cjk; // an o200k token holding CJK bytes
 * ```
 */
export const TokenClass = {
  /** ' ' followed by ASCII letters only, e.g. ' hello'. */
  SpacedWord: 0,
  /** ASCII letters only, e.g. 'hello' (after a line break or punctuation). */
  BareWord: 1,
  /** ASCII digits only. */
  Digits: 2,
  /** ASCII whitespace only. */
  Whitespace: 3,
  /** Any other all-ASCII token (punctuation, mixed). */
  AsciiOther: 4,
  /** Holds UTF-8 bytes of U+3000–U+9FFF (CJK punctuation, kana, ideographs), whole or partial. */
  Cjk: 5,
  /** Any other non-ASCII token (Cyrillic, Latin accents, emoji, partial characters). */
  OtherNonAscii: 6,
} as const;

/**
 * A {@link TokenClass} value.
 *
 * @example
 * ```ts
 * const kind: TokenClassId = TokenClass.Digits;
 * ```
 */
export type TokenClassId = (typeof TokenClass)[keyof typeof TokenClass];

/**
 * Table entries hold the DeepSeek count in the low COUNT_BITS bits and the class above them.
 *
 * @example
 * ```ts
 * const kind = entry >>> COUNT_BITS;
 * ```
 */
export const COUNT_BITS = 5;

/**
 * Mask of the DeepSeek count in a table entry.
 *
 * @example
 * ```ts
 * const deepseekTokens = entry & COUNT_MASK;
 * ```
 */
export const COUNT_MASK = (1 << COUNT_BITS) - 1;
