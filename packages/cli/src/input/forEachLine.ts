import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { CliIo } from '../io.ts';

/**
 * Where the bytes of the inputs have got to, for the progress line.
 *
 * @example
 * ```ts
 * const progress: ReadProgress = { bytesRead: 0, totalBytes: undefined, lines: 0 };
 * ```
 */
export interface ReadProgress {
  /** Bytes read from disk or stdin (compressed bytes for gzip). */
  bytesRead: number;
  /** Sum of the input files' sizes; undefined when reading stdin. */
  totalBytes: number | undefined;
  lines: number;
}

/**
 * A file that could not be read to its end (missing, unreadable, truncated gzip...).
 *
 * @example
 * ```ts
 * new InputError('usage.jsonl.gz', 10591, 'truncated gzip file').message; // 'usage.jsonl.gz (after line 10591): truncated gzip file'
 * ```
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string) {
    super(`${file}${line > 0 ? ` (after line ${line})` : ''}: ${message}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
  }
}

/**
 * Longest input line read, in bytes (64 MiB): a longer line is skipped without being held in memory
 * and reported through `onLongLine` with its file, line number and length (the ledger counts it as
 * a bad record), and reading goes on. A real usage record is a few KB; the limit keeps one broken
 * or hostile line (a 600 MB file without a newline) from exhausting memory.
 *
 * @example
 * ```ts
 * MAX_LINE_BYTES; // 67108864
 * ```
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Options of {@link forEachLine}.
 *
 * @example
 * ```ts
 * const options: LineOptions = { maxLineBytes: 1024, onLongLine: (file, line, bytes) => console.error(`${file}:${line}: ${bytes} bytes`) };
 * ```
 */
export interface LineOptions {
  /** Default {@link MAX_LINE_BYTES}. */
  readonly maxLineBytes?: number;
  /** Called for each line longer than the limit (not passed to `onLine`); may return `false` to stop. */
  readonly onLongLine?: (file: string, line: number, bytes: number) => boolean | undefined;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
const NEWLINE = 10;

/**
 * Calls `onLine` with each non-empty line (without its line ending) of each input, in order, with
 * the file's display name and the 1-based line number, in constant memory: files are streamed in
 * chunks, gzip is detected by its magic bytes and decompressed on the fly, and `-` reads stdin.
 * `onLine` may return `false` to stop. A missing file or a truncated or corrupt gzip stream rejects
 * with an {@link InputError} naming the file and the last complete line. Time is linear in the
 * input, long lines included (a line's pieces are joined once, at its end); a line longer than
 * `options.maxLineBytes` (default {@link MAX_LINE_BYTES}) goes to `options.onLongLine` instead.
 *
 * @example
 * ```ts
 * await forEachLine(['usage.jsonl.gz'], io, progress, (text, file, line) => { console.log(file, line, text.length); });
 * ```
 */
export async function forEachLine(
  inputs: readonly string[],
  io: CliIo,
  progress: ReadProgress,
  onLine: (text: string, file: string, line: number) => boolean | undefined,
  options: LineOptions = {},
): Promise<void> {
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  progress.totalBytes = await totalSize(inputs, io);
  for (const input of inputs) {
    const name = input === '-' ? '<stdin>' : input;
    let line = 0;
    let stopped = false;
    // The current line's bytes so far, as pieces joined once at its end: concatenating on every
    // chunk was quadratic (a 200 MB line took 15 s and 655 MB).
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let tooLong = false;
    const emit = (buffer: Buffer, start: number, end: number): boolean => {
      line++;
      if (end > start && buffer[end - 1] === 13) end--;
      if (end <= start) return true;
      let text = buffer.toString('utf8', start, end);
      // Spreadsheet exports often start with a byte-order mark; it is not part of the first field.
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') return true;
      progress.lines++;
      return onLine(text, name, line) !== false;
    };
    const reportLong = (bytes: number): boolean => {
      line++;
      progress.lines++;
      return options.onLongLine?.(name, line, bytes) !== false;
    };
    // Ends the current line with chunk[start, end): emits it, or reports it when over the limit.
    const finishLine = (chunk: Buffer, start: number, end: number): boolean => {
      const bytes = pendingBytes + (end - start);
      const wasTooLong = tooLong || bytes > maxLineBytes;
      const pieces = pending;
      pending = [];
      pendingBytes = 0;
      tooLong = false;
      if (wasTooLong) return reportLong(bytes);
      if (pieces.length === 0) return emit(chunk, start, end);
      pieces.push(chunk.subarray(start, end));
      const joined = Buffer.concat(pieces, bytes);
      return emit(joined, 0, joined.length);
    };
    const consume = (chunk: Buffer): boolean => {
      let start = 0;
      for (let newline = chunk.indexOf(NEWLINE, 0); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
        if (!finishLine(chunk, start, newline)) return false;
        start = newline + 1;
      }
      if (start < chunk.length) {
        pendingBytes += chunk.length - start;
        if (pendingBytes > maxLineBytes) tooLong = true;
        // Past the limit the bytes are only counted, never kept.
        if (tooLong) pending = [];
        else pending.push(Buffer.from(chunk.subarray(start)));
      }
      return true;
    };
    try {
      const raw: Readable = input === '-' ? io.stdin : createReadStream(absolute(input, io), { highWaterMark: 1 << 20 });
      for await (const chunk of decoded(raw, progress)) {
        if (!consume(chunk as Buffer)) {
          stopped = true;
          raw.destroy();
          break;
        }
      }
      // The last line of a file without a final newline can stop the run too (e.g. --strict).
      if (!stopped && (pendingBytes > 0 || tooLong) && !finishLine(Buffer.alloc(0), 0, 0)) stopped = true;
    } catch (error) {
      throw new InputError(name, line, describeReadError(error));
    }
    if (stopped) return;
  }
}

// Gzip is recognised by content, not by name, so `zcat`-less pipes and misnamed files both work.
async function* decoded(raw: Readable, progress: ReadProgress): AsyncGenerator<Buffer> {
  const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await iterator.next();
  if (first.done === true) return;
  const head = toBuffer(first.value);
  progress.bytesRead += head.length;
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      const chunk = toBuffer(next.value);
      progress.bytesRead += chunk.length;
      yield chunk;
    }
  };
  if (head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1) {
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    const done = pipeline(Readable.from(rest()), gunzip);
    done.catch(() => undefined);
    for await (const chunk of gunzip) yield chunk as Buffer;
    await done;
    return;
  }
  yield* rest();
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

function describeReadError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory, not a file';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'Z_BUF_ERROR') return 'truncated gzip file (unexpected end of file); records after this point are missing';
    if (code === 'Z_DATA_ERROR') return `corrupt gzip data (${(error as unknown as Error).message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function totalSize(inputs: readonly string[], io: CliIo): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-') return undefined;
    try {
      total += (await stat(absolute(input, io))).size;
    } catch (error) {
      throw new InputError(input, 0, describeReadError(error));
    }
  }
  return total;
}

function absolute(path: string, io: CliIo): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}
