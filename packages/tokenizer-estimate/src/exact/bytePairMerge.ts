import { NO_MERGE, type MergeTable } from './mergeTable.ts';

/**
 * Pieces up to this many bytes use the simple scan; longer ones the heap (quadratic scan is slow there).
 *
 * @example
 * ```ts
 * bytePairMerge(table, ids, SHORT_PIECE_BYTES + 1); // takes the heap path
 * ```
 */
export const SHORT_PIECE_BYTES = 48;

const POSITION_SCALE = 4294967296; // 2^32: heap keys are mergedId * 2^32 + position

/**
 * Applies BPE merges in place to `ids[0, length)` and returns the new length.
 *
 * Semantics match Hugging Face's BPE: repeatedly merge the adjacent pair with the lowest merge rank,
 * the leftmost on ties. Short pieces use an O(n²) scan over a rank array (fastest for words); long
 * pieces (CJK runs, long identifiers, base64) use a binary heap with lazy invalidation, O(n log n).
 *
 * @example
 * ```ts
 * const ids = new Int32Array([bytes('h'), bytes('i')]);
 * const length = bytePairMerge(table, ids, 2); // 1: 'hi' is one token
 * ```
 */
export function bytePairMerge(table: MergeTable, ids: Int32Array, length: number): number {
  if (length < 2) return length;
  return length <= SHORT_PIECE_BYTES ? mergeShort(table, ids, length) : mergeLong(table, ids, length);
}

const shortRanks = new Int32Array(SHORT_PIECE_BYTES);

function mergeShort(table: MergeTable, ids: Int32Array, initialLength: number): number {
  let length = initialLength;
  const ranks = shortRanks;
  for (let i = 0; i < length - 1; i++) ranks[i] = table.lookup(ids[i]!, ids[i + 1]!);
  for (;;) {
    let best = NO_MERGE;
    let bestIndex = -1;
    for (let i = 0; i < length - 1; i++) {
      const rank = ranks[i]!;
      if (rank < best) {
        best = rank;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) return length;
    ids[bestIndex] = best;
    // Manual shifts: copyWithin's call overhead dominates on arrays this short.
    for (let i = bestIndex + 1; i < length - 1; i++) {
      ids[i] = ids[i + 1]!;
      ranks[i] = ranks[i + 1]!;
    }
    length--;
    if (bestIndex > 0) ranks[bestIndex - 1] = table.lookup(ids[bestIndex - 1]!, best);
    if (bestIndex < length - 1) ranks[bestIndex] = table.lookup(best, ids[bestIndex + 1]!);
  }
}

// Scratch buffers reused across calls (grown on demand): long pieces are frequent in CJK text, and
// allocating three typed arrays per piece cost more than the merging itself.
let nextScratch = new Int32Array(256);
let previousScratch = new Int32Array(256);
let heapScratch = new Float64Array(512);

function mergeLong(table: MergeTable, ids: Int32Array, length: number): number {
  if (nextScratch.length < length) {
    nextScratch = new Int32Array(length);
    previousScratch = new Int32Array(length);
  }
  if (heapScratch.length < length * 2) heapScratch = new Float64Array(length * 2);
  const next = nextScratch;
  const previous = previousScratch;
  let heap = heapScratch;
  let heapSize = 0;

  const push = (key: number): void => {
    if (heapSize === heap.length) {
      const grown = new Float64Array(heap.length * 2);
      grown.set(heap);
      heap = grown;
      heapScratch = grown;
    }
    let child = heapSize++;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const parentKey = heap[parent]!;
      if (parentKey <= key) break;
      heap[child] = parentKey;
      child = parent;
    }
    heap[child] = key;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--heapSize]!;
    let parent = 0;
    for (;;) {
      let child = parent * 2 + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[parent] = heap[child]!;
      parent = child;
    }
    heap[parent] = last;
    return top;
  };

  for (let i = 0; i < length; i++) {
    next[i] = i + 1 < length ? i + 1 : -1;
    previous[i] = i - 1;
    if (i + 1 < length) {
      const merged = table.lookup(ids[i]!, ids[i + 1]!);
      if (merged !== NO_MERGE) push(merged * POSITION_SCALE + i);
    }
  }
  while (heapSize > 0) {
    const key = pop();
    const merged = Math.floor(key / POSITION_SCALE);
    const position = key - merged * POSITION_SCALE;
    const right = next[position]!;
    // Lazy invalidation: the entry is live only if the pair it was made for is still there.
    if (ids[position]! < 0 || right < 0 || table.lookup(ids[position]!, ids[right]!) !== merged) continue;
    ids[position] = merged;
    ids[right] = -1;
    const after = next[right]!;
    next[position] = after;
    if (after >= 0) {
      previous[after] = position;
      const mergedRight = table.lookup(merged, ids[after]!);
      if (mergedRight !== NO_MERGE) push(mergedRight * POSITION_SCALE + position);
    }
    const before = previous[position]!;
    if (before >= 0) {
      const mergedLeft = table.lookup(ids[before]!, merged);
      if (mergedLeft !== NO_MERGE) push(mergedLeft * POSITION_SCALE + before);
    }
  }
  let write = 0;
  for (let i = 0; i >= 0; i = next[i]!) ids[write++] = ids[i]!;
  // Drop scratch buffers grown for a huge piece so one 50 MB word does not pin memory forever.
  if (length > 1 << 20) {
    nextScratch = new Int32Array(256);
    previousScratch = new Int32Array(256);
    heapScratch = new Float64Array(512);
  }
  return write;
}
