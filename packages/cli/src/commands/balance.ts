import { Decimal, getBundledTariff, priceRequest, type Currency } from '@seekcost/pricing';
import { createLedger, readLedgerRecord, type RecordFields } from '@seekcost/pricing/ledger';
import { currencyOption, withInputOptions, type RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { forEachRecord, type InputFormat } from '../input/forEachRecord.ts';
import { InputError } from '../input/forEachLine.ts';
import type { CliIo } from '../io.ts';
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
 * How a granted and a topped-up balance fare against a stream of usage.
 *
 * @example
 * ```ts
 * const report: BalanceReport = applyBalances(perSecond, new Decimal(2), new Decimal(5), 12, 'USD', records); report.granted.runsOutAt;
 * ```
 */
export interface BalanceReport {
  readonly currency: Currency;
  readonly spent: Decimal;
  readonly granted: { readonly start: Decimal; readonly left: Decimal; readonly runsOutAt: string | null };
  readonly toppedUp: { readonly start: Decimal; readonly left: Decimal; readonly runsOutAt: string | null };
  /** Spend beyond both balances (DeepSeek would have refused those requests). */
  readonly uncovered: Decimal;
  readonly records: { readonly priced: number; readonly excluded: number; readonly duplicates: number };
}

/**
 * `seekcost balance --granted X --topped-up Y INPUT...`: applies DeepSeek's deduction rule (the
 * granted balance is used first, then the topped-up one) to the priced records in time order and
 * says the instant (to the second) each balance runs out. Records are totalled per second, so the
 * input need not be sorted and memory grows with the seconds covered, not the records.
 *
 * @example
 * ```ts
 * await runBalance(['usage.jsonl'], { granted: '10', toppedUp: '50', currency: 'USD', format: 'auto', dedupe: true, json: false, progress: false }, io);
 * ```
 */
export async function runBalance(inputs: readonly string[], options: BalanceCommandOptions, io: CliIo): Promise<ExitCode> {
  const granted = money(options.granted, '--granted');
  const toppedUp = money(options.toppedUp, '--topped-up');
  const ledger = createLedger({ currency: options.currency, dedupe: options.dedupe, nearEdgeMs: 0 });
  const exponent = getBundledTariff().scale + 6;
  const perSecond = new Map<number, bigint>();
  const fields = {} as RecordFields;
  let inputError: InputError | undefined;
  try {
    await forEachRecord(
      inputs.length === 0 ? ['-'] : inputs,
      options.format,
      io,
      options.progress,
      (record, ref) => {
        if (ledger.add(record, ref) !== undefined) return true;
        readLedgerRecord(record, 'completion', undefined, fields);
        const total = priceRequest({ model: fields.model, usage: fields.usage, at: fields.atMs, currency: options.currency }).total;
        const second = Math.floor(fields.atMs / 1000);
        perSecond.set(second, (perSecond.get(second) ?? 0n) + BigInt(total.times(`1e${exponent}`).toFixed(0)));
        return true;
      },
      (bad) => {
        ledger.reject(bad.ref, 'malformed', bad.message);
        return true;
      },
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputError = error;
  }
  const report = applyBalances(perSecond, granted, toppedUp, exponent, options.currency, ledger.totals().records);
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : balanceText(report));
  const totals = ledger.totals();
  for (const issue of totals.excluded.samples.slice(0, 20)) io.stderr.write(`excluded ${issue.ref ?? '?'}: ${issue.message}\n`);
  if (inputError !== undefined) {
    io.stderr.write(`seekcost balance: ${inputError.message}\n`);
    return EXIT.INPUT;
  }
  return totals.records.excluded > 0 ? EXIT.BAD_RECORDS : EXIT.OK;
}

/**
 * Walks per-second spend (integers in 10^-exponent currency) in time order, deducting from the
 * granted balance first, then the topped-up one.
 *
 * @example
 * ```ts
 * applyBalances(new Map([[1_767_000_000, 5_000_000_000_000n]]), new Decimal(3), new Decimal(10), 12, 'USD', { priced: 1, excluded: 0, duplicates: 0 }).granted.runsOutAt;
 * // '2025-12-29T09:20:00.000Z'
 * ```
 */
export function applyBalances(
  perSecond: ReadonlyMap<number, bigint>,
  granted: Decimal,
  toppedUp: Decimal,
  exponent: number,
  currency: Currency,
  records: BalanceReport['records'],
): BalanceReport {
  const scale = new Decimal(`1e${exponent}`);
  let grantedLeft = BigInt(granted.times(scale).toFixed(0));
  let toppedLeft = BigInt(toppedUp.times(scale).toFixed(0));
  let spent = 0n;
  let uncovered = 0n;
  let grantedOut: string | null = null;
  let toppedOut: string | null = null;
  for (const second of [...perSecond.keys()].sort((a, b) => a - b)) {
    let amount = perSecond.get(second) ?? 0n;
    spent += amount;
    const fromGranted = amount < grantedLeft ? amount : grantedLeft;
    grantedLeft -= fromGranted;
    amount -= fromGranted;
    if (grantedLeft === 0n && grantedOut === null && (fromGranted > 0n || amount > 0n)) grantedOut = new Date(second * 1000).toISOString();
    const fromTopped = amount < toppedLeft ? amount : toppedLeft;
    toppedLeft -= fromTopped;
    amount -= fromTopped;
    if (toppedLeft === 0n && toppedOut === null && (fromTopped > 0n || amount > 0n)) toppedOut = new Date(second * 1000).toISOString();
    uncovered += amount;
  }
  const dec = (units: bigint) => new Decimal(`${units}e-${exponent}`);
  return {
    currency,
    spent: dec(spent),
    granted: { start: granted, left: dec(grantedLeft), runsOutAt: grantedOut },
    toppedUp: { start: toppedUp, left: dec(toppedLeft), runsOutAt: toppedOut },
    uncovered: dec(uncovered),
    records,
  };
}

function balanceText(report: BalanceReport): string {
  const c = report.currency;
  const out = (at: string | null) => (at === null ? 'not used up' : `runs out at ${at}`);
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
