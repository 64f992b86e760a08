// Ledger throughput against summing per-record priceRequest totals, side by side in one run.
// Run from the repo root:  npx tsx --conditions=@seekcost/source bench/ledger/ledger.bench.ts [records]
// Records are parsed API responses (OpenAI-format chat completions), each made by JSON.parse of its
// JSONL line outside the timed code, as a log reader would hand them over: ids are flat strings
// holding a random UUID (DeepSeek's id shape). Two workloads:
//  - "log order": a month of traffic in time order (what a usage log looks like: many calls per minute);
//  - "scattered": instants drawn at random over two years (worst case for the ledger's per-day price plans).
// All records are ledger in one array (~600 MB of objects at 2M), so any full garbage collection in a
// timed run traces them all; best of 3 runs per variant.
import { Decimal, priceRequest, type Currency } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import { mulberry32 as random } from '../../test/support/mulberry32.ts';

const COUNT = Number(process.argv[2] ?? 2_000_000);
const REPEATS = 3;

interface Response {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  usage: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    prompt_cache_hit_tokens: number;
    prompt_cache_miss_tokens: number;
    completion_tokens_details?: { reasoning_tokens: number };
  };
}

function uuid(next: () => number): string {
  const hex = (digits: number) =>
    Math.floor(next() * 16 ** digits)
      .toString(16)
      .padStart(digits, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(next() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

function responses(count: number, scattered: boolean): Response[] {
  const next = random(scattered ? 2 : 1);
  // A stream of its own, so the priced fields are the same as in earlier runs of this bench.
  const nextId = random(scattered ? 4 : 3);
  const models = scattered
    ? ['deepseek-chat', 'deepseek-reasoner', 'deepseek-v4-pro', 'deepseek-v4-flash']
    : ['deepseek-v4-pro', 'deepseek-v4-flash', 'deepseek-flash'];
  const start = scattered ? Date.parse('2025-01-21T00:00:00Z') / 1000 : Date.parse('2026-09-10T05:00:00Z') / 1000;
  const span = scattered ? 2 * 365 * 86_400 : 30 * 86_400;
  const out: Response[] = [];
  for (let i = 0; i < count; i++) {
    const hit = Math.floor(next() * 20_000);
    const miss = Math.floor(next() * 5_000);
    const completion = Math.floor(next() * 2_000);
    const created = scattered ? start + Math.floor(next() * span) : start + Math.floor((i / count) * span);
    let model = models[Math.floor(next() * models.length)] as string;
    if (scattered && created * 1000 >= Date.parse('2026-07-24T15:59:00Z') && (model === 'deepseek-chat' || model === 'deepseek-reasoner'))
      model = 'deepseek-v4-flash';
    if (scattered && created * 1000 < Date.parse('2026-04-24T00:00:00Z') && model.startsWith('deepseek-v4')) model = 'deepseek-chat';
    const line = JSON.stringify({
      id: uuid(nextId),
      object: 'chat.completion',
      created,
      model,
      usage: {
        prompt_tokens: hit + miss,
        completion_tokens: completion,
        total_tokens: hit + miss + completion,
        prompt_cache_hit_tokens: hit,
        prompt_cache_miss_tokens: miss,
        completion_tokens_details: { reasoning_tokens: Math.floor(completion / 3) },
      },
    });
    out.push(JSON.parse(line) as Response);
  }
  return out;
}

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
