// Does metered-item support slow token-only quotes? Prices the same token-only requests with this
// tree's `priceRequest` and with another checkout's (the commit before metered items), side by side
// in one process, interleaved in slices with rotated order so both see the same machine load.
// A third arm shows what a request with metered counts costs (not a regression check: new work).
//
// Run from the repo root, with the older tree extracted somewhere, e.g.:
//   mkdir -p /tmp/base && git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   BASE_SRC=/tmp/base/packages/pricing/src/index.ts npx tsx bench/pricing/meteredOverhead.bench.ts
// Options (env): BENCH_N=300000 (requests), BENCH_SEED=20261203, BENCH_ROUNDS=3.
import { priceRequest as current } from '../../packages/pricing/src/index.ts';
import { mulberry32 } from '../../test/support/mulberry32.ts';

const N = Number(process.env.BENCH_N ?? 300_000);
const SEED = Number(process.env.BENCH_SEED ?? 20_261_203);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SLICES = 20;
const baseSrc = process.env.BASE_SRC;
if (baseSrc === undefined) throw new Error("set BASE_SRC to the older checkout's packages/pricing/src/index.ts");
const base = ((await import(baseSrc)) as { priceRequest: typeof current }).priceRequest;

type Args = Parameters<typeof current>[0];
const next = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
// Ids and the ranges in which both trees price them (vision-exp is new, so it is left out).
const LINES = [
  { model: 'deepseek-chat', from: Date.parse('2024-08-02T00:00Z'), to: Date.parse('2026-07-24T15:58Z') },
  { model: 'deepseek-v4-flash', from: Date.parse('2026-04-24T00:00Z'), to: Date.parse('2026-11-22T00:00Z') },
  { model: 'deepseek-v4-pro', from: Date.parse('2026-04-24T00:00Z'), to: Date.parse('2026-11-22T00:00Z') },
  { model: 'deepseek-flash', from: Date.parse('2026-09-10T04:00Z'), to: Date.parse('2026-11-22T00:00Z') },
] as const;
const requests: Args[] = [];
for (let i = 0; i < N; i++) {
  const line = pick(LINES);
  const at = line.from + Math.floor(next() * (line.to - line.from));
  const hit = Math.floor(next() * 300) * 64;
  const miss = Math.floor(Math.exp(next() * Math.log(100_000)));
  const out = Math.floor(Math.exp(next() * Math.log(8_000)));
  requests.push({
    model: line.model,
    at,
    usage: { prompt_tokens: hit + miss, prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss, completion_tokens: out },
  });
}
const meteredAt = Date.parse('2026-11-13T00:00Z');
const metered: Args[] = requests.map((r, i) => ({
  ...r,
  model: 'deepseek-flash',
  at: meteredAt + (i % 1000) * 600_000,
  currency: 'CNY',
  metered: { search: i % 4, fetch: i % 2 },
}));

const arms = [
  { name: 'before (token-only)', run: (r: Args) => base(r), input: requests },
  { name: 'after (token-only)', run: (r: Args) => current(r), input: requests },
  { name: 'after, with search/fetch counts', run: (r: Args) => current(r), input: metered },
];
let sink = 0;
const timeSlice = (arm: (typeof arms)[number], from: number, to: number): number => {
  const t = process.hrtime.bigint();
  for (let i = from; i < to; i++) sink += arm.run(arm.input[i] as Args).total.isZero() ? 0 : 1;
  return Number(process.hrtime.bigint() - t) / 1e9;
};
for (const arm of arms) timeSlice(arm, 0, Math.floor(N / 4)); // warm-up
const results = arms.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  const seconds = arms.map(() => 0);
  for (let s = 0; s < SLICES; s++) {
    const from = Math.floor((s * N) / SLICES);
    const to = Math.floor(((s + 1) * N) / SLICES);
    for (let k = 0; k < arms.length; k++) {
      const a = (k + s + round) % arms.length;
      seconds[a] = (seconds[a] as number) + timeSlice(arms[a] as (typeof arms)[number], from, to);
    }
  }
  seconds.forEach((sec, a) => results[a]?.push(N / sec));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const m = (x: number) => `${(x / 1e6).toFixed(3)} M`;
console.log(`N=${N} seed=${SEED} rounds=${ROUNDS} node=${process.version} (sink ${sink})`);
console.log('| Arm | ' + Array.from({ length: ROUNDS }, (_, i) => `Round ${i + 1} ops/s`).join(' | ') + ' | Median ops/s | before / this |');
console.log('| --- |' + ' ---: |'.repeat(ROUNDS + 2));
const before = median(results[0] as number[]);
arms.forEach((arm, a) => {
  const rs = results[a] as number[];
  console.log(`| ${arm.name} | ${rs.map(m).join(' | ')} | **${m(median(rs))}** | ${(before / median(rs)).toFixed(3)}x |`);
});
