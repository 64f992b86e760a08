// Throughput of pricing 1M DeepSeek API requests, three ways, side by side in one process:
//   (a) seekcost `priceRequest({ model, usage, at })`: exact Decimal total, full history (aliases,
//       periods, 2025 discount window, 2026 peak/off-peak, weekdays and holidays in Asia/Shanghai);
//   (b) `@pydantic/genai-prices` `calcPrice(usage, model, { providerId: 'deepseek', timestamp })`:
//       float total, its own DeepSeek table;
//   (c) a naive decimal.js baseline: one flat rate per model, a new Decimal per component,
//       multiply, divide by 1e6, add (no history at all: it is the arithmetic floor, not a peer).
// Every implementation gets the same pre-built requests (arguments built before timing), a warm-up,
// then 2 measured rounds, each pricing all N requests with each implementation, interleaved in
// slices; the median of the rounds (of two: their mean) is reported. A checking
// pass (not timed) proves seekcost's totals exact and counts where genai-prices disagrees, by era.
//
// Run from the repo root:  npx tsx bench/pricing/priceRequests.bench.ts
// Options (env): BENCH_N=1000000 (requests), BENCH_SEED=20240802.
import DecimalJs from 'decimal.js';
import { calcPrice, type PriceOptions, type Usage } from '@pydantic/genai-prices';
import { priceRequest, type Quote } from '../../packages/pricing/src/index.ts';
import { mulberry32 } from '../../test/support/mulberry32.ts';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 20_240_802);
const ROUNDS = 2;

// A private decimal.js clone for the baseline and the checks: never touch the global config.
const NaiveDecimal = DecimalJs.clone({ precision: 60 });
type NaiveDecimal = InstanceType<typeof NaiveDecimal>;

// ---------------------------------------------------------------------------------------------
// Deterministic request generator

const ms = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const DAY = 86_400_000;
const HISTORY_START = ms('2024-08-02T00:00:00Z');
const BENCH_END = ms('2026-11-22T00:00:00Z');

/** Eras of DeepSeek's price history (boundaries from pricing-data/deepseek.json), for the breakdown. */
const ERAS: readonly { readonly label: string; readonly fromMs: number }[] = [
  { label: '2024-08-02 legacy chat price', fromMs: HISTORY_START },
  { label: '2025-02-08 V3 standard price', fromMs: ms('2025-02-08T16:00:00Z') },
  { label: '2025-02-26 off-peak discount', fromMs: ms('2025-02-26T16:30:00Z') },
  { label: '2025-09-05 V3.1, no discount', fromMs: ms('2025-09-05T16:00:00Z') },
  { label: '2025-09-29 V3.2 price', fromMs: ms('2025-09-29T10:00:00Z') },
  { label: '2026-04-24 V4 launch', fromMs: ms('2026-04-24T00:00:00Z') },
  { label: '2026-04-26 V4 cache-hit cut', fromMs: ms('2026-04-26T12:15:00Z') },
  { label: '2026-08-16 peak/off-peak daily', fromMs: ms('2026-08-16T16:00:00Z') },
  { label: '2026-08-22 peak Mon-Fri only', fromMs: ms('2026-08-22T16:00:00Z') },
  { label: '2026-09-10 V4.1 flash, holidays', fromMs: ms('2026-09-10T04:00:00Z') },
];

function eraIndexOf(epochMs: number): number {
  let index = ERAS.length - 1;
  while (index > 0 && (ERAS[index] as (typeof ERAS)[number]).fromMs > epochMs) index--;
  return index;
}

