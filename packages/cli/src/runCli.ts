import { Command, CommanderError, InvalidArgumentError as CommanderArgumentError, Option } from 'commander';
import { PriceDataError, SeekcostError, type Currency } from '@seekcost/pricing';
import type { SqlDialect } from '@seekcost/pricing/warehouse';
import { runBalance } from './commands/balance.ts';
import { runDiff } from './commands/diff.ts';
import { parseGroupBy, runLedger } from './commands/ledger.ts';
import { runPrice } from './commands/price.ts';
import { runTariff } from './commands/tariff.ts';
import { runPrompt, runTokens } from './commands/tokens.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { InputError } from './input/forEachLine.ts';
import type { InputFormat } from './input/forEachRecord.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './usageError.ts';

const VERSION = '0.1.0';

/**
 * Runs `seekcost` with the given arguments (without `node` and the script) against injected I/O
 * and resolves to the exit code; never calls process.exit, so tests run it in-process.
 *
 * @example
 * ```ts
 * const code = await runCli(['price', '--model', 'deepseek-chat', '--input', '6000', '--cache-hit', '0', '--output', '800', '--at', '2025-03-01T12:00:00Z'], processIo());
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const program = new Command('seekcost')
    .description('Exact DeepSeek API costs: price a request, total usage logs, export the tariff.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run seekcost --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 internal error, 2 bad command line, 3 bad records (excluded, or --strict stop), 4 unreadable input, 5 diff --fail-on-change found changes.\n');

  const currencyOption = () => new Option('--currency <code>', 'USD or CNY').choices(['USD', 'CNY']).default('USD');

  program
    .command('price')
    .description('the exact cost of one request')
    .requiredOption('--model <id>', 'model id as sent to the API, e.g. deepseek-chat')
    .requiredOption('--input <tokens>', 'input (prompt) tokens')
    .option('--cache-hit <tokens|percent>', 'of the input, cache hits: a count or a share like 40%', '0')
    .requiredOption('--output <tokens>', 'output tokens (reasoning included)')
    .option('--at <iso>', 'completion instant, ISO-8601 with a zone (default: now)')
    .addOption(currencyOption())
    .option('--json', 'print the quote as JSON', false)
    .action(async (o: { model: string; input: string; cacheHit: string; output: string; at?: string; currency: Currency; json: boolean }) => {
      code = await runPrice({ model: o.model, input: o.input, cacheHit: o.cacheHit, output: o.output, at: o.at, currency: o.currency, json: o.json }, io);
    });

  program
    .command('tokens')
    .description('DeepSeek token count of a text file (- for stdin)')
    .argument('<file>', 'text file, or - for stdin')
    .addOption(new Option('--method <method>', 'exact (DeepSeek-V3 tokenizer), fast or heuristic').choices(['exact', 'fast', 'heuristic']).default('exact'))
    .option('--json', 'print JSON', false)
    .action(async (file: string, o: { method: 'exact' | 'fast' | 'heuristic'; json: boolean }) => {
      code = await runTokens(file, o, io);
    });

  program
    .command('prompt')
    .description('predicted prompt_tokens of a Chat Completions request body')
    .argument('<request>', 'request body JSON file, or - for stdin')
    .addOption(new Option('--method <method>', 'exact or fast').choices(['exact', 'fast']).default('exact'))
    .option('--at <iso>', 'when the request is sent (picks the chat template era; default: now)')
    .option('--json', 'print JSON', false)
    .action(async (file: string, o: { method: 'exact' | 'fast'; at?: string; json: boolean }) => {
      code = await runPrompt(file, { method: o.method, json: o.json, at: o.at }, io);
    });

  const inputOptions = (command: Command) =>
    command
      .addOption(new Option('--format <format>', 'input format (auto: .csv/.csv.gz are CSV, the rest JSON Lines)').choices(['auto', 'jsonl', 'csv']).default('auto'))
      .option('--no-dedupe', 'count a repeated response id every time')
      .option('--no-progress', 'no progress line on a terminal');

  inputOptions(
    program
      .command('ledger')
      .description('exact totals over JSONL/CSV usage logs or API responses (plain or gzip; - for stdin)')
      .argument('[files...]', 'input files; none or - reads stdin (unless --merge-state is given)')
      .option('--group-by <dims>', 'comma-separated: day,hour,model,resolved-model,period,tier,currency,key', '')
      .option('--tz <zone>', 'IANA time zone for day/hour groups', 'UTC')
      .addOption(currencyOption())
      .addOption(new Option('--out <kind>', 'table, json or csv').choices(['table', 'json', 'csv']).default('table'))
      .option('--strict', 'stop at the first bad record (exit 3)', false)
      .option('--key-field <path>', 'field holding the caller key (dot path, e.g. metadata.team); default: key')
      .option('--near-edge <minutes>', 'request-to-completion horizon for the near-edge report (0: off)', parseNonNegative, 10)
      .addOption(new Option('--basis <basis>', "what a record's `at` is").choices(['completion', 'request']).default('completion'))
      .option('--max-details <n>', 'bad, duplicate and near-edge records listed in full (all are counted)', parseNonNegative, 100)
      .option('--save-state <file>', "write the ledger's state (JSON) to merge with other shards later")
      .option('--merge-state <file>', 'merge a saved shard state (same options; repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[]),
  ).action(
    async (
      files: string[],
      o: { groupBy: string; tz: string; currency: Currency; out: 'table' | 'json' | 'csv'; format: InputFormat; strict: boolean; dedupe: boolean; progress: boolean; keyField?: string; nearEdge: number; basis: 'completion' | 'request'; maxDetails: number; saveState?: string; mergeState: string[] },
    ) => {
      code = await runLedger(
        files,
        {
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
        },
        io,
      );
    },
  );

  inputOptions(
    program
      .command('balance')
      .description("DeepSeek's deduction rule (granted balance first) over usage: when each balance runs out")
      .argument('[files...]', 'input files; none or - reads stdin')
      .requiredOption('--granted <amount>', 'granted (free) balance')
      .requiredOption('--topped-up <amount>', 'topped-up (paid) balance')
      .addOption(currencyOption())
      .option('--json', 'print JSON', false),
  ).action(async (files: string[], o: { granted: string; toppedUp: string; currency: Currency; format: InputFormat; dedupe: boolean; progress: boolean; json: boolean }) => {
    code = await runBalance(files, o, io);
  });

  program
    .command('tariff')
    .description('the price data as a flat table (csv, json) or warehouse SQL; --segments for constant-price segments')
    .option('--model <id>', 'only this model id')
    .option('--from <iso>', 'only rows in force from this instant')
    .option('--to <iso>', 'only rows in force before this instant')
    .addOption(new Option('--currency <code>', 'only this currency (sql: the currency priced; default USD)').choices(['USD', 'CNY']))
    .addOption(new Option('--format <format>', 'csv, json or sql').choices(['csv', 'json', 'sql']).default('csv'))
    .addOption(new Option('--dialect <dialect>', 'SQL dialect: duckdb, postgres and clickhouse are run on DuckDB, PGlite and chDB in the tests; bigquery is generated, not run on BigQuery').choices(['duckdb', 'postgres', 'clickhouse', 'bigquery']).default('duckdb'))
    .option('--usage-table <name>', 'the usage table the SQL prices', 'usage')
    .option('--prefix <prefix>', 'prefix of the created tables and view, may be qualified (BigQuery: mydataset.seekcost_)', 'seekcost_')
    .option('--segments', 'constant-price segments of --model between --from and --to', false)
    .option('--data <file>', 'price-data JSON to use instead of the bundled history')
    .action(async (o: { model?: string; from?: string; to?: string; currency?: Currency; format: 'csv' | 'json' | 'sql'; dialect: SqlDialect; usageTable: string; prefix: string; segments: boolean; data?: string }) => {
      code = await runTariff(
        { model: o.model, from: o.from, to: o.to, currency: o.currency, format: o.format, dialect: o.dialect, usageTable: o.usageTable, prefix: o.prefix, segments: o.segments, data: o.data },
        io,
      );
    });

  program
    .command('diff')
    .description('what changed between two versions of the price data')
    .argument('<old>', 'older price-data JSON')
    .argument('<new>', 'newer price-data JSON')
    .option('--fail-on-change', 'exit 5 when anything changed (for CI)', false)
    .option('--json', 'print JSON', false)
    .action(async (oldPath: string, newPath: string, o: { failOnChange: boolean; json: boolean }) => {
      code = await runDiff(oldPath, newPath, o, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io);
  }
}

function parseNonNegative(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) throw new CommanderArgumentError('must be a non-negative number');
  return value;
}

function reportError(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are not errors.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.OK : EXIT.USAGE;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`seekcost: ${error.message}\n`);
    return EXIT.USAGE;
  }
  if (error instanceof InputError || error instanceof PriceDataError || isFileError(error)) {
    io.stderr.write(`seekcost: ${(error as Error).message}\n`);
    return EXIT.INPUT;
  }
  if (error instanceof SeekcostError || (error instanceof Error && error.name.endsWith('Error') && 'code' in error && typeof error.code === 'string' && !isFileError(error))) {
    io.stderr.write(`seekcost: ${error.message}\n`);
    return EXIT.USAGE;
  }
  io.stderr.write(`seekcost: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.INTERNAL;
}

function isFileError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && 'syscall' in (error as object);
}
