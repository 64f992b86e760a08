import type { Decimal } from './decimal.ts';
import { describeValue } from './describeValue.ts';
import { InvalidArgumentError } from './errors.ts';
import { exactAmount } from './exactAmount.ts';
import { normalizeUsage, type TokenCounts, type UsageInput } from './normalizeUsage.ts';
import { resolvePrice, type PriceWarning, type Provenance, type ResolvedPrice } from './resolvePrice.ts';
import { priceMetered, type MeteredCounts, type MeteredLine } from './priceMetered.ts';
import type { Currency, MeteredVia } from './schema/tariffSchema.ts';
import type { Tariff } from './tariff.ts';
import { REQUEST_BASIS_HORIZON_MS } from './rules.ts';

/**
 * The three billed components of a DeepSeek request.
 *
 * @example
 * ```ts
 * const component: QuoteComponent = 'input-cache-miss';
 * ```
 */
export type QuoteComponent = 'input-cache-hit' | 'input-cache-miss' | 'output';

/**
 * One billed component: tokens x unit price (per 1M tokens) = amount.
 *
 * @example
 * ```ts
 * const [hit, miss, output]: readonly QuoteLine[] = quote.lines;
 * `${miss.tokens} x ${miss.unitPrice}/M = ${miss.amount}`; // => '6000 x 0.27/M = 0.00162'
 * ```
 */
export interface QuoteLine {
  readonly component: QuoteComponent;
  readonly tokens: number;
  /** Price per 1M tokens, exact. */
  readonly unitPrice: Decimal;
  /** tokens x unitPrice / 1M, exact (computed on first read). */
  readonly amount: Decimal;
}

/**
 * The exact cost of one request, line by line, with where the price came from.
 *
 * @example
 * ```ts
 * const quote: Quote = priceRequest({ model: 'deepseek-v4-pro', usage: response.usage, at: new Date() });
 * quote.total.toFixed(6); // exact Decimal, rounded only here
 * ```
 */
export interface Quote {
  readonly currency: Currency;
  /** Token lines plus metered lines. */
  readonly total: Decimal;
  readonly lines: readonly [QuoteLine, QuoteLine, QuoteLine];
  /** One line per metered item counted (search, fetch, OCR pages, TTS characters); empty for token-only requests. */
  readonly meteredLines: readonly MeteredLine[];
  readonly tokens: TokenCounts;
  readonly provenance: Provenance & { readonly instantBasis: InstantBasis };
  readonly warnings: readonly PriceWarning[];
}

/**
 * What `at` is: DeepSeek prices a request by its completion time ("the completion timestamp of each
 * request determines its pricing tier"), so that is the default; say `'request'` when you only have
 * the time it was sent (an API response's `created`), and the quote warns when a tier change is near.
 *
 * @example
 * ```ts
 * priceRequest({ model, usage, at: response.created * 1000, instant: 'request' satisfies InstantBasis });
 * ```
 */
export type InstantBasis = 'completion' | 'request';

/**
 * Arguments of {@link priceRequest}.
 *
 * @example
 * ```ts
 * const options: PriceRequestOptions = { model: 'deepseek-chat', usage: { inputTokens: 6000, outputTokens: 800 }, at: '2025-03-01T12:00:00Z', currency: 'USD' };
 * ```
 */
