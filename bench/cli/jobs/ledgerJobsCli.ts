// The `seekcost ledger --jobs N` prototype as a command, for bench/cli/jobs.bench.ts: the CLI
// itself reads sequentially (--jobs did not reach the 1.6x bar; docs/benchmarks.md). It prints
// what `seekcost ledger FILES --out json|table|csv --group-by DIMS [--no-dedupe] [--strict]` prints,
// byte for byte, reading the files on N threads; when it cannot be exact (an id repeated across
// ranges, an unreadable file) it says so on stderr and runs the CLI's sequential ledger instead.
// Run from the repo root:
//   node --conditions=@seekcost/source --import tsx bench/cli/jobs/ledgerJobsCli.ts FILE... --jobs 2 [--out json] [--group-by day,model] [--no-dedupe] [--strict]
import { parseArgs } from 'node:util';
import { LEDGER_DEFAULTS, runLedger, parseGroupBy, type LedgerCommandOptions } from '../../../packages/cli/src/commands/ledger.ts';
import { writeLedgerOutput } from '../../../packages/cli/src/commands/ledgerOutput.ts';
import { EXIT, type ExitCode } from '../../../packages/cli/src/exitCodes.ts';
import { processIo, type CliIo } from '../../../packages/cli/src/io.ts';
import { terminalLines } from '../../../packages/cli/src/terminalText.ts';
import { ledgerJobs } from './ledgerJobs.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    jobs: { type: 'string', default: '2' },
    out: { type: 'string', default: 'table' },
    'group-by': { type: 'string', default: '' },
    'no-dedupe': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new Error(`--jobs: must be an integer from 1 to 64, got ${values.jobs}`);
if (values.out !== 'table' && values.out !== 'json' && values.out !== 'csv') throw new Error(`--out: table, json or csv, got ${values.out}`);
if (positionals.length === 0 || positionals.includes('-')) throw new Error('name the JSONL files (no stdin)');
const options: LedgerCommandOptions = {
  ...LEDGER_DEFAULTS,
  groupBy: parseGroupBy(values['group-by']),
  out: values.out,
  format: 'jsonl',
  strict: values.strict,
  dedupe: !values['no-dedupe'],
  progress: false,
};
const io = processIo();
process.exitCode = await run(io);

async function run(io: CliIo): Promise<ExitCode> {
  const outcome = jobs > 1 ? await ledgerJobs(positionals, options, io, { jobs }) : { sequential: true as const, note: undefined };
  if (outcome.sequential) {
    if (outcome.note !== undefined) io.stderr.write(terminalLines(`seekcost ledger: --jobs ${jobs}: ${outcome.note}; reading sequentially\n`));
    return runLedger(positionals, options, io);
  }
  // What runLedger prints once its ledger holds everything read (no read error is possible here:
  // ledgerJobs hands those to the sequential run).
  if (outcome.strictStop !== undefined) {
    io.stderr.write(terminalLines(`seekcost ledger: --strict: stopped at the first bad record\n${outcome.strictStop}\n`));
    return EXIT.BAD_RECORDS;
  }
  const totals = outcome.ledger.totals();
  writeLedgerOutput(io, options.out, totals, outcome.skippedSpans);
  return totals.records.excluded > 0 ? EXIT.BAD_RECORDS : EXIT.OK;
}
