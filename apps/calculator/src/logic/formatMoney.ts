import { formatAmount, type Currency, type Decimal } from '@seekcost/pricing';

const MIN_DECIMALS = 2;
const MAX_DECIMALS = 8;

/**
 * Money for display: as many decimals as the exact amount has (at least 2, at most 8, so $0.004016
 * shows in full rather than as $0.00), rounded half-even only past 8 decimals, and then marked "≈".
 *
 * @example
 * ```ts
 * formatMoney(new Decimal('0.004016'), 'USD'); // '$0.004016'
 * formatMoney(new Decimal('4.5'), 'CNY'); // '¥4.50'
 * formatMoney(new Decimal('0.0000000012'), 'USD'); // '≈$0.00000000'
 * ```
 */
export function formatMoney(amount: Decimal, currency: Currency): string {
  const places = amount.decimalPlaces();
  const decimals = Math.min(Math.max(places, MIN_DECIMALS), MAX_DECIMALS);
  const text = formatAmount(amount, { currency, decimals, rounding: 'half-even' });
  return places > MAX_DECIMALS ? `≈${text}` : text;
}
