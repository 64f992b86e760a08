// The `seekcost ledger --jobs N` prototype, kept out of the CLI because it measured under the 1.6x
// bar of issue 12 (docs/benchmarks.md, CLI section); bench/cli/jobs/ledgerJobsCli.ts runs it.
import { open, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { SeekcostError } from '@seekcost/pricing';
import type { Ledger, LedgerSnapshot } from '@seekcost/pricing/ledger';
import { splitAtLines } from './splitAtLines.ts';
import type { CliIo } from '../../../packages/cli/src/io.ts';
import type { LedgerCommandOptions } from '../../../packages/cli/src/commands/ledger.ts';
import { createLedgerFeed } from '../../../packages/cli/src/commands/ledgerFeed.ts';
import { RANGE_REF_PREFIX, type RangeResult, type RangeTask } from './ledgerRange.ts';
import { readFrontRanges } from './readFrontRanges.ts';
import { InputError } from '../../../packages/cli/src/input/forEachLine.ts';
import { runRangesInWorkers, type RangeQueue } from './runRangesInWorkers.ts';

/**
 * Smallest range worth a worker (1 MiB): a worker takes a few hundred milliseconds to start and
 * load the price data, so a smaller file is read whole by one worker.
 *
 * @example
 * ```ts
 * MIN_RANGE_BYTES; // 1048576
 * ```
 */
export const MIN_RANGE_BYTES = 1 << 20;

// Ranges a file is cut into per reader: the readers take them one at a time, so a worker that
// starts late (a few hundred ms to load) or a slow range leaves at most one range's work unbalanced.
const RANGES_PER_JOB = 16;

/**
 * How {@link ledgerJobs} splits and runs: `jobs` workers; ranges of at least `minRangeBytes`;
 * `targets` (tests) the byte offsets to cut a file near instead of N equal parts; `runWorkers` (tests)
 * stands in for the worker threads (e.g. reads the ranges in-process).
 *
 * @example
 * ```ts
 * const settings: JobsSettings = { jobs: 2, minRangeBytes: 0, targets: () => [100, 250] };
 * ```
 */
export interface JobsSettings {
  readonly jobs: number;
  readonly minRangeBytes?: number;
  readonly targets?: (file: string, size: number) => readonly number[];
  readonly runWorkers?: (queue: RangeQueue, options: LedgerCommandOptions, count: number) => Promise<void>;
}

/**
 * What {@link ledgerJobs} found: the merged ledger (and what the sequential run would have said
 * besides it), or that the input must be read sequentially, with the reason to tell the user (none
 * when the sequential run reports the problem itself, such as a missing file).
 *
 * @example
 * ```ts
 * const outcome: JobsOutcome = { sequential: true, note: 'response id repeated across ranges' };
 * ```
 */
export type JobsOutcome =
  | { readonly sequential: false; readonly ledger: Ledger; readonly skippedSpans: number; readonly strictStop: string | undefined }
  | { readonly sequential: true; readonly note: string | undefined };

interface PlannedFile {
  readonly name: string;
  readonly path: string;
  readonly cuts: readonly number[];
  readonly size: number;
}

/**
 * `seekcost ledger --jobs N` over JSONL files: cuts each file into up to N byte ranges at line
 * starts, has N worker threads read them (each into its own ledger, the sequential run's options),
 * makes each range's `file:line` refs global and merges the snapshots in file order into a fresh
 * ledger, exactly what the sequential run would hold. When it cannot be exact it says so instead
 * of answering: a response id seen in two ranges (the sequential run counts its first copy once;
 * merged ranges would count both), an input that cannot be read or stat'ed, or a range whose read
 * failed midway; the caller then reads the input sequentially.
 *
 * @example
 * ```ts
 * const outcome = await ledgerJobs(['usage.jsonl'], options, io, { jobs: 2 });
 * if (!outcome.sequential) outcome.ledger.totals();
 * ```
 */
export async function ledgerJobs(inputs: readonly string[], options: LedgerCommandOptions, io: CliIo, settings: JobsSettings): Promise<JobsOutcome> {
  const minRangeBytes = settings.minRangeBytes ?? MIN_RANGE_BYTES;
  const files: PlannedFile[] = [];
  for (const name of inputs) {
    const path = isAbsolute(name) ? name : resolve(io.cwd, name);
    try {
      const info = await stat(path);
      if (!info.isFile()) return { sequential: true, note: undefined };
      const size = info.size;
      const parts = Math.min(settings.jobs * RANGES_PER_JOB, Math.max(1, Math.floor(size / Math.max(1, minRangeBytes))));
      const targets = settings.targets?.(name, size) ?? Array.from({ length: parts - 1 }, (_, i) => Math.floor((size * (i + 1)) / parts));
      const cuts = targets.length === 0 || (await isGzip(path)) ? [] : await splitAtLines(path, size, targets);
      files.push({ name, path, cuts, size });
    } catch {
      // Missing, unreadable, a directory: the sequential run names the file and the reason.
      return { sequential: true, note: undefined };
    }
  }
  const tasks: RangeTask[] = [];
  const fileOf: PlannedFile[] = [];
  for (const file of files) {
    const bounds = [0, ...file.cuts, file.size];
    for (let i = 0; i + 1 < bounds.length; i++) {
      tasks.push({ index: tasks.length, path: file.path, start: bounds[i] as number, end: bounds[i + 1] as number });
      fileOf.push(file);
    }
  }

  // The main thread reads ranges from the front straight into the run's ledger; the workers take
  // them from the back, one at a time, so a worker that starts late takes fewer.
  let front = 0;
  let back = tasks.length - 1;
  const results: RangeResult[] = [];
  const queue: RangeQueue = {
    take: () => (front <= back && feed.strictStop() === undefined ? tasks[back--] : undefined),
    put: (result) => results.push(result),
  };
  const feed = createLedgerFeed(options);
  const newlines: number[] = [];
  const mainThread = async (): Promise<void> => {
    while (front <= back && feed.strictStop() === undefined) {
      const file = fileOf[front] as PlannedFile;
      await readFrontRanges(feed, file.name, () => (front <= back && fileOf[front] === file ? tasks[front++] : undefined), newlines);
    }
  };
  const runWorkers = settings.runWorkers ?? runRangesInWorkers;
  const [mine, theirs] = await Promise.allSettled([mainThread(), runWorkers(queue, options, settings.jobs - 1)]);
  if (mine.status === 'rejected') {
    // Reading stops at a failed read; the sequential run says exactly where and what it read before.
    if (mine.reason instanceof InputError) return { sequential: true, note: undefined };
    throw mine.reason;
  }
  if (theirs.status === 'rejected') throw theirs.reason;
  const ledger = feed.ledger;
  const strictStop = feed.strictStop();
  if (strictStop !== undefined) return { sequential: false, ledger, skippedSpans: feed.skippedSpans(), strictStop };

  results.sort((a, b) => a.index - b.index);
  let offset = 0;
  for (let i = 0; i < front; i++) offset = i > 0 && fileOf[i - 1] !== fileOf[i] ? (newlines[i] ?? 0) : offset + (newlines[i] ?? 0);
  let skippedSpans = feed.skippedSpans();
  for (const result of results) {
    const i = result.index;
    const file = fileOf[i] as PlannedFile;
    if (i > 0 && fileOf[i - 1] !== file) offset = 0;
    if (result.inputError !== undefined) return { sequential: true, note: undefined };
    if (result.strictStop !== undefined) return { sequential: false, ledger, skippedSpans, strictStop: globalRef(result.strictStop, file.name, offset) };
    try {
      ledger.merge(globalRefs(result.snapshot, file.name, offset));
    } catch (error) {
      if (!(error instanceof SeekcostError)) throw error;
      return { sequential: true, note: `the ranges' states did not merge (${error.message})` };
    }
    skippedSpans += result.skippedSpans;
    offset += result.newlines;
  }
  const across = ledger.totals().duplicates.acrossMerges;
  if (across > 0)
    return {
      sequential: true,
      note: `${across} response id(s) repeat across the ranges read in parallel; only a sequential read counts each id's first copy`,
    };
  return { sequential: false, ledger, skippedSpans, strictStop: undefined };
}

/**
 * A worker's ref (`<stdin>:N`, N counted from its range's first line, maybe followed by `#k` or
 * `: message`) as the sequential run writes it: the file's name and its line in the whole file.
 * Refs not from a range (none today) pass unchanged.
 *
 * @example
 * ```ts
 * globalRef('<stdin>:3#2', 'usage.jsonl', 1000); // 'usage.jsonl:1003#2'
 * ```
 */
export function globalRef(ref: string, file: string, offset: number): string {
  if (!ref.startsWith(RANGE_REF_PREFIX)) return ref;
  const rest = ref.slice(RANGE_REF_PREFIX.length);
  const digits = /^\d+/.exec(rest)?.[0] ?? '';
  if (digits === '') return ref;
  return `${file}:${offset + Number(digits)}${rest.slice(digits.length)}`;
}

function globalRefs(snapshot: LedgerSnapshot, file: string, offset: number): LedgerSnapshot {
  const fix = <T extends { readonly ref: string | null | undefined }>(item: T): T =>
    typeof item.ref === 'string' ? { ...item, ref: globalRef(item.ref, file, offset) } : item;
  return {
    ...snapshot,
    excludedSamples: snapshot.excludedSamples.map(fix),
    duplicateSamples: snapshot.duplicateSamples.map(fix),
    nearEdge: { ...snapshot.nearEdge, details: snapshot.nearEdge.details.map(fix) },
  };
}

async function isGzip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await file.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await file.close();
  }
}
