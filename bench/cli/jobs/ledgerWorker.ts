// A `seekcost ledger --jobs N` worker thread: reads the byte ranges the main thread sends, one at a
// time, each into its own ledger (options from workerData), and posts back each range's result.
import { parentPort, workerData } from 'node:worker_threads';
import type { LedgerCommandOptions } from '../../../packages/cli/src/commands/ledger.ts';
import { ledgerRange, type RangeTask } from './ledgerRange.ts';

const port = parentPort;
if (port === null) throw new Error('ledgerWorker.ts runs only as a worker thread (seekcost ledger --jobs)');
const options = workerData as LedgerCommandOptions;
port.on('message', (task: RangeTask) => {
  // A failure rejects out of the worker, which the main thread sees as the worker's 'error'.
  void ledgerRange(options, task).then((result) => port.postMessage(result));
});
