import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ExitCode } from './exitCodes.ts';
import type { CliIo } from './io.ts';

/**
 * What a command's registration needs from runCli: the injected I/O, and where to leave the exit
 * code its action resolves to (commander's actions return nothing runCli can read).
 *
 * @example
 * ```ts
 * const context: CommandContext = { io: processIo(), exit: (code) => { process.exitCode = code; } };
 * ```
 */
export interface CommandContext {
  readonly io: CliIo;
  exit(code: ExitCode): void;
}

/**
 * Adds one `seekcost` subcommand (its options, help text and action) to the program. Each module in
 * commands/ exports one; runCli registers the list, so a new option touches only its command's file.
 *
 * @example
 * ```ts
 * const registerHello: RegisterCommand = (program, { io, exit }) => {
 *   program.command('hello').action(() => { io.stdout.write('hi\n'); exit(EXIT.OK); });
 * };
 * ```
 */
export type RegisterCommand = (program: Command, context: CommandContext) => void;

/**
 * `--currency USD|CNY` (default USD), shared by the commands that price.
 *
 * @example
 * ```ts
 * program.command('price').addOption(currencyOption());
 * ```
 */
export function currencyOption(): Option {
  return new Option('--currency <code>', 'USD or CNY').choices(['USD', 'CNY']).default('USD');
}

/**
 * The options of every command that reads usage records: --format, --no-dedupe, --no-progress.
 *
 * @example
 * ```ts
 * withInputOptions(program.command('ledger').argument('[files...]'));
 * ```
 */
export function withInputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--format <format>', 'input format (auto: .csv/.csv.gz are CSV, the rest JSON Lines)').choices(['auto', 'jsonl', 'csv']).default('auto'),
    )
    .option('--no-dedupe', 'count a repeated response id every time')
    .option('--no-progress', 'no progress line on a terminal');
}

/**
 * Commander argument parser for a non-negative decimal number such as `10` or `2.5`.
 *
 * @example
 * ```ts
 * parseNonNegative('2.5'); // 2.5
 * ```
 */
export function parseNonNegative(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) throw new InvalidArgumentError('must be a non-negative number');
  return value;
}
