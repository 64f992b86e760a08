import { O200K_TABLE_BASE64, O200K_TABLE_SIZE } from '../generated/o200kDeepseekTable.ts';

let decoded: Uint8Array | undefined;

/**
 * One byte per o200k token id: how many DeepSeek-V3 tokens that token's bytes take on their own
 * (low 5 bits) and its TokenClass (high 3 bits; src/fast/tokenClass.ts). Decoded from the generated
 * base64 on first call (200 KB, a millisecond or two) and reused afterwards.
 *
 * @example
 * ```ts
 * const entry = o200kTokenTable()[id]!;
 * const deepseekTokens = entry & COUNT_MASK;
 * const kind = entry >>> COUNT_BITS;
 * ```
 */
export function o200kTokenTable(): Uint8Array {
  if (decoded) return decoded;
  const binary = atob(O200K_TABLE_BASE64);
  const table = new Uint8Array(O200K_TABLE_SIZE);
  for (let id = 0; id < O200K_TABLE_SIZE; id++) table[id] = binary.charCodeAt(id);
  decoded = table;
  return table;
}
