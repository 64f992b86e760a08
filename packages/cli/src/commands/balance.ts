import { Decimal, drawDownBalances, priceRecord, type BalanceDrawdown, type Currency } from '@seekcost/pricing';
import { currencyOption, withInputOptions, type RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { forEachRecord, type InputFormat } from '../input/forEachRecord.ts';
import { InputError } from '../input/forEachLine.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { terminalLines } from '../terminalText.ts';
import { UsageError } from '../usageError.ts';

/**
 * Options of `seekcost balance`, as parsed from the command line.
 *
 * @example
 * ```ts
 * const o: BalanceCommandOptions = { granted: '10', toppedUp: '50', currency: 'USD', format: 'auto', dedupe: true, json: false, progress: true };
 * ```
 */
export interface BalanceCommandOptions {
  readonly granted: string;
  readonly toppedUp: string;
  readonly currency: Currency;
  readonly format: InputFormat;
  readonly dedupe: boolean;
  readonly json: boolean;
  readonly progress: boolean;
}

/**
 * Registers `seekcost balance --granted X --topped-up Y FILES...`.
 *
 * @example
 * ```ts
 * registerBalance(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerBalance: RegisterCommand = (program, { io, exit }) => {
  withInputOptions(
    program
      .command('balance')
      .description("DeepSeek's deduction rule (granted balance first) over usage: when each balance runs out")
      .argument('[files...]', 'input files; none or - reads stdin')
      .requiredOption('--granted <amount>', 'granted (free) balance')
      .requiredOption('--topped-up <amount>', 'topped-up (paid) balance')
      .addOption(currencyOption())
      .option('--json', 'print JSON', false),
  ).action(async (files: string[], o: BalanceCommandOptions) => {
    exit(await runBalance(files, o, io));
  });
};

/**
 * What `seekcost balance` reports: the library's drawdown, the currency, and the record counts.
 *
 * @example
 * ```ts
 * const report: BalanceReport = { currency: 'USD', ...drawDownBalances([], { granted: '2', toppedUp: '5' }), records: { priced: 0, excluded: 0, duplicates: 0 } };
 * ```
 */
export interface BalanceReport extends BalanceDrawdown {
  readonly currency: Currency;
  readonly records: { readonly priced: number; readonly excluded: number; readonly duplicates: number };
}

/** Bad records listed on stderr (all are counted). */
const SHOWN_EXCLUDED = 20;

/**
 * `seekcost balance --granted X --topped-up Y INPUT...`: prices each record once (priceRecord),
 * totals the spend per second (so the input need not be sorted and memory grows with the seconds
 * covered, not the records), and applies DeepSeek's deduction rule (drawDownBalances: granted
 * first, then topped-up), saying the instant, to the second, each balance runs out. A repeated
 * response id is counted once unless --no-dedupe.
 *
 * @example
 * ```ts
 * await runBalance(['usage.jsonl'], { granted: '10', toppedUp: '50', currency: 'USD', format: 'auto', dedupe: true, json: false, progress: false }, io);
 * ```
 */
export async function runBalance(inputs: readonly string[], options: BalanceCommandOptions, io: CliIo): Promise<ExitCode> {
  const granted = money(options.granted, '--granted');
  const toppedUp = money(options.toppedUp, '--topped-up');
  const perSecond = new Map<number, Decimal>();
  // Ids are the records' own strings: a Set, never an object, so '__proto__' is just an id.
  const seen = options.dedupe ? new Set<string>() : undefined;
  const records = { priced: 0, excluded: 0, duplicates: 0 };
  const excluded: string[] = [];
  const exclude = (ref: string, message: string) => {
    records.excluded++;
    if (excluded.length < SHOWN_EXCLUDED) excluded.push(`excluded ${ref}: ${message}`);
  };
  let inputError: InputError | undefined;
  try {
    await forEachRecord(
      inputs.length === 0 ? ['-'] : inputs,
      options.format,
      io,
      options.progress,
      (record, ref) => {
        const priced = priceRecord(record, { currency: options.currency });
        if (!priced.ok) {
          exclude(ref, priced.message);
          return true;
        }
        if (priced.id !== undefined && seen !== undefined) {
          if (seen.has(priced.id)) {
            records.duplicates++;
            return true;
          }
          seen.add(priced.id);
        }
        records.priced++;
        const second = Math.floor(priced.atMs / 1000);
        const sum = perSecond.get(second);
        perSecond.set(second, sum === undefined ? priced.quote.total : sum.plus(priced.quote.total));
        return true;
      },
      (bad) => {
        exclude(bad.ref, bad.message);
        return true;
      },
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputError = error;
  }
  const spends = [...perSecond].map(([second, amount]) => ({ atMs: second * 1000, amount }));
  const report: BalanceReport = { currency: options.currency, ...drawDownBalances(spends, { granted, toppedUp }), records };
  io.stdout.write(options.json ? jsonText(report) : terminalLines(balanceText(report)));
  if (excluded.length > 0) io.stderr.write(terminalLines(`${excluded.join('\n')}\n`));
  if (inputError !== undefined) {
    io.stderr.write(terminalLines(`seekcost balance: ${inputError.message}\n`));
    return EXIT.INPUT;
  }
  return records.excluded > 0 ? EXIT.BAD_RECORDS : EXIT.OK;
}

function balanceText(report: BalanceReport): string {
  const c = report.currency;
  const out = (at: Date | null) => (at === null ? 'not used up' : `runs out at ${at.toISOString()}`);
  return [
    `spent:            ${report.spent.toFixed()} ${c} over ${report.records.priced.toLocaleString('en-US')} priced records`,
    `granted balance:  ${report.granted.start.toFixed()} -> ${report.granted.left.toFixed()} ${c} (used first; ${out(report.granted.runsOutAt)})`,
    `topped-up:        ${report.toppedUp.start.toFixed()} -> ${report.toppedUp.left.toFixed()} ${c} (${out(report.toppedUp.runsOutAt)})`,
    `not covered:      ${report.uncovered.toFixed()} ${c}${report.uncovered.isZero() ? '' : ' (DeepSeek refuses requests once both balances are empty)'}`,
    `excluded records: ${report.records.excluded}, duplicate ids counted once: ${report.records.duplicates}`,
    '',
  ].join('\n');
}

function money(text: string, option: string): Decimal {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new UsageError(`${option}: must be a non-negative amount like 10 or 2.50, got '${text}'`);
  return new Decimal(text.trim());
}