type ModelId = 'deepseek-chat' | 'deepseek-reasoner' | 'deepseek-v4-flash' | 'deepseek-v4-pro' | 'deepseek-flash';
const RETIREMENT = ms('2026-07-24T15:59:00Z');
/** Model ids, the instants each is callable ([from, to)), and how often it appears when callable. */
const MODELS: readonly { readonly id: ModelId; readonly fromMs: number; readonly toMs: number; readonly weight: number }[] = [
  { id: 'deepseek-chat', fromMs: HISTORY_START, toMs: RETIREMENT, weight: 45 },
  { id: 'deepseek-reasoner', fromMs: ms('2025-01-20T00:00:00Z'), toMs: RETIREMENT, weight: 25 },
  { id: 'deepseek-v4-flash', fromMs: ms('2026-04-24T00:00:00Z'), toMs: Infinity, weight: 20 },
  { id: 'deepseek-v4-pro', fromMs: ms('2026-04-24T00:00:00Z'), toMs: Infinity, weight: 12 },
  { id: 'deepseek-flash', fromMs: ms('2026-09-10T04:00:00Z'), toMs: Infinity, weight: 15 },
];

// Minutes of the UTC day where a tier changes: 2025 discount 16:30-00:30, 2026 peak 01-04 and 06-10.
const TIER_EDGE_MINUTES = [16 * 60 + 30, 30, 60, 240, 360, 600] as const;

// A type alias, not an interface, so it is assignable to seekcost's `Readonly<Record<string, unknown>>` usage.
type ChatUsage = {
  prompt_tokens: number;
  prompt_cache_hit_tokens: number;
  prompt_cache_miss_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
  prompt_tokens_details?: { cached_tokens: number };
};

interface BenchRequest {
  readonly model: ModelId;
  readonly usage: ChatUsage;
  readonly at: Date;
}

interface Workload {
  readonly seekcost: BenchRequest[];
  readonly genaiUsage: Usage[];
  readonly genaiOptions: PriceOptions[];
  readonly era: Uint8Array;
}

function pickInstant(random: () => number): number {
  const r = random();
  let t: number;
  if (r < 0.3) {
    // Every era gets a fair share, however short (the V4 launch lasted 2.5 days).
    const era = Math.floor(random() * ERAS.length);
    const from = (ERAS[era] as (typeof ERAS)[number]).fromMs;
    const to = era + 1 < ERAS.length ? (ERAS[era + 1] as (typeof ERAS)[number]).fromMs : BENCH_END;
    t = from + Math.floor(random() * (to - from));
  } else {
    t = HISTORY_START + Math.floor(random() * (BENCH_END - HISTORY_START));
  }
  if (r > 0.82) {
    // ~18%: within 2 minutes of a time-of-day tier edge (ms resolution), where cutovers go wrong.
    const day = Math.floor(t / DAY) * DAY;
    const edge = TIER_EDGE_MINUTES[Math.floor(random() * TIER_EDGE_MINUTES.length)] as number;
    t = day + edge * MINUTE + Math.floor((random() * 2 - 1) * 2 * MINUTE);
  } else if (r > 0.8) {
    // ~2%: within 3 hours of a price change between periods.
    const era = 1 + Math.floor(random() * (ERAS.length - 1));
    t = (ERAS[era] as (typeof ERAS)[number]).fromMs + Math.floor((random() * 2 - 1) * 3 * 60 * MINUTE);
  }
  return Math.min(Math.max(t, HISTORY_START), BENCH_END - 1);
}

function pickModel(random: () => number, t: number): ModelId | undefined {
  let total = 0;
  for (const m of MODELS) if (t >= m.fromMs && t < m.toMs) total += m.weight;
  if (total === 0) return undefined;
  let x = random() * total;
  for (const m of MODELS) {
    if (t >= m.fromMs && t < m.toMs) {
      x -= m.weight;
      if (x < 0) return m.id;
    }
  }
  return undefined;
}

/** A log-uniform integer in [0, max]: small requests are common, 100k-token ones happen. */
function logUniform(random: () => number, max: number): number {
  return Math.floor(Math.exp(random() * Math.log(max + 1))) - 1;
}

