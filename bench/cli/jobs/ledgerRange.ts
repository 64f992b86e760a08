import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { LedgerSnapshot } from '@seekcost/pricing/ledger';
import { forEachRecord } from '../../../packages/cli/src/input/forEachRecord.ts';
import { InputError } from '../../../packages/cli/src/input/forEachLine.ts';
import type { CliIo } from '../../../packages/cli/src/io.ts';
import type { LedgerCommandOptions } from '../../../packages/cli/src/commands/ledger.ts';
import { createLedgerFeed } from '../../../packages/cli/src/commands/ledgerFeed.ts';

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
  readonly snapshot: LedgerSnapshot;
  readonly newlines: number;
  readonly skippedSpans: number;
  readonly strictStop: string | undefined;
  readonly inputError: string | undefined;
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
export async function ledgerRange(options: LedgerCommandOptions, task: RangeTask): Promise<RangeResult> {
  const feed = createLedgerFeed(options, `seekcost-jobs/${task.index}/${globalThis.crypto.randomUUID()}`);
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
    await forEachRecord(['-'], 'jsonl', io, false, feed.onRecord, feed.onUnreadable);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputError = error.message;
  }
  return {
    index: task.index,
    snapshot: feed.ledger.snapshot(),
    newlines: count.newlines,
    skippedSpans: feed.skippedSpans(),
    strictStop: feed.strictStop(),
    inputError,
  };
}

/**
 * Passes the chunks on, counting their line ends into `count.newlines`.
 *
 * @example
 * ```ts
 * const count = { newlines: 0 };
 * for await (const chunk of countNewlines(createReadStream(path), count)) consume(chunk);
 * ```
 */
export async function* countNewlines(chunks: AsyncIterable<Buffer | string>, count: { newlines: number }): AsyncGenerator<Buffer> {
  for await (const piece of chunks) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) count.newlines++;
    yield chunk;
  }
}
