// The `seekcost ledger --jobs 2` prototype (bench/cli/jobs/: worker threads, exact merge) against
// the CLI's sequential `seekcost ledger`, end to end on the generated 1 GB JSONL, both from source
// under tsx, in real child processes timed with GNU time (wall seconds, peak RSS). Runs alternate
// (sequential, --jobs 2, sequential, ...) so both see the same machine; before each run the 1-minute
// load average is read (waiting up to 90 s for it to fall under 1.3) and printed with the run.
// Every run is printed, then medians and the speedup of the medians. Each --jobs run's stdout and
// stderr must equal the sequential run's, byte for byte, or the benchmark fails.
// Run from the repo root:  npx tsx bench/cli/jobs.bench.ts [rounds=3] [sizeMB=1000]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { responsesFile } from './responsesFile.ts';

const ROUNDS = Number(process.argv[2] ?? 3);
const SIZE_MB = Number(process.argv[3] ?? 1000);
const REPO = resolve(import.meta.dirname, '../..');
const LOAD_LIMIT = 1.3;
const LOAD_WAIT_MS = 90_000;

interface Run {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly load: number;
  readonly stdout: string;
  readonly stderr: string;
}

const loadAverage = (): number => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

async function quietLoad(): Promise<number> {
  const until = Date.now() + LOAD_WAIT_MS;
  let load = loadAverage();
  while (load >= LOAD_LIMIT && Date.now() < until) {
    await sleep(5_000);
    load = loadAverage();
  }
  return load;
}

async function measure(args: readonly string[]): Promise<Run> {
  const load = await quietLoad();
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = result.stderr.trimEnd().split('\n');
  const [seconds, kb] = (lines.at(-1) ?? '').split(' ').map(Number);
  if (result.status !== 0 && result.status !== 3) throw new Error(`exit ${result.status}: ${result.stderr.slice(-2000)}`);
  // GNU time adds "Command exited with non-zero status 3" and its own line; neither is the CLI's.
  const stderr = lines.filter((line, i) => i < lines.length - 1 && !line.startsWith('Command exited with')).join('\n');
  return { seconds: seconds ?? Number.NaN, peakRssMb: (kb ?? Number.NaN) / 1024, load, stdout: result.stdout, stderr };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const file = await responsesFile(SIZE_MB);
const megabytes = statSync(file).size / 1e6;
const common = [file, '--out', 'json', '--group-by', 'day,model'];
const tsx = ['--conditions=@seekcost/source', '--import', 'tsx'];
const sequentialCli = [...tsx, 'packages/cli/src/bin.ts', 'ledger'];
const prototype = [...tsx, 'bench/cli/jobs/ledgerJobsCli.ts'];
console.log(`file: ${file}, ${megabytes.toFixed(0)} MB; ${ROUNDS} rounds; load limit ${LOAD_LIMIT} (waiting up to ${LOAD_WAIT_MS / 1000} s)`);
const launcher = 'source (tsx)';
for (const [dedupe, extra] of [
  ['dedupe on', []],
  ['--no-dedupe', ['--no-dedupe']],
] as const) {
  const sequential: Run[] = [];
  const jobs: Run[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, runs, args] of [
      ['sequential', sequential, [...sequentialCli, ...common, ...extra]],
      ['--jobs 2  ', jobs, [...prototype, ...common, ...extra, '--jobs', '2']],
    ] as const) {
      const run = await measure(args);
      runs.push(run);
      console.log(
        `${launcher}, ${dedupe}, ${name} #${round}: ${run.seconds.toFixed(2)} s, ${(megabytes / run.seconds).toFixed(0)} MB/s, peak RSS ${run.peakRssMb.toFixed(0)} MB, load ${run.load.toFixed(2)}`,
      );
      const reference = sequential[0] as Run;
      if (run.stdout !== reference.stdout || run.stderr !== reference.stderr)
        throw new Error(`${launcher}, ${dedupe}, ${name} #${round}: output differs from the sequential run`);
    }
  }
  const s = median(sequential.map((r) => r.seconds));
  const j = median(jobs.map((r) => r.seconds));
  console.log(
    `=> ${launcher}, ${dedupe}: median sequential ${s.toFixed(2)} s, --jobs 2 ${j.toFixed(2)} s, speedup ${(s / j).toFixed(2)}x; peak RSS ${median(sequential.map((r) => r.peakRssMb)).toFixed(0)} vs ${median(jobs.map((r) => r.peakRssMb)).toFixed(0)} MB`,
  );
}
