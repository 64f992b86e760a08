/**
 * Base class of every error seekcost throws on purpose: a stable `code` to switch on and a message
 * that names the field and the reason.
 *
 * @example
 * ```ts
 * let caught: unknown;
 * try { priceRequest({ model: 'deepseek-chat', usage: { prompt_tokens: -1 }, at: '2025-03-01T12:00:00Z' }); }
 * catch (error) { caught = error; }
 * caught instanceof SeekcostError; // => true
 * (caught as SeekcostError).code; // => 'INVALID_USAGE'
 * ```
 */
export class SeekcostError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * A token count or usage object that cannot be priced: negative, fractional, non-numeric, NaN,
 * Infinity, cache hits above prompt tokens, or fields that disagree. `field` is the path, e.g.
 * `usage.prompt_cache_hit_tokens`.
 *
 * @example
 * ```ts
 * priceRequest({ model: 'deepseek-chat', usage: { prompt_tokens: 1 }, at: '2025-03-01T12:00:00Z' }); // throws InvalidUsageError
 * const error = new InvalidUsageError('usage.prompt_tokens', 'must be a non-negative integer, got -1');
 * error.message; // => 'usage.prompt_tokens: must be a non-negative integer, got -1'
 * error.code; // => 'INVALID_USAGE'
 * ```
 */