function generate(n: number, seed: number): Workload {
  const random = mulberry32(seed);
  const seekcost: BenchRequest[] = new Array<BenchRequest>(n);
  const genaiUsage: Usage[] = new Array<Usage>(n);
  const genaiOptions: PriceOptions[] = new Array<PriceOptions>(n);
  const era = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let t = pickInstant(random);
    let model = pickModel(random, t);
    while (model === undefined) {
      t = pickInstant(random);
      model = pickModel(random, t);
    }
    const thinking = model === 'deepseek-reasoner' || (model !== 'deepseek-chat' && random() < 0.5);
    const prompt = random() < 0.002 ? 0 : logUniform(random, 100_000);
    // DeepSeek's context cache hits in 64-token units; ~35% of requests hit nothing.
    const hit = random() < 0.35 ? 0 : Math.min(prompt, Math.floor((prompt * random()) / 64) * 64);
    const completion = random() < 0.01 ? 0 : logUniform(random, thinking ? 32_000 : 8_000);
    const usage: ChatUsage = {
      prompt_tokens: prompt,
      prompt_cache_hit_tokens: hit,
      prompt_cache_miss_tokens: prompt - hit,
      completion_tokens: completion,
      total_tokens: prompt + completion,
    };
    if (thinking) usage.completion_tokens_details = { reasoning_tokens: Math.floor(completion * (0.3 + 0.6 * random())) };
    if (random() < 0.1) usage.prompt_tokens_details = { cached_tokens: hit }; // some proxies add this
    const at = new Date(t);
    seekcost[i] = { model, usage, at };
    // genai-prices' own shape: input_tokens is ALL input, cache_read_tokens the part that hit.
    genaiUsage[i] = { input_tokens: prompt, cache_read_tokens: hit, output_tokens: completion };
    genaiOptions[i] = { providerId: 'deepseek', timestamp: at };
    era[i] = eraIndexOf(t);
  }
  return { seekcost, genaiUsage, genaiOptions, era };
}

// ---------------------------------------------------------------------------------------------
// The three implementations, each a monomorphic loop over pre-built arguments

/** One flat rate (USD per 1M tokens) per model id: what a naive app hard-codes. */
const FLAT_RATES: Readonly<Record<ModelId, { readonly hit: string; readonly miss: string; readonly output: string }>> = {
  'deepseek-chat': { hit: '0.07', miss: '0.27', output: '1.10' },
  'deepseek-reasoner': { hit: '0.14', miss: '0.55', output: '2.19' },
  'deepseek-v4-flash': { hit: '0.0028', miss: '0.14', output: '0.28' },
  'deepseek-v4-pro': { hit: '0.003625', miss: '0.435', output: '0.87' },
  'deepseek-flash': { hit: '0.006', miss: '0.30', output: '1.20' },
};

function naivePrice(request: BenchRequest): NaiveDecimal {
  const rates = FLAT_RATES[request.model];
  const u = request.usage;
  const hit = new NaiveDecimal(u.prompt_cache_hit_tokens).times(rates.hit).div(1_000_000);
  const miss = new NaiveDecimal(u.prompt_cache_miss_tokens).times(rates.miss).div(1_000_000);
  const output = new NaiveDecimal(u.completion_tokens).times(rates.output).div(1_000_000);
  return hit.plus(miss).plus(output);
}

// Each runner folds something from every result into a sink so no work can be optimised away.
let sink = 0;

function runSeekcost(w: Workload, from: number, to: number, step: number): void {
  const requests = w.seekcost;
  let s = 0;
  for (let i = from; i < to; i += step) s += priceRequest(requests[i] as BenchRequest).total.e;
  sink += s;
}

function runGenai(w: Workload, from: number, to: number, step: number): void {
  const usages = w.genaiUsage;
  const options = w.genaiOptions;
  const requests = w.seekcost;
  let s = 0;
  for (let i = from; i < to; i += step) {
    const result = calcPrice(usages[i] as Usage, (requests[i] as BenchRequest).model, options[i] as PriceOptions);
    s += result === null ? 1 : result.total_price;
  }
  sink += s;
}

function runNaive(w: Workload, from: number, to: number, step: number): void {
  const requests = w.seekcost;
  let s = 0;
  for (let i = from; i < to; i += step) s += naivePrice(requests[i] as BenchRequest).e;
  sink += s;
}

const RUNNERS = [
  { name: 'seekcost priceRequest (exact)', key: 'seekcost', run: runSeekcost },
  { name: '@pydantic/genai-prices calcPrice (float)', key: 'genai', run: runGenai },
  { name: 'naive decimal.js, flat rates (no history)', key: 'naive', run: runNaive },
] as const;
type RunnerKey = (typeof RUNNERS)[number]['key'];

