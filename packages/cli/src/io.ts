import type { Readable } from 'node:stream';

/**
 * Something text can be written to: process.stdout, or a string collector in tests.
 *
 * @example
 * ```ts
 * let text = ''; const sink: TextSink = { write: (s: string) => (text += s) };
 * ```
 */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Everything a command touches outside itself, injected so tests run commands in-process: the
 * standard streams, whether stderr is a terminal (progress is shown only then), the clock (used only
 * where the user gave no instant) and the working directory for relative paths.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, stderrIsTTY: false, now: () => Date.now(), cwd: process.cwd() };
 * ```
 */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stderrIsTTY: boolean;
  readonly now: () => number;
  readonly cwd: string;
  /** Terminal width for the progress line (default 80). */
  readonly columns?: number;
}

/**
 * The real process's streams, clock and directory.
 *
 * @example
 * ```ts
 * import { processIo } from '@seekcost/cli';
 * // A bin script runs: process.exitCode = await runCli(process.argv.slice(2), processIo());
 * const io = processIo();
 * io.stdout === process.stdout && io.stdin === process.stdin; // => true
 * ```
 */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    now: () => Date.now(),
    // Under `npm run seekcost` npm runs us in packages/cli; paths are meant relative to where npm was invoked.
    cwd: process.env.npm_lifecycle_event === 'seekcost' && process.env.INIT_CWD !== undefined ? process.env.INIT_CWD : process.cwd(),
    columns: process.stderr.columns ?? 80,
  };
}
