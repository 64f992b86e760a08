import { SeekcostError } from '../errors.ts';

// Ids are spread over 2^k buckets by their hash's top k bits, each a fixed run of 32-bit entries
// (index into the id list << 6 | the hash's low 6 bits) in one flat array. When the table is half
// full it grows: first to 2^12 buckets, then each bucket's length up to 1024 entries (to 2M ids),
// then the bucket count again up to 2^16, then the lengths. Few buckets keep inserts fast (each
// bucket's write end stays in cache: with 2^16 buckets the benchmark ran ~20% slower), short
// buckets keep searches fast (a repeat scans its bucket). A bucket that fills before the rest (only
// when hashes are skewed) spills into an overflow list.
const MIN_BUCKET_BITS = 4;
const FAST_BUCKET_BITS = 12;
const MAX_BUCKET_BITS = 16;
const LONG_BUCKET_ENTRIES = 1024;
const INITIAL_BUCKET_ENTRIES = 32;
const TAG_BITS = 6;
const TAG_MASK = (1 << TAG_BITS) - 1;
// The filter keeps 16 to 32 bits per id: a new id passes it by mistake in roughly 0.5-2% of cases.
const FILTER_BITS_PER_ID = 16;
const INITIAL_FILTER_WORDS = 1 << 10;
// Ids and their hashes, in first-added order, live in fixed-size chunks, so growing never copies
// (a copy of millions of slots is garbage that brings on a full collection of the caller's heap).
const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
// The most an entry's 26 index bits can address (V8's own Set stops at 2^24 entries).
export const MAX_IDS = 2 ** (32 - TAG_BITS);

/**
 * The response ids a ledger has counted, exactly, for de-duplication.
 *
 * A `Set<string>` of millions of ids costs about 0.5-0.8 µs per new id in V8 on the benchmark
 * machine: its table outgrows the CPU caches, so nearly every insert waits on main memory, and its
 * growth allocates enough to bring on full garbage collections. Here:
 *
 * - a Bloom-style filter (two bits per id in one 32-bit word, 16-32 bits per id, a few MiB) answers
 *   "certainly new" for about 98% of new ids; only a filter hit (a repeat, or a rare false
 *   alarm) searches further;
 * - the search index is a flat table of 4-byte entries in a few thousand buckets (by the hash's
 *   top bits): an insert reads a cache-resident fill count and writes at a bucket end that is
 *   usually in cache too, and a search scans one bucket (about 500 entries at 2M ids);
 * - the ids themselves and their 32-bit hashes are kept in first-added order, in chunks.
 *
 * The hash only narrows the search: an id counts as seen only when a stored id with the same hash
 * is the same string, so no hash collision can make a new id look like a repeat.
 *
 * @example
 * ```ts
 * const seen = new SeenIds();
 * seen.add('7ba8ffb5-21b0-4a95-a351-44fa3408eb05'); // true (new)
 * seen.add('7ba8ffb5-21b0-4a95-a351-44fa3408eb05'); // false (already counted)
 * seen.size; // 1
 * seen.values(); // ['7ba8ffb5-21b0-4a95-a351-44fa3408eb05']
 * ```
 */
export class SeenIds {
  readonly #ids: string[][] = [];
  readonly #hashes: Int32Array[] = [];
  #size = 0;
  /** Bucket b holds entries at [b * #bucketEntries, ...), #fill[b] of them. */
  #entries = new Int32Array(INITIAL_BUCKET_ENTRIES << MIN_BUCKET_BITS);
  #fill = new Int32Array(1 << MIN_BUCKET_BITS);
  #bucketEntries = INITIAL_BUCKET_ENTRIES;
  #bucketShift = 32 - MIN_BUCKET_BITS;
  /** Entries that did not fit in their bucket, by bucket. */
  #overflow: Map<number, number[]> | undefined = undefined;
  #filter = new Int32Array(INITIAL_FILTER_WORDS);
  #filterMask = INITIAL_FILTER_WORDS - 1;
  readonly #hash: (id: string) => number;

  /** @param hash only for tests, e.g. `() => 0` to make every id collide; the default suits any ids. */
  constructor(hash: (id: string) => number = hashString) {
    this.#hash = hash;
  }

  /** How many distinct ids have been added. */
  get size(): number {
    return this.#size;
  }