// ---------------------------------------------------------------------------------------------
// Checks (not timed): seekcost exact; where genai-prices disagrees

interface CheckResult {
  readonly seekcostExactFailures: number;
  readonly perEra: { requests: number; nullResult: number; differs: number; byModel: Map<string, number> }[];
  /** The first disagreement in each era where genai-prices did return a price, by era index. */
  readonly examples: (string | undefined)[];
}

function check(w: Workload): CheckResult {
  const perEra = ERAS.map(() => ({ requests: 0, nullResult: 0, differs: 0, byModel: new Map<string, number>() }));
  const examples: (string | undefined)[] = ERAS.map(() => undefined);
  const tolerance = new NaiveDecimal('1e-12');
  const million = new NaiveDecimal(1_000_000);
  let seekcostExactFailures = 0;
  for (let i = 0; i < w.seekcost.length; i++) {
    const request = w.seekcost[i] as BenchRequest;
    const quote: Quote = priceRequest(request);
    const ours = new NaiveDecimal(quote.total.toString());
    // Exactness: recompute from the quote's own unit prices with plain decimal arithmetic.
    let recomputed = new NaiveDecimal(0);
    for (const line of quote.lines) recomputed = recomputed.plus(new NaiveDecimal(line.tokens).times(line.unitPrice.toString()).div(million));
    if (!recomputed.eq(ours)) seekcostExactFailures++;

    const era = w.era[i] as number;
    const bucket = perEra[era] as (typeof perEra)[number];
    bucket.requests++;
    const theirs = calcPrice(w.genaiUsage[i] as Usage, request.model, w.genaiOptions[i] as PriceOptions);
    let disagrees = false;
    if (theirs === null) {
      bucket.nullResult++;
      disagrees = true;
    } else {
      const diff = new NaiveDecimal(theirs.total_price).minus(ours).abs();
      disagrees = ours.isZero() ? !diff.isZero() : diff.gt(ours.abs().times(tolerance));
    }
    if (disagrees) {
      bucket.differs++;
      bucket.byModel.set(request.model, (bucket.byModel.get(request.model) ?? 0) + 1);
      if (examples[era] === undefined && theirs !== null) {
        examples[era] =
          `${request.at.toISOString()} ${request.model} hit=${request.usage.prompt_cache_hit_tokens} miss=${request.usage.prompt_cache_miss_tokens} out=${request.usage.completion_tokens}: seekcost ${ours.toString()} (${quote.provenance.periodId}, ${quote.provenance.tier}) vs genai-prices ${theirs.total_price}`;
      }
    }
  }
  return { seekcostExactFailures, perEra, examples };
}

// ---------------------------------------------------------------------------------------------

function formatRate(opsPerSecond: number): string {
  return `${(opsPerSecond / 1e6).toFixed(3)}M`;
}

