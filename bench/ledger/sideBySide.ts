// Two trees side by side: runs oneWorkload.bench.ts for each mode in BASE and in this tree, in
// separate processes, alternating (base, this, base, this, ...), and prints every median and the
// median of medians. Separate processes because two copies of the ledger loaded in one process do not
// run alike (see docs/benchmarks.md, "A measurement trap").
// Run from the repo root:
//   npx tsx bench/ledger/sideBySide.ts BASE_TREE [pairs=5] [records=1000000] [modes=scattered-nodedupe,price]
// BASE_TREE is another checkout with its own node_modules, e.g. `git worktree add /tmp/base cf820de`
// then `npm install` there; it needs bench/ledger/oneWorkload.bench.ts and benchRecords.ts too
// (copied in by this script when missing).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const [baseArg, pairsArg = '5', countArg = '1000000', modesArg = 'scattered-nodedupe,price'] = process.argv.slice(2);
if (baseArg === undefined) throw new Error('usage: sideBySide.ts BASE_TREE [pairs] [records] [modes]');
const trees = { base: resolve(baseArg), this: resolve(import.meta.dirname, '../..') };
for (const file of ['oneWorkload.bench.ts', 'benchRecords.ts']) {
  const target = resolve(trees.base, 'bench/ledger', file);
  if (!existsSync(target)) copyFileSync(resolve(trees.this, 'bench/ledger', file), target);
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
for (const mode of modesArg.split(',')) {
  const rates: Record<keyof typeof trees, number[]> = { base: [], this: [] };
  for (let i = 0; i < Number(pairsArg); i++) {
    for (const tree of ['base', 'this'] as const) {
      const out = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', '--conditions=@seekcost/source', 'bench/ledger/oneWorkload.bench.ts', mode, countArg],
        { cwd: trees[tree], encoding: 'utf8' },
      );
      if (out.status !== 0) throw new Error(`${tree} ${mode}: ${out.stderr}`);
      const rate = Number(out.stdout.split(' ')[1]);
      rates[tree].push(rate);
      console.log(`${mode.padEnd(20)} ${tree.padEnd(5)} ${rate.toFixed(3)} M/s`);
    }
  }
  console.log(
    `${mode}: base median ${median(rates.base).toFixed(3)} M/s, this median ${median(rates.this).toFixed(3)} M/s (this/base ${(median(rates.this) / median(rates.base)).toFixed(2)})`,
  );
}
