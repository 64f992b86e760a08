// One ledger workload per process, for side-by-side comparisons of two trees (sideBySide.ts runs it).
// Run from the repo root:
//   node --expose-gc --import tsx --conditions=@seekcost/source bench/ledger/oneWorkload.bench.ts MODE [records=1000000]
// MODE: scattered-dedupe | scattered-nodedupe | log-dedupe | log-nodedupe | price (per-record priceRequest
// sum over the first 100,000 scattered records). Six runs, a forced gc() before each when --expose-gc
// is given; prints the median of runs 2-6 (run 1 builds the price plans and warms the JIT), so one
// lucky or unlucky run cannot decide a comparison. Prints one line: `MODE <rate> M/s <total>`.
import { Decimal, priceRequest } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import { responses, type Response } from './benchRecords.ts';

const MODES = ['scattered-dedupe', 'scattered-nodedupe', 'log-dedupe', 'log-nodedupe', 'price'] as const;
type Mode = (typeof MODES)[number];
const mode = process.argv[2] as Mode;
if (!MODES.includes(mode)) throw new Error(`mode must be one of ${MODES.join(', ')}`);
const count = Number(process.argv[3] ?? 1_000_000);
const records: readonly Response[] = responses(mode === 'price' ? Math.min(count, 100_000) : count, !mode.startsWith('log'));

function run(): string {
  if (mode === 'price') {
    let total = new Decimal(0);
    for (const r of records) total = total.plus(priceRequest({ model: r.model, usage: r.usage, at: r.created * 1000, instant: 'request' }).total);
    return total.toFixed();
  }
  const ledger = createLedger({ groupBy: ['day', 'model'], dedupe: mode.endsWith('-dedupe') });
  for (const r of records) ledger.add(r);
  return ledger.totals().amount.toFixed();
}

const gc = (globalThis as { gc?: () => void }).gc;
const times: number[] = [];
let total = '';
for (let i = 0; i < 6; i++) {
  gc?.();
  const started = performance.now();
  total = run();
  times.push(performance.now() - started);
}
const steady = times.slice(1).sort((a, b) => a - b);
const median = steady[steady.length >> 1] as number;
console.log(`${mode} ${(records.length / median / 1000).toFixed(3)} M/s ${total}`);
