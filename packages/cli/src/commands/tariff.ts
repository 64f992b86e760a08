import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getBundledTariff, parseTariffJson, tariffSegments, type Currency, type Tariff } from '@seekcost/pricing';
import { METERED_COUNT_COLUMNS, tariffTable, warehouseSql, type SqlDialect, type TariffMeteredRow, type TariffTableRow } from '@seekcost/pricing/warehouse';
import { Option } from 'commander';
import type { RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { csvLine } from '../table.ts';
import { UsageError } from '../usageError.ts';

/**
 * Options of `seekcost tariff`, as parsed from the command line.
 *
 * @example
 * ```ts
 * const o: TariffCommandOptions = { model: undefined, from: undefined, to: undefined, currency: 'USD', format: 'sql', dialect: 'postgres', usageTable: 'usage', prefix: 'seekcost_', segments: false, data: undefined };
 * ```
 */
export interface TariffCommandOptions {
  readonly model: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly currency: Currency | undefined;
  readonly format: 'csv' | 'json' | 'sql';
  readonly dialect: SqlDialect;
  readonly usageTable: string;
  /** Prefix of the created tables and view (may be qualified: `mydataset.seekcost_`). */
  readonly prefix: string;
  readonly segments: boolean;
  /** `--metered`: the usage table has per-call count columns; the SQL prices them too. */
  readonly metered?: boolean;
  /** A price-data JSON file to use instead of the bundled one. */
  readonly data: string | undefined;
}

const METERED_COLUMNS: readonly (keyof TariffMeteredRow)[] = [
  'item',
  'via',
  'periodId',
  'discountId',
  'validFrom',
  'validTo',
  'unit',
  'unitSize',
  'currency',
  'price',
  'units',
  'exponent',
  'published',
  'confidence',
  'source',
];

const COLUMNS: readonly (keyof TariffTableRow)[] = [
  'model',
  'resolvedModel',
  'mode',
  'periodId',
  'validFrom',
  'validTo',
  'tier',
  'tierRank',
  'isDefault',
  'windowStartMinute',
  'windowEndMinute',
  'windowTimeZone',
  'windowOffsetMinutes',
  'weekdays',
  'weekdayMask',
  'weekdayTimeZone',
  'weekdayOffsetMinutes',
  'holidayCalendar',
  'holidayOffsetMinutes',
  'currency',
  'cacheHitPrice',
  'cacheMissPrice',
  'outputPrice',
  'cacheHitUnits',
  'cacheMissUnits',
  'outputUnits',
  'scale',
  'source',
  'confidence',
];

/**
 * Registers `seekcost tariff`.
 *
 * @example
 * ```ts
 * registerTariff(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerTariff: RegisterCommand = (program, { io, exit }) => {
  program
    .command('tariff')
    .description('the price data as a flat table (csv, json) or warehouse SQL; --segments for constant-price segments')
    .option('--model <id>', 'only this model id')
    .option('--from <iso>', 'only rows in force from this instant')
    .option('--to <iso>', 'only rows in force before this instant')
    .addOption(new Option('--currency <code>', 'only this currency (sql: the currency priced; default USD)').choices(['USD', 'CNY']))
    .addOption(new Option('--format <format>', 'csv, json or sql').choices(['csv', 'json', 'sql']).default('csv'))
    .addOption(
      new Option(
        '--dialect <dialect>',
        'SQL dialect: duckdb, postgres and clickhouse are run on DuckDB, PGlite and chDB in the tests; bigquery is generated, not run on BigQuery',
      )
        .choices(['duckdb', 'postgres', 'clickhouse', 'bigquery'])
        .default('duckdb'),
    )
    .option('--usage-table <name>', 'the usage table the SQL prices', 'usage')
    .option('--prefix <prefix>', 'prefix of the created tables and view, may be qualified (BigQuery: mydataset.seekcost_)', 'seekcost_')
    .option('--metered', `SQL: also price per-call counts (usage columns ${Object.values(METERED_COUNT_COLUMNS).join(', ')})`, false)
    .option('--segments', 'constant-price segments of --model between --from and --to', false)
    .option('--data <file>', 'price-data JSON to use instead of the bundled history')
    .action(async (o: TariffFlags) => {
      exit(
        await runTariff(
          {
            model: o.model,
            from: o.from,
            to: o.to,
            currency: o.currency,
            format: o.format,
            dialect: o.dialect,
            usageTable: o.usageTable,
            prefix: o.prefix,
            segments: o.segments,
            data: o.data,
            metered: o.metered === true,
          },
          io,
        ),
      );
    });
};

/** The tariff options as commander parses them: absent optional flags are missing keys, not undefined values. */
type TariffFlags = Omit<TariffCommandOptions, 'model' | 'from' | 'to' | 'currency' | 'data'> & {
  readonly model?: string;
  readonly from?: string;
  readonly to?: string;
  readonly currency?: Currency;
  readonly data?: string;
};

/**
 * Loads price data from a JSON file (validated), or the bundled history when no path is given.
 *
 * @example
 * ```ts
 * const tariff = await loadTariff('pricing-data/deepseek.json', io);
 * ```
 */
export async function loadTariff(path: string | undefined, io: CliIo): Promise<Tariff> {
  if (path === undefined) return getBundledTariff();
  return parseTariffJson(await readFile(resolve(io.cwd, path), 'utf8'));
}

/**
 * `seekcost tariff`: the price data as a flat table (CSV or JSON, with the holiday list) or as SQL
 * that loads it and prices a usage table (DuckDB, PostgreSQL, ClickHouse, BigQuery); with
 * `--segments`, the constant-price segments of one model between two instants.
 *
 * @example
 * ```ts
 * await runTariff({ model: undefined, from: undefined, to: undefined, currency: 'USD', format: 'sql', dialect: 'duckdb', usageTable: 'usage', prefix: 'seekcost_', segments: false, data: undefined }, io);
 * ```
 */
export async function runTariff(options: TariffCommandOptions, io: CliIo): Promise<ExitCode> {
  const tariff = await loadTariff(options.data, io);
  if (options.segments) {
    if (options.model === undefined || options.from === undefined || options.to === undefined)
      throw new UsageError('--segments needs --model, --from and --to');
    const segments = tariffSegments({ model: options.model, from: options.from, to: options.to, currency: options.currency ?? 'USD', tariff });
    const rows = segments.map((s) => ({
      from: s.from.toISOString(),
      to: s.to.toISOString(),
      model: s.model,
      mode: s.mode,
      periodId: s.periodId,
      tier: s.tier,
      currency: s.currency,
      cacheHit: s.rates.cacheHit.toFixed(),
      cacheMiss: s.rates.cacheMiss.toFixed(),
      output: s.rates.output.toFixed(),
      confidence: s.confidence,
    }));
    if (options.format === 'json') io.stdout.write(jsonText(rows));
    else if (options.format === 'csv') io.stdout.write(toCsv(Object.keys(rows[0] ?? { from: '' }), rows as unknown as Record<string, unknown>[]));
    else throw new UsageError('--segments writes csv or json, not sql');
    return EXIT.OK;
  }
  const table = tariffTable({
    tariff,
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
  });
  if (options.format === 'json') io.stdout.write(jsonText(table));
  else if (options.format === 'csv') {
    io.stdout.write(`# seekcost flat tariff, price data checked ${table.checked}; prices per 1M tokens; *Units = price x 10^${table.scale}\n`);
    io.stdout.write(toCsv(COLUMNS, table.rows as unknown as Record<string, unknown>[]));
    if (table.metered !== undefined && table.metered.length > 0) {
      io.stdout.write(`\n# per-call (metered) prices: price per unitSize units; units = price x 10^exponent; published false = third-party figure\n`);
      io.stdout.write(toCsv(METERED_COLUMNS, table.metered as unknown as Record<string, unknown>[]));
    }
    io.stdout.write(`\n# holidays (tiers with holidayCalendar do not apply on these local dates)\n`);
    io.stdout.write(toCsv(['calendar', 'day', 'name'], table.holidays as unknown as Record<string, unknown>[]));
  } else {
    io.stdout.write(
      warehouseSql(table, {
        dialect: options.dialect,
        usageTable: options.usageTable,
        prefix: options.prefix,
        currency: options.currency ?? 'USD',
        metered: options.metered === true,
      }),
    );
  }
  return EXIT.OK;
}

function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [csvLine(columns)];
  for (const row of rows) lines.push(csvLine(columns.map((c) => (row[c] ?? null) as string | number | boolean | null)));
  return `${lines.join('\n')}\n`;
}
