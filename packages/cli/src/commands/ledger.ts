import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SeekcostError, type Currency } from '@seekcost/pricing';
import { createLedger, usageRecordsOf, type LedgerDimension, type LedgerGroup, type LedgerSnapshot, type LedgerTotals } from '@seekcost/pricing/ledger';
import { Option } from 'commander';
import { currencyOption, parseNonNegative, withInputOptions, type RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { forEachRecord, type InputFormat } from '../input/forEachRecord.ts';
import { InputError } from '../input/forEachLine.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { csvLine, renderTable } from '../table.ts';
import { terminalLines } from '../terminalText.ts';
import { UsageError } from '../usageError.ts';

/**
 * Options of `seekcost ledger`, as parsed from the command line.
 *
 * @example
 * ```ts
 * const o: LedgerCommandOptions = { groupBy: ['day'], timeZone: 'UTC', currency: 'USD', out: 'table', format: 'auto', strict: false, dedupe: true, keyField: undefined, nearEdgeMinutes: 10, basis: 'completion', progress: true, maxDetails: 100, saveState: undefined, mergeStates: [], acceptSecondaryPrices: false };
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
      .option('--tz <zone>', 'IANA time zone for day/hour groups', 'UTC')
      .addOption(currencyOption())
      .addOption(new Option('--out <kind>', 'table, json or csv').choices(['table', 'json', 'csv']).default('table'))
      .option('--strict', 'stop at the first bad record (exit 3)', false)
      .option('--key-field <path>', 'field holding the caller key (dot path, e.g. metadata.team); default: key')
      .option('--near-edge <minutes>', 'request-to-completion horizon for the near-edge report (0: off)', parseNonNegative, 10)
      .addOption(new Option('--basis <basis>', "what a record's `at` is").choices(['completion', 'request']).default('completion'))
      .option('--max-details <n>', 'bad, duplicate and near-edge records listed in full (all are counted)', parseNonNegative, 100)
      .option('--save-state <file>', "write the ledger's state (JSON) to merge with other shards later")
      .option('--accept-secondary-prices', 'price per-call charges (metered) with third-party figures where DeepSeek published none (USD search/fetch)', false)
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
  const keyPath = options.keyField?.split('.');
  const ledger = createLedger({
    groupBy: options.groupBy,
    timeZone: options.timeZone,
    currency: options.currency,
    dedupe: options.dedupe,
    instant: options.basis,
    nearEdgeMs: Math.round(options.nearEdgeMinutes * 60_000),
    maxDetails: options.maxDetails,
    acceptSecondaryPrices: options.acceptSecondaryPrices === true,
    ...(keyPath === undefined ? {} : { keyOf: (record: Readonly<Record<string, unknown>>) => pickOwn(record, keyPath) }),
  });
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
  let strictStop: string | undefined;
  let skippedSpans = 0;
  const addOne = (record: unknown, ref: string): boolean => {
    const issue = ledger.add(record, ref);
    if (options.strict && issue !== undefined && issue.code !== 'duplicate-id') {
      strictStop = `${ref}: ${issue.message}`;
      return false;
    }
    return true;
  };
  let inputError: InputError | undefined;
  try {
    // With only --merge-state, there is nothing to read (stdin is not read either).
    const readInputs = inputs.length > 0 || options.mergeStates.length === 0;
    if (readInputs) {
      await forEachRecord(
        inputs.length === 0 ? ['-'] : inputs,
        options.format,
        io,
        options.progress,
        (record, ref) => {
          // OTLP exports hold many spans a line, and non-GenAI spans are skipped; other records go
          // straight in (the check keeps the common path free of allocations).
          if (typeof record !== 'object' || record === null || !(Object.hasOwn(record, 'resourceSpans') || Object.hasOwn(record, 'attributes')))
            return addOne(record, ref);
          const { records, skipped } = usageRecordsOf(record);
          skippedSpans += skipped;
          for (const [i, span] of records.entries()) if (!addOne(span, records.length > 1 ? `${ref}#${i + 1}` : ref)) return false;
          return true;
        },
        (bad) => {
          ledger.reject(bad.ref, 'malformed', bad.message);
          if (options.strict) {
            strictStop = `${bad.ref}: ${bad.message}`;
            return false;
          }
          return true;
        },
      );
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputError = error;
  }
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
  const skippedLine = skippedSpans > 0 ? `skipped: ${count(skippedSpans)} OpenTelemetry span(s) that are not GenAI model calls (HTTP, agent, tool...)\n` : '';
  if (options.out === 'table') {
    io.stdout.write(terminalLines(ledgerTable(totals)));
    io.stdout.write(terminalLines(`${skippedLine}${ledgerReport(totals)}`));
  } else {
    io.stdout.write(options.out === 'json' ? jsonText(ledgerJson(totals)) : ledgerCsv(totals));
    io.stderr.write(terminalLines(`${summaryLines(totals).join('\n')}\n${skippedLine}${ledgerReport(totals)}`));
  }
  if (inputError !== undefined) {
    io.stderr.write(terminalLines(`seekcost ledger: ${inputError.message}\nThe totals above cover only what was read before the error.\n`));
    return EXIT.INPUT;
  }
  return totals.records.excluded > 0 ? EXIT.BAD_RECORDS : EXIT.OK;
}

/**
 * The value at a dot path of a record, reading own properties only: `--key-field constructor` (or
 * `__proto__`, `toString`) finds a record's own field of that name, never one inherited from
 * Object.prototype, and a record without it has no key.
 *
 * @example
 * ```ts
 * pickOwn({ metadata: { team: 'a' } }, ['metadata', 'team']); // 'a'
 * pickOwn({}, ['constructor']); // undefined
 * ```
 */
export function pickOwn(record: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const DIMENSION_HEADERS: Record<LedgerDimension, string> = {
  day: 'day',
  hour: 'hour',
  model: 'model',
  'resolved-model': 'billed as',
  period: 'period',
  tier: 'tier',
  currency: 'currency',
  key: 'key',
};

/**
 * The ledger totals as a text summary: one row per group, a total row, then the record counts, the
 * timestamp basis, the near-edge report, warnings and the first bad records.
 *
 * @example
 * ```ts
 * io.stdout.write(ledgerTable(ledger.totals()));
 * ```
 */
export function ledgerTable(totals: LedgerTotals): string {
  const dims = totals.groupBy;
  const items = totals.metered.map((l) => l.item);
  const meteredHeader = items.flatMap((item) => [METERED_HEADERS[item] ?? item, `${METERED_HEADERS[item] ?? item} (${totals.currency})`]);
  const header = [
    ...dims.map((d) => DIMENSION_HEADERS[d]),
    'records',
    'cache-hit in',
    'cache-miss in',
    'output',
    ...meteredHeader,
    `amount (${totals.currency})`,
  ];
  const numeric = new Set(header.map((_, i) => i).filter((i) => i >= dims.length));
  const meteredCells = (lines: LedgerGroup['metered']): string[] =>
    items.flatMap((item) => {
      const line = lines.find((l) => l.item === item);
      return line === undefined ? ['0', '0'] : [count(line.count), line.amount.toFixed()];
    });
  const rows = totals.groups.map((g) => [
    ...dims.map((d) => (d === 'key' && g.key.key === '' ? '(none)' : (g.key[d] ?? ''))),
    count(g.records),
    count(g.tokens.cacheHitInputTokens),
    count(g.tokens.cacheMissInputTokens),
    count(g.tokens.outputTokens),
    ...meteredCells(g.metered),
    g.amount.toFixed(),
  ]);
  if (dims.length > 0) {
    rows.push([
      'total',
      ...dims.slice(1).map(() => ''),
      count(totals.records.priced),
      count(totals.tokens.cacheHitInputTokens),
      count(totals.tokens.cacheMissInputTokens),
      count(totals.tokens.outputTokens),
      ...meteredCells(totals.metered),
      totals.amount.toFixed(),
    ]);
  } else if (rows.length === 0) {
    rows.push(['0', '0', '0', '0', '0']);
  }
  let text = renderTable(header, rows, numeric);
  text += `\n${summaryLines(totals).join('\n')}\n`;
  return text;
}

function summaryLines(totals: LedgerTotals): string[] {
  const r = totals.records;
  const lines = [
    `records: ${count(r.seen)} read, ${count(r.priced)} priced, ${count(r.excluded)} excluded (not in the totals), ${count(r.duplicates)} duplicate ids counted once`,
    `timestamp basis: ${count(totals.basis.completion)} at completion time, ${count(totals.basis.request)} at request time (created); DeepSeek bills by completion time`,
  ];
  if (totals.nearEdge.horizonMs > 0) {
    lines.push(
      `near a price edge: ${count(totals.nearEdge.count)} record(s) whose price would differ if priced ${totals.nearEdge.horizonMs / 60_000} min the other way; at stake ${totals.nearEdge.atStake.toFixed()} ${totals.currency}`,
    );
  }
  return lines;
}

/**
 * The ledger's groups as CSV: dimension columns, records, token sums, exact amount.
 *
 * @example
 * ```ts
 * ledgerCsv(totals); // 'day,model,records,...\n2026-05-01,deepseek-chat,12,...\n'
 * ```
 */
export function ledgerCsv(totals: LedgerTotals): string {
  const items = totals.metered.map((l) => l.item);
  const header = [
    ...totals.groupBy,
    'records',
    'cache_hit_tokens',
    'cache_miss_tokens',
    'output_tokens',
    'reasoning_tokens',
    ...items.flatMap((item) => [`${METERED_CSV[item] ?? item}_count`, `${METERED_CSV[item] ?? item}_amount`]),
    'currency',
    'amount',
  ];
  const lines = [csvLine(header)];
  for (const g of totals.groups) {
    const metered = items.flatMap((item) => {
      const line = g.metered.find((l) => l.item === item);
      return line === undefined ? [0, '0'] : [line.count, line.amount.toFixed()];
    });
    lines.push(
      csvLine([
        ...totals.groupBy.map((d) => g.key[d] ?? ''),
        g.records,
        g.tokens.cacheHitInputTokens,
        g.tokens.cacheMissInputTokens,
        g.tokens.outputTokens,
        g.tokens.reasoningTokens,
        ...metered,
        totals.currency,
        g.amount.toFixed(),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the bad-record and warning report that follows the table (on stdout with the table, so
 * a user sees it; JSON and CSV outputs put it on stderr to keep stdout machine-readable).
 *
 * @example
 * ```ts
 * io.stdout.write(ledgerReport(totals));
 * ```
 */
export function ledgerReport(totals: LedgerTotals): string {
  const lines: string[] = [];
  for (const warning of totals.warnings) lines.push(`warning (${warning.code}): ${warning.message}`);
  if (totals.excluded.count > 0) {
    lines.push(
      `excluded: ${Object.entries(totals.excluded.byCode)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
    );
    for (const issue of totals.excluded.samples.slice(0, 20)) lines.push(`  ${issue.ref ?? '?'}: ${issue.message}`);
    if (totals.excluded.count > 20) lines.push(`  ... ${count(totals.excluded.count - 20)} more (--out json lists up to --max-details)`);
  }
  for (const d of totals.duplicates.samples.slice(0, 5)) lines.push(`duplicate: ${d.ref ?? '?'}: ${d.message}`);
  for (const n of totals.nearEdge.records.slice(0, 10)) {
    lines.push(
      `near edge: ${n.ref ?? n.id ?? '?'} ${n.model} at ${n.at} (${n.basis}) ${n.tier} ${n.amount.toFixed()}; at ${n.alternativeAt}: ${n.alternativeAmount === null ? 'no price' : n.alternativeAmount.toFixed()}`,
    );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

// Column names of the per-call charges: shown only when some record has them.
const METERED_HEADERS: Readonly<Record<string, string>> = {
  search: 'searches',
  fetch: 'fetches',
  ocrPages: 'OCR pages',
  ttsCharacters: 'TTS chars',
  asr: 'ASR',
};
const METERED_CSV: Readonly<Record<string, string>> = { search: 'search', fetch: 'fetch', ocrPages: 'ocr_pages', ttsCharacters: 'tts_characters', asr: 'asr' };

/**
 * The totals as `--out json` prints them: the per-call fields (`metered`, `meteredBuckets`, each
 * group's `metered`) only when some record had per-call charges, so token-only output is unchanged.
 *
 * @example
 * ```ts
 * 'metered' in ledgerJson(createLedger().totals()); // false
 * ```
 */
export function ledgerJson(totals: LedgerTotals): LedgerTotals | Omit<LedgerTotals, 'metered' | 'meteredBuckets' | 'groups'> {
  if (totals.metered.length > 0) return totals;
  // Rebuilt key by key so the fields keep their order.
  const entries = Object.entries(totals)
    .filter(([name]) => name !== 'metered' && name !== 'meteredBuckets')
    .map(([name, value]) => [name, name === 'groups' ? totals.groups.map(({ metered: _lines, ...group }) => group) : value]);
  return Object.fromEntries(entries) as Omit<LedgerTotals, 'metered' | 'meteredBuckets' | 'groups'>;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
