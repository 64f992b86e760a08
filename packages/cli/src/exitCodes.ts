/**
 * The exit codes of `seekcost`, documented in packages/cli/README.md. Scripts and CI can rely on them.
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 * import { EXIT, runCli } from '@seekcost/cli';
 * const io = { stdin: Readable.from([]), stdout: { write: () => true }, stderr: { write: () => true }, stderrIsTTY: false, now: () => 0, cwd: '.' };
 * await runCli(['price', '--model', 'deepseek-chat'], io) === EXIT.USAGE; // => true
 * EXIT.BAD_RECORDS; // => 3
 * ```
 */
export const EXIT = {
  /** Done; every record was priced (duplicates may have been counted once). */
  OK: 0,
  /** An unexpected internal error (a bug: please report it with the message). */
  INTERNAL: 1,
  /** Bad command line: unknown command or option, missing or invalid argument. */
  USAGE: 2,
  /** Some input records could not be priced (reported with file, line and reason; totals exclude them), or --strict stopped at the first. */
  BAD_RECORDS: 3,
  /** An input could not be read: missing file, unreadable, truncated or corrupt gzip, invalid price-data file, a pricing page (or one of its tables) that cannot be read. */
  INPUT: 4,
  /** `diff --fail-on-change` found a difference between the two price tables, or `check-page` a difference between the page and the data. */
  CHANGED: 5,
} as const;

/** One of the values of {@link EXIT}. @example `const code: ExitCode = EXIT.OK;` */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
