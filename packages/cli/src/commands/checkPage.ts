import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getBundledTariff, toEpochMs } from '@seekcost/pricing';
import { checkPricingPage, parsePricingPage, type PageCheck, type PageCheckOptions } from '@seekcost/pricing/pricingPage';
import type { RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { terminalText } from '../terminalText.ts';
import { UsageError } from '../usageError.ts';

/**
 * Options of `seekcost check-page`, as parsed from the command line.
 *
 * @example
 * ```ts
 * const o: CheckPageCommandOptions = { at: '2026-08-17T12:00:00Z', from: undefined, to: undefined, json: false };
 * ```
 */
export interface CheckPageCommandOptions {
  readonly at: string | undefined;
  /** An undated copy: compare over [from, to). */
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly json: boolean;
}

/**
 * Registers `seekcost check-page`.
 *
 * @example
 * ```ts
 * registerCheckPage(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerCheckPage: RegisterCommand = (program, { io, exit }) => {
  program
    .command('check-page')
    .description("compare a saved copy of DeepSeek's pricing page (markdown) with the price data")
    .argument('<file>', 'the saved page, English or Chinese markdown, whole or partial')
    .option('--at <iso>', 'when the page was saved, ISO-8601 with a zone (default: now)')
    .option('--from <iso>', 'an undated copy: earliest instant it can be from')
    .option('--to <iso>', 'an undated copy: the instant it was gone by (exclusive)')
    .option('--json', 'print the result as JSON', false)
    .action(async (file: string, o: Partial<CheckPageCommandOptions>) => {
      exit(await runCheckPage(file, { at: o.at, from: o.from, to: o.to, json: o.json === true }, io));
    });
};

/**
 * `seekcost check-page FILE`: reads a saved pricing page and says whether it agrees with the price
 * data, listing each difference with the page's own words and the data's value and path. Exit 0 on
 * agreement, 5 on a difference, 4 when the file or one of its tables cannot be read, 2 on bad flags.
 *
 * @example
 * ```ts
 * await runCheckPage('pricing.en.2026-08-17.md', { at: '2026-08-17T12:00:00Z', from: undefined, to: undefined, json: false }, io); // EXIT.OK when they agree
 * ```
 */
export async function runCheckPage(file: string, options: CheckPageCommandOptions, io: CliIo): Promise<ExitCode> {
  const when = checkRange(options, io);
  const page = parsePricingPage(await readFile(resolve(io.cwd, file), 'utf8'));
  const result = checkPricingPage(page, when);
  if (options.json) io.stdout.write(jsonText({ file, ...result }));
  else io.stdout.write(`${renderCheck(file, result).map(terminalText).join('\n')}\n`);
  if (result.unreadable.length > 0) return EXIT.INPUT;
  return result.differences.length > 0 ? EXIT.CHANGED : EXIT.OK;
}

function checkRange(options: CheckPageCommandOptions, io: CliIo): PageCheckOptions {
  if (options.from !== undefined || options.to !== undefined) {
    if (options.at !== undefined) throw new UsageError('check-page: give --at, or --from with --to, not both');
    if (options.from === undefined || options.to === undefined) throw new UsageError('check-page: --from and --to go together');
    if (toEpochMs(options.to, '--to') <= toEpochMs(options.from, '--from'))
      throw new UsageError(`check-page: --to (${options.to}) must be after --from (${options.from})`);
    return { from: options.from, to: options.to };
  }
  return { at: options.at === undefined ? io.now() : toEpochMs(options.at, '--at') };
}

function renderCheck(file: string, result: PageCheck): string[] {
  const span =
    result.comparedAt.length === 1
      ? `at ${result.comparedAt[0] ?? ''}`
      : `at ${result.comparedAt.length} instants from ${result.comparedAt[0] ?? ''} to ${result.comparedAt.at(-1) ?? ''}`;
  const lines: string[] = [];
  for (const u of result.unreadable) lines.push(`UNREADABLE ${u.table} (line ${u.line}): ${u.reason}`);
  for (const d of result.differences) lines.push(`DIFFERENCE at ${d.at}, page line ${d.line}`, `  data: ${d.path} = ${d.dataSays}`, `  page: ${d.pageSays}`);
  for (const d of result.knownConflicts)
    lines.push(
      `known conflict (documented in the data) at ${d.at}, page line ${d.line}`,
      `  data: ${d.path} = ${d.dataSays}`,
      `  page: ${d.pageSays}`,
      `  note: ${d.known?.note ?? ''}`,
    );
  for (const n of result.notCompared) lines.push(`not compared (line ${n.line}): ${n.words}`);
  const checked = getBundledTariff().checked;
  if (result.unreadable.length > 0) lines.push(`${file}: ${result.unreadable.length} table(s) or sentence(s) could not be read ${span}: the check fails`);
  else if (result.differences.length > 0) lines.push(`${file}: ${result.differences.length} difference(s) from the price data (checked ${checked}) ${span}`);
  else lines.push(`${file}: agrees with the price data (checked ${checked}) ${span}`);
  return lines;
}
