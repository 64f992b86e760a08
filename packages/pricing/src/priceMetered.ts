import { Decimal } from './decimal.ts';
import { InvalidUsageError } from './errors.ts';
import { getBundledTariff } from './getBundledTariff.ts';
import { meteredField, meteredItemOf, resolveMeteredPrice, type MeteredProvenance, type ResolveMeteredPriceOptions } from './resolveMeteredPrice.ts';
import type { PriceWarning } from './resolvePrice.ts';
import type { MeteredItem } from './schema/tariffSchema.ts';
import type { CompiledMeteredPrice } from './tariff.ts';
import { meteredAmount } from './meteredAmount.ts';

/**
 * Counts of charges that are not tokens, by item: `{ search: 3, fetch: 1, ocrPages: 12, ttsCharacters: 5400 }`.
 * Each count is a non-negative whole number; a zero count adds no line.
 *
 * @example
 * ```ts
 * const counts: MeteredCounts = { search: 3, fetch: 1 };
 * ```
 */
export type MeteredCounts = Readonly<Partial<Record<MeteredItem, number>>>;

/**
 * One metered charge: count x price per unit size = amount, with where the price came from.
 *
 * @example
 * ```ts
 * const line: MeteredLine = priceMetered({ counts: { search: 3 }, at: '2026-11-20T00:00:00Z', currency: 'CNY' }).lines[0]!;
 * `${line.count} x ${line.unitPrice}/${line.unitSize} = ${line.amount}`; // => '3 x 5/1000 = 0.015'
 * ```
 */
export interface MeteredLine {
  readonly item: MeteredItem;
  readonly count: number;
  /** What one counted unit is: a request, a page, a character. */
  readonly unit: string;
  readonly unitSize: number;
  /** Price per `unitSize` units, exact. */
  readonly unitPrice: Decimal;
  readonly amount: Decimal;
  /** The compiled price object (shared across instants, so ledgers can bucket by it). */
  readonly price: CompiledMeteredPrice;
  readonly provenance: MeteredProvenance;
}

/**
 * The metered lines of a request or workload, their total, and their warnings.
 *
 * @example
 * ```ts
 * const { lines, total, warnings }: MeteredQuote = priceMetered({ counts: { fetch: 2 }, at: '2026-11-20T00:00:00Z', currency: 'CNY' });
 * ```
 */
export interface MeteredQuote {
  readonly lines: readonly MeteredLine[];
  readonly total: Decimal;
  readonly warnings: readonly PriceWarning[];
}

/**
 * Arguments of {@link priceMetered}.
 *
 * @example
 * ```ts
 * const options: PriceMeteredOptions = { counts: { ocrPages: 12 }, at: '2026-11-20T00:00:00Z', via: 'api', currency: 'CNY' };
 * ```
 */
export interface PriceMeteredOptions extends Omit<ResolveMeteredPriceOptions, 'item' | 'field'> {
  readonly counts: MeteredCounts;
  /** Prefix of the field named in errors (default `metered`). */
  readonly field?: string;
}

const NONE: MeteredQuote = Object.freeze({ lines: Object.freeze([]), total: new Decimal(0), warnings: Object.freeze([]) });

/**
 * Prices counts of metered items (search, fetch, OCR pages, TTS characters) at an instant: one line
 * per item with a non-zero count, in the order given, and their exact total. Typed errors name the
 * field: an unknown item, a negative, fractional or non-numeric count, an item with no price then
 * (before it existed, or never priced like ASR), or a currency DeepSeek did not publish.
 *
 * @example
 * ```ts
 * import { priceMetered } from '@seekcost/pricing';
 * const q = priceMetered({ counts: { search: 3, ocrPages: 12 }, at: '2026-11-20T00:00:00Z', currency: 'CNY' });
 * q.lines.map((l) => `${l.item} ${l.amount}`); // => ['search 0.015', 'ocrPages 0.018']
 * q.total.toString(); // => '0.033'
 * ```
 */
export function priceMetered(options: PriceMeteredOptions): MeteredQuote {
  const prefix = options.field ?? 'metered';
  const counts: unknown = options.counts;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    throw new InvalidUsageError(
      prefix,
      `must be an object of counts by item, got ${counts === null ? 'null' : Array.isArray(counts) ? 'an array' : typeof counts}`,
    );
  }
  const tariff = options.tariff ?? getBundledTariff();
  const lines: MeteredLine[] = [];
  const warnings: PriceWarning[] = [];
  let total: Decimal | undefined;
  for (const item of Object.keys(counts)) {
    const field = meteredField(prefix, item);
    const count = validateMeteredCount((counts as Record<string, unknown>)[item], field);
    if (count === 0) {
      meteredItemOf(tariff, item, field);
      continue;
    }
    const resolved = resolveMeteredPrice({ ...options, item, field, tariff });
    const amount = meteredAmount(count, resolved.price);
    total = total === undefined ? amount : total.plus(amount);
    lines.push({
      item: resolved.provenance.item,
      count,
      unit: resolved.unit,
      unitSize: resolved.price.unitSize,
      unitPrice: resolved.price.price,
      amount,
      price: resolved.price,
      provenance: resolved.provenance,
    });
    warnings.push(...resolved.warnings);
  }
  if (lines.length === 0) return NONE;
  return { lines, total: total as Decimal, warnings };
}

/**
 * A metered count, checked: a non-negative safe integer, or an {@link InvalidUsageError} naming the
 * field and the reason.
 *
 * @example
 * ```ts
 * validateMeteredCount(3, 'metered.search'); // => 3
 * validateMeteredCount(1.5, 'metered.search'); // throws InvalidUsageError
 * ```
 */
export function validateMeteredCount(value: unknown, field: string): number {
  if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) return value;
  if (typeof value !== 'number')
    throw new InvalidUsageError(
      field,
      `must be a non-negative whole number, got ${typeof value === 'string' ? `the string ${JSON.stringify(value)}` : value === null ? 'null' : typeof value}`,
    );
  if (Number.isNaN(value)) throw new InvalidUsageError(field, 'must be a non-negative whole number, got NaN');
  if (!Number.isFinite(value)) throw new InvalidUsageError(field, `must be a non-negative whole number, got ${value}`);
  if (!Number.isInteger(value)) throw new InvalidUsageError(field, `must be a whole number, got ${value}`);
  if (value < 0) throw new InvalidUsageError(field, `must be non-negative, got ${value}`);
  throw new InvalidUsageError(field, `is too large to count exactly (${value})`);
}
