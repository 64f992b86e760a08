import type { Decimal } from './decimal.ts';
import { fromScaledInteger } from './exactAmount.ts';
import type { CompiledMeteredPrice } from './tariff.ts';

/**
 * count x price / unitSize, exactly: the price is stored as an integer with a power-of-ten
 * exponent (unit sizes are powers of ten), so this is one integer product and no division. Plain
 * numbers while the product stays below 2^53, BigInt beyond. Ledgers sum the counts of one price
 * first and call this once per bucket.
 *
 * @example
 * ```ts
 * // Internal: the ledger and priceMetered call it.
 * import { resolveMeteredPrice } from '@seekcost/pricing';
 * import { meteredAmount } from './meteredAmount.ts';
 * const { price } = resolveMeteredPrice({ item: 'search', at: '2026-11-20T00:00:00Z', currency: 'CNY' });
 * meteredAmount(3, price).toString(); // => '0.015'
 * ```
 */
export function meteredAmount(count: number | bigint, price: CompiledMeteredPrice): Decimal {
  if (typeof count === 'number') {
    const product = count * price.units;
    if (Number.isSafeInteger(product)) return fromScaledInteger(String(product), price.exponent);
  }
  return fromScaledInteger((BigInt(count) * BigInt(price.units)).toString(), price.exponent);
}