export interface PriceRequestOptions {
  /** The model id as sent to the API (`deepseek-chat`, `deepseek-v4-pro`, ...). */
  readonly model: string;
  /** Usage as the API returned it (any shape {@link normalizeUsage} reads) or plain counts. */
  readonly usage: UsageInput;
  /** When the request completed (or was sent: see `instant`). */
  readonly at: Date | number | string;
  readonly currency?: Currency;
  readonly instant?: InstantBasis;
  /** Price data to use; defaults to the bundled history. */
  readonly tariff?: Tariff;
  /**
   * Counts of charges that are not tokens made for this request, e.g. `{ search: 3, fetch: 1 }`.
   * DeepSeek's usage objects do not report them (see {@link normalizeUsage}): pass them here.
   */
  readonly metered?: MeteredCounts;
  /** How the metered calls were made: `tool-call` (default, server-side during the request) or `api`. */
  readonly meteredVia?: MeteredVia;
  /** Use a third-party figure where DeepSeek published no price in the currency (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean;
}

/**
 * The exact cost of one DeepSeek API request: usage x the unit prices in force for that model at that
 * instant (aliases, retirements, discount / peak windows, weekdays and holidays applied), as a
 * Decimal total, one line per billed component, and provenance (period, tier, source, confidence).
 * Charges that are not tokens (`metered`: search, fetch, OCR pages, TTS characters) add one line
 * each to `meteredLines`, with their own provenance, and to the total.
 * Bad input throws a typed error naming the field; it never returns NaN or a float.
 *
 * @example
 * ```ts
 * import { priceRequest } from '@seekcost/pricing';
 * const quote = priceRequest({
 *   model: 'deepseek-chat',
 *   usage: { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800 },
 *   at: '2025-03-01T12:00:00Z',
 * });
 * quote.total.toString(); // => '0.0025'
 * quote.lines.map((l) => l.amount.toString()); // => ['0', '0.00162', '0.00088']
 * quote.provenance.tier; // => 'standard'
 *
 * // Server-side tool calls are billed per call on top of tokens (CNY 5 per 1,000 searches):
 * const withSearch = priceRequest({
 *   model: 'deepseek-v4-flash-vision-exp',
 *   usage: { inputTokens: 0, outputTokens: 0 },
 *   metered: { search: 3 },
 *   at: '2026-11-20T12:00:00Z',
 *   currency: 'CNY',
 * });
 * withSearch.meteredLines[0]?.amount.toString(); // => '0.015'
 * withSearch.total.toString(); // => '0.015'
 * ```
 */
export function priceRequest(options: PriceRequestOptions): Quote {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', `must be an object, got ${describeValue(options)}`);
  const basis = options.instant ?? 'completion';
  if (basis !== 'completion' && basis !== 'request')
    throw new InvalidArgumentError('instant', `must be 'completion' or 'request', got ${describeValue(basis)}`);
  const normalized = normalizeUsage(options.usage);
  const resolved = resolvePrice(options);
  let warnings = normalized.warnings.length === 0 ? resolved.warnings : [...resolved.warnings, ...normalized.warnings];
  if (basis === 'request') warnings = [...warnings, requestBasisWarning(options, resolved)];
  const quote = quoteFrom(resolved, normalized.counts, basis, warnings);
  if (options.metered === undefined) return quote;
  return withMetered(quote, options);
}

// Only requests with metered counts pay for this: token-only quotes return above unchanged.
function withMetered(quote: Quote, options: PriceRequestOptions): Quote {
  const metered = priceMetered({
    counts: options.metered as MeteredCounts,
    at: quote.provenance.pricedAt,
    currency: quote.currency,
    ...(options.meteredVia === undefined ? {} : { via: options.meteredVia }),
    ...(options.acceptSecondaryPrices === undefined ? {} : { acceptSecondaryPrices: options.acceptSecondaryPrices }),
    ...(options.tariff === undefined ? {} : { tariff: options.tariff }),
  });
  if (metered.lines.length === 0) return quote;
  return {
    currency: quote.currency,
    total: quote.total.plus(metered.total),
    lines: quote.lines,
    meteredLines: metered.lines,
    tokens: quote.tokens,
    provenance: quote.provenance,
    warnings: metered.warnings.length === 0 ? quote.warnings : [...quote.warnings, ...metered.warnings],
  };
}

const NO_METERED_LINES: readonly MeteredLine[] = Object.freeze([]);

/**
 * A quote for token counts already normalised and a price already resolved: the hot path shared by
 * {@link priceRequest} and the ledger.
 *
 * @example
 * ```ts
 * const price = resolvePrice({ model: 'deepseek-v4-flash', at: '2026-05-01T00:00:00Z' });
 * quoteFrom(price, { cacheHitInputTokens: 1000, cacheMissInputTokens: 0, outputTokens: 0 }, 'completion', []).total.toString(); // => '0.0000028'
 * ```
 */
export function quoteFrom(resolved: ResolvedPrice, counts: TokenCounts, basis: InstantBasis, warnings: readonly PriceWarning[]): Quote {
  const { units } = resolved.rates;
  const total = exactAmount(
    [counts.cacheHitInputTokens, counts.cacheMissInputTokens, counts.outputTokens],
    [units.cacheHit, units.cacheMiss, units.output],
    resolved.scale,
  );
  return {
    currency: resolved.provenance.currency,
    total,
    lines: [
      new LazyLine('input-cache-hit', counts.cacheHitInputTokens, resolved.rates.cacheHit, units.cacheHit, resolved.scale),
      new LazyLine('input-cache-miss', counts.cacheMissInputTokens, resolved.rates.cacheMiss, units.cacheMiss, resolved.scale),
      new LazyLine('output', counts.outputTokens, resolved.rates.output, units.output, resolved.scale),
    ],
    meteredLines: NO_METERED_LINES,
    tokens: counts,
    provenance: withInstantBasis(resolved.provenance, basis),
    warnings,
  };
}

// Written out field by field (same own properties, same order): on Node 20's V8,
// `{ ...provenance, instantBasis }` takes a slow path that cost ~1 us, more than all the rest of a
// quote together (bench/pricing/priceRequests.bench.ts, docs/benchmarks.md).
function withInstantBasis(p: Provenance, basis: InstantBasis): Quote['provenance'] {
  return {
    requestedModel: p.requestedModel,
    model: p.model,
    mode: p.mode,
    periodId: p.periodId,
    tier: p.tier,
    currency: p.currency,
    source: p.source,
    confidence: p.confidence,
    pricedAt: p.pricedAt,
    instantBasis: basis,
  };
}

// Lines compute their Decimal amount only when read: most callers (ledgers, dashboards) read the
// total, and a Decimal per line would triple the cost of a quote.
class LazyLine implements QuoteLine {
  readonly component: QuoteComponent;
  readonly tokens: number;
  readonly unitPrice: Decimal;
  readonly #units: number;
  readonly #scale: number;
  #amount: Decimal | undefined;
  constructor(component: QuoteComponent, tokens: number, unitPrice: Decimal, units: number, scale: number) {
    this.component = component;
    this.tokens = tokens;
    this.unitPrice = unitPrice;
    this.#units = units;
    this.#scale = scale;
  }
  get amount(): Decimal {
    this.#amount ??= exactAmount([this.tokens], [this.#units], this.#scale);
    return this.#amount;
  }
  toJSON(): { component: QuoteComponent; tokens: number; unitPrice: string; amount: string } {
    return { component: this.component, tokens: this.tokens, unitPrice: this.unitPrice.toString(), amount: this.amount.toString() };
  }
}

function requestBasisWarning(options: PriceRequestOptions, resolved: ResolvedPrice): PriceWarning {
  const atMs = resolved.provenance.pricedAt.getTime();
  const message = `priced at the request time ${resolved.provenance.pricedAt.toISOString()}; DeepSeek bills by completion time`;
  try {
    const later = resolvePrice({ ...options, at: atMs + REQUEST_BASIS_HORIZON_MS });
    if (later.rates !== resolved.rates) {
      return {
        code: 'request-time-basis',
        message: `${message}, and the price changes within 10 minutes (to ${later.provenance.tier} in ${later.provenance.periodId}), so a slow request may cost differently`,
      };
    }
  } catch {
    return { code: 'request-time-basis', message: `${message}, and the model is retired or unpriced within 10 minutes` };
  }
  return { code: 'request-time-basis', message };
}
