import { open } from 'node:fs/promises';

const NEWLINE = 10;
const WINDOW = 1 << 16;

/**
 * Where to cut a file into byte ranges that each start at a line start, near the given byte
 * offsets: for each target (in ascending order) the first line start at or after it, past the
 * previous cut. A line that starts with a byte-order mark (EF BB BF) or gzip's magic bytes (1F 8B)
 * is never a range's first line: the line reader strips a mark only on a file's first line and
 * detects gzip on a stream's first bytes, so such a line must be read mid-range to be read as the
 * whole file would read it. Returns the cut offsets, ascending, each in (0, size); targets with no
 * line start after them give none.
 *
 * @example
 * ```ts
 * // a.jsonl holds '{"a":1}\n{"b":2}\n{"c":3}\n' (24 bytes)
 * await splitAtLines('a.jsonl', 24, [10]); // [16]
 * await splitAtLines('a.jsonl', 24, [0, 8, 8]); // [8, 16]: each cut lies past the one before
 * ```
 */
export async function splitAtLines(path: string, size: number, targets: readonly number[]): Promise<number[]> {
  const file = await open(path, 'r');
  const window = Buffer.alloc(WINDOW);
  // The offset of the first newline at or after `from`, or -1.
  const nextNewline = async (from: number): Promise<number> => {
    for (let at = from; at < size; at += WINDOW) {
      const { bytesRead } = await file.read(window, 0, WINDOW, at);
      if (bytesRead === 0) return -1;
      const i = window.subarray(0, bytesRead).indexOf(NEWLINE);
      if (i !== -1) return at + i;
    }
    return -1;
  };
  const head = Buffer.alloc(3);
  const startsBadly = async (at: number): Promise<boolean> => {
    const { bytesRead } = await file.read(head, 0, 3, at);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
    return bytesRead === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  };
  const cuts: number[] = [];
  try {
    for (const target of [...targets].sort((a, b) => a - b)) {
      let from = Math.max(target, (cuts.at(-1) ?? 0) + 1) - 1;
      for (;;) {
        const newline = await nextNewline(from);
        const cut = newline + 1;
        if (newline === -1 || cut >= size) return cuts;
        if (!(await startsBadly(cut))) {
          cuts.push(cut);
          break;
        }
        from = cut;
      }
    }
    return cuts;
  } finally {
    await file.close();
  }
}