  /** Adds `id`; returns true if it was new, false if the same string was already there. */
  add(id: string): boolean {
    const hash = this.#hash(id) | 0;
    const filter = this.#filter;
    const word = hash & this.#filterMask;
    const bits = filterBits(hash);
    const had = filter[word] as number;
    const bucket = hash >>> this.#bucketShift;
    if ((had & bits) === bits && this.#contains(bucket, hash, id)) return false;
    const index = this.#size;
    if (index >= MAX_IDS) {
      throw new SeekcostError(
        'TOO_MANY_IDS',
        `more than ${MAX_IDS} distinct response ids in one ledger; shard the input by response id and merge, or pass dedupe: false`,
      );
    }
    filter[word] = had | bits;
    this.#append(bucket, (index << TAG_BITS) | (hash & TAG_MASK));
    if ((index & CHUNK_MASK) === 0) {
      this.#ids.push(new Array<string>(CHUNK_SIZE));
      this.#hashes.push(new Int32Array(CHUNK_SIZE));
    }
    (this.#ids[index >>> CHUNK_BITS] as string[])[index & CHUNK_MASK] = id;
    (this.#hashes[index >>> CHUNK_BITS] as Int32Array)[index & CHUNK_MASK] = hash;
    const size = (this.#size = index + 1);
    if (size > (this.#fill.length * this.#bucketEntries) >>> 1) this.#grow();
    if (size * FILTER_BITS_PER_ID > filter.length * 32) this.#rebuildFilter();
    return true;
  }

  /** The ids in first-added order (a copy). */
  values(): string[] {
    const values: string[] = [];
    for (let index = 0; index < this.#size; index++) values.push(this.#idAt(index) as string);
    return values;
  }

  #idAt(index: number): string | undefined {
    return (this.#ids[index >>> CHUNK_BITS] as string[])[index & CHUNK_MASK];
  }

  #hashAt(index: number): number {
    return (this.#hashes[index >>> CHUNK_BITS] as Int32Array)[index & CHUNK_MASK] as number;
  }

  // An entry matches when its 6 tag bits, then its full hash, then its string are the same.
  #matches(entry: number, hash: number, id: string): boolean {
    if ((entry & TAG_MASK) !== (hash & TAG_MASK)) return false;
    const index = entry >>> TAG_BITS;
    return this.#hashAt(index) === hash && this.#idAt(index) === id;
  }

  #contains(bucket: number, hash: number, id: string): boolean {
    const entries = this.#entries;
    const start = bucket * this.#bucketEntries;
    const end = start + (this.#fill[bucket] as number);
    for (let at = start; at < end; at++) if (this.#matches(entries[at] as number, hash, id)) return true;
    const spilled = this.#overflow?.get(bucket);
    if (spilled !== undefined) for (const entry of spilled) if (this.#matches(entry, hash, id)) return true;
    return false;
  }

  #append(bucket: number, entry: number): void {
    const fill = this.#fill[bucket] as number;
    if (fill < this.#bucketEntries) {
      this.#entries[bucket * this.#bucketEntries + fill] = entry;
      this.#fill[bucket] = fill + 1;
      return;
    }
    const overflow = (this.#overflow ??= new Map());
    const spilled = overflow.get(bucket);
    if (spilled === undefined) overflow.set(bucket, [entry]);
    else spilled.push(entry);
  }

  // Doubles the bucket count or each bucket's length (see above), and re-enters every id from the
  // first-added hashes (a sequential read).
  #grow(): void {
    const bucketBits = 32 - this.#bucketShift;
    if (bucketBits < FAST_BUCKET_BITS || (bucketBits < MAX_BUCKET_BITS && this.#bucketEntries >= LONG_BUCKET_ENTRIES)) this.#bucketShift--;
    else this.#bucketEntries *= 2;
    const buckets = 2 ** (32 - this.#bucketShift);
    this.#entries = new Int32Array(buckets * this.#bucketEntries);
    this.#fill = new Int32Array(buckets);
    this.#overflow = undefined;
    const shift = this.#bucketShift;
    for (let index = 0; index < this.#size; index++) {
      const hash = this.#hashAt(index);
      this.#append(hash >>> shift, (index << TAG_BITS) | (hash & TAG_MASK));
    }
  }

  #rebuildFilter(): void {
    let words = this.#filter.length;
    while (this.#size * FILTER_BITS_PER_ID > words * 32) words *= 2;
    const filter = new Int32Array(words);
    const mask = words - 1;
    for (let index = 0; index < this.#size; index++) {
      const hash = this.#hashAt(index);
      filter[hash & mask] = (filter[hash & mask] as number) | filterBits(hash);
    }
    this.#filter = filter;
    this.#filterMask = mask;
  }
}

// Two bit positions taken from the hash's product with a second odd constant, whose top bits depend
// on all of the hash (the filter word uses the hash's low bits, the bucket its top bits).
function filterBits(hash: number): number {
  const mixed = Math.imul(hash, 0x9e3779b1);
  return (1 << (mixed >>> 27)) | (1 << ((mixed >>> 22) & 31));
}

// A 32-bit hash of every UTF-16 unit, two at a time, in two independent lanes (the CPU runs both
// multiply chains at once), finished with murmur3's fmix32 so every output bit depends on every
// unit. Not cryptographic: a collision only costs one string comparison.
function hashString(text: string): number {
  const length = text.length;
  let a = length ^ 0x9e3779b9;
  let b = 0x7f4a7c15;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    a = Math.imul(a ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), 0x85ebca6b);
    b = Math.imul(b ^ (text.charCodeAt(i + 2) | (text.charCodeAt(i + 3) << 16)), 0xcc9e2d51);
    a ^= a >>> 15;
    b ^= b >>> 13;
  }
  for (; i < length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x85ebca6b);
  let h = a ^ Math.imul(b, 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
