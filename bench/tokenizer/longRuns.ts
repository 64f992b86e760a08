// Long runs of one character class: seekcost's fast estimate beside the exact count on 1, 10 and
// 20 MB (UTF-8) of 'a', '中', digits, spaces and punctuation, plus two runs without repeats (random
// lowercase letters, random CJK ideographs: no cache can help). Before the fix the fast method was
// quadratic here ('a' × 100K took 7 s, '中' × 100K 62 s, 20 MB never finished); it must now grow
// linearly: the "per MB" column should stay flat from 1 to 20 MB.
//
// Run from the repo root:  npx tsx bench/tokenizer/longRuns.ts
// Options (env): BENCH_SIZES=1,10,20 (MB), BENCH_CLASSES=a,zh,digits,spaces,punctuation,random-az,random-zh.
import { createExactTokenizer } from '../../packages/tokenizer-estimate/src/entries/exact.ts';
import { countFastTokens } from '../../packages/tokenizer-estimate/src/entries/fast.ts';
import { mulberry32 } from '../../test/support/mulberry32.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1,10,20').split(',').map(Number);
const MB = 1_000_000;

function randomRun(megabytes: number, first: number, span: number, bytesPerChar: number): string {
  const next = mulberry32(megabytes * 1000 + first);
  const units = new Uint16Array(Math.floor((megabytes * MB) / bytesPerChar));
  for (let i = 0; i < units.length; i++) units[i] = first + Math.floor(next() * span);
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

const CLASSES: Record<string, (megabytes: number) => string> = {
  a: (m) => 'a'.repeat(m * MB),
  zh: (m) => '中'.repeat((m * MB) / 3),
  digits: (m) => '7'.repeat(m * MB),
  spaces: (m) => ' '.repeat(m * MB),
  punctuation: (m) => '!'.repeat(m * MB),
  'random-az': (m) => randomRun(m, 0x61, 26, 1),
  'random-zh': (m) => randomRun(m, 0x4e00, 20_000, 3),
};
const chosen = (process.env.BENCH_CLASSES ?? Object.keys(CLASSES).join(',')).split(',');

const exact = createExactTokenizer();
countFastTokens('warm up gpt-tokenizer 你好'.repeat(100));
exact.count('warm up the exact tokenizer 你好'.repeat(100));

function time(count: (text: string) => number, text: string): { tokens: number; seconds: number } {
  const start = performance.now();
  const tokens = count(text);
  return { tokens, seconds: (performance.now() - start) / 1000 };
}

const rows: Record<string, Record<string, string | number>> = {};
for (const name of chosen) {
  const make = CLASSES[name];
  if (!make) throw new Error(`unknown class ${name}`);
  for (const megabytes of SIZES) {
    const text = make(megabytes);
    const fast = time(countFastTokens, text);
    const truth = time((t) => exact.count(t), text);
    rows[`${name} ${megabytes} MB`] = {
      'exact tokens': truth.tokens,
      'exact s': Number(truth.seconds.toFixed(2)),
      'exact s/MB': Number((truth.seconds / megabytes).toFixed(3)),
      'fast tokens': fast.tokens,
      'fast error': `${(((fast.tokens - truth.tokens) / truth.tokens) * 100).toFixed(1)}%`,
      'fast s': Number(fast.seconds.toFixed(2)),
      'fast s/MB': Number((fast.seconds / megabytes).toFixed(3)),
      'fast/exact time': Number((fast.seconds / truth.seconds).toFixed(2)),
    };
    console.log(name, megabytes, 'MB', JSON.stringify(rows[`${name} ${megabytes} MB`]));
  }
}
console.table(rows);
