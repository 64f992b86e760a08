import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LedgerCommandOptions } from '../../../packages/cli/src/commands/ledger.ts';
import type { RangeResult, RangeTask } from './ledgerRange.ts';

/**
 * The ranges still to read, shared by the main thread and the workers: each reader takes the next
 * when it is free, and puts back what it read.
 *
 * @example
 * ```ts
 * const queue: RangeQueue = { take: () => tasks.shift(), put: (result) => results.push(result) };
 * ```
 */
export interface RangeQueue {
  take(): RangeTask | undefined;
  put(result: RangeResult): void;
}

/**
 * Reads ranges from the queue on `count` worker threads (ledgerWorker) until it is empty. A worker
 * that fails rejects the whole run, and every worker is stopped either way.
 *
 * From the built package the worker is ledgerWorker.js. From TypeScript sources it is
 * ledgerWorker.ts, which a worker can load only through tsx, and Node 20 applies no `--import` in a
 * worker: so the worker first registers tsx's loader, then imports it.
 *
 * @example
 * ```ts
 * await runRangesInWorkers({ take: () => tasks.shift(), put: (r) => results.push(r) }, options, 1);
 * ```
 */
export async function runRangesInWorkers(queue: RangeQueue, options: LedgerCommandOptions, count: number): Promise<void> {
  const extension = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./ledgerWorker${extension}`, import.meta.url);
  const entry =
    extension === '.ts'
      ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`
      : url;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((done, fail) => {
      let busy = 0;
      const give = (worker: Worker): boolean => {
        const task = queue.take();
        if (task === undefined) return false;
        busy++;
        worker.postMessage(task);
        return true;
      };
      for (let i = 0; i < count; i++) {
        const task = queue.take();
        if (task === undefined) break;
        const worker = new Worker(entry, { workerData: options, eval: typeof entry === 'string' });
        workers.push(worker);
        busy++;
        worker.postMessage(task);
        worker.on('message', (result: RangeResult) => {
          busy--;
          queue.put(result);
          if (!give(worker) && busy === 0) done();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`a --jobs worker exited (code ${code}) before its ranges were read`)));
      }
      if (workers.length === 0) done();
    });
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
