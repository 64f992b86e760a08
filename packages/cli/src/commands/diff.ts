import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseTariffJson } from '@seekcost/pricing';
import type { RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import type { CliIo } from '../io.ts';
import { diffTariffs } from './diffTariffs.ts';

/**
 * Options of `seekcost diff`.
 *
 * @example
 * ```ts
 * const o: DiffCommandOptions = { failOnChange: true, json: false };
 * ```
 */
export interface DiffCommandOptions {
  readonly failOnChange: boolean;
  readonly json: boolean;
}

/**
 * Registers `seekcost diff OLD NEW`.
 *
 * @example
 * ```ts
 * registerDiff(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerDiff: RegisterCommand = (program, { io, exit }) => {
  program
    .command('diff')
    .description('what changed between two versions of the price data')
    .argument('<old>', 'older price-data JSON')
    .argument('<new>', 'newer price-data JSON')
    .option('--fail-on-change', 'exit 5 when anything changed (for CI)', false)
    .option('--json', 'print JSON', false)
    .action(async (oldPath: string, newPath: string, o: DiffCommandOptions) => {
      exit(await runDiff(oldPath, newPath, o, io));
    });
};

/**
 * `seekcost diff OLD NEW`: what changed between two price-data files (both are validated first).
 * With `--fail-on-change`, exits 5 when anything changed: a pricing-table regression check for CI.
 *
 * @example
 * ```ts
 * await runDiff('old/deepseek.json', 'pricing-data/deepseek.json', { failOnChange: true, json: false }, io); // EXIT.CHANGED if they differ
 * ```
 */
export async function runDiff(oldPath: string, newPath: string, options: DiffCommandOptions, io: CliIo): Promise<ExitCode> {
  const before = parseTariffJson(await readFile(resolve(io.cwd, oldPath), 'utf8'));
  const after = parseTariffJson(await readFile(resolve(io.cwd, newPath), 'utf8'));
  const changes = diffTariffs(before.document, after.document);
  if (options.json) io.stdout.write(`${JSON.stringify({ changes }, null, 2)}\n`);
  else if (changes.length === 0) io.stdout.write(`no changes (${oldPath} checked ${before.checked}, ${newPath} checked ${after.checked})\n`);
  else io.stdout.write(`${changes.length} change(s) from ${oldPath} (checked ${before.checked}) to ${newPath} (checked ${after.checked}):\n${changes.map((c) => `  ${c.summary}`).join('\n')}\n`);
  return changes.length > 0 && options.failOnChange ? EXIT.CHANGED : EXIT.OK;
}
