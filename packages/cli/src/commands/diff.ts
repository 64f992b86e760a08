import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diffTariffs, parseTariffJson } from '@seekcost/pricing';
import type { RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { terminalText } from '../terminalText.ts';

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

// The text output groups the changes so a per-call price change is not lost among field paths.
const SECTIONS: readonly (readonly [string, (kind: string) => boolean])[] = [
  ['price data', (kind) => kind !== 'quote-changed' && kind !== 'metered-changed'],
  ['token prices quoted', (kind) => kind === 'quote-changed'],
  ['per-call prices quoted (search, fetch, OCR pages, TTS characters)', (kind) => kind === 'metered-changed'],
];

/**
 * `seekcost diff OLD NEW`: what changed between two price-data files (both are validated first):
 * every difference in what they quote, on a dense grid of instants (token prices of every id, and
 * per-call prices of every metered item, way of calling it and currency), and every field that
 * differs (see diffTariffs in @seekcost/pricing). The text output lists them in three sections:
 * the price data, the token prices quoted, the per-call prices quoted. With `--fail-on-change`, exits 5 when anything changed: a
 * pricing-table regression check for CI.
 *
 * @example
 * ```ts
 * await runDiff('old/deepseek.json', 'pricing-data/deepseek.json', { failOnChange: true, json: false }, io); // EXIT.CHANGED if they differ
 * ```
 */
export async function runDiff(oldPath: string, newPath: string, options: DiffCommandOptions, io: CliIo): Promise<ExitCode> {
  const before = parseTariffJson(await readFile(resolve(io.cwd, oldPath), 'utf8'));
  const after = parseTariffJson(await readFile(resolve(io.cwd, newPath), 'utf8'));
  const changes = diffTariffs(before, after);
  if (options.json) io.stdout.write(jsonText({ changes }));
  else if (changes.length === 0) io.stdout.write(terminalText(`no changes (${oldPath} checked ${before.checked}, ${newPath} checked ${after.checked})`) + '\n');
  else {
    const lines = [`${changes.length} change(s) from ${oldPath} (checked ${before.checked}) to ${newPath} (checked ${after.checked}):`];
    for (const [heading, kinds] of SECTIONS) {
      const section = changes.filter((c) => kinds(c.kind));
      if (section.length > 0) lines.push(`${heading} (${section.length}):`, ...section.map((c) => `  ${c.summary}`));
    }
    io.stdout.write(`${lines.map(terminalText).join('\n')}\n`);
  }
  return changes.length > 0 && options.failOnChange ? EXIT.CHANGED : EXIT.OK;
}
