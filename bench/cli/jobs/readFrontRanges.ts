import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { forEachRecord } from '../../../packages/cli/src/input/forEachRecord.ts';
import type { CliIo } from '../../../packages/cli/src/io.ts';
import type { LedgerFeed } from '../../../packages/cli/src/commands/ledgerFeed.ts';
import { countNewlines, RANGE_REF_PREFIX, type RangeTask } from './ledgerRange.ts';

/**
 * The main thread's share of a `--jobs` run: the ranges at the front of the list, read in order
 * straight into the run's own ledger, so they need no snapshot and no merge. `takeFront` hands out
 * the next range of `file` (undefined when there is none left, or the workers, which take ranges
 * from the back, have the rest). The ranges taken are read as one stream from the file's start, so
 * line numbers are the file's own and refs only change `<stdin>` for the file's name. Each range's
 * line ends are stored in `newlines[index]`, for the workers' ranges behind them. Rejects with the
 * reader's InputError when the file cannot be read.
 *
 * @example
 * ```ts
 * await readFrontRanges(feed, 'usage.jsonl', () => (front <= back ? tasks[front++] : undefined), newlines);
 * ```
 */
export async function readFrontRanges(feed: LedgerFeed, file: string, takeFront: () => RangeTask | undefined, newlines: number[]): Promise<void> {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let task = takeFront(); task !== undefined; task = takeFront()) {
      if (task.end <= task.start) {
        newlines[task.index] = 0;
        continue;
      }
      const count = { newlines: 0 };
      yield* countNewlines(createReadStream(task.path, { start: task.start, end: task.end - 1, highWaterMark: 1 << 20 }), count);
      newlines[task.index] = count.newlines;
    }
  }
  const io: CliIo = {
    stdin: Readable.from(chunks()),
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
    stderrIsTTY: false,
    now: () => 0,
    cwd: '/',
  };
  // '<stdin>:N' becomes 'file:N' ('<stdin>' is one character shorter than the prefix).
  const cut = RANGE_REF_PREFIX.length - 1;
  await forEachRecord(
    ['-'],
    'jsonl',
    io,
    false,
    (record, ref) => feed.onRecord(record, file + ref.slice(cut)),
    (bad) => feed.onUnreadable({ ref: file + bad.ref.slice(cut), message: bad.message }),
  );
}
