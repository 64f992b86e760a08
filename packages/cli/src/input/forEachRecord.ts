import type { CliIo } from '../io.ts';
import { createProgress } from '../progress.ts';
import { csvRecord } from './csvRecord.ts';
import { MAX_LINE_BYTES, forEachLine, type ReadProgress } from './forEachLine.ts';
import { splitCsvLine } from './splitCsvLine.ts';

/**
 * How input lines are read: JSON Lines, CSV with a header row, or chosen by file name.
 *
 * @example
 * ```ts
 * const format: InputFormat = 'auto'; // usage.csv.gz is CSV, anything else JSON Lines
 * ```
 */
export type InputFormat = 'jsonl' | 'csv' | 'auto';

/**
 * A line that could not be turned into a record at all.
 *
 * @example
 * ```ts
 * const bad: UnreadableLine = { ref: 'usage.jsonl:3', message: 'not valid JSON (Unexpected token)' };
 * ```
 */
export interface UnreadableLine {
  readonly ref: string;
  readonly message: string;
}

/**
 * Streams the records of JSONL or CSV inputs (plain or gzip, `-` for stdin) in constant memory:
 * `onRecord` gets each parsed record with its `file:line` reference, `onUnreadable` each line that
 * is not JSON (or not valid CSV), or longer than `maxLineBytes` (default 64 MiB, MAX_LINE_BYTES: the
 * line is skipped unread and reading goes on). Either may return `false` to stop. Shows a progress line on a
 * terminal's stderr when `showProgress` is set. Read failures (missing file, truncated gzip) reject
 * with an InputError.
 *
 * @example
 * ```ts
 * await forEachRecord(['usage.jsonl.gz'], 'auto', io, true, (record, ref) => ledger.add(record, ref), (bad) => ledger.reject(bad.ref, 'malformed', bad.message));
 * ```
 */
export async function forEachRecord(
  inputs: readonly string[],
  format: InputFormat,
  io: CliIo,
  showProgress: boolean,
  onRecord: (record: unknown, ref: string) => boolean | undefined,
  onUnreadable: (line: UnreadableLine) => boolean | undefined,
  maxLineBytes: number = MAX_LINE_BYTES,
): Promise<ReadProgress> {
  const state: ReadProgress = { bytesRead: 0, totalBytes: undefined, lines: 0 };
  const progress = createProgress(io, state, showProgress);
  let header: string[] | undefined;
  let currentFile = '';
  let csv = false;
  try {
    await forEachLine(
      inputs,
      io,
      state,
      (text, file, line) => {
        if (file !== currentFile) {
          currentFile = file;
          header = undefined;
          csv = format === 'csv' || (format === 'auto' && /\.csv(\.gz)?$/i.test(file));
        }
        progress.tick();
        const ref = `${file}:${line}`;
        if (csv) {
          const fields = splitCsvLine(text);
          if (header === undefined) {
            if (fields === undefined) return onUnreadable({ ref, message: 'the CSV header line has an unclosed quote' });
            header = fields.map((f) => f.trim());
            state.lines--;
            return true;
          }
          if (fields === undefined) return onUnreadable({ ref, message: 'not a CSV row: a quoted field is not closed (multi-line fields are not supported)' });
          return onRecord(csvRecord(header, fields), ref);
        }
        let record: unknown;
        try {
          record = JSON.parse(text);
        } catch (error) {
          return onUnreadable({ ref, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
        }
        return onRecord(record, ref);
      },
      {
        maxLineBytes,
        onLongLine: (file, line, bytes) => {
          progress.tick();
          return onUnreadable({ ref: `${file}:${line}`, message: `line of ${bytes} bytes is longer than the ${maxLineBytes}-byte limit; skipped unread` });
        },
      },
    );
  } finally {
    progress.done();
  }
  return state;
}
