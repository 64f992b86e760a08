/**
 * Builds the fast method's per-o200k-token table (see src/fast/o200kTokenTable.ts): for every
 * o200k_base token id, the DeepSeek-V3 token count of that token's bytes on their own (valid UTF-8
 * through the exact tokenizer, pre-tokenizer included; partial characters straight through the
 * byte-pair merge) in the low bits and the token's class in the high bits. Token bytes come from
 * js-tiktoken's o200k ranks (a devDependency). Shared by scripts/calibrateFast.ts, which writes the
 * table, and test/fastTable.test.ts, which checks the checked-in table is up to date.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200kRanks from 'js-tiktoken/ranks/o200k_base';
import { createExactTokenizer } from '../src/entries/exact.ts';
import { bytePairMerge } from '../src/exact/bytePairMerge.ts';
import { MergeTable } from '../src/exact/mergeTable.ts';
import { COUNT_BITS, COUNT_MASK, TokenClass, type TokenClassId } from '../src/fast/tokenClass.ts';
import { BYTE_TOKEN_IDS } from '../src/generated/deepseekV3Merges.ts';

/** The table and how many entries had to be clamped into 1..COUNT_MASK. */
export interface BuiltO200kTable {
  readonly table: Uint8Array;
  readonly clamped: number;
}

function classOf(bytes: Uint8Array): TokenClassId {
  // 0xE3–0xE9 only ever occur as lead bytes, of U+3000–U+9FFF.
  if (bytes.some((byte) => byte >= 0xe3 && byte <= 0xe9)) return TokenClass.Cjk;
  if (bytes.some((byte) => byte >= 0x80)) return TokenClass.OtherNonAscii;
  const text = String.fromCharCode(...bytes);
  if (/^ [A-Za-z]+$/.test(text)) return TokenClass.SpacedWord;
  if (/^[A-Za-z]+$/.test(text)) return TokenClass.BareWord;
  if (/^[0-9]+$/.test(text)) return TokenClass.Digits;
  if (/^[\t\n\v\f\r ]+$/.test(text)) return TokenClass.Whitespace;
  return TokenClass.AsciiOther;
}

/**
 * Builds the table (about 2 seconds).
 *
 * @example
 * ```ts
 * const { table } = buildO200kTable();
 * table[id]! & COUNT_MASK; // DeepSeek tokens of o200k token `id`
 * ```
 */
export function buildO200kTable(): BuiltO200kTable {
  const exact = createExactTokenizer();
  // js-tiktoken keeps id -> bytes in a private map; reading it beats re-parsing its rank format.
  const tokenBytes = (new Tiktoken(o200kRanks) as unknown as { textMap: Map<number, Uint8Array> }).textMap;
  let tableSize = 0;
  for (const id of tokenBytes.keys()) tableSize = Math.max(tableSize, id + 1);
  const merges = MergeTable.fromGenerated();
  // ignoreBOM keeps a leading U+FEFF (o200k has tokens starting with it) instead of silently dropping it.
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const deepseekCount = (bytes: Uint8Array): number => {
    let text: string | undefined;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined) return exact.count(text, { specialTokens: false });
    // A partial UTF-8 character: no pre-tokenizer split applies inside it, so merge the bytes directly.
    const ids = Int32Array.from(bytes, (byte) => BYTE_TOKEN_IDS[byte]!);
    return bytePairMerge(merges, ids, ids.length);
  };
  const table = new Uint8Array(tableSize);
  let clamped = 0;
  for (let id = 0; id < tableSize; id++) {
    const bytes = tokenBytes.get(id);
    if (!bytes) {
      table[id] = (TokenClass.OtherNonAscii << COUNT_BITS) | 1;
      continue;
    }
    let count = deepseekCount(bytes);
    if (count < 1 || count > COUNT_MASK) {
      clamped++;
      count = Math.min(COUNT_MASK, Math.max(1, count));
    }
    table[id] = (classOf(bytes) << COUNT_BITS) | count;
  }
  return { table, clamped };
}
