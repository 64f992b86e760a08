// What a machine allows before any ledger logic: loops over the same 1M held, parsed records the
// ledger benchmark uses (scattered workload), each doing only part of what any exact ledger must do.
// A ledger cannot beat the floor of the work it must do, so a records/s target above a floor on a
// given machine cannot be met there by any design of the ledger's own code.
// Run from the repo root:
//   node --expose-gc --import tsx --conditions=@seekcost/source bench/ledger/memoryFloors.bench.ts [records=1000000]
// Six runs per line (a forced gc() before each); prints every run's rate.
import { createLedger } from '@seekcost/pricing/ledger';
import { SeenIds } from '../../packages/pricing/src/ledger/seenIds.ts';
import { responses } from './benchRecords.ts';

const records = responses(Number(process.argv[2] ?? 1_000_000), true);
const lines = records.slice(0, 200_000).map((r) => JSON.stringify(r));
const gc = (globalThis as { gc?: () => void }).gc;
// Printed at the end, so no loop's result is unused and optimised away.
let checksum = 0;

function time(label: string, count: number, run: () => number): void {
  const rates: string[] = [];
  for (let i = 0; i < 6; i++) {
    gc?.();
    const started = performance.now();
    checksum = (checksum + run()) % 1_000_003;
    rates.push((count / (performance.now() - started) / 1000).toFixed(2));
  }
  console.log(`${label.padEnd(54)} ${rates.join(' ')} M/s`);
}

time('read usage.prompt_tokens', records.length, () => {
  let s = 0;
  for (const r of records) s += r.usage.prompt_tokens;
  return s;
});
time('read model, created and two usage counts', records.length, () => {
  let s = 0;
  for (const r of records) s += r.model.length + r.created + r.usage.prompt_cache_hit_tokens + r.usage.completion_tokens;
  return s;
});
time("read every character of the id (exact de-dup's floor)", records.length, () => {
  let s = 0;
  for (const r of records) {
    const id = r.id;
    for (let i = 0; i < id.length; i++) s = (s + id.charCodeAt(i)) | 0;
  }
  return s;
});
time('Set<string>.add(id)', records.length, () => {
  const set = new Set<string>();
  for (const r of records) set.add(r.id);
  return set.size;
});
time("SeenIds.add(id) (the ledger's id index alone)", records.length, () => {
  const seen = new SeenIds();
  for (const r of records) seen.add(r.id);
  return seen.size;
});
time('createLedger().add, dedupe on (the whole ledger)', records.length, () => {
  const ledger = createLedger({ groupBy: ['day', 'model'] });
  for (const r of records) ledger.add(r);
  return ledger.totals().records.priced;
});
time('JSON.parse of each JSONL line (200,000 lines)', lines.length, () => {
  let s = 0;
  for (const line of lines) s += (JSON.parse(line) as { created: number }).created;
  return s;
});
console.log(`checksum ${checksum}`);