function main(): void {
  const t0 = performance.now();
  const workload = generate(N, SEED);
  console.log(`generated ${N.toLocaleString('en-US')} requests (seed ${SEED}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Warm-up: every implementation over every 4th request (all eras, models, tiers), so the JIT and
  // each library's caches are in the state a long-running service would see.
  for (const runner of RUNNERS) {
    const w0 = performance.now();
    runner.run(workload, 0, N, 4);
    console.log(`warm-up ${runner.key}: ${((performance.now() - w0) / 1000).toFixed(2)} s`);
  }

  // Interleaved: each round prices all N requests with each implementation, in SLICES slices; per
  // slice the three run back to back in rotated order. On a machine shared with other work, load
  // changes by the second; interleaving lets all three see the same load, so the ratios hold even
  // when the absolute numbers drift.
  const SLICES = 20;
  const sliceSize = Math.ceil(N / SLICES);
  const results = new Map<RunnerKey, number[]>(RUNNERS.map((r) => [r.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const seconds = new Map<RunnerKey, number>(RUNNERS.map((r) => [r.key, 0]));
    for (let slice = 0; slice < SLICES; slice++) {
      const from = slice * sliceSize;
      const to = Math.min(N, from + sliceSize);
      for (let k = 0; k < RUNNERS.length; k++) {
        const runner = RUNNERS[(k + slice + round) % RUNNERS.length] as (typeof RUNNERS)[number];
        const start = performance.now();
        runner.run(workload, from, to, 1);
        seconds.set(runner.key, (seconds.get(runner.key) as number) + (performance.now() - start) / 1000);
      }
    }
    for (const runner of RUNNERS) {
      const s = seconds.get(runner.key) as number;
      (results.get(runner.key) as number[]).push(N / s);
      console.log(`round ${round + 1} ${runner.key}: ${s.toFixed(2)} s, ${formatRate(N / s)} ops/s`);
    }
  }

  const median = (values: readonly number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };
  const med = new Map<RunnerKey, number>([...results].map(([k, v]) => [k, median(v)]));
  const seekcostRate = med.get('seekcost') as number;

  console.log(`\n| implementation | round 1 ops/s | round 2 ops/s | median ops/s | seekcost / this |`);
  console.log(`|---|---:|---:|---:|---:|`);
  for (const runner of RUNNERS) {
    const rounds = results.get(runner.key) as number[];
    const m = med.get(runner.key) as number;
    console.log(
      `| ${runner.name} | ${rounds.map(formatRate).join(' | ')} | ${formatRate(m)} | ${runner.key === 'seekcost' ? '1.00x' : `${(seekcostRate / m).toFixed(2)}x`} |`,
    );
  }
  const perRound = (key: RunnerKey): string =>
    (results.get('seekcost') as number[]).map((rate, k) => `${(rate / ((results.get(key) as number[])[k] as number)).toFixed(2)}x`).join(', ');
  console.log(`\nper-round ratios: seekcost / genai-prices ${perRound('genai')}; seekcost / naive ${perRound('naive')}`);
  console.log(`seekcost / genai-prices = ${(seekcostRate / (med.get('genai') as number)).toFixed(2)}x (target >= 3x)`);
  console.log(`seekcost / naive decimal.js = ${(seekcostRate / (med.get('naive') as number)).toFixed(2)}x`);

  const c0 = performance.now();
  const checked = check(workload);
  console.log(`\nchecks (untimed, ${((performance.now() - c0) / 1000).toFixed(1)} s):`);
  console.log(`seekcost totals that differ from a decimal.js recomputation of their own lines: ${checked.seekcostExactFailures}`);
  let totalDiffers = 0;
  let totalNull = 0;
  console.log(`\ngenai-prices vs seekcost (relative tolerance 1e-12; "no price" = calcPrice returned null):`);
  console.log(`| era (from, UTC) | requests | disagree | of which no price | % | disagreements by model |`);
  console.log(`|---|---:|---:|---:|---:|---|`);
  checked.perEra.forEach((bucket, k) => {
    totalDiffers += bucket.differs;
    totalNull += bucket.nullResult;
    const models = [...bucket.byModel]
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${n.toLocaleString('en-US')}`)
      .join(', ');
    console.log(
      `| ${(ERAS[k] as (typeof ERAS)[number]).label} | ${bucket.requests.toLocaleString('en-US')} | ${bucket.differs.toLocaleString('en-US')} | ${bucket.nullResult.toLocaleString('en-US')} | ${((100 * bucket.differs) / Math.max(1, bucket.requests)).toFixed(1)} | ${models || '-'} |`,
    );
  });
  console.log(
    `| all | ${N.toLocaleString('en-US')} | ${totalDiffers.toLocaleString('en-US')} | ${totalNull.toLocaleString('en-US')} | ${((100 * totalDiffers) / N).toFixed(1)} | |`,
  );
  console.log(`\none disagreement per era (where genai-prices returned a price):`);
  checked.examples.forEach((line, k) => {
    if (line !== undefined) console.log(`  [${(ERAS[k] as (typeof ERAS)[number]).label}] ${line}`);
  });
  console.log(`\n(sink ${sink === 0 ? 0 : 'nonzero'})`);
}

main();
