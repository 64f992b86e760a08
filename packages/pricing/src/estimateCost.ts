import { checkLimits, type LimitCheck } from './checkLimits.ts';
import { Decimal } from './decimal.ts';
import { describeValue } from './describeValue.ts';
import { InvalidArgumentError } from './errors.ts';
import { validateTokenCount } from './normalizeUsage.ts';
import type { QuoteComponent } from './priceRequest.ts';
import { resolvePrice, type PriceWarning, type Provenance } from './resolvePrice.ts';
import { priceMetered, type MeteredCounts, type MeteredLine } from './priceMetered.ts';
import type { Currency, MeteredVia } from './schema/tariffSchema.ts';
import type { Tariff } from './tariff.ts';

/**
 * One component of a forward estimate: expected tokens (possibly fractional) x unit price.
 *
 * @example
 * ```ts
 * const [hit, miss, output]: readonly EstimateLine[] = estimateCost({ model: 'deepseek-v4-pro', at, inputTokens: 1000, cacheHitShare: 0.5, outputTokens: 100 }).lines;
 * hit.tokens.toString(); // => '500'
 * ```
 */
export interface EstimateLine {
  readonly component: QuoteComponent;
  /** Expected tokens per request: input x share can be fractional, and is kept exact. */
  readonly tokens: Decimal;
  readonly unitPrice: Decimal;
  readonly amount: Decimal;
}

/**
 * What a workload is expected to cost at an instant.
 *
 * @example
 * ```ts
 * const estimate: CostEstimate = estimateCost({ model: 'deepseek-v4-flash', at: '2026-09-01T02:00:00Z', inputTokens: 10_000, cacheHitShare: 0.4, outputTokens: 1_000 });
 * estimate.perRequest.toString(); // => '0.004016'
 * ```
 */
export interface CostEstimate {
  readonly currency: Currency;
  readonly lines: readonly [EstimateLine, EstimateLine, EstimateLine];
  /** Metered charges of one request (search, fetch, OCR pages, TTS characters): one line per item counted. */
  readonly meteredLines: readonly MeteredLine[];
  /** Expected cost of one request, metered lines included. */
  readonly perRequest: Decimal;
  readonly requests: number;
  /** perRequest x requests. */
  readonly total: Decimal;
  readonly provenance: Provenance;
  readonly limits: LimitCheck;
  readonly warnings: readonly PriceWarning[];
}

/**
 * Arguments of {@link estimateCost}.
 *
 * @example
 * ```ts
 * const options: EstimateCostOptions = { model: 'deepseek-v4-pro', at: new Date(), inputTokens: 2000, cacheHitShare: '0.25', outputTokens: 400, requests: 10_000, currency: 'CNY' };
 * ```
 */
export interface EstimateCostOptions {
  readonly model: string;
  readonly at: Date | number | string;
  /** Input (prompt) tokens per request. */
  readonly inputTokens: number;
  /** Expected share of input served from the cache, 0 to 1 with at most 20 decimals (a number or a decimal string like '0.4'). */
  readonly cacheHitShare?: number | string;
  /** Output tokens per request, reasoning included. */
  readonly outputTokens: number;
  /** How many such requests (a whole number, default 1). */
  readonly requests?: number;
  readonly currency?: Currency;
  readonly tariff?: Tariff;
  /** Metered items per request (whole numbers), e.g. `{ search: 2, fetch: 1 }`. */
  readonly metered?: MeteredCounts;
  /** `tool-call` (default) or `api`: see {@link priceMetered}. */
  readonly meteredVia?: MeteredVia;
  /** Use a third-party figure where DeepSeek published no price in the currency (USD search/fetch). */
  readonly acceptSecondaryPrices?: boolean;
}

