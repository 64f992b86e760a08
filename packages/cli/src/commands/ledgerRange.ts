import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { LedgerSnapshot } from '@seekcost/pricing/ledger';
import { forEachRecord } from '../input/forEachRecord.ts';
import { InputError } from '../input/forEachLine.ts';
import type { CliIo } from '../io.ts';
import type { LedgerCommandOptions } from './ledger.ts';
import { createLedgerFeed, type LedgerFeed } from './ledgerFeed.ts';

/**
 * One byte range of one JSONL file for a `--jobs` worker: `[start, end)` of the file at `path`,
 * starting at a line start (see splitAtLines). `index` orders the ranges of the whole run.
 *
 * @example
 * ```ts
 * const task: RangeTask = { index: 0, path: '/data/usage.jsonl', start: 0, end: 460_000_000 };
 * ```
 */
export interface RangeTask {
  readonly index: number;
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What a worker sends back for a range. Its refs read `<stdin>:N`, N counted from the range's first
 * line (the main thread makes them global: it alone knows how many lines the earlier ranges held);
 * `newlines` is how many line ends the range held. `inputError` is set when the range could not be
 * read to its end.
 *
 * @example
 * ```ts
 * const result: RangeResult = await ledgerRange(options, task);
 * result.newlines; // 690000
 * ```
 */
export interface RangeResult {
  readonly index: number;
  /** Undefined for the range read straight into the run's ledger (see RangeTarget). */
  readonly snapshot: LedgerSnapshot | undefined;
  readonly newlines: number;
  readonly skippedSpans: number;
  readonly strictStop: string | undefined;
  readonly inputError: string | undefined;
}

/**
 * Where the main thread reads the first range of the first file: straight into the run's own
 * ledger (`feed`), with refs written `name:N` as it goes, so that range needs no merge.
 *
 * @example
 * ```ts
 * const target: RangeTarget = { feed: createLedgerFeed(options), name: 'usage.jsonl' };
 * ```
 */
export interface RangeTarget {
  readonly feed: LedgerFeed;
  readonly name: string;
}

/** How a worker's refs start; the main thread replaces it with the file name and a global line. */
export const RANGE_REF_PREFIX = '<stdin>:';

const NEWLINE = 10;

/**
 * Reads one byte range into its own ledger (same options as the sequential run, `--strict`
 * included) through the very reader the sequential run uses, and returns the ledger's snapshot.
 * The range is handed to that reader as its stdin, so its lines are numbered from 1; the range
 * never starts with a byte-order mark or gzip's magic bytes (splitAtLines moves past such lines),
 * so the reader treats its first line as it would mid-file.
 *
 * @example
 * ```ts
 * const { snapshot, newlines } = await ledgerRange(options, { index: 1, path: '/data/usage.jsonl', start: 460_000_123, end: 920_288_099 });
 * ```
 */
export async function ledgerRange(options: LedgerCommandOptions, task: RangeTask, into?: RangeTarget): Promise<RangeResult> {
  const feed = into?.feed ?? createLedgerFeed(options, `seekcost-jobs/${task.index}/${globalThis.crypto.randomUUID()}`);
  const count = { newlines: 0 };
  const stream = task.end > task.start ? createReadStream(task.path, { start: task.start, end: task.end - 1, highWaterMark: 1 << 20 }) : Readable.from([]);
  const io: CliIo = {
    stdin: Readable.from(countNewlines(stream, count)),
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
    stderrIsTTY: false,
    now: () => 0,
    cwd: '/',
  };
  let inputError: string | undefined;
  try {
    if (into === undefined) await forEachRecord(['-'], 'jsonl', io, false, feed.onRecord, feed.onUnreadable);
    else {
      // '<stdin>:N' becomes 'name:N' (this range starts the file, so N is already the file's line).
      const name = into.name;
      const cut = RANGE_REF_PREFIX.length - 1;
      await forEachRecord(
        ['-'],
        'jsonl',
        io,
        false,
        (record, ref) => feed.onRecord(record, name + ref.slice(cut)),
        (bad) => feed.onUnreadable({ ref: name + bad.ref.slice(cut), message: bad.message }),
      );
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputError = error.message;
  }
  return {
    index: task.index,
    snapshot: into === undefined ? feed.ledger.snapshot() : undefined,
    newlines: count.newlines,
    skippedSpans: feed.skippedSpans(),
    strictStop: feed.strictStop(),
    inputError,
  };
}

async function* countNewlines(chunks: AsyncIterable<Buffer | string>, count: { newlines: number }): AsyncGenerator<Buffer> {
  for await (const piece of chunks) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) count.newlines++;
    yield chunk;
  }
}
