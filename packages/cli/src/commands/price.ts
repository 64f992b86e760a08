import { priceRequest, toEpochMs, type Currency, type Quote } from '@seekcost/pricing';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import type { CliIo } from '../io.ts';
import { renderTable } from '../table.ts';
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
}

/**
 * `seekcost price`: the exact cost of one request, line by line, with the period, tier and source.
 * A share of cache hits (`--cache-hit 40%`) is rounded down to whole tokens.
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
  const quote = priceRequest({ model: options.model, usage: { inputTokens: input, cacheHitInputTokens: cacheHit, outputTokens: output }, at, currency: options.currency });
  io.stdout.write(options.json ? `${JSON.stringify(quote, null, 2)}\n` : priceText(quote));
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
  const rows = quote.lines.map((l) => [names[l.component], l.tokens.toLocaleString('en-US'), l.unitPrice.toFixed(), l.amount.toFixed()]);
  rows.push(['total', '', '', quote.total.toFixed()]);
  const p = quote.provenance;
  const lines = [
    renderTable(['component', 'tokens', `per 1M (${quote.currency})`, `amount (${quote.currency})`], rows, new Set([1, 2, 3])).trimEnd(),
    '',
    `model:      ${p.requestedModel}${p.model !== p.requestedModel ? ` (billed as ${p.model}${p.mode === null ? '' : `, ${p.mode}`})` : ''}`,
    `priced at:  ${p.pricedAt.toISOString()} (${p.instantBasis} time)`,
    `period:     ${p.periodId}, tier ${p.tier}`,
    `source:     ${p.source.url} (checked ${p.source.checked}), confidence ${p.confidence}`,
    ...quote.warnings.map((w) => `warning:    ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option}: must be a whole number of tokens, got '${text}'`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UsageError(`${option}: ${text} is too large to count exactly`);
  return value;
}

function cacheHitTokens(text: string, input: number): number {
  const share = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (share !== null) {
    const percent = Number(share[1]);
    if (percent > 100) throw new UsageError(`--cache-hit: a share must be at most 100%, got ${text}`);
    // Integer arithmetic on the percentage's digits keeps 40% of 10,000 at exactly 4,000.
    const [whole = '0', fraction = ''] = (share[1] ?? '0').split('.');
    const scale = 10 ** fraction.length;
    return Number((BigInt(input) * BigInt(whole + fraction)) / BigInt(100 * scale));
  }
  const count = wholeNumber(text, '--cache-hit');
  if (count > input) throw new UsageError(`--cache-hit: ${count} exceeds --input (${input})`);
  return count;
}
