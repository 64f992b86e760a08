import type { Decimal } from './decimal.ts';
import type { CompiledMeteredPrice } from './tariff.ts';

/**
 * count x price / unitSize, exactly: unit sizes are powers of ten, so the division only moves the
 * decimal point. Ledgers sum the counts of one price first and call this once per bucket.
 *
 * @example
 * ```ts
 * import { meteredAmount, resolveMeteredPrice } from '@seekcost/pricing';
 * const { price } = resolveMeteredPrice({ item: 'search', at: '2026-11-20T00:00:00Z', currency: 'CNY' });
 * meteredAmount(3, price).toString(); // '0.015'
 * ```
 */
export function meteredAmount(count: number | bigint, price: CompiledMeteredPrice): Decimal {
  return price.price.times(count.toString()).div(price.unitSize);
}
