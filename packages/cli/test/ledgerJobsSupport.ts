import { Readable } from 'node:stream';
import { runLedger, type LedgerCommandOptions } from '../src/commands/ledger.ts';
import type { JobsSettings } from '../src/commands/ledgerJobs.ts';
import { ledgerRange } from '../src/commands/ledgerRange.ts';
import type { CliIo } from '../src/io.ts';
import { chatUsage, type CliRun } from './support.ts';

// Shared by the --jobs tests: options as `seekcost ledger` parses them by default, a run of
// runLedger in-process, and stand-in workers that read their ranges in this thread.

export const defaults: LedgerCommandOptions = {
  groupBy: ['day', 'model'],
  timeZone: 'UTC',
  currency: 'USD',
  out: 'json',
  format: 'auto',
  strict: false,
  dedupe: true,
  keyField: undefined,
  nearEdgeMinutes: 10,
  basis: 'completion',
  progress: false,
  maxDetails: 100,
  saveState: undefined,
  mergeStates: [],
  acceptSecondaryPrices: false,
};

/** runLedger in-process, with what it printed. */
export async function ledgerRun(
  inputs: readonly string[],
  options: LedgerCommandOptions,
  cwd: string,
  settings: Omit<JobsSettings, 'jobs'> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stderrIsTTY: false,
    now: () => Date.parse('2026-09-01T02:00:00Z'),
    cwd,
  };
  const code = await runLedger(inputs, options, io, settings);
  return { code, stdout, stderr };
}

/** Workers in this thread: each takes ranges from the back, as a worker thread does. */
export const inProcessWorkers: NonNullable<JobsSettings['runWorkers']> = async (queue, options, count) => {
  await Promise.all(
    Array.from({ length: count }, async () => {
      for (let task = queue.take(); task !== undefined; task = queue.take()) queue.put(await ledgerRange(options, task));
    }),
  );
};

/** A ledger-shaped deepseek-chat record (one line of JSONL, no newline). */
export function record(id: string | undefined, at: string, output = 5): string {
  return JSON.stringify({ ...(id === undefined ? {} : { id }), model: 'deepseek-chat', at, usage: chatUsage(2, 10, output) });
}

/** The stderr line of a run that fell back to reading sequentially because of ids repeated across ranges. */
export const acrossNote = (jobs: number, count: number): string =>
  `seekcost ledger: --jobs ${jobs}: ${count} response id(s) repeat across the ranges read in parallel; only a sequential read counts each id's first copy; reading sequentially\n`;
