// `seekcost ledger` end to end over a generated JSONL of API responses, in a real child process:
// throughput (MB/s, records/s) and peak RSS (GNU time), next to a bare "read lines + JSON.parse"
// baseline in the same run. The file is generated into /tmp (never committed) and reused.
// Run from the repo root:  npx tsx bench/cli/cli.bench.ts [sizeMB=1000]
// (after `npm run build` it also times the built packages/cli/dist/bin.js). The --jobs N prototype
// (worker threads) is timed against the sequential CLI by bench/cli/jobs.bench.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { responsesFile } from './responsesFile.ts';

const SIZE_MB = Number(process.argv[2] ?? 1000);
const DIR = '/tmp/seekcost-bench';
const REPO = resolve(import.meta.dirname, '../..');

interface Measured {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

function measure(args: readonly string[]): Measured {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 3) throw new Error(`exit ${result.status}: ${result.stderr.slice(-2000)}`);
  return { seconds: seconds ?? NaN, peakRssMb: (kb ?? NaN) / 1024, stdout: result.stdout };
}

const FILE = await responsesFile(SIZE_MB);
const bytes = statSync(FILE).size;
const baselineScript = `${DIR}/parse-only.mjs`;
writeFileSync(
  baselineScript,
  `// Baseline: read the file in 1 MB chunks, split lines, JSON.parse each (what any JSONL tool must do).
import { createReadStream } from 'node:fs';
let pending = '', n = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  const text = pending + chunk.toString('utf8');
  let start = 0, nl;
  while ((nl = text.indexOf('\\n', start)) !== -1) { JSON.parse(text.slice(start, nl)); n++; start = nl + 1; }
  pending = text.slice(start);
}
console.log(n);
`,
);
const cli = ['--conditions=@seekcost/source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'ledger', FILE, '--out', 'json', '--group-by', 'day,model'];
const built = resolve(REPO, 'packages/cli/dist/bin.js');
const runs: [string, readonly string[]][] = [
  ['baseline: read lines + JSON.parse only', [baselineScript, FILE]],
  ['seekcost ledger (dedupe on, the default)', cli],
  ['seekcost ledger --no-dedupe', [...cli, '--no-dedupe']],
  ...(existsSync(built) ? ([['seekcost ledger, built dist/bin.js (dedupe on)', [built, ...cli.slice(4)]]] as [string, readonly string[]][]) : []),
];
let records = 0;
for (const [name, args] of runs) {
  const m = measure(args);
  if (name.startsWith('seekcost')) {
    const totals = JSON.parse(m.stdout) as { records: { seen: number; priced: number }; amount: string };
    records = totals.records.seen;
    console.log(
      `${name}: ${(bytes / 1e6 / m.seconds).toFixed(1)} MB/s, ${(records / m.seconds / 1e6).toFixed(2)}M records/s, ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB (priced ${totals.records.priced} of ${totals.records.seen}; total ${totals.amount} USD)`,
    );
  } else {
    console.log(
      `${name}: ${(bytes / 1e6 / m.seconds).toFixed(1)} MB/s, ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB (${m.stdout.trim()} lines)`,
    );
  }
}
console.log(`file: ${FILE}, ${(bytes / 1e6).toFixed(0)} MB, ${records.toLocaleString('en-US')} records`);
