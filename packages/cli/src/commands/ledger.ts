import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SeekcostError, type Currency } from '@seekcost/pricing';
import type { LedgerDimension, LedgerSnapshot } from '@seekcost/pricing/ledger';
import { Option } from 'commander';
import { currencyOption, parseNonNegative, withInputOptions, type RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { forEachRecord, type InputFormat } from '../input/forEachRecord.ts';
import { InputError } from '../input/forEachLine.ts';
import type { CliIo } from '../io.ts';
import { terminalLines } from '../terminalText.ts';
import { createLedgerFeed } from './ledgerFeed.ts';
import { writeLedgerOutput } from './ledgerOutput.ts';
import { UsageError } from '../usageError.ts';

/**
 * Options of `seekcost ledger`, as parsed from the command line.
 *
 * @example
 * ```ts
 * const o: LedgerCommandOptions = { ...LEDGER_DEFAULTS, groupBy: ['day'], out: 'json' };
 * ```
 */
export interface LedgerCommandOptions {
  readonly groupBy: readonly LedgerDimension[];
  readonly timeZone: string;
  readonly currency: Currency;
  readonly out: 'table' | 'json' | 'csv';
  readonly format: InputFormat;
  readonly strict: boolean;
  readonly dedupe: boolean;
  readonly keyField: string | undefined;
  readonly nearEdgeMinutes: number;
  readonly basis: 'completion' | 'request';
  readonly progress: boolean;
  readonly maxDetails: number;
  /** Write the ledger's snapshot (JSON) here, to merge with other shards later. */
  readonly saveState: string | undefined;
  /** Snapshots of other shards to merge in (same options). */
  readonly mergeStates: readonly string[];
  /** `--accept-secondary-prices`: price per-call charges with third-party figures where DeepSeek published none (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean;
}

/**
 * What `seekcost ledger` does when no flag says otherwise (the command's option defaults are these).
 *
 * @example
 * ```ts
 * LEDGER_DEFAULTS.nearEdgeMinutes; // 10
 * ```
 */
export const LEDGER_DEFAULTS: LedgerCommandOptions = Object.freeze({
  groupBy: [],
  timeZone: 'UTC',
  currency: 'USD',
  out: 'table',
  format: 'auto',
  strict: false,
  dedupe: true,
  keyField: undefined,
  nearEdgeMinutes: 10,
  basis: 'completion',
  progress: true,
  maxDetails: 100,
  saveState: undefined,
  mergeStates: [],
  acceptSecondaryPrices: false,
});

const DIMENSIONS = new Set<string>(['day', 'hour', 'model', 'resolved-model', 'period', 'tier', 'currency', 'key']);

/** The ledger options as commander parses them, before runLedger's own checks. */
interface LedgerFlags {
  readonly groupBy: string;
  readonly tz: string;
  readonly currency: Currency;
  readonly out: LedgerCommandOptions['out'];
  readonly format: InputFormat;
  readonly strict: boolean;
  readonly dedupe: boolean;
  readonly progress: boolean;
  readonly keyField?: string;
  readonly nearEdge: number;
  readonly basis: LedgerCommandOptions['basis'];
  readonly maxDetails: number;
  readonly saveState?: string;
  readonly mergeState: string[];
  readonly acceptSecondaryPrices: boolean;
}

/**
 * Registers `seekcost ledger FILES...`.
 *
 * @example
 * ```ts
 * registerLedger(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerLedger: RegisterCommand = (program, { io, exit }) => {
  withInputOptions(
    program
      .command('ledger')
      .description(
        'exact totals over JSONL/CSV usage logs, API responses, OpenTelemetry GenAI spans, AI SDK usage or LiteLLM logs (plain or gzip; - for stdin)',
      )
      .argument('[files...]', 'input files; none or - reads stdin (unless --merge-state is given)')
      .option('--group-by <dims>', 'comma-separated: day,hour,model,resolved-model,period,tier,currency,key', '')
      .option('--tz <zone>', 'IANA time zone for day/hour groups', LEDGER_DEFAULTS.timeZone)
      .addOption(currencyOption())
      .addOption(new Option('--out <kind>', 'table, json or csv').choices(['table', 'json', 'csv']).default(LEDGER_DEFAULTS.out))
      .option('--strict', 'stop at the first bad record (exit 3)', LEDGER_DEFAULTS.strict)
      .option('--key-field <path>', 'field holding the caller key (dot path, e.g. metadata.team); default: key')
      .option('--near-edge <minutes>', 'request-to-completion horizon for the near-edge report (0: off)', parseNonNegative, LEDGER_DEFAULTS.nearEdgeMinutes)
      .addOption(new Option('--basis <basis>', "what a record's `at` is").choices(['completion', 'request']).default(LEDGER_DEFAULTS.basis))
      .option('--max-details <n>', 'bad, duplicate and near-edge records listed in full (all are counted)', parseNonNegative, LEDGER_DEFAULTS.maxDetails)
      .option('--save-state <file>', "write the ledger's state (JSON) to merge with other shards later")
      .option(
        '--accept-secondary-prices',
        'price per-call charges (metered) with third-party figures where DeepSeek published none (USD search/fetch)',
        LEDGER_DEFAULTS.acceptSecondaryPrices,
      )
      .option(
        '--merge-state <file>',
        'merge a saved shard state (same options; repeatable)',
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      ),
  ).action(async (files: string[], o: LedgerFlags) => {
    const options: LedgerCommandOptions = {
      groupBy: parseGroupBy(o.groupBy),
      timeZone: o.tz,
      currency: o.currency,
      out: o.out,
      format: o.format,
      strict: o.strict,
      dedupe: o.dedupe,
      keyField: o.keyField,
      nearEdgeMinutes: o.nearEdge,
      basis: o.basis,
      progress: o.progress,
      maxDetails: Math.floor(o.maxDetails),
      saveState: o.saveState,
      mergeStates: o.mergeState,
      acceptSecondaryPrices: o.acceptSecondaryPrices,
    };
    exit(await runLedger(files, options, io));
  });
};

/**
 * Parses `--group-by day,model,tier,key` into ledger dimensions, or throws a UsageError naming the bad one.
 *
 * @example
 * ```ts
 * parseGroupBy('day,model'); // ['day', 'model']
 * ```
 */
export function parseGroupBy(text: string): LedgerDimension[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const dimension = part.trim();
    if (!DIMENSIONS.has(dimension)) throw new UsageError(`--group-by: unknown dimension '${dimension}'; use ${[...DIMENSIONS].join(', ')}`);
    return dimension as LedgerDimension;
  });
}

