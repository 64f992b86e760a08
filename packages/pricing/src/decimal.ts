import DecimalJs from 'decimal.js';

/**
 * The Decimal constructor every seekcost amount is made with: a private clone of decimal.js, so the
 * host's global `Decimal.set(...)` can never change how seekcost rounds, and ours never changes theirs.
 * Precision is far above what any DeepSeek rate times any token count needs; nothing is rounded
 * until {@link formatAmount} is asked to, with a named rounding mode.
 *
 * @example
 * ```ts
 * import { Decimal } from '@seekcost/pricing';
 * new Decimal('0.27').times(6000).div(1_000_000).toString(); // => '0.00162'
 * ```
 */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });

/**
 * An exact decimal amount (an instance of seekcost's private decimal.js clone).
 *
 * @example
 * ```ts
 * import type { Decimal } from '@seekcost/pricing';
 * const total: Decimal = quote.total;
 * ```
 */
export type Decimal = InstanceType<typeof Decimal>;
