import { Command, CommanderError } from 'commander';
import { PriceDataError, SeekcostError } from '@seekcost/pricing';
import type { RegisterCommand } from './command.ts';
import { registerBalance } from './commands/balance.ts';
import { registerCheckPage } from './commands/checkPage.ts';
import { registerDiff } from './commands/diff.ts';
import { registerLedger } from './commands/ledger.ts';
import { registerPrice } from './commands/price.ts';
import { registerTariff } from './commands/tariff.ts';
import { registerPrompt, registerTokens } from './commands/tokensCommand.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { InputError } from './input/forEachLine.ts';
import type { CliIo } from './io.ts';
import { terminalLines } from './terminalText.ts';
import { UsageError } from './usageError.ts';

const VERSION = '0.1.0';

/** The subcommands, in the order `seekcost --help` lists them. */
const COMMANDS: readonly RegisterCommand[] = [
  registerPrice,
  registerTokens,
  registerPrompt,
  registerLedger,
  registerBalance,
  registerTariff,
  registerDiff,
  registerCheckPage,
];

/**
 * Runs `seekcost` with the given arguments (without `node` and the script) against injected I/O
 * and resolves to the exit code; never calls process.exit, so tests run it in-process.
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 * import { runCli, type CliIo } from '@seekcost/cli';
 * // In a script, pass processIo(); here the output is collected in memory:
 * let out = '';
 * const io: CliIo = { stdin: Readable.from([]), stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stderrIsTTY: false, now: () => 0, cwd: '.' };
 * await runCli(['price', '--model', 'deepseek-chat', '--input', '6000', '--cache-hit', '0', '--output', '800', '--at', '2025-03-01T12:00:00Z', '--json'], io); // => 0
 * JSON.parse(out).total; // => '0.0025'
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const program = new Command('seekcost')
    .description('Exact DeepSeek API costs: price a request, total usage logs, export the tariff.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(terminalLines(s)), writeErr: (s) => io.stderr.write(terminalLines(s)) })
    .showHelpAfterError('(run seekcost --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 internal error, 2 bad command line, 3 bad records (excluded, or --strict stop), 4 unreadable input, 5 diff --fail-on-change found changes or check-page found a difference.\n',
    );
  const context = { io, exit: (exitCode: ExitCode) => void (code = exitCode) };
  for (const register of COMMANDS) register(program, context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportCliError(error, io);
  }
}

/**
 * Prints an error a command threw (escaped for the terminal) and returns its documented exit code:
 * 2 for a bad command line or argument (UsageError, any typed seekcost error), 4 for an unreadable
 * input or invalid price data, 1 for anything else (a bug), with the stack.
 *
 * @example
 * ```ts
 * const code = await runPrice(options, io).catch((error) => reportCliError(error, io));
 * ```
 */
export function reportCliError(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are not errors.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.OK : EXIT.USAGE;
  }
  if (error instanceof UsageError) {
    io.stderr.write(terminalLines(`seekcost: ${error.message}\n`));
    return EXIT.USAGE;
  }
  if (error instanceof InputError || error instanceof PriceDataError || isFileError(error)) {
    io.stderr.write(terminalLines(`seekcost: ${(error as Error).message}\n`));
    return EXIT.INPUT;
  }
  if (error instanceof SeekcostError) {
    io.stderr.write(terminalLines(`seekcost: ${error.message}\n`));
    return EXIT.USAGE;
  }
  io.stderr.write(terminalLines(`seekcost: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  return EXIT.INTERNAL;
}

function isFileError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && 'syscall' in (error as object);
}
