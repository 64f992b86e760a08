import { priceRequest, toEpochMs, type Currency, type MeteredCounts, type MeteredVia, type Quote } from '@seekcost/pricing';
import { Option } from 'commander';
import { currencyOption, type RegisterCommand } from '../command.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { renderTable } from '../table.ts';
import { terminalLines } from '../terminalText.ts';
import { UsageError } from '../usageError.ts';

/**
 * Options of `seekcost price`, as parsed from the command line.
 *
 * @example
 * ```ts
 * const o: PriceCommandOptions = { model: 'deepseek-chat', input: '6000', cacheHit: '40%', output: '800', at: undefined, currency: 'USD', json: false };
 * ```
 */
export interface PriceCommandOptions {
  readonly model: string;
  /** Total input tokens. */
  readonly input: string;
  /** Of the input, the cache hits: a count (`1200`) or a share (`40%`). */
  readonly cacheHit: string;
  readonly output: string;
  readonly at: string | undefined;
  readonly currency: Currency;
  readonly json: boolean;
  /** Counts of charges that are not tokens (`--search`, `--fetch`, `--ocr-pages`, `--tts-characters`), as typed. */
  readonly search?: string | undefined;
  readonly fetch?: string | undefined;
  readonly ocrPages?: string | undefined;
  readonly ttsCharacters?: string | undefined;
  /** `--metered-via`: tool-call (default) or api. */
  readonly meteredVia?: MeteredVia | undefined;
  /** `--accept-secondary-prices`: use third-party figures where DeepSeek published none (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean | undefined;
}

/**
 * Registers `seekcost price`.
 *
 * @example
 * ```ts
 * registerPrice(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerPrice: RegisterCommand = (program, { io, exit }) => {
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
    .option('--search <n>', 'web searches billed with the request (server-side tool calls unless --metered-via api)')
    .option('--fetch <n>', 'pages fetched (read_url) billed with the request')
    .option('--ocr-pages <n>', 'pages of file parsing / OCR')
    .option('--tts-characters <n>', 'characters of speech synthesis (TTS)')
    .addOption(new Option('--metered-via <way>', 'how the metered calls were made').choices(['tool-call', 'api']))
    .option('--accept-secondary-prices', 'use third-party figures where DeepSeek published none (USD search/fetch)', false)
    .action(async (o: Omit<PriceCommandOptions, 'at'> & { readonly at?: string }) => {
      exit(await runPrice({ ...o, at: o.at }, io));
    });
};

/**
 * `seekcost price`: the exact cost of one request, line by line, with the period, tier and source.
 * A share of cache hits (`--cache-hit 40%`) is rounded down to whole tokens. Metered items
 * (`--search`, `--fetch`, `--ocr-pages`, `--tts-characters`) add a line each with its own source.
 *
 * @example
 * ```ts
 * await runPrice({ model: 'deepseek-v4-pro', input: '10000', cacheHit: '40%', output: '2000', at: '2026-09-01T02:00:00Z', currency: 'USD', json: false }, io);
 * ```
 */
export async function runPrice(options: PriceCommandOptions, io: CliIo): Promise<ExitCode> {
  const input = wholeNumber(options.input, '--input');
  const output = wholeNumber(options.output, '--output');
  const cacheHit = cacheHitTokens(options.cacheHit, input);
  // The same strict parser as the library and the ledger; the error names the flag.
  const at = options.at === undefined ? io.now() : toEpochMs(options.at, '--at');
  const metered = meteredCounts(options);
  const quote = priceRequest({
    model: options.model,
    usage: { inputTokens: input, cacheHitInputTokens: cacheHit, outputTokens: output },
    at,
    currency: options.currency,
    ...(metered === undefined ? {} : { metered }),
    ...(options.meteredVia === undefined ? {} : { meteredVia: options.meteredVia }),
    ...(options.acceptSecondaryPrices === true ? { acceptSecondaryPrices: true } : {}),
  });
  io.stdout.write(options.json ? jsonText(quote) : terminalLines(priceText(quote)));
  return EXIT.OK;
}

/**
 * A quote as text: the three billed lines, the total, then where the price came from.
 *
 * @example
 * ```ts
 * priceText(priceRequest({ model: 'deepseek-chat', usage, at }));
 * ```
 */
export function priceText(quote: Quote): string {
  const names = { 'input-cache-hit': 'input (cache hit)', 'input-cache-miss': 'input (cache miss)', output: 'output' } as const;
  // With per-call lines the price column mixes units, so each price names its unit.
  const mixed = quote.meteredLines.length > 0;
  const rows = quote.lines.map((l) => [
    names[l.component],
    l.tokens.toLocaleString('en-US'),
    mixed ? `${l.unitPrice.toFixed()} /1M` : l.unitPrice.toFixed(),
    l.amount.toFixed(),
  ]);
  for (const m of quote.meteredLines)
    rows.push([
      `${m.item} (${m.provenance.via})`,
      `${m.count.toLocaleString('en-US')} ${m.unit}${m.count === 1 ? '' : 's'}`,
      `${m.unitPrice.toFixed()} /${m.unitSize.toLocaleString('en-US')}`,
      m.amount.toFixed(),
    ]);
  rows.push(['total', '', '', quote.total.toFixed()]);
  const p = quote.provenance;
  const lines = [
    renderTable(
      ['component', mixed ? 'count' : 'tokens', mixed ? `unit price (${quote.currency})` : `per 1M (${quote.currency})`, `amount (${quote.currency})`],
      rows,
      new Set([1, 2, 3]),
    ).trimEnd(),
    '',
    `model:      ${p.requestedModel}${p.model !== p.requestedModel ? ` (billed as ${p.model}${p.mode === null ? '' : `, ${p.mode}`})` : ''}`,
    `priced at:  ${p.pricedAt.toISOString()} (${p.instantBasis} time)`,
    `period:     ${p.periodId}, tier ${p.tier}`,
    `source:     ${p.source.url} (checked ${p.source.checked}), confidence ${p.confidence}`,
    ...quote.meteredLines.map(
      (m) =>
        `${`${m.item}: `.padEnd(12)}${m.provenance.periodId}, ${m.provenance.source.url} (checked ${m.provenance.source.checked}), ${m.provenance.published ? '' : 'not published by DeepSeek, '}confidence ${m.provenance.confidence}`,
    ),
    ...quote.warnings.map((w) => `warning:    ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

function meteredCounts(options: PriceCommandOptions): MeteredCounts | undefined {
  const flags = [
    ['search', options.search, '--search'],
    ['fetch', options.fetch, '--fetch'],
    ['ocrPages', options.ocrPages, '--ocr-pages'],
    ['ttsCharacters', options.ttsCharacters, '--tts-characters'],
  ] as const;
  const counts: Partial<Record<(typeof flags)[number][0], number>> = {};
  for (const [item, text, option] of flags) if (text !== undefined) counts[item] = wholeNumber(text, option, 'calls, pages or characters');
  return Object.keys(counts).length === 0 ? undefined : counts;
}

function wholeNumber(text: string, option: string, unit = 'tokens'): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option}: must be a whole number of ${unit}, got '${text}'`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UsageError(`${option}: ${text} is too large to count exactly`);
  return value;
}

function cacheHitTokens(text: string, input: number): number {
  const share = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (share !== null) {
    // Integer arithmetic on the percentage's digits keeps 40% of 10,000 at exactly 4,000; the scale
    // is a BigInt power too, as a float 10 ** 24 and beyond is off and 40.000…0% came out as 3,999.
    // The 100% bound is checked the same way: as a float, 100.00000000000000000001% was 100%.
    const [whole = '0', fraction = ''] = (share[1] ?? '0').split('.');
    const scale = 10n ** BigInt(fraction.length);
    const digits = BigInt(whole + fraction);
    if (digits > 100n * scale) throw new UsageError(`--cache-hit: a share must be at most 100%, got ${text}`);
    return Number((BigInt(input) * digits) / (100n * scale));
  }
  const count = wholeNumber(text, '--cache-hit');
  if (count > input) throw new UsageError(`--cache-hit: ${count} exceeds --input (${input})`);
  return count;
}
