import { FIRST_MERGED_ID, MERGE_COUNT, MERGE_ID_BITS, MERGE_PAIRS_BASE64 } from '../generated/deepseek-v3-merges.ts';

/** Returned by MergeTable.lookup when two tokens do not merge. */
export const NO_MERGE = 0x7fffffff;

/**
 * The BPE merges as an open-addressing hash table over (left, right) token ids, in typed arrays.
 * A lookup returns the merged token id; because merge i creates id 259 + i, that id is also the
 * merge's priority (lower merges first), so no separate rank array is needed.
 *
 * @example
 * ```ts
 * const table = MergeTable.fromGenerated();
 * const merged = table.lookup(leftId, rightId); // NO_MERGE when the pair never merges
 * ```
 */
export class MergeTable {
  private readonly lefts: Int32Array;
  private readonly rights: Int32Array;
  private readonly merged: Int32Array;
  private readonly mask: number;

  private constructor(capacity: number) {
    this.lefts = new Int32Array(capacity).fill(-1);
    this.rights = new Int32Array(capacity);
    this.merged = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /**
   * Decodes the packed table generated from DeepSeek-V3's tokenizer.json.
   *
   * @example
   * ```ts
   * const table = MergeTable.fromGenerated(); // ~10 ms: base64 decode + 127,741 inserts
   * ```
   */
  static fromGenerated(): MergeTable {
    const binary = atob(MERGE_PAIRS_BASE64);
    const table = new MergeTable(1 << 18);
    let bitPosition = 0;
    const readId = (): number => {
      let value = 0;
      for (let remaining = MERGE_ID_BITS; remaining > 0; ) {
        const byte = binary.charCodeAt(bitPosition >>> 3);
        const offset = bitPosition & 7;
        const take = Math.min(8 - offset, remaining);
        const bits = (byte >>> (8 - offset - take)) & ((1 << take) - 1);
        value = (value << take) | bits;
        remaining -= take;
        bitPosition += take;
      }
      return value;
    };
    for (let index = 0; index < MERGE_COUNT; index++) {
      const left = readId();
      const right = readId();
      table.insert(left, right, FIRST_MERGED_ID + index);
    }
    return table;
  }

  private slot(left: number, right: number): number {
    return (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b)) >>> 14;
  }

  private insert(left: number, right: number, mergedId: number): void {
    let slot = this.slot(left, right) & this.mask;
    while (this.lefts[slot] !== -1) slot = (slot + 1) & this.mask;
    this.lefts[slot] = left;
    this.rights[slot] = right;
    this.merged[slot] = mergedId;
  }

  /**
   * The id created by merging `left` then `right`, or NO_MERGE.
   *
   * @example
   * ```ts
   * table.lookup(table.lookup(a, b), c); // ids chain: merges of merges
   * ```
   */
  lookup(left: number, right: number): number {
    const lefts = this.lefts;
    let slot = this.slot(left, right) & this.mask;
    for (;;) {
      const candidate = lefts[slot]!;
      if (candidate === left && this.rights[slot] === right) return this.merged[slot]!;
      if (candidate === -1) return NO_MERGE;
      slot = (slot + 1) & this.mask;
    }
  }
}