export class InvalidUsageError extends SeekcostError {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super('INVALID_USAGE', `${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/**
 * An argument other than usage that is out of range or of the wrong kind (a cache-hit share above 1,
 * a request count of 0.5, an unknown rounding mode...). `field` names the argument.
 *
 * @example
 * ```ts
 * estimateCost({ model: 'deepseek-v4-pro', at: '2026-09-01T00:00:00Z', inputTokens: 1, outputTokens: 1, cacheHitShare: 1.2 }); // throws InvalidArgumentError
 * const error = new InvalidArgumentError('cacheHitShare', 'must be between 0 and 1, got 1.2');
 * [error.code, error.field]; // => ['INVALID_ARGUMENT', 'cacheHitShare']
 * ```
 */
export class InvalidArgumentError extends SeekcostError {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super('INVALID_ARGUMENT', `${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/**
 * The instant is not a valid date (an Invalid Date, NaN, a string that does not parse).
 *
 * @example
 * ```ts
 * resolvePrice({ model: 'deepseek-v4-pro', at: 'not a date' }); // throws InvalidInstantError
 * const error = new InvalidInstantError('at', 'is an Invalid Date');
 * [error.code, error.message]; // => ['INVALID_INSTANT', 'at: is an Invalid Date']
 * ```
 */
export class InvalidInstantError extends SeekcostError {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super('INVALID_INSTANT', `${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/**
 * The instant lies before the first price in the history: seekcost has no price for it.
 *
 * @example
 * ```ts
 * let error: BeforeHistoryError | undefined;
 * try { resolvePrice({ model: 'deepseek-chat', at: '2024-01-01T00:00:00Z' }); } catch (e) { error = e as BeforeHistoryError; }
 * error?.historyStart.toISOString(); // => '2024-08-02T00:00:00.000Z'
 * ```
 */
export class BeforeHistoryError extends SeekcostError {
  readonly at: Date;
  readonly historyStart: Date;
  constructor(at: Date, historyStart: Date) {
    super('BEFORE_HISTORY', `at: ${at.toISOString()} is before the price history, which starts at ${historyStart.toISOString()}`);
    this.at = at;
    this.historyStart = historyStart;
  }
}

/**
 * The model id is not in the price data at all. `suggestions` holds the nearest known ids.
 *
 * @example
 * ```ts
 * let error: UnknownModelError | undefined;
 * try { resolvePrice({ model: 'deepseek-caht', at: '2025-03-01T00:00:00Z' }); } catch (e) { error = e as UnknownModelError; }
 * error?.suggestions; // => ['deepseek-chat', 'deepseek-coder', 'deepseek-flash']
 * ```
 */
export class UnknownModelError extends SeekcostError {
  readonly model: string;
  readonly suggestions: readonly string[];
  constructor(model: string, suggestions: readonly string[]) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : '';
    super('UNKNOWN_MODEL', `model: '${model}' is not a known DeepSeek model id${hint}`);
    this.model = model;
    this.suggestions = suggestions;
  }
}

/**
 * The model id was retired before the instant: DeepSeek rejects such requests, so there is no price.
 *
 * @example
 * ```ts
 * let error: RetiredModelError | undefined;
 * try { resolvePrice({ model: 'deepseek-chat', at: '2026-09-01T00:00:00Z' }); } catch (e) { error = e as RetiredModelError; }
 * error?.retiredAt.toISOString(); // => '2026-07-24T15:59:00.000Z'
 * ```
 */
export class RetiredModelError extends SeekcostError {
  readonly model: string;
  readonly at: Date;
  readonly retiredAt: Date;
  constructor(model: string, at: Date, retiredAt: Date) {
    super('RETIRED_MODEL', `model: '${model}' was retired at ${retiredAt.toISOString()}; no price at ${at.toISOString()}`);
    this.model = model;
    this.at = at;
    this.retiredAt = retiredAt;
  }
}

/**
 * The id is known, but the history has no price for it at that instant (before it launched, or
 * after the last instant any source prices it).
 *
 * @example
 * ```ts
 * let error: ModelNotAvailableError | undefined;
 * try { resolvePrice({ model: 'deepseek-reasoner', at: '2025-01-01T00:00:00Z' }); } catch (e) { error = e as ModelNotAvailableError; }
 * error?.availableFrom?.toISOString(); // => '2025-01-20T00:00:00.000Z'
 * ```
 */
export class ModelNotAvailableError extends SeekcostError {
  readonly model: string;
  readonly at: Date;
  readonly availableFrom: Date | undefined;
  readonly availableUntil: Date | undefined;
  constructor(model: string, at: Date, availableFrom: Date | undefined, availableUntil: Date | undefined) {
    const range = `${availableFrom?.toISOString() ?? '?'} to ${availableUntil?.toISOString() ?? 'now'}`;
    super('MODEL_NOT_AVAILABLE', `model: '${model}' has no price at ${at.toISOString()}; it is priced from ${range}`);
    this.model = model;
    this.at = at;
    this.availableFrom = availableFrom;
    this.availableUntil = availableUntil;
  }
}

/**
 * The period in force did not publish a price in that currency.
 *
 * @example
 * ```ts
 * const error = new CurrencyNotPublishedError('EUR', 'deepseek-v4-pro/2026-08-16');
 * error.message; // => "currency: 'EUR' is not published for period deepseek-v4-pro/2026-08-16"
 * ```
 */
export class CurrencyNotPublishedError extends SeekcostError {
  readonly currency: string;
  readonly periodId: string;
  constructor(currency: string, periodId: string) {
    super('CURRENCY_NOT_PUBLISHED', `currency: '${currency}' is not published for period ${periodId}`);
    this.currency = currency;
    this.periodId = periodId;
  }
}

/**
 * One problem found in price data: where (`path`, e.g. `models.deepseek-chat.periods.2.to`) and why.
 *
 * @example
 * ```ts
 * const issue: PriceDataIssue = { path: 'models.deepseek-chat.periods.3.from', reason: 'leaves a gap after the previous period' };
 * ```
 */
export interface PriceDataIssue {
  readonly path: string;
  readonly reason: string;
}

/**
 * Price data that is malformed, overlapping, gapped or unsourced. `issues` lists every problem with
 * the path of the bad field; the message shows the first few.
 *
 * @example
 * ```ts
 * let error: PriceDataError | undefined;
 * try { compileTariff({ formatVersion: 2 }); } catch (e) { error = e as PriceDataError; }
 * error instanceof PriceDataError; // => true
 * error?.issues[0]?.path; // => 'provider'
 * ```
 */
export class PriceDataError extends SeekcostError {
  readonly issues: readonly PriceDataIssue[];
  constructor(issues: readonly PriceDataIssue[]) {
    const shown = issues
      .slice(0, 5)
      .map((i) => `${i.path || '(root)'}: ${i.reason}`)
      .join('; ');
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : '';
    super('INVALID_PRICE_DATA', `invalid price data: ${shown}${more}`);
    this.issues = issues;
  }
}

/**
 * A metered-item count under a name the price data does not know (`metered.serch`), or an item the
 * data (e.g. format 1) does not price. `known` lists the names it does know.
 *
 * @example
 * ```ts
 * const error = new UnknownMeteredItemError('metered.serch', 'serch', ['search', 'fetch']);
 * error.message; // => 'metered.serch: "serch" is not a metered item in the price data (known: search, fetch)'
 * ```
 */
export class UnknownMeteredItemError extends SeekcostError {
  readonly field: string;
  readonly item: string;
  readonly known: readonly string[];
  constructor(field: string, item: string, known: readonly string[]) {
    // JSON.stringify escapes control characters: an item name comes from caller input (log lines).
    super('UNKNOWN_METERED_ITEM', `${field}: ${JSON.stringify(item)} is not a metered item in the price data (known: ${known.join(', ') || 'none'})`);
    this.field = field;
    this.item = item;
    this.known = known;
  }
}

/**
 * A metered item that had no price at the instant for that way of calling it: before it existed
 * (e.g. OCR before its 2026-11-13 launch), or an item DeepSeek names but never priced (ASR).
 *
 * @example
 * ```ts
 * let error: MeteredItemNotAvailableError | undefined;
 * try { priceMetered({ counts: { ocrPages: 1 }, at: '2026-11-01T00:00:00Z', currency: 'CNY' }); } catch (e) { error = e as MeteredItemNotAvailableError; }
 * error?.availableFrom?.toISOString(); // => '2026-11-12T16:00:00.000Z'
 * ```
 */
export class MeteredItemNotAvailableError extends SeekcostError {
  readonly field: string;
  readonly item: string;
  readonly at: Date;
  readonly availableFrom: Date | undefined;
  readonly unpriced: boolean;
  constructor(field: string, item: string, via: string, at: Date, availableFrom: Date | undefined, unpriced: boolean) {
    const reason = unpriced
      ? `'${item}' exists but DeepSeek has published no price for it, so it cannot be priced (never 0)`
      : `'${item}' (via ${via}) has no price at ${at.toISOString()}; ${availableFrom === undefined ? 'it is never priced that way' : `it is priced from ${availableFrom.toISOString()}`}`;
    super(unpriced ? 'UNPRICED_METERED_ITEM' : 'METERED_ITEM_NOT_AVAILABLE', `${field}: ${reason}`);
    this.field = field;
    this.item = item;
    this.at = at;
    this.availableFrom = availableFrom;
    this.unpriced = unpriced;
  }
}

/**
 * No price for a metered item in that currency: DeepSeek did not publish it, and either no
 * third-party figure exists or the caller did not accept one (`acceptSecondaryPrices`).
 *
 * @example
 * ```ts
 * // Search in USD has only a third-party quote ($0.75 per 1,000):
 * let error: MeteredPriceNotPublishedError | undefined;
 * try { priceMetered({ counts: { search: 1 }, at: '2026-11-20T00:00:00Z', currency: 'USD' }); } catch (e) { error = e as MeteredPriceNotPublishedError; }
 * error?.secondaryAvailable; // => true
 * ```
 */
export class MeteredPriceNotPublishedError extends SeekcostError {
  readonly field: string;
  readonly item: string;
  readonly currency: string;
  readonly periodId: string;
  readonly secondaryAvailable: boolean;
  constructor(field: string, item: string, currency: string, periodId: string, secondaryAvailable: boolean) {
    const hint = secondaryAvailable
      ? '; only a third-party (secondary) figure exists: pass acceptSecondaryPrices: true (CLI: --accept-secondary-prices) to use it'
      : '';
    super('METERED_PRICE_NOT_PUBLISHED', `${field}: DeepSeek publishes no ${currency} price for '${item}' (period ${periodId})${hint}`);
    this.field = field;
    this.item = item;
    this.currency = currency;
    this.periodId = periodId;
    this.secondaryAvailable = secondaryAvailable;
  }
}
