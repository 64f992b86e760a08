// Ledger throughput against summing per-record priceRequest totals, side by side in one run.
// Run from the repo root:  npx tsx --conditions=@seekcost/source bench/ledger/ledger.bench.ts [records]
// Records and workloads: see benchRecords.ts; each is parsed outside the timed code. All records are
// held in one array (~600 MB of objects at 2M), so any full garbage collection in a timed run traces
// them all; best of 3 runs per variant. Best-of-3 in one process swings by up to 2x between processes
// on a small VM: to compare two trees, use sideBySide.ts (one workload per process, medians).
import { Decimal, priceRequest, type Currency } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import { responses, type Response } from './benchRecords.ts';

const COUNT = Number(process.argv[2] ?? 2_000_000);
const REPEATS = 3;

function viaLedger(records: readonly Response[], currency: Currency, dedupe = true): string {
  const ledger = createLedger({ currency, groupBy: ['day', 'model'], dedupe });
  for (const r of records) ledger.add(r);
  return ledger.totals().amount.toFixed();
}

function viaPriceRequest(records: readonly Response[], currency: Currency): string {
  let total = new Decimal(0);
  for (const r of records) total = total.plus(priceRequest({ model: r.model, usage: r.usage, at: r.created * 1000, currency, instant: 'request' }).total);
  return total.toFixed();
}

function best(run: () => string): { ms: number; result: string } {
  let ms = Infinity;
  let result = '';
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, result };
}

for (const scattered of [false, true]) {
  const records = responses(COUNT, scattered);
  // The per-record baseline is ~10-50x slower: give it a slice so the run stays short, and compare rates.
  const baselineRecords = records.slice(0, Math.min(records.length, 200_000));
  const ledger = best(() => viaLedger(records, 'USD'));
  const noDedupe = best(() => viaLedger(records, 'USD', false));
  const baseline = best(() => viaPriceRequest(baselineRecords, 'USD'));
  const check = viaLedger(baselineRecords, 'USD');
  if (check !== baseline.result) throw new Error(`ledger ${check} != per-record sum ${baseline.result}`);
  if (noDedupe.result !== ledger.result) throw new Error(`ledger totals differ with dedupe off: ${noDedupe.result} != ${ledger.result}`);
  const baselineRate = baselineRecords.length / (baseline.ms / 1000);
  const line = (label: string, ms: number) => {
    const rate = records.length / (ms / 1000);
    return `  ${label.padEnd(30)}${(rate / 1e6).toFixed(2).padStart(6)}M records/s  ${(rate / baselineRate).toFixed(1).padStart(5)}x the per-record sum`;
  };
  console.log(
    [
      `${scattered ? 'scattered (2 years, random instants)' : 'log order (1 month, time-ordered)'}, ${records.length.toLocaleString('en-US')} records:`,
      line('ledger (dedupe on, default)', ledger.ms),
      line('ledger (dedupe: false)', noDedupe.ms),
      `  ${'per-record priceRequest sum'.padEnd(30)}${(baselineRate / 1e6).toFixed(3).padStart(6)}M records/s  (over the first ${baselineRecords.length.toLocaleString('en-US')}; totals agree: ${check})`,
    ].join('\n'),
  );
}
