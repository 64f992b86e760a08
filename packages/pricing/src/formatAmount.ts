import type DecimalJs from 'decimal.js';
import { Decimal } from './decimal.ts';
import { describeValue } from './describeValue.ts';
import { InvalidArgumentError } from './errors.ts';
import type { Currency } from './schema/tariffSchema.ts';

/**
 * The rounding modes {@link formatAmount} accepts, by name.
 *
 * @example
 * ```ts
 * const mode: RoundingMode = 'half-even'; // banker's rounding
 * ```
 */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

// Maps, not object literals: a caller's string is looked up with Map#get, so 'toString' or
// '__proto__' finds nothing instead of an inherited member of Object.prototype.
const ROUNDING: ReadonlyMap<string, DecimalJs.Rounding> = new Map<RoundingMode, DecimalJs.Rounding>([
  ['up', Decimal.ROUND_UP],
  ['down', Decimal.ROUND_DOWN],
  ['ceil', Decimal.ROUND_CEIL],
  ['floor', Decimal.ROUND_FLOOR],
  ['half-up', Decimal.ROUND_HALF_UP],
  ['half-down', Decimal.ROUND_HALF_DOWN],
  ['half-even', Decimal.ROUND_HALF_EVEN],
]);

const MAX_SHOWN = new Decimal('1e40');

const SYMBOL: ReadonlyMap<string, string> = new Map<Currency, string>([
  ['USD', '$'],
  ['CNY', '¥'],
]);

/**
 * Arguments of {@link formatAmount}.
 *
 * @example
 * ```ts
 * const options: FormatAmountOptions = { currency: 'CNY', decimals: 4, rounding: 'half-up' };
 * formatAmount(quote.total, options); // => '¥0.0183'
 * ```
 */
export interface FormatAmountOptions {
  readonly currency: Currency;
  /** Digits after the decimal point (0-20). */
  readonly decimals: number;
  /** How to round to `decimals`: always named, since money is only ever rounded for display. */
  readonly rounding: RoundingMode;
  /** Group thousands with commas (default true). */
  readonly grouping?: boolean;
  /** 'symbol' ($1.50, ¥1.50; the default) or 'code' (1.50 USD). */
  readonly display?: 'symbol' | 'code';
}

/**
 * An amount as text for people, rounded to a chosen number of decimals with a named rounding mode.
 * The amount itself is never changed: rounding happens here, for display only.
 *
 * @example
 * ```ts
 * formatAmount(new Decimal('0.00250'), { currency: 'USD', decimals: 4, rounding: 'half-even' }); // => '$0.0025'
 * formatAmount(new Decimal('1234.5'), { currency: 'CNY', decimals: 2, rounding: 'half-up' }); // => '¥1,234.50'
 * formatAmount(new Decimal('0.000125'), { currency: 'USD', decimals: 4, rounding: 'up', display: 'code' }); // => '0.0002 USD'
 * ```
 */
export function formatAmount(amount: Decimal | string, options: FormatAmountOptions): string {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', `must be an object, got ${describeValue(options)}`);
  const { currency, decimals, rounding, grouping, display } = options;
  const symbol = typeof currency === 'string' ? SYMBOL.get(currency) : undefined;
  if (symbol === undefined) throw new InvalidArgumentError('currency', `must be 'USD' or 'CNY', got ${describeValue(currency)}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)
    throw new InvalidArgumentError('decimals', `must be a whole number from 0 to 20, got ${describeValue(decimals)}`);
  const mode = typeof rounding === 'string' ? ROUNDING.get(rounding) : undefined;
  if (mode === undefined) throw new InvalidArgumentError('rounding', `must be one of ${[...ROUNDING.keys()].join(', ')}, got ${describeValue(rounding)}`);
  if (grouping !== undefined && typeof grouping !== 'boolean')
    throw new InvalidArgumentError('grouping', `must be true or false, got ${describeValue(grouping)}`);
  if (display !== undefined && display !== 'symbol' && display !== 'code')
    throw new InvalidArgumentError('display', `must be 'symbol' or 'code', got ${describeValue(display)}`);
  const value = decimalOf(amount);
  // 10^40 of any currency is no amount a bill can reach, and toFixed on 1e100000000 would build a
  // 100 MB string: refuse rather than hang.
  if (value.abs().gte(MAX_SHOWN)) throw new InvalidArgumentError('amount', `is too large to show (at least 1e40), got ${value.toExponential(3)}`);
  let text = value.toFixed(decimals, mode);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const prefix = display === 'code' ? '' : symbol;
  const suffix = display === 'code' ? ` ${currency}` : '';
  if (/^0(\.0*)?$/.test(text)) return `${prefix}${text}${suffix}`;
  if (grouping !== false) {
    const [whole = '0', fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  return `${negative ? '-' : ''}${prefix}${text}${suffix}`;
}

function decimalOf(amount: unknown): Decimal {
  if (amount instanceof Decimal) {
    if (!amount.isFinite()) throw new InvalidArgumentError('amount', `must be a finite number, got ${amount.toString()}`);
    return amount;
  }
  // A Decimal from another decimal.js copy is read through its string form; a plain number is
  // refused (money is never a float here).
  if (typeof amount !== 'string' && !Decimal.isDecimal(amount))
    throw new InvalidArgumentError('amount', `must be a Decimal or a decimal string, got ${describeValue(amount)}`);
  let value: Decimal;
  try {
    value = new Decimal(typeof amount === 'string' ? amount : String((amount as { toString(): unknown }).toString()));
  } catch {
    throw new InvalidArgumentError('amount', `is not a decimal number: ${describeValue(amount)}`);
  }
  if (!value.isFinite()) throw new InvalidArgumentError('amount', `must be a finite number, got ${value.toString()}`);
  return value;
}