/**
 * A forward estimate: input tokens, the expected cache-hit share and output tokens (times a request
 * count) priced at an instant, exactly, plus metered items per request (searches, fetches, OCR pages,
 * TTS characters), with a check against the model's context length and maximum
 * output (an estimate that exceeds them carries an `exceeds-limits` warning).
 *
 * @example
 * ```ts
 * const e = estimateCost({ model: 'deepseek-v4-flash', at: '2026-09-01T02:00:00Z', inputTokens: 10_000, cacheHitShare: 0.4, outputTokens: 1_000, requests: 1000 });
 * e.provenance.tier; // => 'peak'
 * // (4000 x 0.014 + 6000 x 0.44 + 1000 x 1.32) / 1M:
 * e.perRequest.toString(); // => '0.004016'
 * e.total.toString(); // => '4.016'
 *
 * // Two server-side searches per request add CNY 0.01 each request (CNY 5 per 1,000):
 * const s = estimateCost({ model: 'deepseek-flash', at: '2026-11-20T12:00:00Z', inputTokens: 0, outputTokens: 0, metered: { search: 2 }, requests: 1000, currency: 'CNY' });
 * s.perRequest.toString(); // => '0.01'
 * s.total.toString(); // => '10'
 * ```
 */
export function estimateCost(options: EstimateCostOptions): CostEstimate {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', `must be an object, got ${describeValue(options)}`);
  const input = validateTokenCount(options.inputTokens, 'inputTokens');
  const output = validateTokenCount(options.outputTokens, 'outputTokens');
  const requests = options.requests ?? 1;
  if (typeof requests !== 'number' || !Number.isSafeInteger(requests) || requests < 0) {
    throw new InvalidArgumentError('requests', `must be a whole number of requests, got ${describeValue(requests)}`);
  }
  const share = parseShare(options.cacheHitShare ?? 0);
  const price = resolvePrice(options);
  const hitTokens = share.times(input);
  const missTokens = new Decimal(input).minus(hitTokens);
  const perMillion = (tokens: Decimal, unitPrice: Decimal) => tokens.times(unitPrice).div(1_000_000);
  const lines = [
    { component: 'input-cache-hit', tokens: hitTokens, unitPrice: price.rates.cacheHit, amount: perMillion(hitTokens, price.rates.cacheHit) },
    { component: 'input-cache-miss', tokens: missTokens, unitPrice: price.rates.cacheMiss, amount: perMillion(missTokens, price.rates.cacheMiss) },
    { component: 'output', tokens: new Decimal(output), unitPrice: price.rates.output, amount: perMillion(new Decimal(output), price.rates.output) },
  ] as const satisfies readonly EstimateLine[];
  const metered =
    options.metered === undefined
      ? undefined
      : priceMetered({
          ...options,
          counts: options.metered,
          at: price.provenance.pricedAt,
          currency: price.provenance.currency,
          ...(options.meteredVia === undefined ? {} : { via: options.meteredVia }),
        });
  let perRequest = lines[0].amount.plus(lines[1].amount).plus(lines[2].amount);
  if (metered !== undefined) perRequest = perRequest.plus(metered.total);
  const limits = checkLimits({ ...options, inputTokens: input, outputTokens: output });
  const warnings = [...price.warnings, ...(metered?.warnings ?? []), ...limits.exceeded.map((e) => ({ code: 'exceeds-limits' as const, message: e.message }))];
  return {
    currency: price.provenance.currency,
    lines,
    meteredLines: metered?.lines ?? [],
    perRequest,
    requests,
    total: perRequest.times(requests),
    provenance: price.provenance,
    limits,
    warnings,
  };
}

const MAX_SHARE_DECIMALS = 20;

function parseShare(value: number | string): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new InvalidArgumentError('cacheHitShare', `must be between 0 and 1, got ${value}`);
  if (typeof value !== 'number' && typeof value !== 'string')
    throw new InvalidArgumentError('cacheHitShare', `must be a number or decimal string, got ${describeValue(value)}`);
  let share: Decimal;
  try {
    // String(number) is the shortest decimal that round-trips, so 0.4 becomes exactly 0.4.
    share = new Decimal(typeof value === 'number' ? String(value) : value.trim());
  } catch {
    throw new InvalidArgumentError('cacheHitShare', `is not a number: ${describeValue(value)}`);
  }
  if (share.isNaN() || share.lt(0) || share.gt(1)) throw new InvalidArgumentError('cacheHitShare', `must be between 0 and 1, got ${describeValue(value)}`);
  // Past 20 decimals (a share like 5e-324), input minus the hit tokens would need more digits than
  // the Decimal precision keeps: refuse rather than round a token count.
  if (share.decimalPlaces() > MAX_SHARE_DECIMALS)
    throw new InvalidArgumentError('cacheHitShare', `has more than ${MAX_SHARE_DECIMALS} decimals, got ${describeValue(value)}`);
  return share;
}