/**
 * `seekcost ledger FILES...`: streams JSONL/CSV records (plain or gzip, `-` for stdin) into an exact
 * ledger and prints the totals as a table, JSON or CSV. Exit 0 when every record was priced, 3 when
 * some were excluded (or `--strict` stopped at the first), 4 when an input could not be read.
 *
 * @example
 * ```ts
 * const code = await runLedger(['usage.jsonl'], { ...defaults, groupBy: ['day', 'model'] }, io);
 * ```
 */
export async function runLedger(inputs: readonly string[], options: LedgerCommandOptions, io: CliIo): Promise<ExitCode> {
  const feed = createLedgerFeed(options);
  const ledger = feed.ledger;
  // Every state is read and parsed before any is merged, and each merge checks its state whole
  // first (schema, options, price-data fingerprint, shard identity): a bad or repeated state stops
  // the run with exit 4 (unreadable input), naming the file and the field, before totals are printed.
  const states: [path: string, state: unknown][] = [];
  for (const path of options.mergeStates) {
    try {
      states.push([path, JSON.parse(await readFile(resolve(io.cwd, path), 'utf8')) as unknown]);
    } catch (error) {
      throw new InputError(
        path,
        0,
        error instanceof SyntaxError ? `not a ledger snapshot (${error.message})` : error instanceof Error ? error.message : String(error),
      );
    }
  }
  for (const [path, state] of states) {
    try {
      ledger.merge(state as LedgerSnapshot);
    } catch (error) {
      if (!(error instanceof SeekcostError)) throw error;
      throw new InputError(path, 0, `not merged: ${error.message}`);
    }
  }
  let inputError: InputError | undefined;
  try {
    // With only --merge-state, there is nothing to read (stdin is not read either).
    if (inputs.length > 0 || options.mergeStates.length === 0) {
      await forEachRecord(inputs.length === 0 ? ['-'] : inputs, options.format, io, options.progress, feed.onRecord, feed.onUnreadable);
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputError = error;
  }
  const strictStop = feed.strictStop();
  if (strictStop !== undefined) {
    io.stderr.write(terminalLines(`seekcost ledger: --strict: stopped at the first bad record\n${strictStop}\n`));
    return EXIT.BAD_RECORDS;
  }
  if (options.saveState !== undefined) await writeFile(resolve(io.cwd, options.saveState), JSON.stringify(ledger.snapshot()));
  const totals = ledger.totals();
  if (inputError !== undefined && totals.records.seen === 0) {
    io.stderr.write(terminalLines(`seekcost ledger: ${inputError.message}\n`));
    return EXIT.INPUT;
  }
  writeLedgerOutput(io, options.out, totals, feed.skippedSpans());
  if (inputError !== undefined) {
    io.stderr.write(terminalLines(`seekcost ledger: ${inputError.message}\nThe totals above cover only what was read before the error.\n`));
    return EXIT.INPUT;
  }
  return totals.records.excluded > 0 ? EXIT.BAD_RECORDS : EXIT.OK;
}
